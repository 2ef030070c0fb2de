import CongKhaiModel

/// Consistency of reform figures: parts add up, shares within 100%, stated figures agree.
public enum ReformChecks {
    public static func run(_ content: SiteContent, log: DiagnosticLog) {}
}
