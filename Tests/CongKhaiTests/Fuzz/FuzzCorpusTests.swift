import CongKhaiModel
import Foundation
import Testing

/// The fuzzers' seed corpus (the example site's content/) and hostile inputs of the kinds a fuzzer
/// reaches slowly (deep nesting, huge lines, NUL bytes, invalid UTF-8, unclosed front matter),
/// through the fuzz targets' entry points.
@Suite("Fuzz corpus")
struct FuzzCorpusTests {
    static func seeds(_ extensions: Set<String>) -> [URL] {
        let content = TestSite.repositoryRoot.appendingPathComponent("content")
        let files = FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return files.filter { extensions.contains($0.pathExtension) }.sorted { $0.path < $1.path }
    }

    @Test(arguments: [(FuzzReplay.Target.frontMatter, "md"), (.yaml, "yaml"), (.csv, "csv"), (.markdown, "md")])
    func seedCorpusLoadsWithSoundFindings(_ target: FuzzReplay.Target, _ fileExtension: String) throws {
        let files = Self.seeds([fileExtension])
        #expect(files.count >= 5)
        for file in files {
            let outcome = FuzzReplay.run(try Data(contentsOf: file), through: target)
            #expect(outcome.problems == [], "\(file.lastPathComponent)")
        }
    }

    static func replay(_ text: String, _ target: FuzzReplay.Target) -> FuzzReplay.Outcome {
        let outcome = FuzzReplay.run(Data(text.utf8), through: target)
        #expect(outcome.problems == [])
        return outcome
    }

    @Test func deeplyNestedYAMLIsASyntaxErrorOrAWrongType() {
        let open = String(repeating: "[", count: 10_000)
        let close = String(repeating: "]", count: 10_000)
        #expect(Self.replay("tieu_de: \(open)\n", .yaml).keys().contains("yaml.syntax"))
        // libyaml stops at 1000 levels; below that the value is only of the wrong type.
        let tooDeep = Self.replay("tieu_de: \(open)\(close)\n", .yaml).diagnostics
        #expect(tooDeep.contains { $0.key == "yaml.syntax" && $0.message.contains("lồng nhau quá 1000 tầng") })
        let deep = String(repeating: "[", count: 999) + String(repeating: "]", count: 999)
        #expect(Self.replay("tieu_de: \(deep)\n", .yaml).keys().contains("field.type"))
        let inFrontMatter = Self.replay("---\ntieu_de: \(open)\n---\nThân bài\n", .frontMatter)
        #expect(inFrontMatter.diagnostics.contains { $0.key == "yaml.syntax" && $0.location.line == 2 })
    }

    @Test func deeplyNestedMarkdownRenders() throws {
        let quotes = Self.replay(String(repeating: ">", count: 5_000) + " trích dẫn\n", .markdown)
        #expect(try #require(quotes.html).contains("trích dẫn"))
        let list = (0..<500).map { String(repeating: "  ", count: $0) + "- mục\n" }.joined()
        #expect(try #require(Self.replay(list, .markdown).html).contains("<li>mục"))
        let links = Self.replay(String(repeating: "[", count: 5_000) + "a" + String(repeating: "](b)", count: 5_000), .markdown)
        #expect(try #require(links.html).contains("<a href=\"/"))
    }

    @Test func hugeLinesLoad() throws {
        let long = String(repeating: "Ủy ban ", count: 30_000)
        let page = Self.replay("---\ntieu_de: \(long)\nthu_tu: mot\n---\n\(long)\n", .frontMatter)
        #expect(page.diagnostics.contains { $0.key == "field.type" && $0.location.line == 3 })
        let csv = Self.replay("stt,noi_dung,du_toan\n1,\(long),5\n2,b,x\n", .csv)
        #expect(csv.diagnostics.filter { $0.key == "budget.amount" }.map(\.location.line) == [3])
        #expect(try #require(Self.replay("# \(long)\n", .markdown).html).hasPrefix("<h1>Ủy ban"))
    }

    @Test(arguments: FuzzReplay.Target.allCases)
    func undecodableBytesAreReportedAtTheirLine(_ target: FuzzReplay.Target) {
        func keys(_ bytes: [UInt8]) -> [String] {
            let outcome = FuzzReplay.run(Data(bytes), through: target)
            #expect(outcome.problems == [])
            return outcome.diagnostics.map { "\($0.key)@\($0.location.line)" }
        }
        #expect(keys(Array("---\ntieu_de: a\u{0}b\n---\n".utf8)) == ["file.binary@0"])
        // ED A0 80 would be U+D800, a lone surrogate: not UTF-8.
        #expect(keys(Array("a: 1\nb: 2\n".utf8) + [0x63, 0x3A, 0x20, 0xED, 0xA0, 0x80, 0x0A]) == ["file.encoding@3"])
        #expect(keys([0xFF, 0xFE, 0x61, 0x00]) == ["file.utf16@0"])
        #expect(keys([0xC3]) == ["file.encoding@1"])
    }

    @Test func unclosedAndOddFrontMatter() {
        let unclosed = Self.replay("---\ntieu_de: A\n" + String(repeating: "x: 1\n", count: 1_000), .frontMatter)
        #expect(unclosed.diagnostics.contains { $0.key == "frontmatter.unclosed" && $0.location.line == 1 })
        #expect(unclosed.diagnostics.allSatisfy { $0.severity == .error && !$0.message.isEmpty })
        let onlyFence = Self.replay("---", .frontMatter)
        #expect(onlyFence.keys().contains("frontmatter.unclosed"))
        // Old Mac line ends are normalised before the split.
        let carriageReturns = Self.replay("---\rtieu_de: A\r---\rThân\r", .frontMatter)
        #expect(!carriageReturns.keys().contains("frontmatter.unclosed"))
        #expect(!carriageReturns.keys().contains("frontmatter.missing"))
    }
}
