import CongKhaiBuild
import CongKhaiModel
import Foundation
import Testing

/// The checklist across the turn of the year: earlier periods that fall due in the as-of year,
/// missing items that stay listed, and a site's start date (`bat_dau`).
@Suite("Posting checklist across years")
struct ChecklistYearBoundaryTests {
    static let siteYAML = "ten: Ủy ban nhân dân xã Thử Nghiệm\nten_ngan: Xã Thử Nghiệm\nloai: xa\ntinh: Tỉnh Lâm Đồng\n"

    /// The checklist of a site with no recurring content, as of a date, with an optional start date.
    static func checklist(asOf: CalendarDate, start: String? = nil, files: [String: String] = [:]) throws -> Checklist {
        var all = files
        all["content/site.yaml"] = siteYAML + (start.map { "bat_dau: \($0)\n" } ?? "")
        let site = try TestSite.minimal(all)
        let result = Pipeline.run(BuildOptions(siteFolder: site.folder, outputFolder: site.output, asOf: asOf))
        #expect(result.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
        return result.checklist
    }

    static func date(_ text: String) -> CalendarDate { CalendarDate.parse(text) ?? CalendarDate(dayNumber: 0) }

    func status(_ checklist: Checklist, _ id: String) -> ItemStatus.Kind? {
        checklist.items.first { $0.id == id }?.status.kind
    }

    /// `han: { ngay_trong_thang: 31 }` is the last day of the trigger's month: 31/03 and 31/12,
    /// but 30/06 and 30/09 (the reform report periods end on the 14th of March, June,
    /// September and December).
    @Test func aDayOfMonthDeadlineIsClampedToTheMonthsLength() throws {
        let list = try Self.checklist(asOf: Self.date("2026-11-23"),
                                      files: ["content/quy-tac.yaml": "quy_tac:\n  cchc:\n    han: { ngay_trong_thang: 31 }\n"])
        func deadline(_ id: String) -> CalendarDate? { list.items.first { $0.id == id }?.deadline }
        #expect(deadline("2026-q1/cchc/quy_1") == Self.date("2026-03-31"))
        #expect(deadline("2026-q2/cchc/6_thang") == Self.date("2026-06-30"))
        #expect(deadline("2026-q3/cchc/quy_3") == Self.date("2026-09-30"))
        #expect(deadline("2026-q4/cchc/nam") == Self.date("2026-12-31"))
    }

    @Test func onTwentiethJanuaryTheFourthQuarterListIsDueAndLastYearStays() throws {
        let list = try Self.checklist(asOf: Self.date("2027-01-20"))
        let q4 = try #require(list.items.first { $0.id == "2026-q4/danh-sach-quy/2026-q4" })
        // 31/12/2026 + 5 working days (01/01/2027 is a holiday) = Friday 08/01/2027.
        #expect(q4.deadline == Self.date("2027-01-08"))
        #expect(q4.status.kind == .missing)
        #expect(q4.fix == "congkhai new cong-khai danh-muc-quy-4-2026")
        // 2026's missing items are still listed, not dropped at the turn of the year.
        #expect(status(list, "2026-q3/danh-sach-quy/2026-q3") == .missing)
        #expect(status(list, "2026-q1/ns-thuc-hien/quy_1") == .missing)
        #expect(status(list, "2026-q3/cchc/quy_3") == .missing)
        // The yearly execution report of 2026 and the 2027 estimate are both due 30/01/2027.
        #expect(status(list, "2026-q4/ns-thuc-hien-nam/2026") == .notYetDue)
        #expect(status(list, "2026-q4/ns-du-toan/2027") == .notYetDue)
        #expect(list.problems.contains { $0.id == "2026-q4/danh-sach-quy/2026-q4" })
        // Due in the next 30 days: the 2026 execution report (30/01/2027).
        #expect(list.upcoming(within: 30).map(\.id).contains("2026-q4/ns-thuc-hien-nam/2026"))
    }

    @Test func onNewYearsEveTheYearsLastItemsAreNotYetDue() throws {
        let list = try Self.checklist(asOf: Self.date("2026-12-31"))
        #expect(status(list, "2026-q4/danh-sach-quy/2026-q4") == .notYetDue)
        #expect(status(list, "2026-q4/ns-thuc-hien-nam/2026") == .notYetDue)
        #expect(status(list, "2026-q4/cchc/nam") == .missing)
        // The previous year's items stay listed: its Q4 list fell due in January 2026.
        #expect(status(list, "2025-q4/danh-sach-quy/2025-q4") == .missing)
        // Nothing of 2027 yet.
        #expect(!list.items.contains { $0.year == 2027 && $0.rule.recurrence == .quarterly })
        let soon = list.upcoming(within: 30).map(\.id)
        #expect(soon.contains("2026-q4/danh-sach-quy/2026-q4"))
        #expect(soon.contains("2026-q4/ns-thuc-hien-nam/2026"))
    }

