import CongKhaiBuild
import CongKhaiModel
import Foundation
import Testing

@Suite("A missing layout is one finding, not one per page")
struct MissingTemplateTests {
    @Test func manyPagesOfAKindWithoutTheirLayoutGiveOneError() throws {
        let site = try TestSite.minimal([
            "content/gioi-thieu/_index.md": "---\ntieu_de: Giới thiệu\n---\n",
            "content/gioi-thieu/a.md": "---\ntieu_de: A\nngay: 2026-10-01\n---\nA.\n",
            "content/gioi-thieu/b.md": "---\ntieu_de: B\nngay: 2026-10-02\n---\nB.\n",
            "content/gioi-thieu/c.md": "---\ntieu_de: C\nngay: 2026-10-03\n---\nC.\n",
        ])
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("templates/layouts/page.mustache"))
        site.defaultTheme = false  // the embedded theme would fill the gap
        let missing = site.build().diagnostics("template.missing")
        #expect(missing.count == 1)
        #expect(missing.first?.location.path == "templates/layouts/page.mustache")
    }
}
