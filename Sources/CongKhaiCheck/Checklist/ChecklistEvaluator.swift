import CongKhaiModel

/// Evaluates the rule profile against the content as of a date.
public enum ChecklistEvaluator {
    public static func evaluate(_ content: SiteContent, asOf: CalendarDate, log: DiagnosticLog) -> Checklist {
        Checklist()
    }
}

/// The pages the checklist adds: `cong-khai/` and one printable sheet per quarter.
public enum ChecklistPages {
    public static func pages(for checklist: Checklist, in content: SiteContent) -> [Page] {
        []
    }
}
