import CongKhaiBuild
import CongKhaiModel
import Foundation
import Testing

/// Each of serve's update paths against the oracle of a fresh full build: whatever path an
/// update takes (one file, the whole site, a template, an asset), the site it leaves in
/// memory is the one `build` would make from the same files.
@Suite("serve: every update path leaves the site a full build would make")
struct IncrementalUpdatePathTests {
    static let procedurePage = "thu-tuc/ho-tich/1.001193/index.html"

    static func site() throws -> TestSite {
        try ProcedureFixtures.site([
            "content/tin-tuc/_index.md": "---\ntieu_de: Tin tức\n---\n",
            "content/tin-tuc/hop-dan.md": "---\ntieu_de: Họp dân quý IV\nngay: 2026-10-02\n---\nNội dung.\n",
        ])
    }

    func text(_ build: SiteBuild, _ path: String) -> String? {
        guard let file = build.output(path), case let .bytes(data) = file.body else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// The updated build holds exactly the paths and bytes of a fresh build of the same folder.
    func expectSameAsFreshBuild(_ build: SiteBuild, _ site: TestSite, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let fresh = SiteBuild(options: site.options())
        fresh.build()
        #expect(build.outputFiles.map(\.path) == fresh.outputFiles.map(\.path), sourceLocation: sourceLocation)
        for path in fresh.outputFiles.map(\.path) where text(build, path) != text(fresh, path) {
            Issue.record("\(path) differs from a fresh build after the update", sourceLocation: sourceLocation)
        }
    }

    @Test func aNewCommuneNameInSiteYAMLReachesEveryPage() throws {
        let site = try Self.site()
        let build = SiteBuild(options: site.options())
        build.build()
        let siteYAML = try String(contentsOf: site.folder.appendingPathComponent("content/site.yaml"), encoding: .utf8)
        try site.write("content/site.yaml", siteYAML.replacingOccurrences(of: "xã Thử Nghiệm", with: "xã Đổi Tên"))
        let update = build.update(changed: ["content/site.yaml"])
        #expect(update.errorCount == 0)
        // A procedure's page depends on its own file only, except for what every page shows.
        #expect(text(build, Self.procedurePage)?.contains("Ủy ban nhân dân xã Đổi Tên") == true)
        expectSameAsFreshBuild(build, site)
    }

    @Test func aRetitledMenuSectionReachesEveryPagesMenu() throws {
        let site = try Self.site()
        let build = SiteBuild(options: site.options())
        build.build()
        try site.write("content/tin-tuc/_index.md", "---\ntieu_de: Tin hoạt động\n---\n")
        let update = build.update(changed: ["content/tin-tuc/_index.md"])
        #expect(update.errorCount == 0)
        #expect(text(build, Self.procedurePage)?.contains("Tin hoạt động") == true)
        expectSameAsFreshBuild(build, site)
    }

    @Test func aRemovedProcedureLeavesNoPageAndNoError() throws {
        let site = try Self.site()
        let build = SiteBuild(options: site.options())
        build.build()
        #expect(text(build, "thu-tuc/chung-thuc/2.000908/index.html") != nil)
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent(IncrementalBuildTests.secondPath))
        let update = build.update(changed: [IncrementalBuildTests.secondPath])
        #expect(update.errorCount == 0)
        #expect(build.output("thu-tuc/chung-thuc/2.000908/index.html") == nil)
        #expect(text(build, "du-lieu/tim-kiem.js")?.contains("2.000908") == false)
        expectSameAsFreshBuild(build, site)
    }

    @Test func aChangedPartialReachesTheLayoutsThatIncludeIt() throws {
        let site = try Self.site()
        let build = SiteBuild(options: site.options())
        let first = build.build()
        let partial = "templates/partials/page-end.mustache"
        let original = try String(contentsOf: site.folder.appendingPathComponent(partial), encoding: .utf8)
        try site.write(partial, "<!-- chan-trang-moi -->\n" + original)
        let update = build.update(changed: [partial])
        #expect(update.errorCount == 0)
        // page-end closes every web layout (not the notice-board editions, which have their own).
        #expect(update.renderedPages > 0 && update.renderedPages < first.renderedPages)
        #expect(text(build, Self.procedurePage)?.contains("<!-- chan-trang-moi -->") == true)
        expectSameAsFreshBuild(build, site)
    }

    /// 404.html carries the stylesheet inline (it is answered at any depth): it follows the change.
    @Test func aChangedStylesheetIsServedAndInlinedInTheNotFoundPage() throws {
        let site = try Self.site()
        let build = SiteBuild(options: site.options())
        build.build()
        let stylesheet = "templates/assets/style.css"
        let original = try String(contentsOf: site.folder.appendingPathComponent(stylesheet), encoding: .utf8)
        try site.write(stylesheet, original + "\n.mau-moi-kiem-thu { color: #123456; }\n")
        let update = build.update(changed: [stylesheet])
        #expect(update.errorCount == 0)
        #expect(text(build, "assets/style.css")?.contains("mau-moi-kiem-thu") == true)
        #expect(text(build, "404.html")?.contains("mau-moi-kiem-thu") == true)
        expectSameAsFreshBuild(build, site)
    }
}
