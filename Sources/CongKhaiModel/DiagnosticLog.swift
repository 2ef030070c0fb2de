import Synchronization

/// Collects every finding of a build so that all of them are reported, not just the first.
/// Stages run in parallel, so appending is locked; reading sorts, so output is deterministic.
public final class DiagnosticLog: Sendable {
    private let items = Mutex<[Diagnostic]>([])

    public init() {}

    public func report(_ diagnostic: Diagnostic) {
        items.withLock { $0.append(diagnostic) }
    }

    public func report(_ diagnostics: [Diagnostic]) {
        items.withLock { $0.append(contentsOf: diagnostics) }
    }

    /// Every finding once, ordered by file, line and column.
    public var all: [Diagnostic] {
        let snapshot = items.withLock { $0 }
        var seen = Set<Diagnostic>()
        return snapshot
            .filter { seen.insert($0).inserted }
            .sorted { ($0.location, $0.severity == .error ? 0 : 1, $0.message) < ($1.location, $1.severity == .error ? 0 : 1, $1.message) }
    }

    public var errorCount: Int { items.withLock { $0.filter { $0.severity == .error }.count } }
    public var warningCount: Int { items.withLock { $0.filter { $0.severity == .warning }.count } }
    public var hasErrors: Bool { errorCount > 0 }
}
