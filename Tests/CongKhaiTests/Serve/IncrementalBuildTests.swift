import CongKhaiBuild
import CongKhaiModel
import CongKhaiRender
import Foundation
import Testing

@Suite("serve: one in-memory build, updated file by file")
struct IncrementalBuildTests {
    static let procedurePath = "content/thu-tuc/ho-tich/1.001193.md"
    static let secondPath = "content/thu-tuc/chung-thuc/2.000908.md"

    static func site() throws -> TestSite {
        try ProcedureFixtures.site([
            secondPath: ProcedureFixtures.procedure(code: "2.000908", name: "Thủ tục chứng thực bản sao", field: "Chứng thực", fees: "mien"),
            "content/tin-tuc/_index.md": "---\ntieu_de: Tin tức\n---\n",
            "content/tin-tuc/hop-dan.md": "---\ntieu_de: Họp dân quý IV\nngay: 2026-10-02\n---\nNội dung.\n",
        ])
    }

    func text(_ build: SiteBuild, _ path: String) -> String? {
        guard let file = build.output(path), case let .bytes(data) = file.body else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func editingAProcedureRendersItsPageAndTheListsNotTheOtherProcedures() throws {
        let site = try Self.site()
        let build = SiteBuild(options: site.options())
        let first = build.build()
        #expect(first.errorCount == 0)
        let otherBefore = try #require(text(build, "thu-tuc/chung-thuc/2.000908/index.html"))
        let articleBefore = try #require(text(build, "tin-tuc/hop-dan/index.html"))

        try site.write(Self.procedurePath, ProcedureFixtures.procedure(name: "Thủ tục đăng ký khai sinh (sửa đổi)"))
        let update = build.update(changed: [Self.procedurePath])

        #expect(update.errorCount == 0)
        #expect(update.renderedPages > 0 && update.renderedPages < first.renderedPages)
        #expect(text(build, "thu-tuc/ho-tich/1.001193/index.html")?.contains("(sửa đổi)") == true)
        #expect(text(build, "thu-tuc/ho-tich/index.html")?.contains("(sửa đổi)") == true)
        #expect(text(build, "thu-tuc/index.html")?.contains("(sửa đổi)") == true)
        #expect(text(build, "du-lieu/tim-kiem.js")?.contains("(sửa đổi)") == true)
        // Untouched single-file pages are the very same bytes as before.
        #expect(text(build, "thu-tuc/chung-thuc/2.000908/index.html") == otherBefore)
        #expect(text(build, "tin-tuc/hop-dan/index.html") == articleBefore)
    }

    @Test func anUpdateGivesTheSameSiteAsAFullBuild() throws {
        let site = try Self.site()
        let build = SiteBuild(options: site.options())
        build.build()
        try site.write(Self.procedurePath, ProcedureFixtures.procedure(name: "Thủ tục đăng ký khai sinh (sửa đổi)"))
        build.update(changed: [Self.procedurePath])
        let fresh = SiteBuild(options: site.options())
        fresh.build()
        let updated = build.outputFiles.map(\.path)
        #expect(updated == fresh.outputFiles.map(\.path))
        for path in updated {
            #expect(text(build, path) == text(fresh, path), "\(path) differs after an update")
        }
    }

    @Test func aBrokenFileIsReportedAndFixingItRecovers() throws {
        let site = try Self.site()
        let build = SiteBuild(options: site.options())
        build.build()
        let good = ProcedureFixtures.procedure()
        try site.write(Self.procedurePath, good.replacingOccurrences(of: "linh_vuc:", with: "linh_vuc: [chưa đóng\nx:"))
        let broken = build.update(changed: [Self.procedurePath])
        let error = try #require(broken.diagnostics.first { $0.severity == .error })
        #expect(error.location.path == Self.procedurePath)
        #expect(error.location.line > 1)

        try site.write(Self.procedurePath, good)
        let fixed = build.update(changed: [Self.procedurePath])
        #expect(fixed.errorCount == 0)
        #expect(text(build, "thu-tuc/ho-tich/1.001193/index.html") != nil)
    }

    @Test func aTemplateChangeRendersOnlyThePagesUsingIt() throws {
        let site = try Self.site()
        let build = SiteBuild(options: site.options())
        let first = build.build()
        let layout = site.folder.appendingPathComponent("templates/layouts/thu-tuc.mustache")
        let text = try String(contentsOf: layout, encoding: .utf8)
        try site.write("templates/layouts/thu-tuc.mustache", text.replacingOccurrences(of: "{{> partials/page-end}}", with: "<!-- mau-moi -->\n{{> partials/page-end}}"))
        let update = build.update(changed: ["templates/layouts/thu-tuc.mustache"])
        #expect(update.renderedPages == 2)
        #expect(update.renderedPages < first.renderedPages)
        #expect(self.text(build, "thu-tuc/ho-tich/1.001193/index.html")?.contains("<!-- mau-moi -->") == true)
    }

    @Test func addingAFileRebuildsEverything() throws {
        let site = try Self.site()
        let build = SiteBuild(options: site.options())
        let first = build.build()
        let path = "content/thu-tuc/ho-tich/1.000894.md"
        try site.write(path, ProcedureFixtures.procedure(code: "1.000894", name: "Thủ tục đăng ký kết hôn"))
        let update = build.update(changed: [path])
        #expect(update.errorCount == 0)
        // The procedure's page and its notice-board edition (in/).
        #expect(update.renderedPages == first.renderedPages + 2)
        #expect(text(build, "thu-tuc/ho-tich/1.000894/index.html") != nil)
        #expect(text(build, "in/thu-tuc-ho-tich-1.000894.html") != nil)
    }
}

/// A folder's own page written as `index.md` (kind `.page`, not `.section`) lists its sub-pages
/// with `bo_cuc: section`, and they show it in their breadcrumbs: `serve` must keep both in step
/// after an edit of either. The folder is one level down so that no menu title changes (a
/// changed menu renders every page and would hide a skipped page).
@Suite("serve: a page with sub-pages and its sub-pages stay in step")
struct IncrementalParentPageTests {
    static let parentPath = "content/gioi-thieu/to-chuc/index.md"
    static let childPath = "content/gioi-thieu/to-chuc/phong-van-hoa.md"

