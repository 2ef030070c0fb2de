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
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, first.trimmingWhitespace() == "---" else {
            return FrontMatter(yaml: "", yamlLine: 1, body: text, bodyLine: 1, hasFrontMatter: false)
        }
        lines = lines.dropFirst()
        var yamlLines: [Substring] = []
        var lineNumber = 1
        while let line = lines.first {
            lines = lines.dropFirst()
            lineNumber += 1
            let marker = line.trimmingWhitespace()
            if marker == "---" || marker == "..." {
                return FrontMatter(
                    yaml: yamlLines.joined(separator: "\n"),
                    yamlLine: 2,
                    body: lines.joined(separator: "\n"),
                    bodyLine: lineNumber + 1,
                    hasFrontMatter: true
                )
            }
            yamlLines.append(line)
        }
        return nil
    }
}

import CongKhaiModel
import Yams

extension FrontMatter {
    /// Splits a Markdown file and opens its front matter for field-by-field reading, reporting
    /// an unclosed or missing front matter and YAML errors. `what` names the file's kind
    /// ("Trang", "Tệp thủ tục") and `example` shows the editor how it should start.
    static func open(_ source: SourceText, what: String, example: String, log: DiagnosticLog) -> (yaml: MappingReader, parts: FrontMatter, root: Node)? {
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
        guard let root = YAMLDocument.parse(parts.yaml, path: source.path, lineOffset: offset, log: log),
              let yaml = MappingReader(root, path: source.path, lineOffset: offset, log: log, what: "Phần đầu của \(what.lowercased())") else { return nil }
        return (yaml, parts, root)
    }
}
