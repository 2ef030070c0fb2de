import CongKhaiBuild
import CongKhaiModel
import Foundation
import Testing

/// The news, the document lists and a section's pages split into pages of
/// `ListPaging.rowsPerPage` rows, as the procedure catalogue is: addresses, titles, links,
/// whole counts, whole feeds and data files, a layout without the page links kept whole, and
/// `serve`'s additions and removals against a fresh build.
@Suite("lists split into pages: news, documents, sections")
struct LongListPagesTests {
    /// `count` news items, one a day from 2025-01-01 on (`Tin số 000` the oldest).
    static func news(_ count: Int, from first: Int = 0) -> [String: String] {
        var files: [String: String] = [:]
        for index in first..<(first + count) {
            let day = CalendarDate(year: 2025, month: 1, day: 1)!.adding(days: index)
            files["content/tin-tuc/tin-\(String(format: "%03d", index)).md"] = """
                ---
                tieu_de: "Tin số \(String(format: "%03d", index))"
                mo_ta: "Tóm tắt tin \(index)."
                ngay: \(day.iso)
                ---
                Nội dung tin \(index).

                """
        }
        return files
    }

    /// `count` decisions of the committee in `year`, numbered from 1.
    static func documents(_ count: Int, year: Int, kind: String = "Quyết định", code: String = "QĐ-UBND") -> [String: String] {
        var files: [String: String] = [:]
        for number in 1...count {
            let day = CalendarDate(year: year, month: 1, day: 1)!.adding(days: number)
            files["content/van-ban/\(year)/vb-\(code.lowercased())-\(number).md"] = """
                ---
                so: "\(number)/\(code)"
                loai: "\(kind)"
                co_quan: "UBND xã"
                ngay: \(day.iso)
                trich_yeu: "Văn bản thử \(year) số \(number)"
                ---

                """
        }
        return files
    }

    /// 250 news items (3 pages), 230 documents (130 decisions of 2026, 100 plans of 2025: the
    /// registry 3 pages, 2026's list 2, 2025's one) and a section of 150 notices (2 pages).
    static func files() -> [String: String] {
        var files = news(250)
        files["content/tin-tuc/_index.md"] = "---\ntieu_de: Tin tức\n---\nTin hoạt động của xã.\n"
        files.merge(documents(130, year: 2026)) { a, _ in a }
        files.merge(documents(100, year: 2025, kind: "Kế hoạch", code: "KH-UBND")) { a, _ in a }
        files["content/thong-bao/_index.md"] = "---\ntieu_de: Thông báo\n---\nCác thông báo của xã.\n"
        for index in 1...150 {
            files["content/thong-bao/tb-\(String(format: "%03d", index)).md"] = "---\ntieu_de: \"Thông báo \(String(format: "%03d", index))\"\n---\nNội dung.\n"
        }
        return files
    }

    static func site(_ extra: [String: String] = [:]) throws -> TestSite {
        try TestSite.minimal(files().merging(extra) { _, new in new })
    }

    /// The site built once for the tests that only read it (a few seconds in a debug build).
    static let built: Result<BuildResult, any Error> = Result { try site().build() }

    static func rows(_ html: String, _ marker: String) -> Int {
        html.components(separatedBy: marker).count - 1
    }

    static let newsRow = "<h2 class=\"item-title\">"
    static let documentRow = "<th scope=\"row\" class=\"col-name\">"

