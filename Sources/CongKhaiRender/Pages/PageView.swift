import CongKhaiModel

/// The root of every page's template values (documented in docs/templates.md), typed: what
/// `PageContext.context(for:bodyHTML:)` used to build as a dictionary per page. The keys the
/// units, the page's meta and its edition add are kept in `extra`, in the order they were
/// merged, and win over the built-in keys as the merge let them.
final class PageView: TemplateNode, @unchecked Sendable {
    let root: String
    let site: [String: Any]
    let page: PageValues
    let nav: [TemplateNode]
    let breadcrumbs: [TemplateNode]
    /// Present only when the page has any (the dictionary had no key otherwise).
    let children: [TemplateNode]?
    let latestNews: [TemplateNode]?
    let quickLinks: [TemplateNode]?
    let datasets: [[String: Any]]?
    private(set) var extra: [(key: String, value: Any)] = []

    init(root: String, site: [String: Any], page: PageValues, nav: [TemplateNode], breadcrumbs: [TemplateNode], children: [TemplateNode]?,
         latestNews: [TemplateNode]?, quickLinks: [TemplateNode]?, datasets: [[String: Any]]?) {
        self.root = root
        self.site = site
        self.page = page
        self.nav = nav
        self.breadcrumbs = breadcrumbs
        self.children = children
        self.latestNews = latestNews
        self.quickLinks = quickLinks
        self.datasets = datasets
    }

    /// `values` over this page's keys, the later winning (a dictionary's `merge`).
    func merge(_ values: [String: Any]) {
        for (key, value) in values { extra.append((key, value)) }
    }

    func set(_ key: String, _ value: Any) {
        extra.append((key, value))
    }

    static let builtInKeys = ["root", "site", "page", "nav", "breadcrumbs", "feed_href", "css_href", "js_href", "generator", "lang",
                              "children", "latest_news", "quick_links", "datasets"]

    override var keys: [String] {
        var keys = Self.builtInKeys
        for (key, _) in extra where !keys.contains(key) { keys.append(key) }
        return keys
    }

    override func child(_ key: String) -> Any? {
        for index in extra.indices.reversed() where extra[index].key == key { return extra[index].value }
        switch key {
        case "root": return root
        case "site": return site
        case "page": return page
        case "nav": return nav
        case "breadcrumbs": return breadcrumbs
        case "feed_href": return root + "feed.xml"
        case "css_href": return root + "assets/style.css"
        case "js_href": return root + "assets/site.js"
        case "generator": return "CongKhai"
        case "lang": return "vi"
        case "children": return children
        case "latest_news": return latestNews
        case "quick_links": return quickLinks
        case "datasets": return datasets
        default: return nil
        }
    }
}

/// `page`: the page's own fields, formatted when a template asks for them.
final class PageValues: TemplateNode, @unchecked Sendable {
    let title: String
    let contentHTML: String
    let kind: PageKind
    let address: String
    let description: String?
    let author: String?
    let date: CalendarDate?
    let updated: CalendarDate?
    let sectionTitle: String?

    init(title: String, contentHTML: String, kind: PageKind, address: String, description: String?, author: String?, date: CalendarDate?,
         updated: CalendarDate?, sectionTitle: String?) {
        self.title = title
        self.contentHTML = contentHTML
        self.kind = kind
        self.address = address
        self.description = description
        self.author = author
        self.date = date
        self.updated = updated
        self.sectionTitle = sectionTitle
    }

    static let allKeys = ["title", "content_html", "is_home", "kind", "address", "description", "author", "date_text", "date_iso",
                          "updated_text", "updated_iso", "section_title"]

    override var keys: [String] { Self.allKeys }

    override func child(_ key: String) -> Any? {
        switch key {
        case "title": return title
        case "content_html": return contentHTML
        case "is_home": return kind == .home
        // Lets the theme style a kind of page as a whole (the A4 notice-board sheets print without the site chrome).
        case "kind": return kind.rawValue
        // Sent with the page-rating form: which page was rated (site-relative, no personal data).
        case "address": return address
        case "description": return description
        case "author": return author
        case "date_text": return date?.vietnamese
        case "date_iso": return date?.iso
        case "updated_text": return updated?.vietnamese
        case "updated_iso": return updated?.iso
        case "section_title": return sectionTitle
        default: return nil
        }
    }
}

/// An item of the menu or the breadcrumbs.
final class MenuItem: TemplateNode, @unchecked Sendable {
    let title: String
    let href: String
    let current: Bool

    init(title: String, href: String, current: Bool) {
        self.title = title
        self.href = href
        self.current = current
    }

    static let allKeys = ["title", "href", "current"]

    override var keys: [String] { Self.allKeys }

    override func child(_ key: String) -> Any? {
        switch key {
        case "title": return title
        case "href": return href
        case "current": return current
        default: return nil
        }
    }
}

/// A page listed on another (children, latest news, quick links).
final class PageEntry: TemplateNode, @unchecked Sendable {
    let title: String
    let href: String
    let description: String?
    let date: CalendarDate?

    init(title: String, href: String, description: String?, date: CalendarDate?) {
        self.title = title
        self.href = href
        self.description = description
        self.date = date
    }

    static let allKeys = ["title", "href", "description", "date_text", "date_iso"]

    override var keys: [String] { Self.allKeys }

    override func child(_ key: String) -> Any? {
        switch key {
        case "title": return title
        case "href": return href
        case "description": return description
        case "date_text": return date?.vietnamese
        case "date_iso": return date?.iso
        default: return nil
        }
    }
}
