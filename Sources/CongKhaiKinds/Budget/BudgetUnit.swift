import CongKhaiCheck
import CongKhaiLoad
import CongKhaiModel
import CongKhaiRender

/// Budget (`ngan-sach/<năm>/<tên>.yaml` with its `.csv` or `.xlsx` table): one page per
/// disclosure, one per year, the overview with its charts, their open data, and the
/// recurring items of the checklist (estimate, quarterly execution, final accounts).
/// Its code: CongKhaiLoad/Budget, CongKhaiCheck/Budget, CongKhaiRender/Budget.
struct BudgetUnit: ContentUnit {
    let id = "ngan-sach"

    func claim(_ place: ContentPlace) -> ContentClaim? {
        guard place.folders.count == 2, place.folders[0] == "ngan-sach" else { return nil }
        switch place.ext {
        case "yaml": return .load(path: place.folders[1])
        // Read with its `.yaml` by the budget loader.
        case "csv": return .ignore
        default: return nil
        }
    }

    func load(_ source: SourceText, file: ClaimedFile, log: DiagnosticLog) -> UnitItem? {
        BudgetLoader.load(source, sidecarURL: file.url, yearFolder: file.path, log: log).map { .value($0) }
    }

    /// A table of zeros is what `congkhai new ngan-sach` writes.
    func unwrittenMark(_ source: SourceText, item: UnitItem) -> UnwrittenFile? {
        guard case let .value(value) = item else { return UnwrittenMarker.find(in: source) }
        return UnwrittenMarker.find(in: source, budget: value as? BudgetDisclosure)
    }

    func assemble(_ values: [any Sendable], into content: inout SiteContent, log: DiagnosticLog) {
        content.budgets = values.compactMap { $0 as? BudgetDisclosure }
        content.pages = BudgetPages.assemble(pages: content.pages, budgets: content.budgets)
    }

    func derive(_ content: inout SiteContent, asOf: CalendarDate, log: DiagnosticLog) {
        ContentYears.withoutFutureBudgets(&content, asOf: asOf, log: log)
    }

    func check(_ content: SiteContent, log: DiagnosticLog) { BudgetChecks.run(content, log: log) }

    func checklistYears(in content: SiteContent) -> [Int] { content.budgets.map(\.year) }

    func addChecklistItems(to evaluation: inout Evaluation) { evaluation.budgetItems() }

    func rendering(_ content: SiteContent, navigation: Navigation) -> any UnitRendering { BudgetContext(budgets: content.budgets) }
}
