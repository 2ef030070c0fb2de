import CongKhaiModel

/// What search engines and sharing need beyond the title (NĐ 224/2026 Điều 11 khoản 5): the
/// canonical address and Open Graph title, description and image, written only when the site's
/// address is known (`url_goc` or `--base-url`), since they must be absolute. Also makes 404.html
/// work at any depth, where a web server answers it for a missing nested address.
struct PageMeta {
    let settings: RenderSettings
    let config: SiteConfig

    func values(for page: Page) -> [String: Any] {
        node(for: page).map { ["meta": $0.dictionary] } ?? [:]
    }

    /// `values`' `meta`, typed, as the page's view reads it; nil without a base URL.
    func node(for page: Page) -> FieldsNode? {
        guard let base = settings.baseURL, page.kind != .notFound else { return nil }
        let meta = FieldsNode([
            (.canonical, .text(base + page.path)),
            (.title, .text(page.kind == .home ? config.name : page.title)),
            (.siteName, .text(config.name)),
            (.image, .text(base + "assets/emblem.svg")),
        ])
        meta.add(.description, page.description ?? config.description)
        return meta
    }

    /// 404.html is published at the top, but a web server answers it for any missing address,
    /// at any depth. Its links and assets start at the site's path on its own host (`/`, or the
    /// path of `url_goc` such as `/xa/`), never at another host; its stylesheet is inline, so the
    /// page keeps its look at any depth and from file://.
    func notFound(_ context: [String: Any]) -> [String: Any] {
        let prefix = settings.baseURL == nil ? settings.sitePathWithoutBase ?? "/" : Self.sitePath(settings.baseURL)
        var context = context
        func absolute(_ href: Any?) -> String? { (href as? String).map { $0.hasPrefix("/") || $0.contains("://") ? $0 : prefix + $0 } }
        context["root"] = prefix
        for key in ["feed_href", "css_href", "js_href"] { context[key] = absolute(context[key]) }
        if var search = context["search"] as? [String: Any] {
            for key in Array(search.keys) { search[key] = absolute(search[key]) }
            context["search"] = search
        }
        for key in ["nav", "breadcrumbs"] {
            guard let items = context[key] as? [[String: Any]] else { continue }
            context[key] = items.map { item in item.merging(["href": absolute(item["href"]) ?? prefix]) { _, new in new } }
        }
        if let css = settings.notFoundCSS {
            // Closing the <style> element early is the only way CSS text could break out of it.
            context["inline_css"] = css.replacingOccurrences(of: "</", with: "<\\/")
        }
        return context
    }

    /// `/` or the path of the base URL (`https://ubnd.gov.vn/xa-hoa-van/` → `/xa-hoa-van/`).
    static func sitePath(_ baseURL: String?) -> String {
        guard let base = baseURL, let scheme = base.range(of: "://") else { return "/" }
        let afterHost = base[scheme.upperBound...].drop { $0 != "/" }
        let path = afterHost.prefix { $0 != "?" && $0 != "#" }
        guard !path.isEmpty else { return "/" }
        return path.hasSuffix("/") ? String(path) : path + "/"
    }
}
