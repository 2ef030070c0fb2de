import CongKhaiBuild
@testable import CongKhaiModel
@testable import CongKhaiRender
import Foundation
import Testing

/// Long procedure lists split into pages of `ListPaging.rowsPerPage` rows: addresses, links,
/// the navigation's markup, the whole list on the notice board, and the sitemap and link targets.
@Suite("catalogue: lists split into pages")
struct ListPaginationTests {
    @Test func pageCountsAndRows() {
        #expect(ListPaging.pageCount(rows: 0) == 1)
        #expect(ListPaging.pageCount(rows: 100) == 1)
        #expect(ListPaging.pageCount(rows: 101) == 2)
        #expect(ListPaging.pageCount(rows: 200) == 2)
        #expect(ListPaging.pageCount(rows: 10_000) == 100)
        let last = ListPaging(number: 3, count: 3, listPath: "thu-tuc/", listTitle: "Thủ tục hành chính")
        #expect(last.rows(of: 212) == 200..<212)
        #expect(last.path == "thu-tuc/trang-3/")
        #expect(ListPaging.path(1, of: "thu-tuc/ho-tich/") == "thu-tuc/ho-tich/")
        #expect(last.title == "Thủ tục hành chính — Trang 3/3")
    }

    /// First, last, the current page and its neighbours; a gap of one page shows that page.
    @Test func pageNumbersWithEllipsis() {
        #expect(ListPagination.numbers(current: 7, count: 14) == [1, nil, 6, 7, 8, nil, 14])
        #expect(ListPagination.numbers(current: 1, count: 14) == [1, 2, nil, 14])
        #expect(ListPagination.numbers(current: 14, count: 14) == [1, nil, 13, 14])
        #expect(ListPagination.numbers(current: 3, count: 14) == [1, 2, 3, 4, nil, 14])
        #expect(ListPagination.numbers(current: 2, count: 3) == [1, 2, 3])
        #expect(ListPagination.numbers(current: 1, count: 2) == [1, 2])
    }

    @Test func linksAreRelativeToThePage() {
        let paging = ListPaging(number: 2, count: 3, listPath: "thu-tuc/ho-tich/", listTitle: "Lĩnh vực Hộ tịch")
        let values = ListPagination.values(paging, from: paging.path)
        #expect((values["previous"] as? [String: Any])?["href"] as? String == "../../../thu-tuc/ho-tich/index.html")
        #expect((values["next"] as? [String: Any])?["href"] as? String == "../../../thu-tuc/ho-tich/trang-3/index.html")
        let items = values["items"] as? [[String: Any]] ?? []
        #expect(items.compactMap { $0["number"] as? Int } == [1, 2, 3])
        #expect(items.filter { $0["current"] as? Bool == true }.compactMap { $0["number"] as? Int } == [2])
    }

    /// 61 procedures in Chứng thực and 151 in Hộ tịch: the catalogue is 3 pages, Hộ tịch's list 2.
    static func site() throws -> TestSite {
        try ProcedureFixtures.site(ProcedureFixtures.many(150).merging(ProcedureFixtures.many(60, field: "Chứng thực", slug: "chung-thuc", prefix: "B", codeBase: 500)) { a, _ in a })
    }

