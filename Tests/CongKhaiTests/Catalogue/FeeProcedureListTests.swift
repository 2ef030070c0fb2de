import CongKhaiBuild
@testable import CongKhaiLoad
@testable import CongKhaiModel
@testable import CongKhaiRender
import Foundation
import Testing

/// The fee schedule page shows each fee's count of procedures and links to the fee's own list
/// (`phi-le-phi/<id>/`, layout `thu-tuc-theo-phi`, split into pages like the catalogue) instead
/// of naming every procedure: at 10,000 procedures the page was 1.8 MB. A site's own fee layout
/// that does not link the lists keeps its inline lists, and no list page is made.
@Suite("catalogue: each fee's procedures on a page of their own")
struct FeeProcedureListTests {
    /// The fixtures' two fees plus one no procedure charges.
    static let fees = ProcedureFixtures.fees + """
      - id: phi-chua-dung
        ten: "Phí chưa áp dụng"
        loai: phi
        muc_thu: 5000
        don_vi_tinh: "đồng/hồ sơ"
        phuong_thuc_thu: "Nộp trực tiếp"
        doi_tuong_nop: "Người yêu cầu"
        mien_giam: []
        van_ban:
          so_hieu: "226/2016/TT-BTC"

    """

    /// Phí chứng thực charged by `many` + 1 procedures (Chứng thực bản sao and `many` in Hộ
    /// tịch), the birth fee by one, the third fee by none.
    static func site(many: Int = 12, _ more: [String: String] = [:]) throws -> TestSite {
        var files = ProcedureFixtures.many(many, fees: "[phi-chung-thuc]")
        files["content/phi-le-phi.yaml"] = fees
        files.merge(more) { _, new in new }
        return try ProcedureFixtures.site(files)
    }