    static func site() throws -> TestSite {
        try TestSite.minimal([
            "content/gioi-thieu/_index.md": "---\ntieu_de: Giới thiệu\n---\n",
            parentPath: "---\ntieu_de: Cơ cấu tổ chức\nbo_cuc: section\n---\nCác phòng, ban.\n",
            childPath: "---\ntieu_de: Phòng Văn hóa\n---\nNội dung.\n",
            "content/gioi-thieu/to-chuc/van-phong.md": "---\ntieu_de: Văn phòng HĐND và UBND\n---\nNội dung.\n",
            // Outside the folder: neither edit touches it, so an update renders fewer pages than a build.
            "content/gioi-thieu/lich-su.md": "---\ntieu_de: Lịch sử hình thành\n---\nNội dung.\n",
        ])
    }

    func text(_ build: SiteBuild, _ path: String) -> String? {
        guard let file = build.output(path), case let .bytes(data) = file.body else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func aRenamedSubPageIsListedUnderItsNewTitleOnTheParentPage() throws {
        let site = try Self.site()
        let build = SiteBuild(options: site.options())
        #expect(build.build().errorCount == 0)
        let parent = "gioi-thieu/to-chuc/index.html"
        #expect(text(build, parent)?.contains("Phòng Văn hóa") == true)

        try site.write(Self.childPath, "---\ntieu_de: Phòng Văn hóa - Xã hội\n---\nNội dung.\n")
        let update = build.update(changed: [Self.childPath])

        #expect(update.errorCount == 0)
        // Not a fall-back to a full render: the incremental path itself is under test.
        #expect(update.renderedPages < build.outputFiles.filter { $0.path.hasSuffix(".html") }.count)
        #expect(text(build, parent)?.contains("Phòng Văn hóa - Xã hội") == true)
        let fresh = SiteBuild(options: site.options())
        fresh.build()
        #expect(text(build, parent) == text(fresh, parent))
    }

    @Test func aRetitledParentPageShowsInItsSubPagesBreadcrumbs() throws {
        let site = try Self.site()
        let build = SiteBuild(options: site.options())
        #expect(build.build().errorCount == 0)
        let child = "gioi-thieu/to-chuc/phong-van-hoa/index.html"
        #expect(text(build, child)?.contains("Cơ cấu tổ chức") == true)

        try site.write(Self.parentPath, "---\ntieu_de: Tổ chức bộ máy\nbo_cuc: section\n---\nCác phòng, ban.\n")
        let update = build.update(changed: [Self.parentPath])

        #expect(update.errorCount == 0)
        #expect(update.renderedPages < build.outputFiles.filter { $0.path.hasSuffix(".html") }.count)
        #expect(text(build, child)?.contains("Tổ chức bộ máy") == true)
        let fresh = SiteBuild(options: site.options())
        fresh.build()
        for path in fresh.outputFiles.map(\.path) {
            #expect(text(build, path) == text(fresh, path), "\(path) differs after the parent page changed")
        }
    }
}
