/// Where something is in the editor's files: a path relative to the site folder
/// (`content/tin-tuc/a.md`) and a 1-based line and column (0 when unknown).
public struct SourceLocation: Sendable, Hashable, Comparable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 0, column: Int = 0) {
        self.path = path
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }

    /// `path:line:column`, leaving out the parts that are unknown.
    public var description: String {
        guard line > 0 else { return path }
        guard column > 0 else { return "\(path):\(line)" }
        return "\(path):\(line):\(column)"
    }

    /// The same file, `lines` further down: front matter and body lines are counted
    /// from the start of their own text, the editor counts from the top of the file.
    public func shifted(lines: Int) -> SourceLocation {
        SourceLocation(path: path, line: line + lines, column: column)
    }
}

public enum Severity: String, Sendable, Hashable {
    case error
    case warning

    /// The word the editor reads.
    public var label: String {
        switch self {
        case .error: return "lỗi"
        case .warning: return "cảnh báo"
        }
    }
}

/// One finding for the editor: the only error type a user ever sees.
/// `key` is stable (tests and tooling match on it); `message` and `hint` are Vietnamese.
public struct Diagnostic: Sendable, Hashable {
    public var severity: Severity
    public var location: SourceLocation
    public var key: String
    public var message: String
    public var hint: String?
    /// The pipeline stage that found it (nil outside a build); not part of its identity, so
    /// the same finding from two stages is reported once.
    public var stage: PipelineStage?

    public init(_ severity: Severity, _ key: String, at location: SourceLocation, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.key = key
        self.location = location
        self.message = message
        self.hint = hint
    }

    public static func error(_ key: String, at location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, key, at: location, message, hint: hint)
    }

    public static func warning(_ key: String, at location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, key, at: location, message, hint: hint)
    }

    /// The same finding, labelled with the stage that found it.
    public func found(in stage: PipelineStage) -> Diagnostic {
        var labelled = self
        labelled.stage = stage
        return labelled
    }

    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.severity, a.location, a.key, a.message, a.hint) == (b.severity, b.location, b.key, b.message, b.hint)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(severity)
        hasher.combine(location)
        hasher.combine(key)
        hasher.combine(message)
        hasher.combine(hint)
    }

    /// `content/a.md:3:7: lỗi: message` and, when there is one, an indented hint line.
    public var formatted: String {
        var text = "\(location.description): \(severity.label): \(message)"
        if let hint { text += "\n    gợi ý: \(hint)" }
        return text
    }
}
