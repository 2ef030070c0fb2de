import CongKhaiModel
import Foundation
import Testing

@Suite("Loading pages: every problem at its file and line")
struct PageLoadingTests {
    @Test func yamlSyntaxErrorPointsAtTheLine() throws {
        let site = try TestSite.minimal(["content/a.md": "---\ntieu_de: Tốt\nmo_ta: [không đóng\n---\nThân\n"])
        let found = site.build().diagnostics("yaml.syntax")
        #expect(found.count == 1)
        #expect(found.first?.location.path == "content/a.md")
        #expect((3...5).contains(found.first?.location.line ?? 0))
        #expect(found.first?.severity == .error)
    }

    @Test func tabIndentationIsNamed() throws {
        let site = try TestSite.minimal(["content/site.yaml": "ten: X\nloai: xa\ntinh: T\nkenh_phan_anh:\n\tdia_chi: a\n"])
        let found = site.build().diagnostics("yaml.tab")
        #expect(found.map(\.location.line) == [5])
    }

    @Test func misspeltKeyGetsDidYouMean() throws {
        let site = try TestSite.minimal(["content/a.md": "---\ntieu_de: Tốt\nngya: 2025-01-02\n---\n"])
        let found = site.build().diagnostics("field.unknown")
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(path: "content/a.md", line: 3, column: 1))
        #expect(found.first?.hint?.contains("“ngay”") == true)
        #expect(found.first?.message.contains("ngya") == true)
    }

    @Test func textWhereADateBelongsIsAnError() throws {
        let site = try TestSite.minimal(["content/a.md": "---\ntieu_de: Tốt\nngay: hôm qua\n---\n"])
        let found = site.build().diagnostics("field.type")
        #expect(found.count == 1)
        #expect(found.first?.location.line == 3)
        #expect(found.first?.location.column == 7)
    }

    @Test func impossibleDateIsRejectedAndVietnameseOrderAccepted() throws {
        let site = try TestSite.minimal([
            "content/a.md": "---\ntieu_de: A\nngay: 31/02/2025\n---\n",
            "content/b.md": "---\ntieu_de: B\nngay: 05/09/2024\n---\n",
        ])
        let result = site.build()
        #expect(result.diagnostics("field.type").map(\.location.path) == ["content/a.md"])
        #expect(result.text(of: "b/index.html")?.contains("05/09/2024") == true)
    }

    @Test func missingTitleIsReported() throws {
        let site = try TestSite.minimal(["content/a.md": "---\nmo_ta: Không có tiêu đề\n---\n"])
        let found = site.build().diagnostics("field.missing")
        #expect(found.count == 1)
        #expect(found.first?.location.path == "content/a.md")
        #expect(found.first?.message.contains("tieu_de") == true)
    }

    @Test func missingFrontMatterIsReported() throws {
        let site = try TestSite.minimal(["content/a.md": "Chỉ có chữ"])
        #expect(site.build().diagnostics("frontmatter.missing").count == 1)
    }

    @Test func duplicateKeyIsReported() throws {
        let site = try TestSite.minimal(["content/a.md": "---\ntieu_de: A\ntieu_de: B\n---\n"])
        let result = site.build()
        #expect(result.diagnostics("yaml.duplicate-key").count == 1)
    }

    @Test func newsWithoutDateIsAnError() throws {
        let site = try TestSite.minimal([
            "content/tin-tuc/_index.md": "---\ntieu_de: Tin tức\n---\n",
            "content/tin-tuc/a.md": "---\ntieu_de: Tin không ngày\n---\n",
        ])
        #expect(site.build().diagnostics("news.no-date").map(\.location.path) == ["content/tin-tuc/a.md"])
    }

    @Test func decomposedTextIsNormalisedToNFC() throws {
        let decomposedTitle = "Đăng ky\u{301} khai sinh".decomposedStringWithCanonicalMapping
        // Swift's == compares canonically, so compare scalars to see the decomposition.
        #expect(Array(decomposedTitle.unicodeScalars) != Array("Đăng ký khai sinh".unicodeScalars))
        let site = try TestSite.minimal(["content/a.md": "---\ntieu_de: \(decomposedTitle)\n---\nNô\u{323}i dung\n"])
        let result = site.build()
        let page = try #require(result.text(of: "a/index.html"))
        #expect(page.contains("Đăng ký khai sinh"))
        #expect(page.contains("Nội dung"))
        #expect(!page.unicodeScalars.contains("\u{301}"), "no combining accent survives")
        #expect(!page.unicodeScalars.contains("\u{323}"), "no combining dot below survives")
    }

    @Test func fileNamesWithDiacriticsAndSpacesAreSlugged() throws {
        let site = try TestSite.minimal(["content/Tin Tức/Lễ hội Đình làng.md": "---\ntieu_de: Lễ hội\n---\n"])
        let result = site.build()
        #expect(result.files.contains { $0.path == "tin-tuc/le-hoi-dinh-lang/index.html" })
    }

    @Test func twoFilesAtTheSameAddressAreAnError() throws {
        let site = try TestSite.minimal([
            "content/le-hoi.md": "---\ntieu_de: A\n---\n",
            "content/Lễ hội.md": "---\ntieu_de: B\n---\n",
        ])
        #expect(site.build().diagnostics("path.duplicate").count == 1)
    }

    @Test func notUTF8IsReportedNotGarbled() throws {
        let site = try TestSite.minimal([:])
        // "Xã" in Windows-1258 is 0x58 0xE3: not valid UTF-8.
        try site.write("content/a.md", Data([0x2D, 0x2D, 0x2D, 0x0A, 0x74, 0x69, 0x65, 0x75, 0x5F, 0x64, 0x65, 0x3A, 0x20, 0x58, 0xE3, 0x0A, 0x2D, 0x2D, 0x2D, 0x0A]))
        let found = site.build().diagnostics("file.encoding")
        #expect(found.map(\.location.path) == ["content/a.md"])
        #expect(found.first?.location.line == 2)
    }

    @Test func siteConfigNeedsNameKindAndProvince() throws {
        let site = try TestSite.minimal(["content/site.yaml": "ten_ngan: X\nloai: huyen\n"])
        let result = site.build()
        #expect(result.diagnostics("field.missing").count == 2)
        #expect(result.diagnostics("site.kind").first?.location.line == 2)
    }

    @Test func leadersAreLoadedFromYAML() throws {
        let site = try TestSite.minimal([
            "content/gioi-thieu/_index.md": "---\ntieu_de: Giới thiệu\n---\n",
            "content/gioi-thieu/lanh-dao.yaml": "tieu_de: Lãnh đạo\nlanh_dao:\n  - ho_ten: Nguyễn Văn A\n    chuc_vu: Chủ tịch\n    nhiem_vu: [Phụ trách chung]\n    dien_thoai: 0263 3812 345\n",
        ])
        let result = site.build()
        #expect(result.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
        let page = try #require(result.text(of: "gioi-thieu/lanh-dao/index.html"))
        #expect(page.contains("Nguyễn Văn A"))
        #expect(page.contains("Phụ trách chung"))
        #expect(page.contains("tel:+842633812345"))
    }
}
