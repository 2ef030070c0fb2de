@testable import CongKhaiKinds
import CongKhaiLoad
import CongKhaiModel

/// Documents written as an editor writes them, loaded by the real loader.
enum DocumentFixtures {
    static let asOf = CalendarDate(year: 2026, month: 11, day: 23)!

    /// A front matter from `fields` (in order), then `body`.
    static func text(_ fields: [(String, String)], body: String = "") -> String {
        "---\n" + fields.map { "\($0.0): \($0.1)" }.joined(separator: "\n") + "\n---\n" + body
    }

    static func fields(number: String = "\"08/2026/NQ-HĐND\"", kind: String = "\"Nghị quyết\"", issuer: String = "\"HĐND xã\"",
                       issued: String = "2026-06-25", extra: [(String, String)] = []) -> [(String, String)] {
        [("so", number), ("loai", kind), ("co_quan", issuer), ("ngay", issued), ("trich_yeu", "\"Quy định quản lý chợ\""),
         ("tep", "\"vb.pdf\"")] + extra
    }

    /// Loads one file; returns the document and what the loader found.
    static func load(_ text: String, path: String = "content/van-ban/2026/vb.md", year: String = "2026") -> (OfficialDocument?, [Diagnostic]) {
        let log = DiagnosticLog()
        let document = DocumentLoader.load(SourceText(path: path, text: text), yearFolder: year, log: log)
        return (document, log.all)
    }

    static func document(_ number: String, issued: CalendarDate? = CalendarDate(year: 2026, month: 1, day: 10), source: String? = nil,
                         _ edit: (inout OfficialDocument) -> Void = { _ in }) -> OfficialDocument {
        let slug = TextFolding.slug(number)
        var document = OfficialDocument(source: source ?? "content/van-ban/2026/\(slug).md", path: "van-ban/2026/\(slug)/", number: number, subject: "Trích yếu \(number)")
        document.issued = issued
        document.kind = DocumentNumber.parse(number)?.kind
        document.issuer = .committee
        document.file = "\(slug).pdf"
        edit(&document)
        return document
    }
}
