extension CalendarDate {
    /// The last day of a month, with year and month clamped into the calendar's range, so
    /// period ends computed from content (a year typed as 0 or 99999) never fail.
    public static func lastDay(ofMonth month: Int, year: Int) -> CalendarDate {
        let year = min(max(year, 1), 9999), month = min(max(month, 1), 12)
        return CalendarDate(year: year, month: month, day: daysIn(month: month, year: year)) ?? CalendarDate(dayNumber: 0)
    }
}