    @Test func theCatalogueAndItsListsAreSplitWithAWorkingNavigation() throws {
        let site = try Self.site()
        let result = site.build()
        #expect(result.errorCount == 0, "\(result.diagnostics.filter { $0.severity == .error })")
        let paths = Set(result.files.map(\.path))
        for path in ["thu-tuc/trang-2/index.html", "thu-tuc/trang-3/index.html", "thu-tuc/ho-tich/trang-2/index.html",
                     "thu-tuc/muc-do/toan-trinh/trang-3/index.html"] {
            #expect(paths.contains(path), "\(path)")
        }
        #expect(!paths.contains("thu-tuc/trang-4/index.html"))
        #expect(!paths.contains("thu-tuc/ho-tich/trang-3/index.html"))
        #expect(!paths.contains("thu-tuc/chung-thuc/trang-2/index.html"))
        // Not posted twice: the notice board has the catalogue once, whole.
        #expect(!paths.contains { $0.hasPrefix("in/thu-tuc-trang") })

        let first = try #require(result.text(of: "thu-tuc/index.html"))
        #expect(first.contains("<title>Thủ tục hành chính — Trang 1/3"))
        #expect(first.contains("<h1>Thủ tục hành chính — Trang 1/3</h1>"))
        #expect(first.contains("Có <strong>212 thủ tục</strong>"))
        #expect(first.components(separatedBy: "<th scope=\"row\" class=\"col-name\">").count - 1 == 100)
        #expect(first.contains("<nav class=\"pagination\" aria-label=\"Phân trang\">"))
        #expect(first.contains("<a href=\"../thu-tuc/index.html\" aria-current=\"page\" aria-label=\"Trang 1\">1</a>"))
        #expect(first.contains("<a href=\"../thu-tuc/trang-2/index.html\" rel=\"next\">Trang sau (2/3) <span aria-hidden=\"true\">›</span></a>"))
        #expect(!first.contains("rel=\"prev\""))
        #expect(first.contains("Danh mục."))

        let middle = try #require(result.text(of: "thu-tuc/trang-2/index.html"))
        #expect(middle.contains("<h1>Thủ tục hành chính — Trang 2/3</h1>"))
        #expect(middle.contains("<a href=\"../../thu-tuc/index.html\" rel=\"prev\"><span aria-hidden=\"true\">‹</span> Trang trước (1/3)</a>"))
        #expect(middle.contains("aria-current=\"page\" aria-label=\"Trang 2\">2</a>"))
        // Hộ tịch began on page 1: its heading repeats, with its whole count.
        #expect(middle.contains("Hộ tịch</a> (tiếp theo) <span class=\"field-count\">(151 thủ tục)</span>"))
        #expect(!middle.contains("Chứng thực</a> (tiếp theo)"))
        #expect(!middle.contains("Danh mục."))
        #expect(middle.contains("Có <strong>212 thủ tục</strong>"))

        let last = try #require(result.text(of: "thu-tuc/trang-3/index.html"))
        #expect(last.components(separatedBy: "<th scope=\"row\" class=\"col-name\">").count - 1 == 12)
        #expect(!last.contains("rel=\"next\""))

        let field = try #require(result.text(of: "thu-tuc/ho-tich/trang-2/index.html"))
        #expect(field.contains("<h1>Lĩnh vực Hộ tịch — Trang 2/2</h1>"))
        #expect(field.contains("(151 thủ tục)"))
        #expect(field.components(separatedBy: "<th scope=\"row\" class=\"col-name\">").count - 1 == 51)
        // Filter links lead to page 1 of each list.
        #expect(field.contains("href=\"../../../thu-tuc/chung-thuc/index.html\""))
        // Breadcrumb of page 2 leads back to the list.
        #expect(field.contains("href=\"../../../thu-tuc/ho-tich/index.html\""))

        // The list that fits on one page has no navigation.
        let short = try #require(result.text(of: "thu-tuc/chung-thuc/index.html"))
        #expect(!short.contains("class=\"pagination\""))
        #expect(short.contains("<h1>Lĩnh vực Chứng thực</h1>"))

        // The notice board's edition is the whole catalogue.
        let edition = try #require(result.text(of: "in/thu-tuc.html"))
        #expect(edition.contains("Thủ tục thử A 150"))
        #expect(edition.contains("Thủ tục thử B 001"))
        #expect(!edition.contains("pagination"))

        // The sitemap lists every page.
        let sitemap = try #require(result.text(of: "sitemap.xml"))
        #expect(sitemap.contains("thu-tuc/trang-3/"))
        #expect(sitemap.contains("thu-tuc/ho-tich/trang-2/"))
    }

