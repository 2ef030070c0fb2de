@testable import CongKhaiLoad
import Foundation
import Testing
import Yams

/// The event reader must build exactly Yams' tree (values, styles, tags, lines and columns) for
/// every text it reads itself, and hand everything else to Yams.
@Suite("YAML: libyaml events read straight into nodes")
struct YAMLEventReaderTests {
    /// Everything the loader can observe of a value, children included.
    static func describe(_ value: YAMLValue) -> String {
        let at = value.mark.map { "@\($0.line):\($0.column)" } ?? "@-"
        switch value {
        case let .scalar(scalar):
            return "scalar(\(scalar.string.debugDescription) \(scalar.style)\(at))"
        case let .mapping(mapping):
            let pairs = mapping.pairs.map { describe($0.key) + ": " + describe($0.value) }
            return "mapping(\(at) {" + pairs.joined(separator: ", ") + "})"
        case let .sequence(sequence):
            return "sequence(\(at) [" + sequence.items.map(describe).joined(separator: ", ") + "])"
        }
    }

    /// Whether every node of Yams' tree has the tag `.basic` gives an untagged node, and its
    /// collections the style the reader gives them: what the value leaves out is then the same.
    static func plainTags(_ node: Node) -> Bool {
        switch node {
        case .scalar: return node.tag.rawValue == Tag.Name.str.rawValue
        case let .mapping(mapping):
            return node.tag.rawValue == Tag.Name.map.rawValue && mapping.style == .any
                && mapping.allSatisfy { plainTags($0.key) && plainTags($0.value) }
        case let .sequence(sequence):
            return node.tag.rawValue == Tag.Name.seq.rawValue && sequence.style == .any && sequence.allSatisfy(plainTags)
        case .alias: return false
        }
    }

    /// Yams' tree as a value, or nil when Yams throws.
    static func yams(_ yaml: String) -> String? {
        do {
            return try Yams.compose(yaml: yaml, .basic, .default, .utf8).map { describe(YAMLValue($0)) } ?? "empty"
        } catch {
            return nil
        }
    }

    static func events(_ yaml: String) -> String? {
        switch YAMLEventReader.compose(yaml) {
        case .empty: return "empty"
        case let .root(value): return describe(value)
        case .needsYams: return nil
        }
    }

    static let readHere: [String] = [
        "",
        "# only a comment\n",
        "tieu_de: Giới thiệu\n",
        "tieu_de: \"Giới thiệu\"\nmo_ta: 'Xã'\n",
        "a: 1\nb: 2.5\nc: true\nd: null\ne: ~\nf:\ng: 2024-09-05\n",
        "noi_dung: |\n  Dòng một\n  Dòng hai\n\nsau: x\n",
        "noi_dung: >-\n  Gấp\n  lại\n\n  đoạn mới\n",
        "giu: |+\n  a\n\n",
        "danh_sach:\n  - một\n  - \"hai\"\n  - 'ba'\n  -\n  - - lồng\n    - nhau\n",
        "flow: [a, \"b\", 'c', {d: e, f: [g, h]}]\nmap: {x: 1, y: }\n",
        "a: b # chú thích\n# dòng chú thích\nc: d\n",
        "a: b\r\nc: d\r\n",
        "\u{FEFF}a: b\n",
        "a: \"tab\\there\"\nb: \"\\u1EA1\\x41\\0z\"\n",
        "a:\tb\n",
        "? phức\n: giá trị\n",
        "a: &neo {b: 1, c: [x, y]}\nd: *neo\ne: &s chữ\nf: *s\n",
        "co_so: &chung\n  x: 1\nmot:\n  <<: *chung\n  y: 2\n",
        "a: &x 1\nb: &x 2\nc: *x\n",
        "- a\n- b: c\n  d: e\n- [f]\n",
        "chữ thường",
        "a: b",
        "a:\n  b:\n    c:",
        "- \n",
        "%YAML 1.1\n---\na: b\n...\n",
        "---\na: b\n",
        "a: 'it''s'\nb: \"x\\\"y\"\n",
        "a: \"dòng\n  gấp\"\n",
        "a: ''\nb: \"\"\n",
        "a: \"\u{FEFF}\"\nb: \"\u{FEFF}x\u{FEFF}\"\nc: [\"\u{FEFF}\u{FEFF}\"]\nd: \"x\u{FEFF}\"\n",
        (0..<40).map { "khoa_\($0): giá trị \($0)" }.joined(separator: "\n"),
    ]

    @Test(arguments: readHere)
    func readsTheSameTreeAsYams(_ yaml: String) {
        let expected = Self.yams(yaml)
        #expect(expected != nil)
        #expect(Self.events(yaml) == expected)
        #expect((try? Yams.compose(yaml: yaml, .basic, .default, .utf8)).map { $0.map(Self.plainTags) ?? true } == true)
    }

    /// Yams' tree with an empty last value moved inside the text, as `YAMLDocument` does for a
    /// text without a final line break; and the reader doing the same while it reads.
    static func yamsKeepingEnd(_ yaml: String) -> String? {
        let lastLine = YAMLDocument.lineCount(yaml)
        do {
            return try Yams.compose(yaml: yaml, .basic, .default, .utf8)
                .map { describe(YAMLValue($0).keepingEndInside(lastLine: lastLine, holder: nil)) } ?? "empty"
        } catch {
            return nil
        }
    }

    static func eventsKeepingEnd(_ yaml: String) -> String? {
        switch YAMLEventReader.compose(yaml, lastLine: YAMLDocument.lineCount(yaml)) {
        case .empty: return "empty"
        case let .root(value): return describe(value)
        case .needsYams: return nil
        }
    }

