import CongKhaiModel
import Foundation

/// Text as it arrives from exports: mixed NFC/NFD, non-breaking spaces, `\r\n`, and
/// placeholders standing for "nothing here". Everything imported passes through `clean`.
enum ImportText {
    /// The portal and spreadsheet templates write these where a part is empty. Only phrases that
    /// mean "no data" are listed: "Không" or "Không có" are real answers (no requirements).
    static let placeholders: Set<String> = [
        "khong co thong tin", "chua co thong tin", "dang cap nhat", "dang cap nhat thong tin",
        "n/a", "na", "null", "none", "-", "--", "---", "...", "…",
    ]

    /// NFC, `\n` line ends, no invisible characters, trimmed lines, at most one blank line in a row.
    static func clean(_ raw: String) -> String {
        var text = raw.nfc
        text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let invisible: Set<Unicode.Scalar> = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}", "\u{2060}", "\u{00AD}"]
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !invisible.contains(scalar) {
            switch scalar {
            case "\u{00A0}", "\u{2007}", "\u{202F}", "\t": scalars.append(" ")
            case "\u{2028}", "\u{2029}", "\u{0085}": scalars.append("\n")
            default:
                // Other control characters cannot be shown and would have to be escaped in YAML.
                if scalar.properties.generalCategory == .control && scalar != "\n" { continue }
                scalars.append(scalar)
            }
        }
        var lines: [String] = []
        for line in String(scalars).split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = collapseSpaces(String(line))
            if trimmed.isEmpty && (lines.last?.isEmpty ?? true) { continue }
            lines.append(trimmed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// `clean`, then nil for empty text and for placeholders.
    static func value(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let text = clean(raw)
        return text.isEmpty || isPlaceholder(text) ? nil : text
    }

    static func isPlaceholder(_ text: String) -> Bool {
        var folded = TextFolding.fold(text).trimmingCharacters(in: .whitespacesAndNewlines)
        while folded.hasSuffix(".") && folded.count > 3 { folded.removeLast() }
        return placeholders.contains(folded)
    }

    static func collapseSpaces(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// One line for a YAML value or a comment: line breaks become "; " separators.
    static func oneLine(_ text: String) -> String {
        text.split(separator: "\n").map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: " ;")) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
    }

    /// Plain text as Markdown that reads the same: each line its own paragraph (the portal's line
    /// breaks separate steps), and nothing that Markdown would take for a heading, a rule,
    /// raw HTML or a link. A `## ` line would also be read back as a section on the next import.
    static func markdown(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true).map { escapeLine(String($0)) }.joined(separator: "\n\n")
    }

    static func escapeLine(_ line: String) -> String {
        var line = line.replacingOccurrences(of: "<", with: "\\<").replacingOccurrences(of: "](", with: "]\\(")
        if let first = line.first, "#=|".contains(first) {
            line = "\\" + line
        } else if line.allSatisfy({ "-*_ ".contains($0) }) || line.hasPrefix("```") || line.hasPrefix("~~~") {
            line = "\\" + line
        }
        return line
    }

    /// Text inside a table cell or a heading: nothing that would turn into a link or raw HTML.
    static func escapeInline(_ text: String) -> String {
        var text = text.replacingOccurrences(of: "<", with: "\\<").replacingOccurrences(of: "](", with: "]\\(")
        if let first = text.first, "#=|>".contains(first) { text = "\\" + text }
        return text
    }

    /// Where `pattern` matches, as Swift ranges; `NSRegularExpression` counts in UTF-16.
    static func matches(_ pattern: NSRegularExpression, in text: String) -> [NSTextCheckingResult] {
        pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
    }

    static func substring(_ text: String, _ range: NSRange) -> String? {
        guard range.location != NSNotFound, let swiftRange = Range(range, in: text) else { return nil }
        return String(text[swiftRange])
    }
}
