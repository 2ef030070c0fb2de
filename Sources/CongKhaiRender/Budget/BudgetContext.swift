import CongKhaiModel

/// Template values and open-data files for the budget pages.
struct BudgetContext: Sendable {
    let budgets: [BudgetDisclosure]

    init(budgets: [BudgetDisclosure]) {
        self.budgets = budgets
    }

    /// Keys merged into the context of `page` (empty for pages that are not about the budget).
    func values(for page: Page) -> [String: Any] {
        [:]
    }

    func files() -> [OutputFile] {
        []
    }
}
