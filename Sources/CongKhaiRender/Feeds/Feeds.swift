import CongKhaiModel

/// The machine-readable companions of the site: Atom feed, sitemap, robots.txt.
/// Absolute addresses appear only when a base URL is known (`--base-url` or `url_goc`).
struct Feeds {
    let config: SiteConfig
    let settings: RenderSettings
    let navigation: Navigation

    func address(_ path: String) -> String {
        (settings.baseURL ?? "") + path
    }

    func atom() -> String {
        let items = navigation.newsItems.prefix(50)
        let updated = items.compactMap(\.lastChanged).max().map(timestamp) ?? "2000-01-01T00:00:00+07:00"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
          <title>\(escape("Tin tức, thông báo – " + config.shortName))</title>
          <id>\(escape(identifier("")))</id>
          <updated>\(updated)</updated>
          <author><name>\(escape(config.name))</name></author>
          <link rel="alternate" type="text/html" href="\(escape(address("index.html")))"/>

        """
        for page in items {
            xml += """
              <entry>
                <title>\(escape(page.title))</title>
                <id>\(escape(identifier(page.path)))</id>
                <link rel="alternate" type="text/html" href="\(escape(address(page.path + "index.html")))"/>
                <updated>\(page.lastChanged.map(timestamp) ?? updated)</updated>
                <published>\(page.date.map(timestamp) ?? updated)</published>

            """
            if let summary = page.description { xml += "    <summary>\(escape(summary))</summary>\n" }
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }

    /// Atom ids must be permanent IRIs; without a base URL a `tag:` URI keeps them stable.
    func identifier(_ path: String) -> String {
        if let base = settings.baseURL { return base + path }
        let authority = config.domain ?? TextFolding.slug(config.shortName) + ".invalid"
        return "tag:\(authority),2025:/\(path)"
    }

    func timestamp(_ date: CalendarDate) -> String {
        date.iso + "T00:00:00+07:00"
    }

    func sitemap(pages: [Page]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages.sorted(by: { $0.path < $1.path }) {
            xml += "  <url><loc>\(escape(address(page.path)))</loc>"
            if let changed = navigation.lastChanged(page) { xml += "<lastmod>\(changed.iso)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    func robots() -> String {
        var text = "User-agent: *\nAllow: /\n"
        if let base = settings.baseURL { text += "Sitemap: \(base)sitemap.xml\n" }
        return text
    }

    func escape(_ text: String) -> String {
        MarkupEscape.text(text)
    }
}
