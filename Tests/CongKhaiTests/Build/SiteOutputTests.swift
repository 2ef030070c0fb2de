import Testing

@Suite("Generic site features")
struct SiteOutputTests {
    let files = [
        "content/tin-tuc/_index.md": "---\ntieu_de: Tin tức\n---\n",
        "content/tin-tuc/cu.md": "---\ntieu_de: Tin cũ\nngay: 2025-01-02\n---\n",
        "content/tin-tuc/moi.md": "---\ntieu_de: Tin mới\nngay: 2025-03-04\ncap_nhat: 2025-04-01\n---\n",
        "content/gioi-thieu/_index.md": "---\ntieu_de: Giới thiệu\nthu_tu: 1\n---\n",
        "content/gioi-thieu/lich-su.md": "---\ntieu_de: Lịch sử\ncap_nhat: 2025-02-01\n---\n",
    ]

    @Test func writesHomeSectionsFeedSitemapRobotsAnd404() throws {
        let site = try TestSite.minimal(files)
        let result = site.build()
        #expect(result.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
        let paths = Set(result.files.map(\.path))
        for path in ["index.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt", "tin-tuc/index.html",
                     "tin-tuc/moi/index.html", "gioi-thieu/lich-su/index.html", "assets/style.css"] {
            #expect(paths.contains(path), "\(path)")
        }
    }

    @Test func newsListIsNewestFirstAndFeedHasEntries() throws {
        let result = try TestSite.minimal(files).build()
        let list = try #require(result.text(of: "tin-tuc/index.html"))
        let newer = try #require(list.range(of: "Tin mới")), older = try #require(list.range(of: "Tin cũ"))
        #expect(newer.lowerBound < older.lowerBound)
        let feed = try #require(result.text(of: "feed.xml"))
        #expect(feed.contains("<title>Tin mới</title>"))
        #expect(feed.contains("<updated>2025-04-01T00:00:00+07:00</updated>"))
    }

    @Test func pagesShowLastUpdatedAndBreadcrumbs() throws {
        let result = try TestSite.minimal(files).build()
        let page = try #require(result.text(of: "gioi-thieu/lich-su/index.html"))
        #expect(page.contains("01/02/2025"))
        #expect(page.contains("href=\"../../gioi-thieu/index.html\""))
        #expect(page.contains("aria-current=\"page\""))
        let section = try #require(result.text(of: "tin-tuc/index.html"))
        #expect(section.contains("01/04/2025"), "a section is as new as its newest page")
    }

    @Test func sitemapIsAbsoluteOnlyWithABaseURL() throws {
        let plain = try TestSite.minimal(files).build()
        #expect(plain.text(of: "sitemap.xml")?.contains("https://") == false)
        #expect(plain.text(of: "robots.txt")?.contains("Sitemap:") == false)
        let site = try TestSite.minimal(files.merging(["content/site.yaml": "ten: UBND xã A\nloai: xa\ntinh: T\nurl_goc: https://xaa.lamdong.gov.vn\n"]) { _, b in b })
        let withBase = site.build()
        #expect(withBase.text(of: "sitemap.xml")?.contains("<loc>https://xaa.lamdong.gov.vn/tin-tuc/moi/</loc>") == true)
        #expect(withBase.text(of: "robots.txt")?.contains("Sitemap: https://xaa.lamdong.gov.vn/sitemap.xml") == true)
    }

    @Test func allInternalLinksAreRelative() throws {
        let result = try TestSite.minimal(files).build()
        // 404.html is the exception: a web server answers it at any depth (PageMetaTests).
        for file in result.files where file.path.hasSuffix(".html") && file.path != "404.html" {
            let html = try #require(result.text(of: file.path))
            #expect(!html.contains("href=\"/"), "\(file.path)")
            #expect(!html.contains("src=\"/"), "\(file.path)")
        }
    }

    @Test func sectionWithoutIndexGetsAWarningAndAPage() throws {
        let site = try TestSite.minimal(["content/van-ban/a.md": "---\ntieu_de: A\n---\n"])
        let result = site.build()
        #expect(result.diagnostics("section.no-index").count == 1)
        #expect(result.files.contains { $0.path == "van-ban/index.html" })
    }

    @Test func draftsAreNotPublished() throws {
        let site = try TestSite.minimal(["content/nhap.md": "---\ntieu_de: Nháp\nnhap: true\n---\n"])
        #expect(!site.build().files.contains { $0.path == "nhap/index.html" })
    }
}
