import CongKhaiBuild
import CongKhaiModel
import Foundation
import Testing

/// serve's splice of an edit the lists show (a procedure's name, deadline, fees): the procedure
/// is put in place, its own page and edition are rendered, and every list page showing it gets
/// its one row made again in the kept HTML (moved where it now sorts). Each edit is held against
/// a fresh build of the same files (paths, bytes, findings), and against the pages it says it
/// rendered or spliced, so a fast path that silently falls back fails here too.
@Suite("serve: the splice of an edit shown in the lists")
struct ListSpliceUpdateTests {
    static let procedurePath = "content/thu-tuc/ho-tich/1.001193.md"
    static let own = ["in/thu-tuc-ho-tich-1.001193.html", "thu-tuc/ho-tich/1.001193/index.html"]
    /// Every list the procedure is in (its lĩnh vực, its level, its fee and the fee's own list) and their editions.
    static let lists = ["in/index.html", "in/thu-tuc.html", "phi-le-phi/index.html", "phi-le-phi/le-phi-khai-sinh/index.html",
                        "thu-tuc/ho-tich/index.html", "thu-tuc/index.html", "thu-tuc/muc-do/toan-trinh/index.html"]

    /// Four procedures in Hộ tịch, three of them charging the same fee: rows before and after the
    /// edited one in every list, and a fee list whose first and last rows read their position.
    static func site() throws -> TestSite {
        try ProcedureFixtures.site([
            "content/thu-tuc/ho-tich/1.001194.md": ProcedureFixtures.procedure(code: "1.001194", name: "Thủ tục đăng ký kết hôn"),
            "content/thu-tuc/ho-tich/1.001195.md": ProcedureFixtures.procedure(code: "1.001195", name: "Thủ tục cấp bản sao trích lục hộ tịch"),
            "content/thu-tuc/ho-tich/1.001196.md": ProcedureFixtures.procedure(code: "1.001196", name: "Thủ tục xác nhận tình trạng hôn nhân",
                                                                                 fees: "[phi-chung-thuc]"),
        ])
    }

    static func built() throws -> (SiteBuild, TestSite) {
        let site = try site()
        let build = SiteBuild(options: site.options())
        #expect(build.build().errorCount == 0)
        return (build, site)
    }