    @Test func onNewYearsDayLastYearIsStillListed() throws {
        let list = try Self.checklist(asOf: Self.date("2027-01-01"))
        #expect(status(list, "2026-q4/danh-sach-quy/2026-q4") == .notYetDue)
        #expect(status(list, "2026-q2/danh-sach-quy/2026-q2") == .missing)
        #expect(status(list, "2027-q1/danh-sach-quy/2027-q1") == .notYetDue)
        #expect(status(list, "2026-q4/ns-du-toan/2027") == .notYetDue)
    }

    @Test func aStartDateMakesEarlierPeriodsNotApplicable() throws {
        let list = try Self.checklist(asOf: Self.date("2027-01-20"), start: "2026-10-01")
        // Periods that ended before 01/10/2026 could not be posted on the site.
        #expect(status(list, "2026-q3/danh-sach-quy/2026-q3") == .notApplicable)
        #expect(status(list, "2026-q1/ns-thuc-hien/quy_1") == .notApplicable)
        #expect(status(list, "2026-q3/cchc/quy_3") == .notApplicable)
        // Those ending after it are expected.
        #expect(status(list, "2026-q4/danh-sach-quy/2026-q4") == .missing)
        #expect(status(list, "2026-q4/ns-thuc-hien-nam/2026") == .notYetDue)
        #expect(!list.problems.contains { $0.id.hasPrefix("2026-q1/") || $0.id.hasPrefix("2026-q2/") })
        // Nothing of 2025's periods with a 2026 start; the 2026 estimate (due 30/01/2026) was before it.
        #expect(!list.items.contains { $0.id.hasSuffix("/2025-q4") || $0.id.hasSuffix("/2025") })
        #expect(status(list, "2025-q4/ns-du-toan/2026") == .notApplicable)
    }

    @Test func onNewYearsEveAndDayWithAStartDate() throws {
        let eve = try Self.checklist(asOf: Self.date("2026-12-31"), start: "2026-07-01")
        #expect(status(eve, "2026-q2/danh-sach-quy/2026-q2") == .notApplicable)
        #expect(status(eve, "2026-q3/danh-sach-quy/2026-q3") == .missing)
        #expect(status(eve, "2026-q4/danh-sach-quy/2026-q4") == .notYetDue)
        // 2025's Q4 list fell due in January 2026, but its quarter ended before the site existed.
        #expect(status(eve, "2025-q4/danh-sach-quy/2025-q4") == .notApplicable)
        #expect(!eve.problems.contains { $0.id.hasPrefix("2025-") })
        let day = try Self.checklist(asOf: Self.date("2027-01-01"), start: "2026-07-01")
        #expect(status(day, "2026-q1/ns-thuc-hien/quy_1") == .notApplicable)
        #expect(status(day, "2026-q3/ns-thuc-hien/9_thang") == .missing)
        #expect(status(day, "2026-q4/danh-sach-quy/2026-q4") == .notYetDue)
        #expect(status(day, "2027-q1/danh-sach-quy/2027-q1") == .notYetDue)
        #expect(day.upcoming(within: 30).map(\.id).contains("2026-q4/danh-sach-quy/2026-q4"))
    }

    @Test func aStartDateInTheAsOfYearStillListsLastYearsDueItems() throws {
        let list = try Self.checklist(asOf: Self.date("2027-01-20"), start: "2027-01-05")
        // The Q4 list fell due after the start, but its quarter ended before the site existed.
        #expect(status(list, "2026-q4/danh-sach-quy/2026-q4") == .notApplicable)
        #expect(status(list, "2026-q3/danh-sach-quy/2026-q3") == nil)
        #expect(status(list, "2027-q1/danh-sach-quy/2027-q1") == .notYetDue)
    }

    @Test func aNewSiteIsToldItsReformReportsAreMissing() throws {
        let list = try Self.checklist(asOf: Self.date("2026-11-23"), start: "2026-01-01")
        #expect(status(list, "2026-q1/cchc/quy_1") == .missing)
        #expect(status(list, "2026-q3/cchc/quy_3") == .missing)
        #expect(status(list, "2026-q4/cchc/nam") == .notYetDue)
        #expect(list.items.first { $0.id == "2026-q1/cchc/quy_1" }?.fix == "congkhai new cchc 2026 quy-1")
    }

    @Test func periodEndsNeverFail() {
        #expect(CalendarDate.lastDay(ofMonth: 2, year: 2028) == Self.date("2028-02-29"))
        #expect(CalendarDate.lastDay(ofMonth: 13, year: 0) == Self.date("0001-12-31"))
        #expect(CalendarDate.lastDay(ofMonth: 6, year: 99_999) == Self.date("9999-06-30"))
    }

    @Test func lateItemsStayListedUntilPosted() throws {
        // Posted late in 2026: still listed (as late) in January 2027.
        let file = """
        ---
        tieu_de: "Danh mục quý III năm 2026"
        quy_tac: danh-sach-quy
        ky: 2026-q3
        ngay_cong_khai: 2026-10-20
        ---
        Danh mục.

        """
        let list = try Self.checklist(asOf: Self.date("2027-01-20"), files: ["content/cong-khai/danh-muc-quy-3-2026.md": file])
        #expect(status(list, "2026-q3/danh-sach-quy/2026-q3") == .late)
    }
}
