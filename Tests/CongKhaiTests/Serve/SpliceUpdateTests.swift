import CongKhaiBuild
import CongKhaiModel
import Foundation
import Testing

/// serve's splice (an edit that shows only on its own page is put in place in the kept site and
/// only that page and its notice-board edition are rendered again) and every edit that must not
/// take it, each against the oracle of a fresh build of the same files: the same paths, the same
/// bytes and the same findings. A shortcut taken where it is wrong fails here.
@Suite("serve: the splice of a body edit, and the edits that must not take it")
struct SpliceUpdateTests {
    static let procedurePath = "content/thu-tuc/ho-tich/1.001193.md"
    static let newsPath = "content/tin-tuc/hop-dan.md"

    static func site() throws -> TestSite {
        try ProcedureFixtures.site([
            "content/tin-tuc/_index.md": "---\ntieu_de: Tin tức\n---\n",
            newsPath: "---\ntieu_de: Họp dân quý IV\nngay: 2026-10-02\nmo_ta: Họp dân cuối năm.\n---\nNội dung.\n",
        ])
    }

    static func body(_ lead: String) -> String {
        lead + "\n\n## Trình tự thực hiện\n\n1. Nộp hồ sơ.\n\n## Thành phần hồ sơ\n\nTờ khai.\n\n## Yêu cầu, điều kiện\n\nKhông có.\n"
    }

