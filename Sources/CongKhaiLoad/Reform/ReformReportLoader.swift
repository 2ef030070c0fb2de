import CongKhaiModel

/// Loads one period's reform report: front matter figures and the narrative.
enum ReformReportLoader {
    static func load(_ source: SourceText, log: DiagnosticLog) -> ReformReport? {
        nil
    }
}
