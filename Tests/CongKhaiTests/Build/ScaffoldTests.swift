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
