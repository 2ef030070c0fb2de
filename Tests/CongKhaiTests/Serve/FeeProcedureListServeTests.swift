import CongKhaiBuild
import CongKhaiModel
import Foundation
import Testing

/// serve and each fee's own list of procedures (`phi-le-phi/<id>/`): an edit the lists show puts
/// the procedure's row in place in its fees' lists; another fee named renders both fees' lists
/// whole (their counts change); a list that appears, vanishes or gains a page assembles the site
/// again; a fee layout edited in serve makes or drops the lists. After each edit the kept site is
/// a fresh build's, byte for byte (`SpliceUpdateTests.expectSameAsFreshBuild`).
@Suite("serve: each fee's list of procedures")
struct FeeProcedureListServeTests {
    /// Charges the birth fee alone (its only procedure).
    static let birth = "content/thu-tuc/ho-tich/1.001193.md"
    /// Charges phí chứng thực, with the `many` others.
    static let copy = "content/thu-tuc/ho-tich/3.000001.md"
    static let copyList = "phi-le-phi/phi-chung-thuc/index.html"
    static let birthList = "phi-le-phi/le-phi-khai-sinh/index.html"
    static let unusedList = "phi-le-phi/phi-chua-dung/index.html"

    static func built(many: Int = 12) throws -> (SiteBuild, TestSite) {
        let site = try FeeProcedureListTests.site(many: many)
        let build = SiteBuild(options: site.options())
        #expect(build.build().errorCount == 0)
        return (build, site)
    }

    @discardableResult
    func edit(_ build: SiteBuild, _ site: TestSite, _ path: String, _ text: String,
              sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> BuildResult {
        try site.write(path, text)
        let update = build.update(changed: [path])
        SpliceUpdateTests().expectSameAsFreshBuild(build, site, sourceLocation: sourceLocation)
        return update
    }

    static func text(_ build: SiteBuild, _ path: String) -> String {
        SpliceUpdateTests.text(build, path) ?? ""
    }

    static func copyProcedure(name: String = "Thủ tục thử A 001", fees: String = "[phi-chung-thuc]") -> String {
        ProcedureFixtures.procedure(code: "3.000001", name: name, fees: fees)
    }

    /// A new name: the row moves in the fee's list, spliced into its kept HTML; the fee page,
    /// which names none of the thirteen, is left as it was.
    @Test func aNameEditSplicesTheRowIntoItsFeesList() throws {
        let (build, site) = try Self.built()
        let update = try edit(build, site, Self.copy, Self.copyProcedure(name: "Thủ tục thử Z cuối danh sách"))
        #expect(update.splicedPaths.contains(Self.copyList))
        #expect(!update.renderedPaths.contains(Self.copyList) && !update.renderedPaths.contains("phi-le-phi/index.html"))
        #expect(!update.splicedPaths.contains(Self.birthList))
        let list = Self.text(build, Self.copyList)
        #expect(list.contains("Thủ tục thử Z cuối danh sách"))
        #expect(list.range(of: "Thủ tục thử A 012")!.lowerBound < list.range(of: "Thủ tục thử Z cuối danh sách")!.lowerBound)
        try edit(build, site, Self.copy, Self.copyProcedure())
    }

    /// The birth procedure names phí chứng thực too, then drops it: that list and the fee page
    /// (their counts) are rendered whole, the birth fee's list has the row spliced.
    @Test func anotherFeeRendersThatFeesListWhole() throws {
        let (build, site) = try Self.built()
        let added = try edit(build, site, Self.birth, ProcedureFixtures.procedure(fees: "[le-phi-khai-sinh, phi-chung-thuc]"))
        #expect(added.renderedPaths.contains(Self.copyList) && added.renderedPaths.contains("phi-le-phi/index.html"))
        #expect(added.splicedPaths.contains(Self.birthList))
        #expect(Self.text(build, Self.copyList).contains("<span class=\"field-count\">(14 thủ tục)</span>"))
        #expect(Self.text(build, "phi-le-phi/index.html").contains("Áp dụng cho <strong>14 thủ tục</strong>"))
        let back = try edit(build, site, Self.birth, ProcedureFixtures.procedure())
        #expect(back.renderedPaths.contains(Self.copyList))
        #expect(Self.text(build, Self.copyList).contains("<span class=\"field-count\">(13 thủ tục)</span>"))
    }

    /// The birth fee's only procedure moves to the unused fee: the birth fee's list goes (and
    /// its sitemap line), the other fee's comes; back again, the same the other way.
    @Test func aFeesFirstProcedureBringsItsListAndItsLastTakesItAway() throws {
        let (build, site) = try Self.built()
        #expect(build.output(Self.unusedList) == nil)
        try edit(build, site, Self.birth, ProcedureFixtures.procedure(fees: "[phi-chua-dung]"))
        #expect(build.output(Self.unusedList) != nil && build.output(Self.birthList) == nil)
        #expect(Self.text(build, "sitemap.xml").contains("phi-le-phi/phi-chua-dung/</loc>"))
        #expect(!Self.text(build, "sitemap.xml").contains("phi-le-phi/le-phi-khai-sinh/"))
        try edit(build, site, Self.birth, ProcedureFixtures.procedure())
        #expect(build.output(Self.unusedList) == nil && build.output(Self.birthList) != nil)
    }

    /// A list of 100 rows gains a 101st: its page 2 comes (linked from page 1); taken away, it goes.
    @Test func aFeeListGrowingPastAPageGetsItsSecondPage() throws {
        let (build, site) = try Self.built(many: ListPaging.rowsPerPage - 1)
        let second = "phi-le-phi/phi-chung-thuc/trang-2/index.html"
        #expect(build.output(second) == nil)
        try edit(build, site, Self.birth, ProcedureFixtures.procedure(fees: "[le-phi-khai-sinh, phi-chung-thuc]"))
        #expect(build.output(second) != nil)
        #expect(Self.text(build, Self.copyList).contains("<p class=\"pagination-status\">Trang 1/2</p>"))
        try edit(build, site, Self.birth, ProcedureFixtures.procedure())
        #expect(build.output(second) == nil)
    }

    /// The fee layout replaced in serve by one that links no list: the lists go and the fee page
    /// names every procedure; the default layout back, the lists come back.
    @Test func aFeeLayoutEditedInServeMakesOrDropsTheLists() throws {
        let (build, site) = try Self.built()
        let layout = "templates/layouts/phi-le-phi.mustache"
        let current = try String(contentsOf: site.folder.appendingPathComponent(layout), encoding: .utf8)
        let old = try String(contentsOf: TestSite.repositoryRoot.appendingPathComponent("Tests/Fixtures/fee-layout-without-lists/\(layout)"),
                              encoding: .utf8)
        try edit(build, site, layout, old)
        #expect(build.output(Self.copyList) == nil && build.output(Self.birthList) == nil)
        #expect(Self.text(build, "phi-le-phi/index.html").contains("Thủ tục thử A 012"))
        try edit(build, site, layout, current)
        #expect(build.output(Self.copyList) != nil)
        #expect(!Self.text(build, "phi-le-phi/index.html").contains("Thủ tục thử A 012"))
    }
}
