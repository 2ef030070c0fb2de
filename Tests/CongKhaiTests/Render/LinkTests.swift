import Testing

@Suite("Internal links")
struct LinkTests {
    let files = [
        "content/gioi-thieu/_index.md": "---\ntieu_de: Giới thiệu\n---\n",
        "content/gioi-thieu/lien-he.md": "---\ntieu_de: Liên hệ\n---\n",
        "content/gioi-thieu/ban-do.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        "content/tin-tuc/_index.md": "---\ntieu_de: Tin\n---\n",
    ]

    @Test func linksWrittenAsFilesFoldersOrAddressesAreRewrittenRelative() throws {
        var all = files
        all["content/tin-tuc/a.md"] = "---\ntieu_de: A\nngay: 2025-01-02\n---\n[1](../gioi-thieu/) [2](../gioi-thieu/lien-he.md#gio) [3](/gioi-thieu/lien-he/) ![b](../gioi-thieu/ban-do.svg) [4](https://example.gov.vn/) [5](mailto:a@b.vn)\n"
        let site = try TestSite.minimal(all)
        let result = site.build()
        #expect(result.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
        let page = try #require(result.text(of: "tin-tuc/a/index.html"))
        #expect(page.contains("href=\"../../gioi-thieu/index.html\""))
        #expect(page.contains("href=\"../../gioi-thieu/lien-he/index.html#gio\""))
        #expect(page.contains("src=\"../../gioi-thieu/ban-do.svg\""))
        #expect(page.contains("href=\"https://example.gov.vn/\""))
        #expect(page.contains("href=\"mailto:a@b.vn\""))
    }

    @Test func brokenLinkIsReportedAtItsLine() throws {
        var all = files
        all["content/tin-tuc/a.md"] = "---\ntieu_de: A\nngay: 2025-01-02\n---\nĐoạn một.\n\nXem [trang cũ](../gioi-thieu/khong-co/) nhé.\n"
        let site = try TestSite.minimal(all)
        let found = site.build().diagnostics("link.broken")
        #expect(found.count == 1)
        #expect(found.first?.location.path == "content/tin-tuc/a.md")
        #expect(found.first?.location.line == 7)
        #expect(found.first?.message.contains("../gioi-thieu/khong-co/") == true)
    }

    @Test func linkEscapingTheSiteIsBroken() throws {
        let site = try TestSite.minimal(["content/a.md": "---\ntieu_de: A\n---\n[x](../../etc/passwd)\n"])
        #expect(site.build().diagnostics("link.broken").count == 1)
    }
}
