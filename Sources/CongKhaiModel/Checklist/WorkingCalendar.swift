/// Working days: Monday to Friday, minus the official public holidays shipped here and the
/// commune's own `ngay_nghi`. Deadlines "N ngày làm việc" (Luật 10/2022 Điều 12) count these.
public struct WorkingCalendar: Sendable {
    /// Years whose official holidays are shipped; a deadline outside them is only approximate.
    public static let coveredYears = 2024...2027

    /// Official days off (Bộ Luật Lao động Điều 112 and the government's yearly Tết schedules).
    /// Entries marked "uncertain" are our best reading: a commune corrects them with `ngay_nghi`.
    public static let officialHolidays: [String] = [
        // 2024: Tết Nguyên đán 08–14/02; 29/4 swapped with Saturday 04/5; Quốc khánh 02–03/9.
        "2024-01-01", "2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14",
        "2024-04-18", "2024-04-29", "2024-04-30", "2024-05-01", "2024-09-02", "2024-09-03",
        // 2025: Tết 25/01–02/02; 02/5 swapped with Saturday 26/4; Quốc khánh 01–02/9.
        "2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31",
        "2025-04-07", "2025-04-30", "2025-05-01", "2025-05-02", "2025-09-01", "2025-09-02",
        // 2026: Tết 14–22/02 (announced schedule: weekdays 16–20/02 off); Giỗ Tổ falls on Sunday
        // 26/4, compensated Monday 27/4; Quốc khánh 01–02/9, plus 31/8 as a swapped day per the
        // Bộ Nội vụ proposal of a 5-day break 29/8–2/9 (uncertain: correct with `ngay_nghi`).
        "2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
        "2026-04-27", "2026-04-30", "2026-05-01", "2026-08-31", "2026-09-01", "2026-09-02",
        // 2027 (uncertain, approximate until the government announces it): Tết around 05–09/02;
        // 1/5 falls on Saturday, compensated Monday 3/5.
        "2027-01-01", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11",
        "2027-04-16", "2027-04-30", "2027-05-03", "2027-09-02", "2027-09-03",
    ]

    public let holidays: Set<CalendarDate>
    /// Years the holiday list covers (shipped years plus any year of `ngay_nghi`).
    public let knownYears: Set<Int>
    /// The last holiday: past it, every 7 days hold exactly 5 working days, so long spans are
    /// counted in whole weeks instead of day by day.
    private let lastHoliday: CalendarDate?

    public init(extraHolidays: [CalendarDate] = []) {
        let official = Self.officialHolidays.compactMap(CalendarDate.parse)
        holidays = Set(official + extraHolidays)
        knownYears = Set(Self.coveredYears).union(extraHolidays.map(\.year))
        lastHoliday = holidays.max()
    }

    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        date.weekday < 5 && !holidays.contains(date)
    }

    /// The N-th working day after `date` (the day itself does not count). Steps day by day only
    /// while holidays lie ahead, then by whole weeks, and stops at 9999-12-31: any count ends.
    public func adding(workingDays count: Int, to date: CalendarDate) -> CalendarDate {
        var day = date
        var left = count
        let end = CalendarDate(dayNumber: CalendarDate.dayNumberRange.upperBound)
        while left > 0, day < end {
            if left > 5, lastHoliday.map({ day >= $0 }) ?? true {
                let weeks = (left - 1) / 5
                let jumped = day.adding(days: min(weeks, CalendarDate.dayNumberRange.count / 7) * 7)
                left -= weeks * 5
                day = jumped
                continue
            }
            day = day.adding(days: 1)
            if isWorkingDay(day) { left -= 1 }
        }
        return day
    }

    /// Working days strictly after `from`, up to and including `to` (0 when `to` ≤ `from`):
    /// weekdays counted by arithmetic, minus the holidays that fall on one.
    public func workingDays(from: CalendarDate, to: CalendarDate) -> Int {
        guard to > from else { return 0 }
        let span = to.dayNumber - from.dayNumber
        var count = span / 7 * 5
        var day = from.adding(days: span / 7 * 7)
        while day < to {
            day = day.adding(days: 1)
            if day.weekday < 5 { count += 1 }
        }
        return count - holidays.filter { $0 > from && $0 <= to && $0.weekday < 5 }.count
    }

    /// Whether the holidays of `year` are known, so working days in it are exact.
    public func covers(_ year: Int) -> Bool { knownYears.contains(year) }
}