    @discardableResult
    func edit(_ build: SiteBuild, _ site: TestSite, _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> BuildResult {
        try site.write(Self.procedurePath, text)
        let update = build.update(changed: [Self.procedurePath])
        SpliceUpdateTests().expectSameAsFreshBuild(build, site, sourceLocation: sourceLocation)
        return update
    }

    /// `more`: lists beyond `lists` that show the row (another fee's own list).
    func expectRowsSpliced(_ update: BuildResult, remade: [String] = [], more: [String] = [], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(update.renderedPaths == (Self.own + remade).sorted(), sourceLocation: sourceLocation)
        #expect(update.splicedPaths == (Self.lists + more).sorted().filter { !remade.contains($0) }, sourceLocation: sourceLocation)
        #expect(update.renderedPages == Self.own.count + remade.count, sourceLocation: sourceLocation)
    }

    static func text(_ build: SiteBuild, _ path: String) -> String {
        SpliceUpdateTests.text(build, path) ?? ""
    }

    /// A new name that sorts first, then last, then back where it was: the row moves each time.
    @Test func aTitleEditMovesItsRowInEveryListAndTheSearchAndOpenData() throws {
        let (build, site) = try Self.built()
        for name in ["(sửa) Thủ tục đăng ký khai sinh", "Thủ tục ủy quyền đăng ký khai sinh", "Thủ tục đăng ký khai sinh lần hai"] {
            let update = try edit(build, site, ProcedureFixtures.procedure(name: name))
            expectRowsSpliced(update)
            for path in Self.lists + ["du-lieu/tim-kiem.js", "du-lieu/thu-tuc.json", "du-lieu/thu-tuc.csv"] {
                #expect(Self.text(build, path).contains(name), "\(path)")
            }
        }
        // A body edit after it splices into the renderer the title edit left.
        let body = try edit(build, site, ProcedureFixtures.procedure(name: "Thủ tục đăng ký khai sinh lần hai", body: SpliceUpdateTests.body("Ghi chú.")))
        #expect(body.renderedPages == 2)
        #expect(body.splicedPaths.isEmpty)
    }

    /// A deadline the lists show, and a text with no unit: the warning comes and goes with it.
    @Test func aDeadlineEditMakesAFindingAppearAndGo() throws {
        let (build, site) = try Self.built()
        let bare = ProcedureFixtures.procedure().replacingOccurrences(of: "thoi_han: \"Ngay trong ngày làm việc\"\nthoi_han_ngay: 0\ndon_vi: ngay_lam_viec",
                                                                      with: "thoi_han: \"5\"")
        #expect(bare != ProcedureFixtures.procedure())
        let warned = try edit(build, site, bare)
        expectRowsSpliced(warned)
        #expect(warned.diagnostics.contains { $0.key == "procedure.deadline-unit" })
        #expect(Self.text(build, "thu-tuc/index.html").contains("<td data-label=\"Thời hạn\">5</td>"))
        let fixed = try edit(build, site, ProcedureFixtures.procedure().replacingOccurrences(of: "thoi_han_ngay: 0", with: "thoi_han_ngay: 3"))
        expectRowsSpliced(fixed)
        #expect(!fixed.diagnostics.contains { $0.key == "procedure.deadline-unit" })
    }

    /// Fees named in another order change the summary in the rows only; another fee changes the
    /// fee schedule page's lists and counts and the counts of the fees' own lists (rendered
    /// whole) and leaves a fee no procedure uses.
    @Test func aFeeEditSplicesTheRowsOrRemakesTheFeePage() throws {
        let (build, site) = try Self.built()
        let chungThuc = "phi-le-phi/phi-chung-thuc/index.html", khaiSinh = "phi-le-phi/le-phi-khai-sinh/index.html"
        let both = try edit(build, site, ProcedureFixtures.procedure(fees: "[le-phi-khai-sinh, phi-chung-thuc]"))
        expectRowsSpliced(both, remade: ["in/phi-le-phi.html", "phi-le-phi/index.html", chungThuc], more: [chungThuc])
        let reordered = try edit(build, site, ProcedureFixtures.procedure(fees: "[phi-chung-thuc, le-phi-khai-sinh]"))
        expectRowsSpliced(reordered, more: [chungThuc])
        let other = try edit(build, site, ProcedureFixtures.procedure(fees: "[phi-chung-thuc]"))
        expectRowsSpliced(other, remade: ["in/phi-le-phi.html", "phi-le-phi/index.html", khaiSinh], more: [chungThuc])
        let unknown = try edit(build, site, ProcedureFixtures.procedure(fees: "[phi-khong-co]"))
        #expect(unknown.diagnostics.contains { $0.key == "procedure.unknown-fee" })
        try edit(build, site, ProcedureFixtures.procedure())
    }

    /// What places a procedure (its lĩnh vực, level, date, code) is not spliced: the lists are rendered.
    @Test func anEditThatRegroupsTheProcedureRendersTheLists() throws {
        let (build, site) = try Self.built()
        let edits = [
            ProcedureFixtures.procedure(extra: "cap_nhat: 2026-09-01"),
            ProcedureFixtures.procedure(field: "Hộ tịch, chứng thực"),
            ProcedureFixtures.procedure().replacingOccurrences(of: "muc_do: toan_trinh", with: "muc_do: mot_phan\nly_do_mot_phan: \"Phải ký trực tiếp\""),
            ProcedureFixtures.procedure(code: "1.001199"),
        ]
        for (index, text) in edits.enumerated() {
            let update = try edit(build, site, text)
            #expect(update.splicedPaths.isEmpty, "edit \(index)")
            #expect(update.renderedPages > 2, "edit \(index)")
            try edit(build, site, ProcedureFixtures.procedure())
        }
    }

    /// A theme whose lĩnh vực list also shows the pages below it (`children`, in reading order by
    /// title): a new name moves the procedure there too, so the lists of that layout (the lĩnh
    /// vực's and the level's) are rendered whole.
    @Test func aListLayoutThatReadsThePagesBelowItIsRenderedWhole() throws {
        let site = try Self.site()
        let layout = "templates/layouts/danh-sach-thu-tuc.mustache"
        let original = try String(contentsOf: site.folder.appendingPathComponent(layout), encoding: .utf8)
        try site.write(layout, original + "{{#children}}<!-- {{title}} -->{{/children}}\n")
        let build = SiteBuild(options: site.options())
        build.build()
        let update = try edit(build, site, ProcedureFixtures.procedure(name: "(sửa) Thủ tục đăng ký khai sinh"))
        #expect(update.renderedPaths == (Self.own + ["thu-tuc/ho-tich/index.html", "thu-tuc/muc-do/toan-trinh/index.html"]).sorted())
        #expect(!update.splicedPaths.contains("thu-tuc/ho-tich/index.html"))
        #expect(update.splicedPaths.contains("thu-tuc/index.html"))
    }

    /// Lists split into pages (151 in Hộ tịch, 152 in all: two pages each): a new name that
    /// keeps the row on its page splices that page alone; one that sorts it onto the next page
    /// renders the pages whose rows change whole (and leaves the others); back again the same.
    @Test func anEditInAListSplitIntoPagesSplicesItsPageOrRendersThePagesItCrosses() throws {
        let site = try ProcedureFixtures.site(ProcedureFixtures.many(150))
        let build = SiteBuild(options: site.options())
        #expect(build.build().errorCount == 0)
        let secondPages = ["thu-tuc/ho-tich/trang-2/index.html", "thu-tuc/muc-do/toan-trinh/trang-2/index.html", "thu-tuc/trang-2/index.html"]
        let firstPages = ["thu-tuc/ho-tich/index.html", "thu-tuc/index.html", "thu-tuc/muc-do/toan-trinh/index.html"]
        for path in secondPages { #expect(build.output(path) != nil, "\(path)") }

        let same = try edit(build, site, ProcedureFixtures.procedure(name: "Thủ tục đăng ký khai sinh (sửa)"))
        #expect(same.renderedPaths == Self.own.sorted())
        for path in firstPages { #expect(same.splicedPaths.contains(path), "\(path)") }
        for path in secondPages { #expect(!same.splicedPaths.contains(path) && !same.renderedPaths.contains(path), "\(path)") }
        #expect(Self.text(build, "thu-tuc/index.html").contains("Thủ tục đăng ký khai sinh (sửa)"))

        let moved = try edit(build, site, ProcedureFixtures.procedure(name: "Thủ tục thử A 999"))
        for path in firstPages + secondPages { #expect(moved.renderedPaths.contains(path), "\(path)") }
        #expect(Self.text(build, "thu-tuc/trang-2/index.html").contains("Thủ tục thử A 999"))
        #expect(!Self.text(build, "thu-tuc/index.html").contains("Thủ tục thử A 999"))
        // The notice board's whole list still has the row put in place.
        #expect(moved.splicedPaths.contains("in/thu-tuc.html"))

        let back = try edit(build, site, ProcedureFixtures.procedure())
        for path in firstPages + secondPages { #expect(back.renderedPaths.contains(path), "\(path)") }
        #expect(Self.text(build, "thu-tuc/index.html").contains("Thủ tục đăng ký khai sinh"))
    }

    /// A procedure removed from a list of 101 rows leaves it one page long: its page 2 goes,
    /// and the site is a fresh build's; added back, page 2 comes back.
    @Test func removingAProcedureShortensAListSplitIntoPages() throws {
        let site = try ProcedureFixtures.site(ProcedureFixtures.many(ListPaging.rowsPerPage - 1))
        let build = SiteBuild(options: site.options())
        #expect(build.build().errorCount == 0)
        #expect(build.output("thu-tuc/trang-2/index.html") != nil)
        let removed = "content/thu-tuc/ho-tich/3.000001.md"
        let text = try String(contentsOf: site.folder.appendingPathComponent(removed), encoding: .utf8)
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent(removed))
        build.update(changed: [removed])
        #expect(build.output("thu-tuc/trang-2/index.html") == nil)
        #expect(!Self.text(build, "thu-tuc/index.html").contains("class=\"pagination\""))
        SpliceUpdateTests().expectSameAsFreshBuild(build, site)
        try site.write(removed, text)
        build.update(changed: [removed])
        #expect(build.output("thu-tuc/trang-2/index.html") != nil)
        SpliceUpdateTests().expectSameAsFreshBuild(build, site)
    }
}
