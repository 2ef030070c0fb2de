import CongKhaiModel
import Testing

@Suite("Reform reports: periods, derived rates, rounding")
struct ReformModelTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate.parse(text)! }

    @Test func firstQuarterStartsInDecemberOfThePreviousYear() {
        let range = ReportPeriod.quarter1.defaultRange(year: 2026)
        #expect(range.from == Self.day("2025-12-15"))
        #expect(range.to == Self.day("2026-03-14"))
    }

    @Test func otherPeriodsHaveTheirCutOffDates() {
        #expect(ReportPeriod.halfYear.defaultRange(year: 2026).from == Self.day("2025-12-15"))
        #expect(ReportPeriod.halfYear.defaultRange(year: 2026).to == Self.day("2026-06-14"))
        #expect(ReportPeriod.quarter3.defaultRange(year: 2026).from == Self.day("2026-06-15"))
        #expect(ReportPeriod.quarter3.defaultRange(year: 2026).to == Self.day("2026-09-14"))
        #expect(ReportPeriod.year.defaultRange(year: 2026).from == Self.day("2025-12-15"))
        #expect(ReportPeriod.year.defaultRange(year: 2026).to == Self.day("2026-12-14"))
    }

    @Test func reportTakesDefaultsFromItsPeriod() {
        let report = ReformReport(source: "content/cchc/2026-quy-1.md", year: 2026, period: .quarter1)
        #expect(report.path == "cchc/2026-quy-1/")
        #expect(report.title == "Báo cáo kết quả cải cách hành chính quý I năm 2026")
        #expect(report.from == Self.day("15/12/2025"))
        #expect(ReformReport(source: "x", year: 2026, period: .halfYear).path == "cchc/2026-6-thang/")
    }

    static func cases() -> CaseFigures {
        var cases = CaseFigures()
        cases.carriedOver = 20
        cases.inPerson = 300; cases.online = 650; cases.post = 50
        cases.early = 400; cases.onTime = 446; cases.late = 154
        cases.pendingInTime = 10; cases.pendingLate = 5
        cases.returned = 5
        return cases
    }

    @Test func totalsAndCaseRatesAreDerived() {
        let cases = Self.cases()
        #expect(cases.receivedNew == 1000)
        #expect(cases.receivedTotal == 1020)
        #expect(cases.decided == 1000)
        #expect(cases.pending == 15)
        #expect(cases.onTimeRate?.text == "84,6%")
        #expect(cases.onlineRate?.text == "65,0%")
        #expect(cases.onlineRateOverAll?.text == "63,7%")
    }

    @Test func everyIndicatorHasItsRatio() {
        var report = ReformReport(source: "x", year: 2026, period: .quarter1)
        report.cases = Self.cases()
        report.digitised = Ratio(96, of: 120)
        report.plan = Ratio(9, of: 11)
        report.payment = Ratio(30, of: 40)
        report.feedback = Ratio(7, of: 8)
        report.satisfaction = Ratio(183, of: 200)
        #expect(report.ratio(.onTime)?.text == "84,6%")
        #expect(report.ratio(.online)?.text == "65,0%")
        #expect(report.ratio(.digitised)?.text == "80,0%")
        #expect(report.ratio(.plan)?.text == "81,8%")
        #expect(report.ratio(.payment)?.text == "75,0%")
        #expect(report.ratio(.feedback)?.text == "87,5%")
        #expect(report.ratio(.satisfaction)?.text == "91,5%")
        #expect(ReformReport(source: "x", year: 2026, period: .year).ratio(.onTime) == nil)
    }

    @Test func writtenPercentMatchesAtItsOwnPrecision() {
        let computed846 = Ratio(846, of: 1000)   // 84,6%
        let computed741 = Ratio(741, of: 1000)   // 74,1%
        let computed8457 = Ratio(8457, of: 10000) // 84,57%
        #expect(WrittenPercent("86%")?.agrees(with: computed846) == false)
        #expect(WrittenPercent("85%")?.agrees(with: computed846) == true)
        #expect(WrittenPercent("74%")?.agrees(with: computed741) == true)
        #expect(WrittenPercent("74,1%")?.agrees(with: computed741) == true)
        #expect(WrittenPercent("74,2%")?.agrees(with: computed741) == false)
        #expect(WrittenPercent("84,6%")?.agrees(with: computed8457) == true)
        #expect(WrittenPercent("84.57 %")?.agrees(with: computed8457) == true)
        // Reports cut as often as they round: 84,5% is 84,57% cut, 84,4% is neither.
        #expect(WrittenPercent("84,5%")?.agrees(with: computed8457) == true)
        #expect(WrittenPercent("84,4%")?.agrees(with: computed8457) == false)
        #expect(WrittenPercent("161%")?.agrees(with: Ratio(16183, of: 10000)) == true)
        #expect(WrittenPercent("162%")?.agrees(with: Ratio(16183, of: 10000)) == true)
        #expect(WrittenPercent("160%")?.agrees(with: Ratio(16183, of: 10000)) == false)
        // Half away from zero, in exact integers: 84,65% is 84,7% at one decimal.
        #expect(WrittenPercent("84,7%")?.agrees(with: Ratio(8465, of: 10000)) == true)
        #expect(WrittenPercent("xx%") == nil)
        #expect(WrittenPercent("101%")?.exceedsWhole == true)
        #expect(WrittenPercent("100,0%")?.exceedsWhole == false)
    }
}
