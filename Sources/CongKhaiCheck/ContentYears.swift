import CongKhaiModel

/// Years read from content are in `ContentLimits.years` once loaded; the as-of date (known
/// only to the build) narrows them further: a budget or report dated after next year is a
/// typo (`nam: 2062`), and it is left out of the site rather than published or counted.
public enum ContentYears {
    public static func withoutFutureYears(_ site: SiteContent, asOf: CalendarDate, log: DiagnosticLog) -> SiteContent {
        var site = site
        withoutFutureBudgets(&site, asOf: asOf, log: log)
        withoutFutureReports(&site, asOf: asOf, log: log)
        return site
    }

    public static func withoutFutureBudgets(_ site: inout SiteContent, asOf: CalendarDate, log: DiagnosticLog) {
        let last = asOf.year + 1
        let before = site.budgets
        site.budgets = site.budgets.filter { budget in
            guard budget.year > last else { return true }
            log.report(.error("content.future-year", at: SourceLocation(path: budget.source),
                              "Năm ngân sách \(budget.year) ở sau năm \(last): công khai này chưa thể có.",
                              hint: "Kiểm tra “nam” và tên thư mục ngan-sach/NĂM/ (năm hiện tại là \(asOf.year))."))
            return false
        }
        removePages(of: Set(before.map(\.source)).subtracting(site.budgets.map(\.source)), from: &site)
    }

    public static func withoutFutureReports(_ site: inout SiteContent, asOf: CalendarDate, log: DiagnosticLog) {
        let last = asOf.year + 1
        let before = site.reports
        site.reports = site.reports.filter { report in
            guard report.year > last else { return true }
            log.report(.error("content.future-year", at: SourceLocation(path: report.source, line: report.keyLines["nam"] ?? 0),
                              "Báo cáo năm \(report.year) ở sau năm \(last): kỳ báo cáo này chưa thể có.",
                              hint: "Kiểm tra lại “nam” (năm hiện tại là \(asOf.year))."))
            return false
        }
        removePages(of: Set(before.map(\.source)).subtracting(site.reports.map(\.source)), from: &site)
    }

    static func removePages(of dropped: Set<String>, from site: inout SiteContent) {
        if !dropped.isEmpty { site.pages.removeAll { dropped.contains($0.source) } }
    }
}
