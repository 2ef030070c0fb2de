import CongKhaiCheck
import CongKhaiLoad
import CongKhaiModel
import CongKhaiRender

/// Administrative reform (`cchc/<năm>-<kỳ>.md` reports, `cchc/<năm>-ke-hoach.md` plans): one
/// page per report and plan, the overview with its charts, the open data, and one checklist
/// item per reporting period.
/// Its code: CongKhaiLoad/Reform, CongKhaiCheck/Reform, CongKhaiRender/Reform.
struct ReformUnit: ContentUnit {
    let id = "cchc"

    func claim(_ place: ContentPlace) -> ContentClaim? {
        place.ext == "md" && place.folders == ["cchc"] && !place.isIndex ? .load(path: "") : nil
    }

    func load(_ source: SourceText, file: ClaimedFile, log: DiagnosticLog) -> UnitItem? {
        ReformPlanLoader.isPlan(file.displayPath)
            ? ReformPlanLoader.load(source, log: log).map { .value($0) }
            : ReformReportLoader.load(source, log: log).map { .value($0) }
    }

    func assemble(_ values: [any Sendable], into content: inout SiteContent, log: DiagnosticLog) {
        content.reports = values.compactMap { $0 as? ReformReport }
        content.plans = values.compactMap { $0 as? ReformPlan }
        content.pages = ReformPages.assemble(pages: content.pages, reports: content.reports, plans: content.plans)
    }

    func derive(_ content: inout SiteContent, asOf: CalendarDate, log: DiagnosticLog) {
        ContentYears.withoutFutureReports(&content, asOf: asOf, log: log)
    }

    func check(_ content: SiteContent, log: DiagnosticLog) { ReformChecks.run(content, log: log) }

    func checklistYears(in content: SiteContent) -> [Int] { content.reports.map(\.year) }

    func addChecklistItems(to evaluation: inout Evaluation) { evaluation.reformItems() }

    func rendering(_ content: SiteContent, navigation: Navigation) -> any UnitRendering { ReformContext(content: content) }
}