    /// Front matter never ends with a line break: empty values at its end are placed at their
    /// key, list or (for a root) nowhere, the same by the reader as by the correction of Yams' tree.
    @Test(arguments: readHere.map { $0.hasSuffix("\n") ? String($0.dropLast()) : $0 } + [
        "a:", "a:\n  b:", "a:\n  b:\n    c:", "- a\n-", "a: [b, c]\nd:", "a:\n  - x\n  -", "? k", "a: &x\nb:",
        "a:\n  - b:\n    c:", "", "chữ", "a: b\n", "a: 1\n? k", "a:\n  ? k", "- ? k", "? k\n",
    ])
    func placesAnEmptyLastValueAsTheCorrectedTree(_ yaml: String) {
        let expected = Self.yamsKeepingEnd(yaml)
        #expect(expected != nil)
        #expect(Self.eventsKeepingEnd(yaml) == expected)
    }

    /// Readers outside the loader still get Yams nodes (`MappingReader.node`): converted back,
    /// with the same texts, styles and marks.
    @Test(arguments: readHere)
    func aValueConvertsBackToTheSameNode(_ yaml: String) throws {
        guard let node = try Yams.compose(yaml: yaml, .basic, .default, .utf8) else { return }
        let value = YAMLValue(node)
        #expect(Self.describe(YAMLValue(value.node)) == Self.describe(value))
        #expect(Self.plainTags(value.node))
    }

    /// `? k` without a value at the very end: libyaml gives the empty value the line below.
    @Test func anEmptyLastValueIsPlacedAtItsKey() {
        guard case let .root(value) = YAMLEventReader.compose("a: 1\n? k", lastLine: 2),
              case let .root(plain) = YAMLEventReader.compose("a: 1\n? k") else {
            Issue.record("not read")
            return
        }
        #expect(plain.mapping?.pairs.last?.value.mark.map { [$0.line, $0.column] } == [3, 1])
        #expect(value.mapping?.pairs.last?.value.mark.map { [$0.line, $0.column] } == [2, 3])
    }

    /// Texts Yams refuses or reads specially go to Yams (which reports them).
    static let leftToYams: [String] = [
        "a: 1\na: 2\n",
        "a: 1\nb: {c: 1, c: 2}\n",
        (0..<20).map { "k\($0): v" }.joined(separator: "\n") + "\nk3: lại\n",
        "a: !!int 5\n",
        "a: !riêng x\n",
        "a: !!map {b: c}\n",
        "a: b\n---\nc: d\n",
        "a: *khong_co\n",
        "? [a, b]\n: c\n",
        "a: [b\n",
        "a: \"không đóng\n",
        "a: b: c\n",
        "a:\n  - b\n c: d\n",
        "a: &x [*x]\n",
        "khoa dài có dấu: giá trị: có hai chấm\n",
        "a: b\u{85}c\n",
    ]

    @Test(arguments: leftToYams)
    func leavesToYamsWhatYamsTreatsSpecially(_ yaml: String) {
        #expect(Self.events(yaml) == nil)
    }

    /// Deep nesting: the reader keeps its own stack (no recursion), and libyaml's nesting limit
    /// ends what is too deep with an error that Yams then reports.
    @Test(arguments: [200, 1_001, 5_000])
    func deepNestingReadsTheSameOrGoesToYams(depth: Int) {
        let flow = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let block = (0..<depth).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n")
        for yaml in [flow, block] {
            let read = Self.events(yaml)
            if depth <= 1_001 { #expect(read == nil || read == Self.yams(yaml)) }
            if depth <= 200 { #expect(read != nil) }
        }
    }

    /// A key that is an alias of a scalar is a scalar key, duplicate checks included.
    @Test func aliasKeysAreComparedByTheirText() {
        #expect(Self.events("a: &k x\n*k : y\n") == Self.yams("a: &k x\n*k : y\n"))
        #expect(Self.events("x: 1\n&k x: 2\n") == nil)
    }

    @Test func marksCarryLineAndColumnFromOne() {
        let mark = Mark.at(line: 12, column: 7)
        #expect(mark.line == 12 && mark.column == 7)
        guard case let .root(node) = YAMLEventReader.compose("a:\n  bb: \"c\"\n") else {
            Issue.record("not read")
            return
        }
        #expect(node.node.mapping?["a"]?.mapping?["bb"]?.mark.map { [$0.line, $0.column] } == [2, 7])
    }

    /// Every front matter and YAML file of the repository's sites and fixtures reads the same.
    @Test func everyYAMLOfTheRepositoryReadsTheSame() throws {
        var compared = 0
        for url in TestSite.repositoryYAMLFiles() {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            let normalised = text.replacingOccurrences(of: "\r\n", with: "\n")
            let yaml = url.pathExtension == "md" ? (FrontMatter.split(normalised)?.yaml ?? "") : normalised
            // Describing a billion laughs would expand it: YAMLBudget refuses those before either reader.
            guard YAMLBudget.exceeded(yaml) == nil else { continue }
            let expected = Self.yams(yaml)
            let read = Self.events(yaml)
            #expect(read == nil || read == expected, "\(url.path)")
            let keptEnd = Self.eventsKeepingEnd(yaml)
            #expect(keptEnd == nil || keptEnd == Self.yamsKeepingEnd(yaml), "\(url.path)")
            if expected != nil && read == nil {
                // Only duplicates, tags and the like go to Yams; a valid file is read here.
                #expect(yaml.contains("!") || yaml.contains("? ") || yaml.contains("---") || yaml.contains("*"), "\(url.path)")
            }
            compared += 1
        }
        #expect(compared > 100)
    }
}
