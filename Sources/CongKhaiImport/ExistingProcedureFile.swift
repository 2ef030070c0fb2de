import CongKhaiLoad
import CongKhaiModel
import Foundation
import Yams

/// A procedure file already in the site, read so that a new import can update it without
/// losing what the editor wrote: each top-level key keeps its own lines (and the comments just
/// above it) exactly as typed, and the body is split into its `##` sections.
struct ExistingProcedureFile {
    /// Path under the site folder: `content/thu-tuc/ho-tich/1.001193.md`.
    var path: String
    var code: String
    var field: String?
    /// Comment lines above the first key.
    var leadingComments: [String]
    /// Top-level keys in file order, each with the editor's comments above it and its raw lines.
    var blocks: [(key: String, comments: [String], lines: [String])]
    /// Comment lines below the last key.
    var trailingComments: [String]
    var publicationNumber: String?
    var body: MarkdownSections
    /// Line of the file where the body starts, to name a section's heading line.
    var bodyLine: Int = 1
    /// What the previous import wrote into each body section, by fingerprint (see `ImportMarks`).
    var importMarks: ImportMarks = ImportMarks()

    /// A draft nobody has filled in (`nhap: true`, as `congkhai new` writes it) holds sample
    /// values, not the editor's word: they give way to the import. Blocks and body sections with
    /// a placeholder or the sample's exact text are dropped; the deadline-and-fee set goes whole
    /// when the import gives any of it. `nhap` stays: the editor still reviews before publishing.
    mutating func yieldSamples(to draft: ProcedureDraft) {
        guard block("nhap")?.contains(where: { $0.replacingOccurrences(of: " ", with: "").hasPrefix("nhap:true") }) == true else { return }
        let importsTiming = draft.deadline != nil || !(draft.channels ?? []).isEmpty || draft.free || draft.onlineLevel != nil
        blocks.removeAll { block in
            (importsTiming && ProcedureSample.timingAndFeeKeys.contains(block.key))
                || block.lines.contains { line in UnwrittenMarker.isPlaceholder(Self.value(of: line)) }
        }
        for index in body.sections.indices {
            let text = body.sections[index].text
            if ProcedureSample.sections.contains(text) || UnwrittenMarker.isPlaceholder(text) { body.sections[index].text = "" }
        }
    }

    /// The value part of a YAML line (`  - so_hieu: "00/2025/NĐ-CP"` → `"00/2025/NĐ-CP"` unquoted).
    static func value(of line: String) -> String {
        guard let colon = line.firstIndex(of: ":") else { return line }
        return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    }

    func block(_ key: String) -> [String]? {
        blocks.first { $0.key == key }?.lines
    }

    /// The editor's comments above a key: kept even when the import replaces the value.
    func comments(_ key: String) -> [String] {
        blocks.first { $0.key == key }?.comments ?? []
    }

    /// Comments the import writes itself; they are rewritten on every import, not kept.
    static let generatedCommentPrefixes = ["# Cần bổ sung:", "# Cần kiểm tra:", "# Theo Cổng DVC:", "# Theo danh mục:", "# Mã trong dữ liệu nhập",
                                           ImportMarks.prefix]

    enum Problem: Error {
        case noFrontMatter
        case yaml(String)
        case flowStyle
    }

