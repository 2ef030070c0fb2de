import CongKhaiModel
import Synchronization

/// Builds the dictionaries templates see (documented in docs/templates.md).
/// Values are formatted here; templates never compute.
/// Immutable after init; `Any` only ever holds strings, booleans and arrays/dictionaries of them.
struct PageContext: @unchecked Sendable {
    let site: [String: Any]
    /// The same, read by the templates of every page.
    let siteNode: ObjectNode
    /// Each page's title by its path, for breadcrumbs (without copying the pages); follows
    /// `navigation` when `serve` puts an edited page in place.
    var titlesByPath: [String: String] {
        didSet { ancestorCrumbs = AncestorCrumbs() }
    }
    /// The breadcrumbs above each folder's pages, made once per folder and depth: siblings (the
    /// thousands of procedures of one lĩnh vực) share them. Made again when a title changes.
    private var ancestorCrumbs = AncestorCrumbs()
    var navigation: Navigation {
        didSet { menus = Menus() }
    }
    /// The main menu as linked from each depth, with its current item: the same for every page
    /// of a section and depth. Made again when the navigation changes.
    private var menus = Menus()
    /// The content units' views of this render (`RenderingUnit`), in registry order.
    var units: [any UnitRendering]
    /// All open data of the site, in the order the `du-lieu/` page lists it; built once, for
    /// the files and for that page.
    var datasets: [OpenData.Dataset]

    init(config: SiteConfig, navigation: Navigation, units: [any UnitRendering]) {
        self.site = PageContext.site(config)
        siteNode = ObjectNode(site)
        titlesByPath = navigation.pagesByPath.mapValues(\.title)
        self.navigation = navigation
        self.units = units
        self.datasets = units.flatMap(\.datasets)
    }

    /// The page's values as a dictionary (the 404 page, which rewrites them, and the `in/` index).
    func context(for page: Page, bodyHTML: String) -> [String: Any] {
        view(for: page, bodyHTML: bodyHTML).dictionary
    }

    /// The page's template values, typed. `shared`: what the units made for another page of
    /// the same render task (a web page and its notice-board edition show the same procedure).
    func view(for page: Page, bodyHTML: String, shared: SharedViews = SharedViews()) -> PageView {
        let root = RelativeURL.root(from: page.path)
        let values = PageValues(title: page.title, contentHTML: bodyHTML, kind: page.kind, address: page.kind == .notFound ? "404.html" : page.path,
                                description: page.description, author: page.author, date: page.date, updated: navigation.lastChanged(page),
                                sectionTitle: page.section.flatMap { titlesByPath[$0 + "/"] })
        // A section split into pages (the news) shows this page's part of the pages below it.
        var listed = navigation.children(of: page)[...]
        if let paging = page.paging, ListPaging.listsChildren(page) { listed = listed[paging.rows(of: listed.count)] }
        let path = page.path, rows = listed
        let children: (@Sendable () -> [TemplateNode])? = rows.isEmpty ? nil : { @Sendable in rows.map { Self.entry($0, from: path) } }
        var datasets: [[String: Any]]?
        if page.kind == .openData {
            datasets = self.datasets.map { dataset -> [String: Any] in
                [
                    "title": dataset.title,
                    "description": dataset.description,
                    "json_href": root + dataset.jsonPath,
                    "csv_href": root + dataset.csvPath,
                    "fields": dataset.columns.map { ["name": $0.name, "meaning": $0.meaning] },
                ]
            }
        }
        let news = page.kind == .home ? navigation.newsItems : []
        let view = PageView(root: root, site: siteNode, page: values, nav: nav(current: page), breadcrumbs: breadcrumbs(page),
                            children: children,
                            latestNews: page.kind == .home ? news.prefix(5).map { Self.entry($0, from: page.path) } : nil,
                            quickLinks: page.kind == .home ? navigation.topLevel.map { Self.entry($0, from: page.path) } : nil,
                            datasets: datasets)
        // The news section, only when it has news: a new site's empty `tin-tuc/` is no place to send a citizen.
        if !news.isEmpty, navigation.pagesByPath[Navigation.newsPath] != nil {
            view.set("news_href", RelativeURL.href(from: page.path, to: .page(Navigation.newsPath)))
        }
        if let paging = page.paging { view.set("pagination", ListPagination.values(paging, from: page.path)) }
        for unit in units { view.merge(unit.values(for: page, shared: shared)) }
        return view
    }

    static func entry(_ target: Page, from path: String) -> TemplateNode {
        PageEntry(title: target.title, href: RelativeURL.href(from: path, to: .page(target.path)), description: target.description, date: target.date)
    }

