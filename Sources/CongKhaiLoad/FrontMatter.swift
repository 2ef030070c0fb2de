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