    /// Edits `path`, updates, and holds the result against a fresh build.
    @discardableResult
    func edit(_ build: SiteBuild, _ site: TestSite, _ path: String, _ text: String,
              sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> BuildResult {
        try site.write(path, text)
        let update = build.update(changed: [path])
        expectSameAsFreshBuild(build, site, sourceLocation: sourceLocation)
        return update
    }

    /// The same paths, bytes and findings as a fresh build of the folder.
    func expectSameAsFreshBuild(_ build: SiteBuild, _ site: TestSite, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let fresh = SiteBuild(options: site.options())
        fresh.build()
        #expect(build.outputFiles.map(\.path) == fresh.outputFiles.map(\.path), sourceLocation: sourceLocation)
        for path in fresh.outputFiles.map(\.path) where Self.bytes(build, path) != Self.bytes(fresh, path) {
            Issue.record("\(path) differs from a fresh build after the update", sourceLocation: sourceLocation)
        }
        #expect(Self.findings(build) == Self.findings(fresh), sourceLocation: sourceLocation)
    }

    static func bytes(_ build: SiteBuild, _ path: String) -> Data? {
        guard let file = build.output(path), case let .bytes(data) = file.body else { return nil }
        return data
    }

    static func findings(_ build: SiteBuild) -> [String] {
        build.diagnostics.map { "\($0.stage?.label ?? "-") \($0.key) \($0.formatted)" }.sorted()
    }

    static func text(_ build: SiteBuild, _ path: String) -> String? {
        bytes(build, path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func aProcedureBodyEditRendersItsPageAndItsEditionOnly() throws {
        let site = try Self.site()
        let build = SiteBuild(options: site.options())
        #expect(build.build().errorCount == 0)
        let update = try edit(build, site, Self.procedurePath, ProcedureFixtures.procedure(body: Self.body("Ghi chú mới về hồ sơ.")))
        #expect(update.renderedPages == 2)
        #expect(Self.text(build, "thu-tuc/ho-tich/1.001193/index.html")?.contains("Ghi chú mới về hồ sơ.") == true)
        #expect(Self.text(build, "in/thu-tuc-ho-tich-1.001193.html")?.contains("Ghi chú mới về hồ sơ.") == true)
    }

    @Test func aNewsBodyEditRendersThatPageOnly() throws {
        let site = try Self.site()
        let build = SiteBuild(options: site.options())
        build.build()
        let update = try edit(build, site, Self.newsPath, "---\ntieu_de: Họp dân quý IV\nngay: 2026-10-02\nmo_ta: Họp dân cuối năm.\n---\nNội dung đã sửa.\n")
        #expect(update.renderedPages == 1)
    }

    /// Body edits in a row, then edits that show in the lists, then body edits again: the kept
    /// renderer follows the site each time.
    @Test func bodyEditsBetweenTitleAndListFieldEditsStayInStep() throws {
        let site = try Self.site()
        let build = SiteBuild(options: site.options())
        build.build()
        try edit(build, site, Self.procedurePath, ProcedureFixtures.procedure(body: Self.body("Lần một.")))
        try edit(build, site, Self.procedurePath, ProcedureFixtures.procedure(body: Self.body("Lần hai.")))
        let title = try edit(build, site, Self.procedurePath, ProcedureFixtures.procedure(name: "Đăng ký khai sinh (sửa)", body: Self.body("Lần hai.")))
        // The lists get the new name in their kept HTML (ListSpliceUpdateTests).
        #expect(title.renderedPages == 2)
        #expect(title.splicedPaths.contains("thu-tuc/index.html"))
        #expect(Self.text(build, "thu-tuc/index.html")?.contains("Đăng ký khai sinh (sửa)") == true)
        let body = try edit(build, site, Self.procedurePath, ProcedureFixtures.procedure(name: "Đăng ký khai sinh (sửa)", body: Self.body("Lần ba.")))
        #expect(body.renderedPages == 2)
        #expect(Self.text(build, "thu-tuc/index.html")?.contains("Đăng ký khai sinh (sửa)") == true)
        let news = try edit(build, site, Self.newsPath, "---\ntieu_de: Họp dân (đổi tên)\nngay: 2026-10-02\n---\nNội dung.\n")
        #expect(news.renderedPages > 1)
        try edit(build, site, Self.newsPath, "---\ntieu_de: Họp dân (đổi tên)\nngay: 2026-10-02\n---\nNội dung khác.\n")
    }

    /// Fields the lists, search index and open data show: none of them takes the body's splice;
    /// the lists are rendered, or have the procedure's row put in place (ListSpliceUpdateTests).
    @Test func anEditOfAFieldShownInListsRendersTheLists() throws {
        let site = try Self.site()
        let build = SiteBuild(options: site.options())
        build.build()
        let edits = [
            ProcedureFixtures.procedure(extra: "cap_nhat: 2026-09-01"),
            ProcedureFixtures.procedure(field: "Hộ tịch, chứng thực"),
            ProcedureFixtures.procedure(fees: "mien"),
            ProcedureFixtures.procedure().replacingOccurrences(of: "muc_do: toan_trinh", with: "muc_do: mot_phan\nly_do_mot_phan: \"Phải ký trực tiếp\""),
            ProcedureFixtures.procedure().replacingOccurrences(of: "thoi_han_ngay: 0", with: "thoi_han_ngay: 3"),
        ]
        for (index, text) in edits.enumerated() {
            let update = try edit(build, site, Self.procedurePath, text)
            #expect(update.renderedPages > 2 || !update.splicedPaths.isEmpty, "edit \(index)")
        }
    }

    /// The checks read a procedure's sections: a body that drops one is checked again.
    @Test func aBodyEditThatDropsARequiredSectionIsCheckedAgain() throws {
        let site = try Self.site()
        let build = SiteBuild(options: site.options())
        build.build()
        let before = Self.findings(build)
        try edit(build, site, Self.procedurePath, ProcedureFixtures.procedure(body: "## Thành phần hồ sơ\n\nTờ khai.\n"))
        #expect(Self.findings(build) != before)
        try edit(build, site, Self.procedurePath, ProcedureFixtures.procedure())
        #expect(Self.findings(build) == before)
    }

    /// A link in a body is checked when its page is rendered: the splice reports it and forgets it.
    @Test func aBrokenLinkInASplicedBodyIsReportedAndFixed() throws {
        let site = try Self.site()
        let build = SiteBuild(options: site.options())
        build.build()
        let broken = try edit(build, site, Self.procedurePath, ProcedureFixtures.procedure(body: Self.body("Xem [mẫu](../khong-co.md).")))
        #expect(broken.renderedPages == 2)
        #expect(broken.diagnostics.contains { $0.key == "link.broken" })
        let fixed = try edit(build, site, Self.procedurePath, ProcedureFixtures.procedure(body: Self.body("Xem [tin](../../tin-tuc/hop-dan.md).")))
        #expect(fixed.renderedPages == 2)
        #expect(!fixed.diagnostics.contains { $0.key == "link.broken" })
    }

    @Test func aNewCodeARemovedAndAnAddedProcedureMatchAFreshBuild() throws {
        let site = try Self.site()
        let build = SiteBuild(options: site.options())
        build.build()
        try edit(build, site, Self.procedurePath, ProcedureFixtures.procedure(code: "1.001195"))
        let added = "content/thu-tuc/ho-tich/1.001200.md"
        try edit(build, site, added, ProcedureFixtures.procedure(code: "1.001200", name: "Đăng ký kết hôn"))
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent(added))
        build.update(changed: [added])
        expectSameAsFreshBuild(build, site)
        try edit(build, site, Self.procedurePath, ProcedureFixtures.procedure(code: "1.001195", body: Self.body("Sau khi đổi mã.")))
    }

    @Test func aFeeScheduleEditReachesEveryProcedureThatNamesTheFee() throws {
        let site = try Self.site()
        let build = SiteBuild(options: site.options())
        build.build()
        // Before, the procedure pages (made from their own files) kept the old fee names.
        let update = try edit(build, site, "content/phi-le-phi.yaml", ProcedureFixtures.fees.replacingOccurrences(of: "Lệ phí đăng ký khai sinh", with: "Lệ phí khai sinh (mới)"))
        #expect(Self.text(build, "thu-tuc/ho-tich/1.001193/index.html")?.contains("Lệ phí khai sinh (mới)") == true)
        #expect(update.renderedPages > 2)
    }

    /// A template or site.yaml change renders the pages again with a new renderer; a body edit
    /// after it must splice into that one, not the renderer from before.
    @Test func aBodyEditAfterATemplateOrSiteChangeUsesTheNewRenderer() throws {
        let site = try Self.site()
        let build = SiteBuild(options: site.options())
        build.build()
        let layout = "templates/layouts/thu-tuc.mustache"
        let original = try String(contentsOf: site.folder.appendingPathComponent(layout), encoding: .utf8)
        try edit(build, site, layout, original + "<!-- mau-moi -->\n")
        try edit(build, site, Self.procedurePath, ProcedureFixtures.procedure(body: Self.body("Sau mẫu mới.")))
        #expect(Self.text(build, "thu-tuc/ho-tich/1.001193/index.html")?.contains("<!-- mau-moi -->") == true)
        let siteYAML = try String(contentsOf: site.folder.appendingPathComponent("content/site.yaml"), encoding: .utf8)
        try edit(build, site, "content/site.yaml", siteYAML.replacingOccurrences(of: "xã Thử Nghiệm", with: "xã Đổi Tên"))
        try edit(build, site, Self.procedurePath, ProcedureFixtures.procedure(body: Self.body("Sau tên mới.")))
        #expect(Self.text(build, "thu-tuc/ho-tich/1.001193/index.html")?.contains("xã Đổi Tên") == true)
    }

    /// A page made a draft leaves the site, and one given placeholders is held back: neither splices.
    @Test func aPageMadeADraftLeavesTheSite() throws {
        let site = try Self.site()
        let build = SiteBuild(options: site.options())
        build.build()
        try edit(build, site, Self.newsPath, "---\ntieu_de: Họp dân quý IV\nngay: 2026-10-02\nnhap: true\n---\nNội dung.\n")
        #expect(build.output("tin-tuc/hop-dan/index.html") == nil)
        try edit(build, site, Self.newsPath, "---\ntieu_de: Họp dân quý IV\nngay: 2026-10-02\n---\nNội dung.\n")
        #expect(build.output("tin-tuc/hop-dan/index.html") != nil)
    }

    /// The example site's kinds: a budget, a reform report, a disclosure and a page with
    /// sub-pages, each edited in its body and in a field, against a fresh build each time.
    @Test func theExampleSitesKindsMatchAFreshBuildAfterEachEdit() throws {
        let site = try TestSite([:])
        for part in ["content"] {
            try FileManager.default.copyItem(at: TestSite.repositoryRoot.appendingPathComponent(part), to: site.folder.appendingPathComponent(part))
        }
        let build = SiteBuild(options: site.options())
        build.build()
        let read = { (path: String) in try String(contentsOf: site.folder.appendingPathComponent(path), encoding: .utf8) }
        let page = "content/gioi-thieu/_index.md"
        let news = "content/tin-tuc/hdnd-thong-qua-du-toan-ngan-sach-2026.md"
        let disclosure = "content/cong-khai/danh-sach-ho-ngheo-2026.md"
        let report = "content/cchc/2026-quy-3.md"
        for path in [page, news, disclosure, report] {
            let original = try read(path)
            let update = try edit(build, site, path, original + "\nMột đoạn thêm vào cuối.\n")
            if path == page || path == news { #expect(update.renderedPages == 1, "\(path)") }
            try edit(build, site, path, original.replacingOccurrences(of: "tieu_de: ", with: "tieu_de: Sửa "))
            try edit(build, site, path, original)
        }
        let budget = "content/ngan-sach/2026/du-toan.yaml"
        let original = try read(budget)
        try edit(build, site, budget, original.replacingOccurrences(of: "là **48,65 tỷ đồng**", with: "là **48,650 tỷ đồng**"))
        try edit(build, site, budget, original.replacingOccurrences(of: "ngay_cong_khai: 2025-12-26", with: "ngay_cong_khai: 2025-12-27"))
        try edit(build, site, budget, original)
    }
}
