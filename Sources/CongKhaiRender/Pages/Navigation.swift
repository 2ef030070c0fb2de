import CongKhaiModel

/// The site's structure as a reader moves through it: the main menu, breadcrumbs and
/// section listings, all derived from folders and `thu_tu`.
public struct Navigation: Sendable {
    private(set) var pagesByPath: [String: Page]
    private(set) var childrenByPath: [String: [Page]]
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
            // Page 2… of a list split into pages (`tin-tuc/trang-2/`) is the list, not a page below it.
            if let parent = page.parentPath, (page.paging?.number ?? 1) == 1 { children[parent, default: []].append(page) }
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
        let keys = pages.map(readingKey)
        let order = keys.indices.sorted { precedes(keys[$0], keys[$1]) }
        return order.map { pages[$0] }
    }

    /// Whether `page` can take the place of the page at its address (`serve`'s edit of a title,
    /// which moves it among its siblings): not when the edit changes the menu, the page's place
    /// or the site's dates.
    public func canReplace(_ page: Page) -> Bool {
        guard let old = pagesByPath[page.path], let parent = page.parentPath, !parent.isEmpty else { return false }
        return old.parentPath == page.parentPath && old.lastChanged == page.lastChanged && old.kind == page.kind && old.section == page.section
            && childrenByPath[parent].map { siblings in siblings.indices.contains { siblings[$0].path == page.path } } == true
    }

    /// `page` in place of the page at its address, moved to where it now reads among its
    /// siblings; only after `canReplace` said yes. In place: hold the navigation once.
    public mutating func replace(_ page: Page) {
        guard let parent = page.parentPath, let at = childrenByPath[parent]?.indices.first(where: { childrenByPath[parent]![$0].path == page.path }) else { return }
        pagesByPath[page.path] = page
        childrenByPath[parent, default: []].remove(at: at)
        let key = Self.readingKey(page)
        var low = 0, high = childrenByPath[parent]!.count
        while low < high {
            let middle = (low + high) / 2
            if Self.precedes(Self.readingKey(childrenByPath[parent]![middle]), key) { low = middle + 1 } else { high = middle }
        }
        childrenByPath[parent, default: []].insert(page, at: low)
    }

    private static func readingKey(_ page: Page) -> (order: Int, day: Int, title: String, path: String) {
        (page.order ?? Int.max, page.date?.dayNumber ?? Int.min, page.title, page.path)
    }

    private static func precedes(_ x: (order: Int, day: Int, title: String, path: String), _ y: (order: Int, day: Int, title: String, path: String)) -> Bool {
        if x.order != y.order { return x.order < y.order }
        if x.day != y.day { return x.day > y.day }
        if x.title != y.title { return x.title < y.title }
        return x.path < y.path
    }

    /// The title of the page at `path`, if there is one.
    public func title(at path: String) -> String? {
        pagesByPath[path]?.title
    }

    /// The pages below `page`; for each page of a list split into pages, those of the whole list.
    public func children(of page: Page) -> [Page] {
        childrenByPath[page.paging?.listPath ?? page.path] ?? []
    }

    /// Home, then each folder above the page, then the page itself.
    public func trail(to page: Page) -> [Page] {
        guard !page.path.isEmpty else { return [] }
        var chain: [Page] = [page]
        var parent = page.parentPath
        while let path = parent {
            if let ancestor = pagesByPath[path] { chain.insert(ancestor, at: 0) }
            parent = path.isEmpty ? nil : Page.parentPath(of: path)
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

    /// The section the news are in, and its page's address.
    public static let newsSection = "tin-tuc"
    public static let newsPath = newsSection + "/"

    public var newsItems: [Page] {
        // The section last: it makes a string of each of the site's pages it is asked of.
        Navigation.inReadingOrder(pagesByPath.values.filter { $0.kind == .page && $0.date != nil && $0.section == Self.newsSection })
    }
}
