import CongKhaiModel

/// The site's structure as a reader moves through it: the main menu, breadcrumbs and
/// section listings, all derived from folders and `thu_tu`.
public struct Navigation: Sendable {
    let pagesByPath: [String: Page]
    let childrenByPath: [String: [Page]]
    let topLevel: [Page]

    /// What every page's menu shows: when it changes, every page must be rendered again.
    public var menuSignature: [String] {
        topLevel.map { "\($0.path)\u{1F}\($0.title)" }
    }

    public init(pages: [Page]) {
        var byPath: [String: Page] = [:]
        var children: [String: [Page]] = [:]
        for page in pages where page.kind != .notFound {
            byPath[page.path] = page
            if let parent = page.parentPath { children[parent, default: []].append(page) }
        }
        self.pagesByPath = byPath
        self.childrenByPath = children.mapValues(Navigation.inReadingOrder)
        self.topLevel = Navigation.inReadingOrder((children[""] ?? []).filter { $0.kind != .home && $0.kind != .notFound })
        self.latestChange = byPath.values.compactMap(\.lastChanged).max()
    }

    /// The latest content date anywhere on the site (the home page's "cập nhật").
    let latestChange: CalendarDate?

    /// Reading order: `thu_tu` first; then newest first (news); then title, then path. The keys
    /// are taken once and indices sorted, not pages (a section of thousands of procedures made
    /// the comparisons and copies visible in every update).
    static func inReadingOrder(_ pages: [Page]) -> [Page] {
        let keys = pages.map { (order: $0.order ?? Int.max, day: $0.date?.dayNumber ?? Int.min, title: $0.title, path: $0.path) }
        let order = keys.indices.sorted { a, b in
            let x = keys[a], y = keys[b]
            if x.order != y.order { return x.order < y.order }
            if x.day != y.day { return x.day > y.day }
            if x.title != y.title { return x.title < y.title }
            return x.path < y.path
        }
        return order.map { pages[$0] }
    }

    public func children(of page: Page) -> [Page] {
        childrenByPath[page.path] ?? []
    }

    /// Home, then each folder above the page, then the page itself.
    public func trail(to page: Page) -> [Page] {
        guard !page.path.isEmpty else { return [] }
        var chain: [Page] = [page]
        var parent = page.parentPath
        while let path = parent {
            if let ancestor = pagesByPath[path] { chain.insert(ancestor, at: 0) }
            parent = path.isEmpty ? nil : Page(source: "", path: path, kind: .section, title: "").parentPath
        }
        return chain
    }

    /// The most recent content date of a page and everything listed under it.
    public func lastChanged(_ page: Page) -> CalendarDate? {
        let own = page.lastChanged
        guard page.kind == .section || page.kind == .home else { return own }
        if page.kind == .home { return [own, latestChange].compactMap { $0 }.max() }
        return ([own] + children(of: page).map(\.lastChanged)).compactMap { $0 }.max()
    }

    public var newsItems: [Page] {
        Navigation.inReadingOrder(pagesByPath.values.filter { $0.section == "tin-tuc" && $0.kind == .page && $0.date != nil })
    }
}
