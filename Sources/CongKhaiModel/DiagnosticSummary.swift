/// What `build` and `check` print for their findings (see `Terminal.report`).
public enum DiagnosticSummary {
    /// How many other places a summarised kind names before “…”.
    public static let placesShown = 5

    public static func lines(_ diagnostics: [Diagnostic], detailed: Bool) -> [String] {
        let errors = diagnostics.filter { $0.severity == .error }
        let warnings = diagnostics.filter { $0.severity == .warning }
        var lines = errors.map(\.formatted)
        if detailed { return lines + warnings.map(\.formatted) }
        var order: [String] = []
        var byKey: [String: [Diagnostic]] = [:]
        for warning in warnings {
            if byKey[warning.key] == nil { order.append(warning.key) }
            byKey[warning.key, default: []].append(warning)
        }
        for key in order {
            guard let group = byKey[key], let first = group.first else { continue }
            lines.append(first.formatted)
            guard group.count > 1 else { continue }
            let others = group.dropFirst().map(\.location.description)
            var places = others.prefix(placesShown).joined(separator: ", ")
            if others.count > placesShown { places += ", …" }
            lines.append("    cùng loại (\(group.count) cảnh báo): \(places); xem đầy đủ: --chi-tiet")
        }
        return lines
    }
}