    @Test func theNewsAreSplitNewestFirstWithTheSectionIntroOnPageOneOnly() throws {
        let result = try Self.built.get()
        #expect(result.errorCount == 0, "\(result.diagnostics.filter { $0.severity == .error })")
        let first = try #require(result.text(of: "tin-tuc/index.html"))
        #expect(first.contains("<title>Tin tức — Trang 1/3"))
        #expect(first.contains("<h1>Tin tức — Trang 1/3</h1>"))
        #expect(first.contains("Tin hoạt động của xã."))
        #expect(Self.rows(first, Self.newsRow) == 100)
        // Newest first: page 1 runs from the last item down to the 150th.
        #expect(first.contains("Tin số 249") && first.contains("Tin số 150") && !first.contains("Tin số 149"))
        #expect(first.contains("<nav class=\"pagination\" aria-label=\"Phân trang\">"))
        #expect(first.contains("<a href=\"../tin-tuc/trang-2/index.html\" rel=\"next\">Trang sau (2/3) <span aria-hidden=\"true\">›</span></a>"))

        let second = try #require(result.text(of: "tin-tuc/trang-2/index.html"))
        #expect(second.contains("<h1>Tin tức — Trang 2/3</h1>"))
        #expect(!second.contains("Tin hoạt động của xã."))
        #expect(Self.rows(second, Self.newsRow) == 100)
        #expect(second.contains("Tin số 149") && second.contains("Tin số 050") && !second.contains("Tin số 150"))
        #expect(second.contains("<a href=\"../../tin-tuc/index.html\" rel=\"prev\"><span aria-hidden=\"true\">‹</span> Trang trước (1/3)</a>"))
        #expect(second.contains("aria-current=\"page\" aria-label=\"Trang 2\">2</a>"))
        // Its items link to the news pages, from its own depth.
        #expect(second.contains("<a href=\"../../tin-tuc/tin-149/index.html\">Tin số 149</a>"))
        // The same "updated" date as page 1: the newest item's.
        #expect(second.contains(CalendarDate(year: 2025, month: 1, day: 1)!.adding(days: 249).vietnamese))

        let last = try #require(result.text(of: "tin-tuc/trang-3/index.html"))
        #expect(Self.rows(last, Self.newsRow) == 50)
        #expect(last.contains("Tin số 000") && !last.contains("rel=\"next\""))
        #expect(!result.files.contains { $0.path == "tin-tuc/trang-4/index.html" })
        // Page 2 is the list, not a news item: the home page's latest news and the list never show it.
        let home = try #require(result.text(of: "index.html"))
        #expect(!home.contains("Trang 2/3"))
        #expect(!first.contains("tin-tuc/trang-2/index.html\">Tin tức"))
    }

    @Test func theDocumentListsAreSplitWithTheirWholeCounts() throws {
        let result = try Self.built.get()
        let registry = try #require(result.text(of: "van-ban/index.html"))
        #expect(registry.contains("<h1>Văn bản — Trang 1/3</h1>"))
        #expect(Self.rows(registry, Self.documentRow) == 100)
        #expect(registry.contains("(230 văn bản)"))
        #expect(registry.contains("<a href=\"../van-ban/trang-2/index.html\" rel=\"next\">"))
        let third = try #require(result.text(of: "van-ban/trang-3/index.html"))
        #expect(third.contains("<h1>Văn bản — Trang 3/3</h1>"))
        #expect(Self.rows(third, Self.documentRow) == 30)
        #expect(third.contains("(230 văn bản)"))
        // The filters lead to page 1 of each list, from page 3's depth.
        #expect(third.contains("href=\"../../van-ban/2026/index.html\""))

        let year = try #require(result.text(of: "van-ban/2026/trang-2/index.html"))
        #expect(year.contains("<h1>Văn bản năm 2026 — Trang 2/2</h1>"))
        #expect(Self.rows(year, Self.documentRow) == 30)
        #expect(year.contains("(130 văn bản)"))
        // The kind in the year: the same 130 decisions, split the same.
        #expect(result.files.contains { $0.path == "van-ban/quyet-dinh/2026/trang-2/index.html" })
        // 100 plans: exactly one page.
        let plans = try #require(result.text(of: "van-ban/2025/index.html"))
        #expect(!plans.contains("class=\"pagination\""))
        #expect(Self.rows(plans, Self.documentRow) == 100)
        #expect(!result.files.contains { $0.path == "van-ban/2025/trang-2/index.html" })

        // The notice board's list is whole (every document in force), and not posted twice.
        let edition = try #require(result.text(of: "in/van-ban.html"))
        #expect(Self.rows(edition, "Văn bản thử") == 230)
        #expect(!result.files.contains { $0.path.hasPrefix("in/") && $0.path.contains("trang-") })
    }

