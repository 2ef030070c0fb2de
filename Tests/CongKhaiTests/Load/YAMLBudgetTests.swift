import CongKhaiBuild
import CongKhaiLoad
import CongKhaiModel
import Foundation
import Testing

/// Issue 12, class 2: anchors and aliases expanded without bound.
@Suite("YAML aliases: a node budget per document")
struct YAMLBudgetTests {
    /// Nine levels of nine aliases each: 9^9 (387 million) strings from about 700 bytes.
    static let billionLaughs: String = {
        var text = "tieu_de: &a [\"cười\", \"cười\", \"cười\", \"cười\", \"cười\", \"cười\", \"cười\", \"cười\", \"cười\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = name
        }
        return text
    }()

    @Test func billionLaughsInFrontMatterEndsQuicklyWithAnErrorAtTheFile() throws {
        #expect(Self.billionLaughs.utf8.count < 800)
        let site = try TestSite.minimal(["content/gioi-thieu.md": "---\n" + Self.billionLaughs + "---\nNội dung.\n"])
        let start = ContinuousClock.now
        let result = site.build()
        #expect(ContinuousClock.now - start < .seconds(20))
        let found = result.diagnostics("yaml.too-large")
        #expect(found.map(\.location.path) == ["content/gioi-thieu.md"])
        #expect((found.first?.location.line ?? 0) > 1)
    }

    @Test func billionLaughsInAReformReportEndsWithAnError() throws {
        let text = "---\nnam: 2026\nky: quy_1\nho_so: { ton_ky_truoc: 1 }\nphu: \n" + Self.billionLaughs
            .split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n---\nNội dung.\n"
        let result = try TestSite.minimal(["content/cchc/2026-quy-1.md": text]).build()
        #expect(result.diagnostics("yaml.too-large").map(\.location.path) == ["content/cchc/2026-quy-1.md"])
    }

    @Test func aliasAsAMappingKeyIsCountedBeforeYamsHashesIt() {
        // Yams checks duplicate keys by hashing them: a key that is an alias of a huge node
        // would be hashed in full while composing, before any walk of ours.
        let text = Self.billionLaughs + "j:\n  ? *i\n  : 1\n  ? *h\n  : 2\n"
        let log = DiagnosticLog()
        let start = ContinuousClock.now
        #expect(YAMLDocument.parse(text, path: "content/x.yaml", log: log) == nil)
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(log.all.map(\.key) == ["yaml.too-large"])
    }

    @Test func fewAliasesAreFine() {
        let log = DiagnosticLog()
        let text = "a: &x [1, 2, 3]\nb: *x\nc: [*x, *x]\n"
        #expect(YAMLDocument.parse(text, path: "content/x.yaml", log: log) != nil)
        #expect(log.all.isEmpty)
    }

    @Test func mergeKeysAreResolvedWithTheMappingsOwnKeysWinning() {
        let text = """
        chung: &chung
          tu: 2026-01-05
          noi: Trụ sở Ủy ban nhân dân xã
        niem_yet:
          <<: *chung
          noi: Nhà văn hóa thôn 1

        """
        let log = DiagnosticLog()
        let root = YAMLDocument.parse(text, path: "content/x.yaml", log: log)
        let reader = MappingReader(root, path: "content/x.yaml", lineOffset: 0, log: log, what: "x")
        let board = reader?.mapping("niem_yet", "niêm yết")
        #expect(board?.date("tu", "từ") == CalendarDate(year: 2026, month: 1, day: 5))
        #expect(board?.string("noi", "nơi") == "Nhà văn hóa thôn 1")
        board?.finish(context: "niêm yết")
        #expect(log.all.isEmpty, "\(log.all.map(\.formatted))")
    }
}
