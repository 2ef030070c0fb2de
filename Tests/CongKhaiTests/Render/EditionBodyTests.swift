import Foundation
import Testing

/// A web page and its notice-board edition render as one task and share the body's HTML,
/// except where a link in the body was rewritten: that link is relative to each page's folder.
@Suite("A web page and its edition share the body only when it does not depend on the folder")
struct EditionBodyTests {
    static func procedure(code: String, body: String) throws -> String {
        let example = try String(contentsOf: TestSite.repositoryRoot.appendingPathComponent("content/thu-tuc/ho-tich/1.000656.md"), encoding: .utf8)
        let frontMatter = example.components(separatedBy: "\n---\n")[0]
            .replacingOccurrences(of: "ma: \"1.000656\"", with: "ma: \"\(code)\"")
            .replacingOccurrences(of: "phi: [le-phi-dang-ky-khai-tu]", with: "phi: mien")
        return frontMatter + "\n---\n" + body
    }

    @Test func aLinkInTheBodyIsRelativeToTheEditionsFolderAndPlainTextIsTheSame() throws {
        let site = try TestSite.minimal([
            "content/gioi-thieu/_index.md": "---\ntieu_de: Giới thiệu\n---\n",
            "content/gioi-thieu/lien-he.md": "---\ntieu_de: Liên hệ\n---\n",
            "content/thu-tuc/ho-tich/1.000656.md": try Self.procedure(code: "1.000656", body: "Xem [liên hệ](/gioi-thieu/lien-he/).\n"),
            "content/thu-tuc/ho-tich/1.000689.md": try Self.procedure(code: "1.000689", body: "Chỉ có **chữ** và [cổng](https://dichvucong.gov.vn/).\n"),
            "content/thu-tuc/ho-tich/to-khai-dang-ky-khai-tu.docx": "PK",
        ])
        let result = site.build()
        #expect(result.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
        let linkedWeb = try #require(result.text(of: "thu-tuc/ho-tich/1.000656/index.html"))
        let linkedEdition = try #require(result.text(of: "in/thu-tuc-ho-tich-1.000656.html"))
        #expect(linkedWeb.contains("<a href=\"../../../gioi-thieu/lien-he/index.html\">liên hệ</a>"))
        #expect(linkedEdition.contains("<a href=\"../gioi-thieu/lien-he/index.html\">liên hệ</a>"))
        let plain = "<p>Chỉ có <strong>chữ</strong> và <a href=\"https://dichvucong.gov.vn/\">cổng</a>.</p>"
        #expect(try #require(result.text(of: "thu-tuc/ho-tich/1.000689/index.html")).contains(plain))
        #expect(try #require(result.text(of: "in/thu-tuc-ho-tich-1.000689.html")).contains(plain))
    }
}