    @Test func aSectionOfManyPagesIsSplit() throws {
        let result = try Self.built.get()
        let first = try #require(result.text(of: "thong-bao/index.html"))
        #expect(first.contains("<h1>Thông báo — Trang 1/2</h1>"))
        #expect(first.contains("Các thông báo của xã."))
        #expect(Self.rows(first, "<h2 class=\"item-title\">") == 100)
        let second = try #require(result.text(of: "thong-bao/trang-2/index.html"))
        #expect(Self.rows(second, "<h2 class=\"item-title\">") == 50)
        #expect(second.contains("Thông báo 150") && !second.contains("Thông báo 100<"))
        #expect(!second.contains("Các thông báo của xã."))
        // The sitemap has every page of each list; the breadcrumb of page 2 leads to page 1.
        let sitemap = try #require(result.text(of: "sitemap.xml"))
        for path in ["tin-tuc/trang-3/", "van-ban/trang-3/", "thong-bao/trang-2/"] { #expect(sitemap.contains(path), "\(path)") }
        #expect(second.contains("href=\"../../thong-bao/index.html\""))
    }

    /// Every link of every page of the split lists leads to a page or file of the built site.
    @Test func everyInternalLinkOfTheSplitListsResolves() throws {
        let pages = try Self.built.get().splitListPages { !$0.hasPrefix("in/") }
        for page in pages { #expect(page.broken.isEmpty, "\(page.path) → \(page.broken)") }
        // News 3, registry 3, 2026 2, decisions 2, decisions of 2026 2, notices 2.
        #expect(pages.count == 14)
    }

    /// Site layouts that do not show the page links keep their whole lists on one page; the feed,
    /// the search index and the open data are the same bytes whether the lists are split or not.
    @Test func layoutsWithoutThePageLinksKeepTheWholeListAndTheDataFilesAreTheSame() throws {
        let split = try Self.built.get()
        let site = try Self.site()
        try site.write("templates/layouts/tin-tuc/section.mustache",
                       "{{> partials/page-start}}\n<h1>{{page.title}}</h1>\n{{> partials/news-list}}\n{{> partials/page-end}}\n")
        try site.write("templates/partials/document-list.mustache",
                       "{{#van_ban}}<h1>{{page.title}}</h1><table>{{> partials/document-table}}</table>{{/van_ban}}\n")
        let whole = site.build()
        #expect(whole.errorCount == 0)
        #expect(!whole.files.contains { $0.path.hasPrefix("tin-tuc/trang-") || $0.path.hasPrefix("van-ban/trang-") })
        let news = try #require(whole.text(of: "tin-tuc/index.html"))
        #expect(Self.rows(news, Self.newsRow) == 250)
        #expect(news.contains("<h1>Tin tức</h1>"))
        #expect(Self.rows(try #require(whole.text(of: "van-ban/index.html")), Self.documentRow) == 230)
        // The generic section's layout is the theme's: split all the same.
        #expect(whole.files.contains { $0.path == "thong-bao/trang-2/index.html" })

        let dataFiles = split.files.map(\.path).filter { $0 == "feed.xml" || $0.hasPrefix("du-lieu/") && !$0.hasSuffix(".html") }
        #expect(dataFiles.contains("du-lieu/tim-kiem.js") && dataFiles.contains("feed.xml"))
        for path in dataFiles { #expect(split.text(of: path) == whole.text(of: path), "\(path)") }
        let feed = try #require(split.text(of: "feed.xml"))
        #expect(!feed.contains("trang-2"))
        let search = try #require(split.text(of: "du-lieu/tim-kiem.js"))
        #expect(search.contains("Văn bản thử 2026 số 130") && search.contains("Văn bản thử 2025 số 1\""))
    }

    /// swift-mustache (`--reference-template-engine`) makes the same pages of the same lists.
    @Test func bothTemplateEnginesSplitTheListsAlike() throws {
        let site = try Self.site()
        var reference = site.options()
        reference.referenceTemplateEngine = true
        let slow = Pipeline.run(reference)
        let fast = try Self.built.get()
        #expect(fast.files.map(\.path) == slow.files.map(\.path))
        let lists = fast.splitListPages { _ in true }.map(\.path)
        #expect(lists.count == 14)
        for path in lists { #expect(fast.text(of: path) == slow.text(of: path), "\(path)") }
    }

    /// A news item at the address of the list's page 2 (`tin-tuc/trang-2.md`): the news stay whole.
    @Test func aListWhosePageAddressIsTakenStaysWhole() throws {
        let site = try Self.site(["content/tin-tuc/trang-2.md": "---\ntieu_de: \"Trang 2 của xã\"\nngay: 2026-01-05\n---\nNội dung.\n"])
        let result = site.build()
        let news = try #require(result.text(of: "tin-tuc/index.html"))
        #expect(!news.contains("class=\"pagination\""))
        #expect(Self.rows(news, Self.newsRow) == 251)
        #expect(try #require(result.text(of: "tin-tuc/trang-2/index.html")).contains("<h1>Trang 2 của xã</h1>"))
        #expect(result.files.contains { $0.path == "van-ban/trang-2/index.html" })
    }

    /// `serve`: a news item added to a list of exactly two pages makes page 3, removing it takes
    /// page 3 away, a body edit of an item changes its page alone, a new date or the oldest
    /// removed moves items across pages, a new section title retitles every page; each time the
    /// output is a fresh build's, byte for byte.
    @Test func serveAddingAndRemovingNewsGivesAFreshBuildsPages() throws {
        var files = Self.news(200)
        files["content/tin-tuc/_index.md"] = "---\ntieu_de: Tin tức\n---\nTin hoạt động của xã.\n"
        let site = try TestSite.minimal(files)
        let build = SiteBuild(options: site.options())
        #expect(build.build().errorCount == 0)
        #expect(build.output("tin-tuc/trang-2/index.html") != nil)
        #expect(build.output("tin-tuc/trang-3/index.html") == nil)

        let added = "content/tin-tuc/tin-moi.md"
        try site.write(added, "---\ntieu_de: \"Tin mới nhất\"\nngay: 2026-11-20\n---\nNội dung.\n")
        build.update(changed: [added])
        #expect(build.output("tin-tuc/trang-3/index.html") != nil)
        #expect(SpliceUpdateTests.text(build, "tin-tuc/index.html")?.contains("Trang 1/3") == true)
        SpliceUpdateTests().expectSameAsFreshBuild(build, site)

        let body = try SpliceUpdateTests().edit(build, site, "content/tin-tuc/tin-150.md",
                                                "---\ntieu_de: \"Tin số 150\"\nmo_ta: \"Tóm tắt tin 150.\"\nngay: \(CalendarDate(year: 2025, month: 1, day: 1)!.adding(days: 150).iso)\n---\nNội dung sửa.\n")
        #expect(body.renderedPages == 1)
        // A new date makes it the newest: from page 2 to the top of page 1, the others move down.
        try SpliceUpdateTests().edit(build, site, "content/tin-tuc/tin-150.md",
                                     "---\ntieu_de: \"Tin số 150\"\nngay: 2026-11-22\n---\nNội dung sửa.\n")
        #expect(SpliceUpdateTests.text(build, "tin-tuc/index.html")?.contains("Tin số 150") == true)
        // The section's intro edited: page 1 alone shows it.
        let intro = try SpliceUpdateTests().edit(build, site, "content/tin-tuc/_index.md", "---\ntieu_de: Tin tức\n---\nTin mới của xã.\n")
        #expect(intro.renderedPages == 1)
        #expect(SpliceUpdateTests.text(build, "tin-tuc/index.html")?.contains("Tin mới của xã.") == true)
        // The section retitled: each page's title follows.
        try SpliceUpdateTests().edit(build, site, "content/tin-tuc/_index.md", "---\ntieu_de: Tin hoạt động\n---\nTin hoạt động của xã.\n")
        #expect(SpliceUpdateTests.text(build, "tin-tuc/trang-3/index.html")?.contains("<h1>Tin hoạt động — Trang 3/3</h1>") == true)

        try FileManager.default.removeItem(at: site.folder.appendingPathComponent(added))
        build.update(changed: [added])
        #expect(build.output("tin-tuc/trang-3/index.html") == nil)
        SpliceUpdateTests().expectSameAsFreshBuild(build, site)

        // The oldest item gone: 199 rows, still two pages, each item one place up.
        let old = "content/tin-tuc/tin-000.md"
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent(old))
        build.update(changed: [old])
        #expect(SpliceUpdateTests.text(build, "tin-tuc/trang-2/index.html")?.contains("Tin số 000") == false)
        SpliceUpdateTests().expectSameAsFreshBuild(build, site)
    }
}
