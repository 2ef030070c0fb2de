import Testing

@Suite("Content never becomes markup")
struct EscapingTests {
    @Test func scriptInTitleDescriptionAndBodyIsInert() throws {
        let site = try TestSite.minimal([
            "content/tin-tuc/_index.md": "---\ntieu_de: Tin\n---\n",
            "content/tin-tuc/a.md": "---\ntieu_de: \"<script>alert('tiêu đề')</script>\"\nmo_ta: \"<img src=x onerror=alert(1)>\"\nngay: 2025-01-02\n---\n<script>alert('thân')</script>\n\n[bấm](javascript:alert(1))\n",
        ])
        let result = site.build()
        for path in ["tin-tuc/a/index.html", "tin-tuc/index.html", "index.html"] {
            let page = try #require(result.text(of: path))
            #expect(!page.contains("<script>alert"), "\(path)")
            #expect(!page.contains("<img src=x"), "\(path)")
            #expect(!page.contains("href=\"javascript:"), "\(path)")
        }
        let article = try #require(result.text(of: "tin-tuc/a/index.html"))
        #expect(article.contains("&lt;script&gt;alert("))
        #expect(result.diagnostics("markdown.raw-html").count == 1)
        let feed = try #require(result.text(of: "feed.xml"))
        #expect(feed.contains("&lt;script&gt;"))
    }

    /// A `"` in `url_goc` used to pass the URL check (Foundation percent-encodes it when parsing)
    /// and reached the feed's `href` attributes, escaped. It is now refused at its line.
    @Test func aQuoteInTheBaseAddressIsRefusedBeforeAnyPageIsWritten() throws {
        let site = try TestSite.minimal([
            "content/site.yaml": "ten: Ủy ban nhân dân xã Thử Nghiệm\nten_ngan: Xã Thử Nghiệm\nloai: xa\ntinh: Tỉnh Lâm Đồng\nurl_goc: \"https://xa.vn/a\\\"onmouseover=\\\"alert(1)/\"\n",
            "content/tin-tuc/_index.md": "---\ntieu_de: Tin tức\n---\n",
            "content/tin-tuc/a.md": "---\ntieu_de: Họp dân\nngay: 2026-10-01\n---\nNội dung.\n",
        ])
        let result = site.build()
        #expect(result.diagnostics("site.url").map(\.location.line) == [5])
        // An error: the build publishes nothing (bad-input case 103 checks the output is kept).
        #expect(result.errorCount == 1)
    }

    /// A bare `&` in the feed is not XML (readers drop the whole feed), and an entity typed as
    /// text (`&lt;b&gt;`) must stay text, not become the character it names.
    @Test func ampersandsInTheFeedAreEscaped() throws {
        let site = try TestSite.minimal([
            "content/tin-tuc/_index.md": "---\ntieu_de: Tin tức\n---\n",
            "content/tin-tuc/a.md": "---\ntieu_de: \"Họp dân & tiếp xúc cử tri &lt;b&gt;\"\nngay: 2026-10-01\n---\nNội dung.\n",
        ])
        let feed = try #require(site.build().text(of: "feed.xml"))
        #expect(feed.contains("<title>Họp dân &amp; tiếp xúc cử tri &amp;lt;b&amp;gt;</title>"))
        #expect(!feed.contains("Họp dân & tiếp"))
    }

    @Test func scriptInSiteNameIsEscaped() throws {
        let site = try TestSite.minimal(["content/site.yaml": "ten: \"<script>x()</script>\"\nloai: xa\ntinh: T\n"])
        let page = try #require(site.build().text(of: "index.html"))
        #expect(!page.contains("<script>x()"))
    }
}
