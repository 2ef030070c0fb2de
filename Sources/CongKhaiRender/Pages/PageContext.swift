import CongKhaiModel

/// Builds the dictionaries templates see (documented in docs/templates.md).
/// Values are formatted here; templates never compute.
/// Immutable after init; `Any` only ever holds strings, booleans and arrays/dictionaries of them.
struct PageContext: @unchecked Sendable {
    let site: [String: Any]
    var navigation: Navigation
    /// The content units' views of this render (`RenderingUnit`), in registry order.
    var units: [any UnitRendering]
    /// All open data of the site, in the order the `du-lieu/` page lists it; built once, for
    /// the files and for that page.
    var datasets: [OpenData.Dataset]

    init(config: SiteConfig, navigation: Navigation, units: [any UnitRendering]) {
        self.site = PageContext.site(config)
        self.navigation = navigation
        self.units = units
        self.datasets = units.flatMap(\.datasets)
    }

    func context(for page: Page, bodyHTML: String) -> [String: Any] {
        let root = RelativeURL.root(from: page.path)
        var pageValues: [String: Any] = [
            "title": page.title,
            "content_html": bodyHTML,
            "is_home": page.kind == .home,
            // Lets the theme style a kind of page as a whole (the A4 notice-board sheets print without the site chrome).
            "kind": page.kind.rawValue,
            // Sent with the page-rating form: which page was rated (site-relative, no personal data).
            "address": page.kind == .notFound ? "404.html" : page.path,
        ]
        pageValues["description"] = page.description
        pageValues["author"] = page.author
        if let date = page.date {
            pageValues["date_text"] = date.vietnamese
            pageValues["date_iso"] = date.iso
        }
        if let updated = navigation.lastChanged(page) {
            pageValues["updated_text"] = updated.vietnamese
            pageValues["updated_iso"] = updated.iso
        }
        if let section = page.section, let sectionPage = navigation.pagesByPath[section + "/"] {
            pageValues["section_title"] = sectionPage.title
        }
        var context: [String: Any] = [
            "root": root,
            "site": site,
            "page": pageValues,
            "nav": nav(current: page),
            "breadcrumbs": breadcrumbs(page),
            "feed_href": root + "feed.xml",
            "css_href": root + "assets/style.css",
            "js_href": root + "assets/site.js",
            "generator": "CongKhai",
            "lang": "vi",
        ]
        let children = navigation.children(of: page).map { entry($0, from: page) }
        if !children.isEmpty { context["children"] = children }
        if page.kind == .home {
            context["latest_news"] = navigation.newsItems.prefix(5).map { entry($0, from: page) }
            context["quick_links"] = navigation.topLevel.map { entry($0, from: page) }
        }
        if page.kind == .openData {
            context["datasets"] = datasets.map { dataset -> [String: Any] in
                [
                    "title": dataset.title,
                    "description": dataset.description,
                    "json_href": root + dataset.jsonPath,
                    "csv_href": root + dataset.csvPath,
                    "fields": dataset.columns.map { ["name": $0.name, "meaning": $0.meaning] },
                ]
            }
        }
        for unit in units { context.merge(unit.values(for: page)) { _, new in new } }
        return context
    }

    func entry(_ target: Page, from page: Page) -> [String: Any] {
        var values: [String: Any] = [
            "title": target.title,
            "href": RelativeURL.href(from: page.path, to: .page(target.path)),
        ]
        values["description"] = target.description
        if let date = target.date {
            values["date_text"] = date.vietnamese
            values["date_iso"] = date.iso
        }
        return values
    }

    func nav(current page: Page) -> [[String: Any]] {
        let home = Page(source: "", path: "", kind: .home, title: "Trang chủ")
        return ([home] + navigation.topLevel).map { item in
            let isCurrent = item.path.isEmpty ? page.path.isEmpty : page.section.map { $0 + "/" } == item.path
            return ["title": item.title, "href": RelativeURL.href(from: page.path, to: .page(item.path)), "current": isCurrent]
        }
    }

    func breadcrumbs(_ page: Page) -> [[String: Any]] {
        let trail = navigation.trail(to: page)
        return trail.enumerated().map { index, item in
            [
                "title": item.path.isEmpty ? "Trang chủ" : item.title,
                "href": RelativeURL.href(from: page.path, to: .page(item.path)),
                "current": index == trail.count - 1,
            ]
        }
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
