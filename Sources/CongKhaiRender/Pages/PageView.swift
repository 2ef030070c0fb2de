import CongKhaiModel
import Synchronization

/// The root of every page's template values (documented in docs/templates.md), typed: what
/// `PageContext.context(for:bodyHTML:)` used to build as a dictionary per page. The keys the
/// units, the page's meta and its edition add are kept in `extraKeys` (with their values), in
/// the order they were merged, and win over the built-in keys as the merge let them.
final class PageView: TemplateNode, @unchecked Sendable {
    let root: String
    let site: ObjectNode
    let page: PageValues
    let nav: [TemplateNode]
    let breadcrumbs: [TemplateNode]
    /// Present only when the page has any (the dictionary had no key otherwise). Made when a
    /// template first reads them: every page of a catalogue list split into pages has all the
    /// list's procedures as children, which no default layout shows, and making their entries
    /// for each of its pages grew with the square of the list (a lĩnh vực of 5,000 procedures:
    /// 50 pages of 5,000 entries).
    private let makeChildren: (@Sendable () -> [TemplateNode])?
    private let madeChildren = Mutex<[TemplateNode]?>(nil)
    let latestNews: [TemplateNode]?
    let quickLinks: [TemplateNode]?
    let datasets: [[String: Any]]?
    /// Read by the engine as typed values, sorted once here rather than at every lookup.
    /// Three parallel lists, so that a lookup scans plain enums without copying keys or values.
    private(set) var extraKeys: [String] = []
    private var extraKnown: [TemplateKey?] = []
    private var extraValues: [TemplateValue?] = []

    init(root: String, site: ObjectNode, page: PageValues, nav: [TemplateNode], breadcrumbs: [TemplateNode],
         children: (@Sendable () -> [TemplateNode])?, latestNews: [TemplateNode]?, quickLinks: [TemplateNode]?, datasets: [[String: Any]]?) {
        self.root = root
        self.site = site
        self.page = page
        self.nav = nav
        self.breadcrumbs = breadcrumbs
        makeChildren = children
        self.latestNews = latestNews
        self.quickLinks = quickLinks
        self.datasets = datasets
    }

    /// `values` over this page's keys, the later winning (a dictionary's `merge`).
    func merge(_ values: [String: Any]) {
        for (key, value) in values { append(key, TemplateKey.named(key), TemplateValue(value)) }
    }

    func set(_ key: String, _ value: Any) {
        append(key, TemplateKey.named(key), TemplateValue(value))
    }

    func set(_ key: TemplateKey, _ value: TemplateValue) {
        append(key.rawValue, key, value)
    }

    private func append(_ key: String, _ known: TemplateKey?, _ value: TemplateValue?) {
        extraKeys.append(key)
        extraKnown.append(known)
        extraValues.append(value)
    }

    static let builtInKeys = ["root", "site", "page", "nav", "breadcrumbs", "feed_href", "css_href", "js_href", "generator", "lang",
                              "children", "latest_news", "quick_links", "datasets"]

    override var keys: [String] {
        var keys = Self.builtInKeys
        for key in extraKeys where !keys.contains(key) { keys.append(key) }
        return keys
    }

    override func child(_ key: String, known: TemplateKey?) -> TemplateValue? {
        // A name is a `TemplateKey` or not whatever node it is looked up in, so keys compare as enums when they are ones.
        var index = extraKnown.count
        while index > 0 {
            index -= 1
            if let known { if extraKnown[index] == known { return extraValues[index] } } else if extraKnown[index] == nil, extraKeys[index] == key {
                return extraValues[index]
            }
        }
        guard let known else { return nil }
        switch known {
        case .root: return .text(root)
        case .site: return .node(site)
        case .page: return .node(page)
        case .nav: return .nodes(nav)
        case .breadcrumbs: return .nodes(breadcrumbs)
        case .feedHref: return .text(root + "feed.xml")
        case .cssHref: return .text(root + "assets/style.css")
        case .jsHref: return .text(root + "assets/site.js")
        case .generator: return .text("CongKhai")
        case .lang: return .text("vi")
        case .children:
            guard let makeChildren else { return nil }
            return .nodes(madeChildren.withLock { made in
                if let made { return made }
                let children = makeChildren()
                made = children
                return children
            })
        case .latestNews: return latestNews.map(TemplateValue.nodes)
        case .quickLinks: return quickLinks.map(TemplateValue.nodes)
        case .datasets: return datasets.map(TemplateValue.objects)
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

    override func child(_ key: String, known: TemplateKey?) -> TemplateValue? {
        guard let known else { return nil }
        switch known {
        case .title: return .text(title)
        case .contentHtml: return .text(contentHTML)
        case .isHome: return .flag(kind == .home)
        // Lets the theme style a kind of page as a whole (the A4 notice-board sheets print without the site chrome).
        case .kind: return .text(kind.rawValue)
        // Sent with the page-rating form: which page was rated (site-relative, no personal data).
        case .address: return .text(address)
        case .description: return description.map(TemplateValue.text)
        case .author: return author.map(TemplateValue.text)
        case .dateText: return date.map { .text($0.vietnamese) }
        case .dateIso: return date.map { .text($0.iso) }
        case .updatedText: return updated.map { .text($0.vietnamese) }
        case .updatedIso: return updated.map { .text($0.iso) }
        case .sectionTitle: return sectionTitle.map(TemplateValue.text)
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

    override func child(_ key: String, known: TemplateKey?) -> TemplateValue? {
        guard let known else { return nil }
        switch known {
        case .title: return .text(title)
        case .href: return .text(href)
        case .current: return .flag(current)
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

    override func child(_ key: String, known: TemplateKey?) -> TemplateValue? {
        guard let known else { return nil }
        switch known {
        case .title: return .text(title)
        case .href: return .text(href)
        case .description: return description.map(TemplateValue.text)
        case .dateText: return date.map { .text($0.vietnamese) }
        case .dateIso: return date.map { .text($0.iso) }
        default: return nil
        }
    }
}

/// A dictionary made once and read by every page (the site's own values): its values sorted
/// by type once, not at each lookup.
final class ObjectNode: TemplateNode, @unchecked Sendable {
    let values: [String: TemplateValue]
    let original: [String: Any]

    init(_ values: [String: Any]) {
        original = values
        self.values = values.compactMapValues(TemplateValue.init)
    }

    override var keys: [String] { Array(original.keys) }

    override var dictionary: [String: Any] { original }

    override func child(_ key: String, known: TemplateKey?) -> TemplateValue? {
        values[key]
    }
}