    /// Every link of every page of the split lists leads to a page or file of the built site.
    @Test func everyInternalLinkOfTheSplitListsResolves() throws {
        let pages = try Self.site().build().splitListPages { $0.hasPrefix("thu-tuc/") }
        for page in pages { #expect(page.broken.isEmpty, "\(page.path) → \(page.broken)") }
        // The catalogue's 3 pages, Hộ tịch's 2 and the level's 3.
        #expect(pages.count == 8)
    }

    /// Exactly one page of rows: no page 2, no navigation, and page 1 as it always was.
    @Test func aListExactlyAtThePageSizeHasNoSecondPage() throws {
        let site = try ProcedureFixtures.site(ProcedureFixtures.many(ListPaging.rowsPerPage - 2))
        let result = site.build()
        #expect(!result.files.contains { $0.path.contains("trang-2") })
        let page = try #require(result.text(of: "thu-tuc/index.html"))
        #expect(!page.contains("pagination"))
        #expect(page.contains("<h1>Thủ tục hành chính</h1>"))
        let more = try ProcedureFixtures.site(ProcedureFixtures.many(ListPaging.rowsPerPage - 1)).build()
        let second = try #require(more.text(of: "thu-tuc/trang-2/index.html"))
        #expect(second.components(separatedBy: "<th scope=\"row\" class=\"col-name\">").count - 1 == 1)
    }

    /// A site's own catalogue layout that knows nothing of pages keeps its whole list on one
    /// page (no page 2 nobody links to), and its counts.
    @Test func aSiteLayoutWithoutPaginationKeepsTheWholeList() throws {
        let site = try Self.site()
        try site.write("templates/layouts/danh-muc-thu-tuc.mustache", """
            {{> partials/page-start}}
            <h1>{{page.title}}</h1>
            {{#fields}}<h2>{{name}}</h2><ul>{{#procedures}}<li class="row"><a href="{{href}}">{{name}}</a></li>{{/procedures}}</ul>{{/fields}}
            {{> partials/page-end}}
            """)
        let result = site.build()
        #expect(result.errorCount == 0)
        #expect(!result.files.contains { $0.path.hasPrefix("thu-tuc/trang-") })
        let page = try #require(result.text(of: "thu-tuc/index.html"))
        #expect(page.components(separatedBy: "<li class=\"row\">").count - 1 == 212)
        #expect(page.contains("<h1>Thủ tục hành chính</h1>"))
        // The lists whose layout is the default one are split all the same.
        #expect(result.files.contains { $0.path == "thu-tuc/ho-tich/trang-2/index.html" })
    }

    /// A lĩnh vực whose address is the catalogue's page 2 (“Trang 2”): the catalogue stays whole
    /// rather than publish two pages at one address; the other lists are split as usual.
    @Test func aListWhosePageAddressIsTakenStaysWhole() throws {
        let site = try ProcedureFixtures.site(ProcedureFixtures.many(150).merging(ProcedureFixtures.many(1, field: "Trang 2", slug: "trang-2", prefix: "C", codeBase: 900)) { a, _ in a })
        let result = site.build()
        #expect(result.errorCount == 0, "\(result.diagnostics.filter { $0.severity == .error })")
        let catalogue = try #require(result.text(of: "thu-tuc/index.html"))
        #expect(!catalogue.contains("class=\"pagination\""))
        #expect(catalogue.contains("Thủ tục thử A 150"))
        let field = try #require(result.text(of: "thu-tuc/trang-2/index.html"))
        #expect(field.contains("<h1>Lĩnh vực Trang 2</h1>"))
        #expect(result.files.contains { $0.path == "thu-tuc/ho-tich/trang-2/index.html" })
    }

    /// swift-mustache (`--reference-template-engine`) splits the same lists into the same bytes:
    /// whether a layout shows the page links is read from its tags, not from the fast engine.
    @Test func bothTemplateEnginesSplitTheListsAlike() throws {
        let site = try Self.site()
        var reference = site.options()
        reference.referenceTemplateEngine = true
        let slow = Pipeline.run(reference)
        let fast = site.build()
        #expect(fast.files.map(\.path) == slow.files.map(\.path))
        #expect(slow.files.contains { $0.path == "thu-tuc/trang-3/index.html" })
        for file in fast.files where file.path.hasPrefix("thu-tuc/") && file.path.contains("trang") || file.path == "thu-tuc/index.html" {
            #expect(fast.text(of: file.path) == slow.text(of: file.path), "\(file.path)")
        }
    }
}