    /// The `<article>` of fee `id` on the fee schedule page.
    static func article(_ id: String, in html: String) -> String? {
        guard let start = html.range(of: "<article class=\"fee\" id=\"\(id)\""),
              let end = html.range(of: "</article>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    static func rowCount(_ html: String) -> Int {
        html.components(separatedBy: "<td class=\"col-code\"").count - 1
    }

    /// The internal links of `path` that lead to no file the build made.
    static func brokenLinks(of path: String, in result: BuildResult) -> [String] {
        let paths = Set(result.files.map(\.path))
        let folder = URL(fileURLWithPath: "/site/" + path).deletingLastPathComponent()
        return (result.text(of: path) ?? "").matches(of: /href="([^"#:]+)[^"]*"/).map { String($0.1) }.filter { href in
            !paths.contains(String(URL(fileURLWithPath: href, relativeTo: folder).standardizedFileURL.path.dropFirst("/site/".count)))
        }
    }

    @Test func aFeeShowsItsCountAndLinksToItsOwnList() throws {
        let result = try Self.site().build()
        #expect(result.errorCount == 0, "\(result.diagnostics.filter { $0.severity == .error }.map(\.formatted))")
        let page = try #require(result.text(of: "phi-le-phi/index.html"))
        // Thirteen procedures: the count and the link, no name of them.
        let many = try #require(Self.article("phi-chung-thuc", in: page))
        #expect(many.contains("Áp dụng cho <strong>13 thủ tục</strong>. <a href=\"../phi-le-phi/phi-chung-thuc/index.html\">"))
        #expect(!many.contains("Thủ tục thử A") && !many.contains("Chứng thực bản sao từ bản chính"))
        // One procedure: the count, the link and its name.
        let one = try #require(Self.article("le-phi-khai-sinh", in: page))
        #expect(one.contains("Áp dụng cho <strong>1 thủ tục</strong>. <a href=\"../phi-le-phi/le-phi-khai-sinh/index.html\">"))
        #expect(one.contains("<li><a href=\"../thu-tuc/ho-tich/1.001193/index.html\">Thủ tục đăng ký khai sinh</a>"))
        // None: no list to link to.
        let none = try #require(Self.article("phi-chua-dung", in: page))
        #expect(none.contains("Chưa có thủ tục nào trong danh mục thu khoản này."))
        #expect(!none.contains("Áp dụng cho") && result.text(of: "phi-le-phi/phi-chua-dung/index.html") == nil)

        let list = try #require(result.text(of: "phi-le-phi/phi-chung-thuc/index.html"))
        #expect(list.contains("<h1>Thủ tục áp dụng: Phí chứng thực bản sao</h1>"))
        #expect(list.contains("<span class=\"field-count\">(13 thủ tục)</span>"))
        #expect(list.contains("<a href=\"../../phi-le-phi/index.html#phi-chung-thuc\">"))
        #expect(Self.rowCount(list) == 13)
        #expect(list.contains("<a href=\"../../thu-tuc/chung-thuc/2.000908/index.html\">Chứng thực bản sao từ bản chính</a>"))
        #expect(!list.contains("class=\"pagination\""))
        let birth = try #require(result.text(of: "phi-le-phi/le-phi-khai-sinh/index.html"))
        #expect(Self.rowCount(birth) == 1)
        // Breadcrumbs lead back through the fee schedule.
        #expect(list.contains("href=\"../../phi-le-phi/index.html\""))

        let sitemap = try #require(result.text(of: "sitemap.xml"))
        #expect(sitemap.contains("phi-le-phi/phi-chung-thuc/</loc>") && sitemap.contains("phi-le-phi/le-phi-khai-sinh/</loc>"))
        #expect(!sitemap.contains("phi-le-phi/phi-chua-dung/"))
        for path in ["phi-le-phi/index.html", "phi-le-phi/phi-chung-thuc/index.html", "index.html"] {
            #expect(Self.brokenLinks(of: path, in: result).isEmpty, "\(path): \(Self.brokenLinks(of: path, in: result))")
        }
    }

    /// 151 procedures charge the fee: 100 rows on its list's first page, 51 on `trang-2/`,
    /// linked both ways, both in the sitemap; the fee schedule links the first.
    @Test func aLongFeeListIsSplitIntoPages() throws {
        let result = try Self.site(many: 150).build()
        #expect(result.errorCount == 0)
        let first = try #require(result.text(of: "phi-le-phi/phi-chung-thuc/index.html"))
        let second = try #require(result.text(of: "phi-le-phi/phi-chung-thuc/trang-2/index.html"))
        #expect(result.text(of: "phi-le-phi/phi-chung-thuc/trang-3/index.html") == nil)
        #expect(Self.rowCount(first) == ListPaging.rowsPerPage && Self.rowCount(second) == 51)
        #expect(first.contains("<p class=\"pagination-status\">Trang 1/2</p>"))
        #expect(second.contains("<h1>Thủ tục áp dụng: Phí chứng thực bản sao — Trang 2/2</h1>"))
        #expect(second.contains("<span class=\"field-count\">(151 thủ tục)</span>"))
        #expect(second.contains("(trang 2/2)</caption>"))
        // Rows in the catalogue's order, carried on across the pages.
        #expect(first.contains("Thủ tục thử A 099") && !first.contains("Thủ tục thử A 100"))
        #expect(second.contains("Thủ tục thử A 100") && second.contains("Thủ tục thử A 150"))
        let split = result.splitListPages { $0.hasPrefix("phi-le-phi/") }
        #expect(split.map(\.path) == ["phi-le-phi/phi-chung-thuc/index.html", "phi-le-phi/phi-chung-thuc/trang-2/index.html"])
        #expect(split.allSatisfy { $0.broken.isEmpty }, "\(split)")
        let sitemap = try #require(result.text(of: "sitemap.xml"))
        #expect(sitemap.contains("phi-le-phi/phi-chung-thuc/trang-2/</loc>"))
        // The fee schedule names none of them (at 10,000 procedures it was 1.8 MB of names).
        let page = try #require(result.text(of: "phi-le-phi/index.html"))
        #expect(page.contains("Áp dụng cho <strong>151 thủ tục</strong>. <a href=\"../phi-le-phi/phi-chung-thuc/index.html\">"))
        #expect(!page.contains("thu-tuc/ho-tich/3.0"))
    }

    /// A site's own fee layout from before the lists (`Tests/Fixtures/fee-layout-without-lists`,
    /// the default one as it was) reads no `procedure_list_href`: every procedure stays on the fee
    /// page, no list page is made, none is in the sitemap, and no link is broken.
    @Test func aSitesOwnOlderFeeLayoutKeepsItsInlineLists() throws {
        let old = try String(contentsOf: TestSite.repositoryRoot.appendingPathComponent("Tests/Fixtures/fee-layout-without-lists/templates/layouts/phi-le-phi.mustache"),
                             encoding: .utf8)
        #expect(!old.contains("procedure_list_href"))
        let result = try Self.site(["templates/layouts/phi-le-phi.mustache": old]).build()
        #expect(result.errorCount == 0)
        #expect(!result.files.contains { $0.path.hasPrefix("phi-le-phi/") && $0.path != "phi-le-phi/index.html" })
        let sitemap = try #require(result.text(of: "sitemap.xml"))
        #expect(!sitemap.contains("phi-le-phi/phi-"))
        let page = try #require(result.text(of: "phi-le-phi/index.html"))
        let many = try #require(Self.article("phi-chung-thuc", in: page))
        #expect(many.contains("<summary><h3>Thủ tục áp dụng (13)</h3></summary>"))
        #expect(many.components(separatedBy: "<li><a href=\"../thu-tuc/").count - 1 == 13)
        #expect(Self.brokenLinks(of: "phi-le-phi/index.html", in: result).isEmpty)
    }

    /// An editor's page at a fee list's address keeps it: that fee is listed in full on the fee
    /// page, the others get their lists.
    @Test func aFeeWhoseAddressAPageTookIsListedInline() throws {
        let result = try Self.site(["content/phi-le-phi/phi-chung-thuc.md": "---\ntieu_de: Ghi chú về phí chứng thực\n---\nGhi chú.\n"]).build()
        #expect(result.errorCount == 0, "\(result.diagnostics.filter { $0.severity == .error }.map(\.formatted))")
        let note = try #require(result.text(of: "phi-le-phi/phi-chung-thuc/index.html"))
        #expect(note.contains("Ghi chú."))
        let page = try #require(result.text(of: "phi-le-phi/index.html"))
        let many = try #require(Self.article("phi-chung-thuc", in: page))
        #expect(many.contains("Áp dụng cho <strong>13 thủ tục</strong>:") && !many.contains("phi-le-phi/phi-chung-thuc/index.html"))
        #expect(many.components(separatedBy: "<li><a href=\"../thu-tuc/").count - 1 == 13)
        #expect(result.text(of: "phi-le-phi/le-phi-khai-sinh/index.html") != nil)
    }

    // MARK: The values, without a build

    static func procedures(_ count: Int, fee: String) -> [Procedure] {
        (1...count).map { number in
            let code = String(format: "3.%06d", number)
            var procedure = Procedure(source: "content/thu-tuc/ho-tich/\(code).md", path: "thu-tuc/ho-tich/\(code)/", code: code,
                                      name: String(format: "Thủ tục %04d", number), field: "Hộ tịch", fieldSlug: "ho-tich")
            procedure.feeIDs = [fee]
            return procedure
        }
    }

    static func context(_ count: Int, lists: Bool = true) -> (CatalogueContext, Fee) {
        let fee = Fee(id: "phi-a", name: "Phí A", line: 1)
        let schedule = FeeSchedule(source: "content/phi-le-phi.yaml", title: "Phí, lệ phí", updated: nil, fees: [fee])
        let context = CatalogueContext(catalogue: Catalogue(procedures: procedures(count, fee: fee.id), schedule: schedule), portalURL: nil,
                                       feeLists: lists ? ["phi-a": "phi-le-phi/phi-a/"] : [:])
        return (context, fee)
    }

    static let feePage = Page(source: "content/phi-le-phi.yaml", path: "phi-le-phi/", kind: .fees, title: "Phí, lệ phí")

    /// `procedure_count_text` groups thousands; the names stay on the fee page up to ten.
    @Test func theCountIsWrittenTheVietnameseWayAndFewNamesStayInline() {
        let (big, fee) = Self.context(1_234)
        let values = big.fee(fee, from: Self.feePage)
        #expect(values["procedure_count"] as? Int == 1_234)
        #expect(values["procedure_count_text"] as? String == "1.234")
        #expect(values["has_procedures"] as? Bool == true)
        #expect(values["procedure_list_href"] as? String == "../phi-le-phi/phi-a/index.html")
        #expect(values["procedures"] == nil)
        let (few, _) = Self.context(CatalogueContext.inlineFeeProcedures)
        #expect((few.fee(fee, from: Self.feePage)["procedures"] as? [[String: Any]])?.count == CatalogueContext.inlineFeeProcedures)
        let (more, _) = Self.context(CatalogueContext.inlineFeeProcedures + 1)
        #expect(more.fee(fee, from: Self.feePage)["procedures"] == nil)
        // Without a list page (an older layout): every procedure, and no link.
        let (inline, _) = Self.context(1_234, lists: false)
        let whole = inline.fee(fee, from: Self.feePage)
        #expect((whole["procedures"] as? [[String: Any]])?.count == 1_234)
        #expect(whole["procedure_list_href"] == nil)
    }

    /// The list's last page holds its last rows; its counts are the whole list's.
    @Test func aFeeListPageHoldsItsSliceOfTheRows() {
        let (context, _) = Self.context(1_234)
        var page = Page(source: "content/phi-le-phi.yaml", path: "phi-le-phi/phi-a/trang-13/", kind: .feeProcedures, title: "Thủ tục áp dụng: Phí A")
        page.data = .procedureFee("phi-a")
        page.paging = ListPaging(number: 13, count: 13, listPath: "phi-le-phi/phi-a/", listTitle: "Thủ tục áp dụng: Phí A")
        let values = context.listing(for: page)
        let rows = values["procedures"] as? [[String: Any]] ?? []
        #expect(rows.count == 34)
        #expect(rows.first?["name"] as? String == "Thủ tục 1201" && rows.last?["name"] as? String == "Thủ tục 1234")
        #expect(values["list_count_text"] as? String == "1.234")
        #expect((values["fee"] as? [String: Any])?["href"] as? String == "../../../phi-le-phi/index.html#phi-a")
        #expect(context.rowKeys(on: page) == rows.compactMap { $0[RowLayout.key] as? String })
    }

    /// Pages only for fees some procedure charges, at their slugged addresses, none over a taken one.
    @Test func listPagesAreMadeForChargedFeesAtFreeAddresses() {
        let fees = FeeSchedule(source: "content/phi-le-phi.yaml", title: "Phí", updated: nil,
                               fees: [Fee(id: "phi-a", name: "Phí A", line: 1), Fee(id: "phi-b", name: "Phí B", line: 2), Fee(id: "phi-c", name: "Phí C", line: 3)])
        let taken = Page(source: "content/phi-le-phi/phi-c.md", path: "phi-le-phi/phi-c/", kind: .page, title: "Ghi chú")
        let procedures = Self.procedures(3, fee: "phi-a") + Self.procedures(1, fee: "phi-c")
        let pages = CataloguePages.feeLists(pages: [taken], procedures: procedures, fees: fees)
        #expect(pages.map(\.path) == ["phi-le-phi/phi-c/", "phi-le-phi/phi-a/"])
        #expect(pages.last?.kind == .feeProcedures)
        #expect(FeeSchedule.procedureListPath("Phí A") == nil && FeeSchedule.procedureListPath("") == nil)
        let rows = CataloguePages.listRows(procedures: procedures)
        #expect(pages.last.flatMap(rows) == 3)
    }
}

/// `TemplateSet.mentions`: what a layout reads, partials followed, comments not.
@Suite("templates: which values a layout reads")
struct TemplateMentionsTests {
    static func templates(_ files: [String: String]) -> TemplateSet {
        TemplateSet.load(files: files.sorted { $0.key < $1.key }.map { file in
            (file.key + ".mustache", "templates/" + file.key + ".mustache", { () -> Data? in Data(file.value.utf8) })
        }, log: DiagnosticLog())
    }

    @Test func aFieldIsMentionedInTheLayoutOrAPartialItUses() {
        let set = Self.templates([
            "layouts/a": "{{> partials/fee}}",
            "partials/fee": "{{#fees}}<a href=\"{{procedure_list_href}}\">x</a>{{/fees}}",
            "layouts/b": "{{! procedure_list_href is not read here }}{{#fees}}{{name}}{{/fees}}",
            "layouts/c": "{{#empty(procedure_list_href)}}x{{/empty(procedure_list_href)}}",
            "layouts/d": "{{fee.procedure_list_href}} {{#pagination}}{{number_text}}{{/pagination}}",
        ])
        #expect(set.mentions("procedure_list_href", in: "layouts/a"))
        #expect(!set.mentions("procedure_list_href", in: "layouts/b"))
        #expect(set.mentions("procedure_list_href", in: "layouts/c"))
        #expect(set.mentions("procedure_list_href", in: "layouts/d"))
        #expect(set.mentions("pagination", in: "layouts/d") && !set.mentions("pagination", in: "layouts/a"))
        #expect(!set.mentions("procedure_list_href", in: "layouts/khong-co"))
    }
}
