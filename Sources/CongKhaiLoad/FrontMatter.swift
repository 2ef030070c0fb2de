/// A Markdown file split into its YAML front matter and its body.
public struct FrontMatter: Sendable, Equatable {
    /// The YAML between the `---` lines (empty when the file has none).
    public var yaml: String
    /// Line of the file where the YAML starts (the line after the opening `---`).
    public var yamlLine: Int
    public var body: String
    /// Line of the file where the body starts.
    public var bodyLine: Int
    public var hasFrontMatter: Bool

    /// Splits text that is already normalised (`\n` line ends, no BOM).
    /// The closing fence is `---` or `...` on a line of its own; nil when it is missing.
    public static func split(_ text: String) -> FrontMatter? {
        // Line by line over the bytes, without splitting the whole file (bodies can be long).
        let utf8 = text.utf8
        func lineEnd(_ start: String.Index) -> String.Index {
            ByteScan.next(UInt8(ascii: "\n"), in: utf8, from: start)
        }
        let firstEnd = lineEnd(utf8.startIndex)
        guard isFence(text[utf8.startIndex..<firstEnd], "---") else {
            return FrontMatter(yaml: "", yamlLine: 1, body: text, bodyLine: 1, hasFrontMatter: false)
        }
        guard firstEnd < utf8.endIndex else { return nil }
        let yamlStart = utf8.index(after: firstEnd)
        var lineStart = yamlStart
        var lineNumber = 1
        while true {
            lineNumber += 1
            let end = lineEnd(lineStart)
            let line = text[lineStart..<end]
            if isFence(line, "---") || isFence(line, "...") {
                return FrontMatter(
                    yaml: lineStart == yamlStart ? "" : String(text[yamlStart..<utf8.index(before: lineStart)]),
                    yamlLine: 2,
                    body: end == utf8.endIndex ? "" : String(text[utf8.index(after: end)...]),
                    bodyLine: lineNumber + 1,
                    hasFrontMatter: true
                )
            }
            guard end < utf8.endIndex else { return nil }
            lineStart = utf8.index(after: end)
        }
    }

    /// Whether the line is `fence` between blanks. An ASCII byte that is neither blank nor the
    /// fence's own character rules it out before the line is copied and trimmed (most lines).
    static func isFence(_ line: Substring, _ fence: String) -> Bool {
        let mark = fence.utf8.first ?? 0
        for byte in line.utf8 where byte < 0x80 && byte != mark && byte != 0x20 && !(0x09...0x0D).contains(byte) {
            return false
        }
        return line.trimmingWhitespace() == fence
    }
}

import CongKhaiModel
import Yams

extension FrontMatter {
    /// Splits a Markdown file and opens its front matter for field-by-field reading, reporting
    /// an unclosed or missing front matter and YAML errors. `what` names the file's kind
    /// ("Trang", "Tệp thủ tục") and `example` shows the editor how it should start.
    public static func open(_ source: SourceText, what: String, example: String, log: DiagnosticLog) -> (yaml: MappingReader, parts: FrontMatter, root: YAMLValue)? {
        let start = SourceLocation(path: source.path, line: 1, column: 1)
        guard let parts = split(source.text) else {
            log.report(.error("frontmatter.unclosed", at: start,
                              "Phần đầu mở bằng “---” nhưng không có dòng “---” đóng lại.",
                              hint: "Thêm một dòng chỉ có “---” ngay sau dòng cuối của phần đầu."))
            return nil
        }
        guard parts.hasFrontMatter else {
            log.report(.error("frontmatter.missing", at: start,
                              "\(what) thiếu phần đầu (front matter) giữa hai dòng “---”.",
                              hint: example))
            return nil
        }
        let offset = parts.yamlLine - 1
        guard let root = YAMLDocument.value(parts.yaml, path: source.path, lineOffset: offset, log: log),
              let yaml = MappingReader(root, path: source.path, lineOffset: offset, log: log, what: "Phần đầu của \(what.lowercased())") else { return nil }
        return (yaml, parts, root)
    }
}
