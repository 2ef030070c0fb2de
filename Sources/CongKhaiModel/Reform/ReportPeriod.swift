/// The four reporting periods of Bộ Nội vụ 581/BNV-CCHC. Periods are cut off on the 14th
/// (not at the end of the quarter) so the report can be sent by the 20th of the last month.
public enum ReportPeriod: String, Sendable, CaseIterable, Hashable {
    case quarter1 = "quy_1"
    case halfYear = "6_thang"
    case quarter3 = "quy_3"
    case year = "nam"

    /// Part of the output folder: `cchc/2026-quy-1/`.
    public var slug: String { rawValue.replacingOccurrences(of: "_", with: "-") }

    /// Short label for tables and charts: `Quý I`.
    public var label: String {
        switch self {
        case .quarter1: return "Quý I"
        case .halfYear: return "6 tháng"
        case .quarter3: return "Quý III"
        case .year: return "Cả năm"
        }
    }

    /// How the period reads inside a title: `quý I năm 2026`, `6 tháng đầu năm 2026`.
    public func phrase(year: Int) -> String {
        switch self {
        case .quarter1: return "quý I năm \(year)"
        case .halfYear: return "6 tháng đầu năm \(year)"
        case .quarter3: return "quý III năm \(year)"
        case .year: return "năm \(year)"
        }
    }

    /// The default title of a report for this period.
    public func defaultTitle(year: Int) -> String {
        "Báo cáo kết quả cải cách hành chính \(phrase(year: year))"
    }

    /// Position within a year, for sorting reports chronologically.
    public var rank: Int {
        switch self {
        case .quarter1: return 1
        case .halfYear: return 2
        case .quarter3: return 3
        case .year: return 4
        }
    }

    /// Default cut-off dates: Q1 and the half year and the year all start on 15/12 of the
    /// previous year (the figures are cumulative), Q3 starts on 15/6.
    public func defaultRange(year: Int) -> (from: CalendarDate, to: CalendarDate) {
        let december15 = CalendarDate(clampingYear: year - 1, month: 12, day: 15)
        switch self {
        case .quarter1: return (december15, CalendarDate(clampingYear: year, month: 3, day: 14))
        case .halfYear: return (december15, CalendarDate(clampingYear: year, month: 6, day: 14))
        case .quarter3: return (CalendarDate(clampingYear: year, month: 6, day: 15), CalendarDate(clampingYear: year, month: 9, day: 14))
        case .year: return (december15, CalendarDate(clampingYear: year, month: 12, day: 14))
        }
    }
}
