/// The posting checklist as of a date: every expected disclosure with its status.
public struct Checklist: Sendable {
    public init() {}
}

/// The commune's or province's changes to the built-in rule profile (`content/quy-tac.yaml`).
public struct RuleOverrides: Sendable {
    public var source: String

    public init(source: String) {
        self.source = source
    }
}

/// Another disclosure (`cong-khai/<ten>.md`): an Điều 11 group item with its decision and posting.
public struct Disclosure: Sendable {
    public var source: String
    /// Output folder, `cong-khai/<slug>/`.
    public var path: String
    public var title: String

    public init(source: String, path: String, title: String) {
        self.source = source
        self.path = path
        self.title = title
    }
}
