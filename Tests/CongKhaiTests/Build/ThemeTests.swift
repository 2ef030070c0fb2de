import CongKhaiBuild
import CongKhaiModel
import CongKhaiRender
import Foundation
import Testing

@Suite("The default theme is embedded in the binary and overridden file by file")
struct ThemeTests {
    static let templates = TestSite.repositoryRoot.appendingPathComponent("templates")

    @Test func theEmbeddedThemeEqualsTemplatesByteForByte() throws {
        let onDisk = Set(Theme.files(siteTemplates: Self.templates, includeDefault: false).map(\.path))
        let embedded = Theme.defaultFiles
        #expect(Set(embedded.map(\.path)) == onDisk, "run `make theme` after changing templates/")
        for file in embedded {
            let disk = FileManager.default.contents(atPath: Self.templates.appendingPathComponent(file.path).path)
            #expect(file.data == disk, "templates/\(file.path) differs from the embedded copy: run `make theme`")
        }
        #expect(embedded.count > 50)
    }

    @Test func theExampleSiteBuildsToTheSameBytesWithoutItsTemplatesFolder() throws {
        let withFolder = try TestSite([:])
        let without = try TestSite([:], theme: false)
        for site in [withFolder, without] {
            try FileManager.default.copyItem(at: TestSite.repositoryRoot.appendingPathComponent("content"), to: site.folder.appendingPathComponent("content"))
        }
        let a = withFolder.build(), b = without.build()
        #expect(a.errorCount == 0 && b.errorCount == 0)
        #expect(a.files.map(\.path) == b.files.map(\.path))
        for (x, y) in zip(a.files, b.files) {
            #expect(Self.bytes(x) == Self.bytes(y), "\(x.path)")
        }
    }

    @Test func aSiteFileReplacesOnlyTheDefaultFileAtItsPath() throws {
        let site = try TestSite([
            "content/site.yaml": "ten: Ủy ban nhân dân xã Thử Nghiệm\nten_ngan: Xã Thử Nghiệm\nloai: xa\ntinh: Tỉnh Lâm Đồng\n",
            "content/_index.md": "---\ntieu_de: Trang chủ\n---\nChào mừng.\n",
            "templates/partials/footer.mustache": "<footer>CHÂN TRANG RIÊNG CỦA XÃ</footer>\n",
            "templates/assets/site.js": "// riêng\n",
        ], theme: false)
        let result = site.build()
        #expect(result.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
        let home = try #require(result.text(of: "index.html"))
        #expect(home.contains("CHÂN TRANG RIÊNG CỦA XÃ"))
        #expect(home.contains("<header"), "the default header still renders")
        let js = try #require(result.files.first { $0.path == "assets/site.js" })
        #expect(Self.bytes(js) == Data("// riêng\n".utf8))
        #expect(result.files.contains { $0.path == "assets/style.css" })
    }

    @Test func aBrokenOverrideIsReportedAtTheSiteFile() throws {
        let site = try TestSite.minimal(["templates/layouts/page.mustache": "{{#khong-dong}}\n"])
        let result = site.build()
        #expect(result.diagnostics.contains { $0.severity == .error && $0.location.path == "templates/layouts/page.mustache" })
    }

    @Test func exportWritesTheWholeThemeAndNeverOverwrites() throws {
        let site = try TestSite([:], theme: false)
        let folder = site.folder.appendingPathComponent("templates")
        let written = try Theme.export(to: folder).get()
        #expect(written.count == Theme.defaultFiles.count)
        for file in Theme.defaultFiles {
            #expect(FileManager.default.contents(atPath: folder.appendingPathComponent(file.path).path) == file.data)
        }
        try site.write("templates/layouts/page.mustache", "mine")
        guard case let .failure(.exists(paths)) = Theme.export(to: folder) else {
            Issue.record("a second export must refuse")
            return
        }
        #expect(paths.contains("layouts/page.mustache"))
        #expect(site.read("layouts/page.mustache", in: folder) == "mine")
    }

    static func bytes(_ file: OutputFile) -> Data? {
        switch file.body {
        case let .bytes(data): return data
        case let .copy(url): return FileManager.default.contents(atPath: url.path)
        }
    }
}
