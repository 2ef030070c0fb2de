import CongKhaiLoad
import CongKhaiModel
import Testing

@Suite("Working-day calendar")
struct WorkingCalendarTests {
    let calendar = WorkingCalendar()

    func date(_ text: String) -> CalendarDate { CalendarDate.parse(text)! }

    @Test func skipsWeekends() {
        // Friday 2026-11-20 + 1 working day is Monday 2026-11-23.
        #expect(calendar.adding(workingDays: 1, to: date("2026-11-20")) == date("2026-11-23"))
        #expect(calendar.adding(workingDays: 5, to: date("2026-11-23")) == date("2026-11-30"))
        #expect(!calendar.isWorkingDay(date("2026-11-21")))
    }

    @Test func skipsTet2026() {
        // Tết Nguyên đán 2026: 14–22/02 off. Friday 13/02 + 1 working day is Monday 23/02.
        #expect(calendar.adding(workingDays: 1, to: date("2026-02-13")) == date("2026-02-23"))
        #expect(calendar.workingDays(from: date("2026-02-13"), to: date("2026-02-27")) == 5)
    }

    @Test func skipsTet2025AndNationalDay() {
        // Tết 2025: 25/01–02/02. Friday 24/01 + 1 working day is Monday 03/02.
        #expect(calendar.adding(workingDays: 1, to: date("2025-01-24")) == date("2025-02-03"))
        // Quốc khánh 2025: 01–02/9 (Monday, Tuesday) off.
        #expect(calendar.adding(workingDays: 1, to: date("2025-08-29")) == date("2025-09-03"))
    }

    @Test func addsTheCommunesOwnHolidays() {
        let local = WorkingCalendar(extraHolidays: [date("2026-11-24")])
        #expect(local.adding(workingDays: 1, to: date("2026-11-23")) == date("2026-11-25"))
        #expect(!calendar.covers(2028))
        #expect(WorkingCalendar(extraHolidays: [date("2028-01-01")]).covers(2028))
    }

    @Test func nationalProfileParsesCleanly() {
        let log = DiagnosticLog()
        let rules = RuleProfileParser.parse(NationalProfile.yaml, path: NationalProfile.path, base: [], log: log)
        #expect(log.all.isEmpty)
        let ids = Set(rules.map(\.id))
        for id in ["ns-du-toan-trinh", "ns-du-toan", "ns-thuc-hien", "ns-thuc-hien-nam", "ns-quyet-toan", "tthc", "phi",
                   "danh-sach-quy", "cchc", "dieu-11-k1", "dieu-11-k14", "web-lien-he"] {
            #expect(ids.contains(id), "missing rule \(id)")
        }
        let k8 = rules.first { $0.id == "dieu-11-k8" }!
        #expect(k8.deadline == .workingDays(5))
        #expect(k8.minimumPostingDays == 30 && k8.minimumRadioDays == 3)
        #expect(k8.channels.contains(.radio))
        #expect(rules.first { $0.id == "dieu-11-k13" }!.recurrence == .standing)
    }
}
