import CongKhaiModel
import Testing

@Suite("Terminal summary of findings")
struct DiagnosticSummaryTests {
    static func warning(_ key: String, _ path: String, _ line: Int) -> Diagnostic {
        .warning(key, at: SourceLocation(path: path, line: line), "Cảnh báo \(key).", hint: "Sửa đi.")
    }

    let findings: [Diagnostic] = [
        warning("draft.unpublished", "content/a.md", 2),
        warning("section.no-index", "content/x", 0),
        warning("draft.unpublished", "content/b.md", 3),
        .error("yaml.syntax", at: SourceLocation(path: "content/c.md", line: 4, column: 2), "Lỗi cú pháp."),
    ] + (1...8).map { warning("draft.unpublished", "content/d\($0).md", 2) }

    @Test func errorsComeFirstAndWarningsAreSummarisedPerKind() {
        let lines = DiagnosticSummary.lines(findings, detailed: false)
        #expect(lines.first == "content/c.md:4:2: lỗi: Lỗi cú pháp.")
        // One example per kind with its hint, then the count and the other places.
        #expect(lines.filter { $0.contains("Cảnh báo draft.unpublished.") }.count == 1)
        let summary = lines.first { $0.contains("cùng loại (10 cảnh báo)") }
        #expect(summary?.contains("content/b.md:3, content/d1.md:2") == true)
        #expect(summary?.hasSuffix("…; xem đầy đủ: --chi-tiet") == true)
        // A kind seen once is printed in full, with no summary line.
        #expect(lines.contains { $0.hasPrefix("content/x: cảnh báo: Cảnh báo section.no-index.") })
        #expect(lines.count == 4)
    }

    @Test func detailedPrintsEveryWarningAfterTheErrors() {
        let lines = DiagnosticSummary.lines(findings, detailed: true)
        #expect(lines.count == findings.count)
        #expect(lines.first?.contains("lỗi:") == true)
        #expect(!lines.contains { $0.contains("--chi-tiet") })
    }
}