    static func read(text: String, path: String) -> Result<ExistingProcedureFile, Problem> {
        let text = SourceText(path: path, text: text).text
        guard let parts = FrontMatter.split(text), parts.hasFrontMatter else { return .failure(.noFrontMatter) }
        // libyaml also breaks lines at NEL, LS and PS, so its key lines would not be the lines
        // cut below (and a comment could end early): read as spaces, as the loader does.
        let yaml = String(String.UnicodeScalarView(parts.yaml.unicodeScalars.map { ["\u{85}", "\u{2028}", "\u{2029}"].contains($0) ? " " : $0 }))
        let node: Node?
        // Counted before Yams composes: an alias used as a key is hashed in full while composing.
        if let line = YAMLBudget.exceeded(parts.yaml) { return .failure(.yaml("aliases expand past \(YAMLBudget.nodes) nodes (line \(line + 1))")) }
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            return .failure(.yaml("\(error)"))
        }
        guard case let .mapping(mapping)? = node else { return .failure(.yaml("not a mapping")) }
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Yams lines are 1-based; a key's block runs to the line before the next key.
        var keyLines: [(key: String, line: Int)] = []
        for (key, _) in mapping {
            guard let name = key.string, let mark = key.mark else { return .failure(.yaml("key without position")) }
            keyLines.append((name, mark.line - 1))
        }
        keyLines.sort { $0.line < $1.line }
        if Set(keyLines.map(\.line)).count != keyLines.count || keyLines.contains(where: { lines.indices.contains($0.line) && lines[$0.line].first == " " }) {
            return .failure(.flowStyle)
        }
        var blocks: [(key: String, comments: [String], lines: [String])] = []
        var leading = Array(lines[..<(keyLines.first?.line ?? lines.count)])
        var pendingComments: [String] = []
        for (index, entry) in keyLines.enumerated() {
            let end = index + 1 < keyLines.count ? keyLines[index + 1].line : lines.count
            var block = Array(lines[entry.line..<end])
            // Comments between a value and the next key describe the next key; blank lines go.
            var trailing: [String] = []
            while let last = block.last, block.count > 1, last.hasPrefix("#") || last.trimmingCharacters(in: .whitespaces).isEmpty {
                if last.hasPrefix("#") { trailing.insert(last, at: 0) }
                block.removeLast()
            }
            blocks.append((entry.key, keep(pendingComments), block))
            pendingComments = trailing
        }
        leading = keep(leading.filter { $0.hasPrefix("#") })
        let scalar = { (key: String) -> String? in mapping[Node(key)]?.scalar?.string }
        let publication = mapping[Node("cong_bo")].flatMap { node -> String? in
            if case let .mapping(inner) = node { return inner[Node("so")]?.scalar?.string }
            return nil
        }
        return .success(ExistingProcedureFile(
            path: path, code: scalar("ma").map(ProcedureCode.clean) ?? "", field: scalar("linh_vuc"),
            leadingComments: leading, blocks: blocks, trailingComments: keep(pendingComments), publicationNumber: publication,
            body: MarkdownSections(parts.body), bodyLine: parts.bodyLine,
            importMarks: ImportMarks(commentLines: lines.filter { $0.hasPrefix(ImportMarks.prefix) })))
    }

    static func keep(_ comments: [String]) -> [String] {
        comments.filter { line in !generatedCommentPrefixes.contains { line.hasPrefix($0) } }
    }
}

/// A Markdown body as its text before the first `##` heading and its `##` sections
/// (`SectionHeadings`: headings inside fenced code blocks are not sections).
struct MarkdownSections {
    var preamble: String
    var sections: [(heading: String, text: String)]
    /// 0-based line of each section's heading within the body, in the order of `sections`.
    var headingLines: [Int] = []

    init(_ body: String) {
        var preamble: [String] = []
        var sections: [(heading: String, lines: [String])] = []
        var scanner = SectionHeadings()
        for (number, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let heading = scanner.heading(line) {
                headingLines.append(number)
                sections.append((heading, []))
            } else if sections.isEmpty {
                preamble.append(String(line))
            } else {
                sections[sections.count - 1].lines.append(String(line))
            }
        }
        self.preamble = preamble.joined(separator: "\n").trimmingCharacters(in: .newlines)
        self.sections = sections.map { ($0.heading, $0.lines.joined(separator: "\n").trimmingCharacters(in: .newlines)) }
    }

    /// Matched as the loader matches them: without accents or case, by the heading's start.
    static func same(_ heading: String, as name: String) -> Bool {
        TextFolding.fold(heading).hasPrefix(TextFolding.fold(name))
    }

    /// Whether an import section named `name` replaces the file's section `heading`: the
    /// writer's rule (the required sections by their start, the others by their whole name).
    static func owned(_ heading: String, by name: String) -> Bool {
        SectionName.required.contains(name) ? same(heading, as: name) : TextFolding.fold(heading) == TextFolding.fold(name)
    }
}
