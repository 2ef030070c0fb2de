import CongKhaiModel

/// Arithmetic consistency of budget tables: totals from children, computed percentages.
public enum BudgetChecks {
    public static func run(_ content: SiteContent, log: DiagnosticLog) {}
}
