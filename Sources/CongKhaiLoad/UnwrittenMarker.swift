import CongKhaiModel

/// Recognises a file that is not real content yet: `nhap: true` in its YAML, or a value that only
/// `congkhai new` writes (“(cần sửa)”, a document number `00/…`, a budget table of zeros).
/// Matching the scaffold's own markers, rather than plausible defaults such as `phi: mien`, means
/// a real file is never held back: no real document is numbered 00, no real text says “cần sửa”.
public enum UnwrittenMarker {
    static let marker = "(cần sửa)"

    /// For the importer: whether a file's text (as read from disk) is a draft or still holds
    /// the scaffold's placeholders, so its values may be replaced by imported ones.
    public static func isUnwritten(text: String, path: String) -> Bool {
        let source = SourceText(path: path, text: text)
        return find(in: source) != nil
    }

    /// For the importer: whether one value is a placeholder `congkhai new` wrote.
    public static func isPlaceholder(_ value: String) -> Bool {
        value.contains(marker) || value.trimmingWhitespace().hasPrefix("00/")
    }

    /// `budget`: the disclosure loaded from the file, whose table may be the scaffold's zeros.
    public static func find(in source: SourceText, budget: BudgetDisclosure? = nil) -> UnwrittenFile? {
        let text = source.text
        let isMarkdown = source.path.hasSuffix(".md")
        var inYAML = !isMarkdown
        var lineNumber = 0
        var placeholder: UnwrittenFile?
        // As bytes (memmem): Foundation's `contains` on every file was a tenth of loading.
        // `00/` can only be a placeholder number where it starts a value (`placeholderNumber`).
        let mayHoldPlaceholder = ByteScan.contains(text, marker) || ByteScan.contains(text, "00/", notAfterDigit: true)
        let mayBeDraft = ByteScan.contains(text, "nhap")
        if mayHoldPlaceholder || mayBeDraft {
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                lineNumber += 1
                if isMarkdown, line.trimmingWhitespace() == "---" || line.trimmingWhitespace() == "..." {
                    if lineNumber == 1 { inYAML = true; continue }
                    if inYAML { inYAML = false; continue }
                }
                // A YAML comment explains a field; only values count.
                if inYAML, line.drop(while: { $0 == " " }).hasPrefix("#") { continue }
                if inYAML, mayBeDraft, isDraftLine(line) {
                    return UnwrittenFile(path: source.path, line: lineNumber, reason: .draft)
                }
                guard placeholder == nil, mayHoldPlaceholder else { continue }
                if line.contains(marker) {
                    placeholder = UnwrittenFile(path: source.path, line: lineNumber, reason: .placeholder(marker))
                } else if inYAML, let number = placeholderNumber(line) {
                    placeholder = UnwrittenFile(path: source.path, line: lineNumber, reason: .placeholder(number))
                }
                if placeholder != nil, !mayBeDraft { break }
            }
        }
        if let placeholder { return placeholder }
        if let budget, isAllZero(budget) {
            return UnwrittenFile(path: budget.tableSource, line: 0, reason: .placeholder("bảng số liệu toàn số 0"))
        }
        return nil
    }

    /// `nhap: true` (or `có`, `yes`) as a top-level key.
    static func isDraftLine(_ line: Substring) -> Bool {
        guard line.hasPrefix("nhap") else { return false }
        var rest = line.dropFirst(4).drop { $0 == " " }
        guard rest.first == ":" else { return false }
        rest = rest.dropFirst()
        let value = String(rest.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            .trimmingWhitespace().lowercased()
        return ["true", "có", "yes"].contains(value)
    }

    /// A document number the scaffold writes, `00/2025/NĐ-CP` or `00/BC-UBND`, as a YAML value.
    static func placeholderNumber(_ line: Substring) -> String? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        var value = line[line.index(after: colon)...].trimmingWhitespace()
        if value.hasPrefix("\"") || value.hasPrefix("'") { value = String(value.dropFirst()) }
        guard value.hasPrefix("00/") else { return nil }
        return String(value.prefix { $0 != "\"" && $0 != "'" && $0 != " " })
    }

    /// A table with rows and amount columns whose every amount is zero: the scaffold's table.
    static func isAllZero(_ budget: BudgetDisclosure) -> Bool {
        let amounts = budget.rows.flatMap { $0.typedAmounts.values }
        return !amounts.isEmpty && amounts.allSatisfy { $0 == 0 }
    }
}