    func nav(current page: Page) -> [TemplateNode] {
        let root = RelativeURL.root(from: page.path)
        let section = page.section.map { $0 + "/" }
        let key = MenuKey(root: root, section: section, isHome: page.path.isEmpty)
        if let known = menus.known(key) { return known }
        // The top-level pages read in place: an array of them with a home page in front copied every field of each.
        var items: [TemplateNode] = [MenuItem(title: "Trang chủ", href: root + "index.html", current: page.path.isEmpty)]
        items.reserveCapacity(navigation.topLevel.count + 1)
        for index in navigation.topLevel.indices {
            let path = navigation.topLevel[index].path
            let isCurrent = path.isEmpty ? page.path.isEmpty : section == path
            items.append(MenuItem(title: navigation.topLevel[index].title, href: root + path + "index.html", current: isCurrent))
        }
        menus.keep(items, for: key)
        return items
    }

    /// Home, then each folder above the page, then the page itself (`Navigation.trail`, by
    /// title and path only).
    func breadcrumbs(_ page: Page) -> [TemplateNode] {
        guard !page.path.isEmpty else { return [] }
        let root = RelativeURL.root(from: page.path)
        var crumbs = ancestors(of: page.parentPath, root: root)
        crumbs.append(MenuItem(title: page.title, href: root + page.path + "index.html", current: true))
        return crumbs
    }

    /// The crumbs of the folder `parent` and those above it, linked from a page at depth `root`.
    private func ancestors(of parent: String?, root: String) -> [TemplateNode] {
        guard let parent else { return [] }
        let key = AncestorKey(parent: parent, root: root)
        if let known = ancestorCrumbs.known(key) { return known }
        var trail: [(title: String, path: String)] = []
        var next: String? = parent
        while let path = next {
            if let title = titlesByPath[path] { trail.append((title, path)) }
            next = path.isEmpty ? nil : Page.parentPath(of: path)
        }
        let crumbs: [TemplateNode] = trail.reversed().map { item in
            MenuItem(title: item.path.isEmpty ? "Trang chủ" : item.title, href: root + item.path + "index.html", current: false)
        }
        ancestorCrumbs.keep(crumbs, for: key)
        return crumbs
    }

    static func site(_ config: SiteConfig) -> [String: Any] {
        var values: [String: Any] = [
            "ten": config.name,
            "ten_ngan": config.shortName,
            "tinh": config.province,
            "loai": config.kind.label,
        ]
        values["dia_chi"] = config.address
        values["dien_thoai"] = config.phone
        values["dien_thoai_href"] = config.phone.map(Telephone.href)
        values["email"] = config.email
        values["gio_lam_viec"] = config.officeHours
        values["ten_mien"] = config.domain
        values["mo_ta"] = config.description
        values["dvc_url"] = config.onlineServiceURL
        values["phan_hoi_url"] = config.ratingURL
        values["nguoi_chiu_trach_nhiem"] = config.responsiblePerson
        if let feedback = config.feedback {
            var channel: [String: Any] = [:]
            channel["dia_chi"] = feedback.address
            channel["dien_thoai"] = feedback.phone
            channel["dien_thoai_href"] = feedback.phone.map(Telephone.href)
            channel["email"] = feedback.email
            values["kenh_phan_anh"] = channel
        }
        if !config.postingPlaces.isEmpty {
            values["diem_niem_yet"] = config.postingPlaces.map { place -> [String: Any] in
                var item: [String: Any] = ["ten": place.name]
                item["dia_chi"] = place.address
                return item
            }
        }
        if !config.formerUnits.isEmpty {
            values["truoc_sap_xep"] = config.formerUnits.joined(separator: ", ")
        }
        return values
    }
}

/// Telephone numbers as links.
public enum Telephone {
    /// `0263 3812 345` → `tel:+842633812345`.
    public static func href(_ phone: String) -> String {
        let digits = phone.filter { $0.isASCII && $0.isNumber }
        return digits.hasPrefix("0") ? "tel:+84" + digits.dropFirst() : "tel:" + digits
    }
}

/// Menu items made once and read by every page that shows the same ones (`PageContext`'s
/// breadcrumbs above a folder, its main menu): read by every render worker at once; the nodes
/// are never changed once made.
final class NodeMemo<Key: Hashable & Sendable>: @unchecked Sendable {
    private let nodes = Mutex<[Key: [TemplateNode]]>([:])

    func known(_ key: Key) -> [TemplateNode]? {
        nodes.withLock { $0[key] }
    }

    func keep(_ value: [TemplateNode], for key: Key) {
        nodes.withLock { $0[key] = value }
    }
}

/// The crumbs above a folder, by folder and the linking page's root.
struct AncestorKey: Hashable, Sendable {
    var parent: String
    var root: String
}

/// The main menu, by the linking page's root, its section (`tin-tuc/`) and whether it is home.
struct MenuKey: Hashable, Sendable {
    var root: String
    var section: String?
    var isHome: Bool
}

typealias AncestorCrumbs = NodeMemo<AncestorKey>
typealias Menus = NodeMemo<MenuKey>
