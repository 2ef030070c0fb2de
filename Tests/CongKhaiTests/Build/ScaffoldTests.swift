import CongKhaiBuild
import CongKhaiModel
import Foundation
import Testing

@Suite("congkhai new: scaffolds that load")
struct ScaffoldTests {
    let today = CalendarDate(year: 2026, month: 11, day: 23)!

    func create(_ kind: Scaffold.Kind, _ arguments: [String], in site: TestSite) throws -> [String] {
        let files = try Scaffold.files(kind, arguments: arguments, title: "Tên thử", today: today).get()
        return try Scaffold.write(files, in: site.folder).get()
    }

    @Test(arguments: [
        (Scaffold.Kind.procedure, ["Hộ tịch", "1.001193"]), (.fee, ["le-phi-moi"]), (.budget, ["2027", "du-toan"]),
        (.budget, ["2026", "thuc-hien-quy-1"]), (.reform, ["2027", "quy-1"]), (.news, ["tin-moi"]), (.disclosure, ["ke-hoach"]),
        (.document, ["2026", "kh-98-chuyen-doi-so"]),
    ])
    func newFilesBuildWithoutErrors(_ kind: Scaffold.Kind, _ arguments: [String]) throws {
        let site = try TestSite.minimal(["content/tin-tuc/_index.md": "---\ntieu_de: Tin\n---\n"])
        let paths = try create(kind, arguments, in: site)
        #expect(!paths.isEmpty)
        let result = site.build()
        let own = result.diagnostics.filter { diagnostic in paths.contains { diagnostic.location.path == $0 } && diagnostic.severity == .error }
        #expect(own.isEmpty, "\(own.map(\.formatted))")
        #expect(result.diagnostics("field.unknown").isEmpty, "\(result.diagnostics.map(\.formatted))")
    }

    /// `new van-ban`: held back while it holds the scaffold's number, published once filled in,
    /// and then owed as a checklist item like any document.
    @Test func aNewDocumentIsHeldBackUntilItsNumberIsReal() throws {
        let site = try TestSite.minimal(["content/tin-tuc/_index.md": "---\ntieu_de: Tin\n---\n"])
        let paths = try create(.document, ["2026", "KH 98 chuyển đổi số"], in: site)
        #expect(paths == ["content/van-ban/2026/kh-98-chuyen-doi-so.md"])
        let url = site.folder.appendingPathComponent(paths[0])
        var text = try String(contentsOf: url, encoding: .utf8)
        text = text.replacingOccurrences(of: "nhap: true\n", with: "")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let held = site.build()
        #expect(held.errorCount == 0, "\(held.diagnostics.map(\.formatted))")
        #expect(held.diagnostics("draft.placeholder").contains { $0.location.path == paths[0] && $0.message.contains("00/QĐ-UBND") })
        #expect(!held.files.contains { $0.path.hasPrefix("van-ban/2026/kh-98-chuyen-doi-so/") })

        text = text.replacingOccurrences(of: "\"00/QĐ-UBND\"", with: "\"98/KH-UBND\"")
            .replacingOccurrences(of: "loai: \"Quyết định\"", with: "loai: \"Kế hoạch\"")
        try text.write(to: url, atomically: true, encoding: .utf8)
        try Data("%PDF-1.4\n".utf8).write(to: site.folder.appendingPathComponent("content/van-ban/2026/kh-98-chuyen-doi-so.pdf"))
        let published = site.build()
        #expect(published.errorCount == 0, "\(published.diagnostics.map(\.formatted))")
        #expect(published.diagnostics("draft.placeholder").isEmpty)
        #expect(published.files.contains { $0.path == "van-ban/2026/kh-98-chuyen-doi-so/index.html" })
        #expect(published.checklist.items.contains { $0.rule.id == "vb-hanh-chinh" && $0.id.hasSuffix("/kh-98-chuyen-doi-so") })
    }

    @Test func aDocumentNeedsAFourDigitYearAndAName() {
        guard case let .failure(.usage(message)) = Scaffold.files(.document, arguments: ["26", "kh-98"], title: nil, today: today) else {
            Issue.record("a two-digit year was accepted")
            return
        }
        #expect(message.contains("bốn chữ số"))
        guard case .failure(.usage) = Scaffold.files(.document, arguments: ["2026"], title: nil, today: today) else {
            Issue.record("a missing name was accepted")
            return
        }
    }

    @Test func neverOverwrites() throws {
        let site = try TestSite.minimal(["content/tin-tuc/tin-moi.md": "---\ntieu_de: Có sẵn\nngay: 2026-01-01\n---\n"])
        let files = try Scaffold.files(.news, arguments: ["tin-moi"], title: nil, today: today).get()
        #expect(throws: Scaffold.Failure.exists("content/tin-tuc/tin-moi.md")) { try Scaffold.write(files, in: site.folder).get() }
        let kept = try String(contentsOf: site.folder.appendingPathComponent("content/tin-tuc/tin-moi.md"), encoding: .utf8)
        #expect(kept.contains("Có sẵn"))
    }

    @Test func badArgumentsAreExplained() {
        guard case let .failure(.usage(message)) = Scaffold.files(.procedure, arguments: ["Hộ tịch", "1001193"], title: nil, today: today) else {
            Issue.record("expected a usage failure"); return
        }
        #expect(message.contains("d.dddddd"))
    }
}
