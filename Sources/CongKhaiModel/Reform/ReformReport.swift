/// One period's administrative-reform report (`cchc/<nam>-<ky>.md`).
public struct ReformReport: Sendable {
    public var source: String
    /// Output folder, `cchc/2026-quy-1/`.
    public var path: String
    public var title: String

    public init(source: String, path: String, title: String) {
        self.source = source
        self.path = path
        self.title = title
    }
}
