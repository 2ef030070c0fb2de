import CongKhaiModel

/// What the render stage asks of a content unit (the `ContentUnit` protocol of CongKhaiKinds
/// refines this). `SiteRenderer` loops over the units it is given; it knows no kind.
public protocol RenderingUnit: Sendable {
    /// Everything the unit's pages need, computed once per render from the whole site
    /// (sorting, totals, open data); `navigation` places pages in the site.
    func rendering(_ content: SiteContent, navigation: Navigation) -> any UnitRendering
}

/// One render's view of a unit (its typed view model, made once and read by every page).
public protocol UnitRendering: Sendable {
    /// Template keys merged into the context of `page` (empty for pages not of this unit).
    /// The page's layout is `templates/layouts/<page.kind.rawValue>.mustache`.
    func values(for page: Page) -> [String: Any]
    /// The unit's open data, listed on the `du-lieu/` page after the built-in datasets.
    var datasets: [OpenData.Dataset] { get }
    /// Other files made from the whole site (machine-readable lists).
    var files: [OutputFile] { get }
    /// What the site search finds of this unit, after the procedures (`du-lieu/tim-kiem.js`).
    var searchEntries: [SearchIndex.Entry] { get }
    /// The document type and subject (trích yếu) heading the notice-board edition of `page`, when
    /// the unit words it (`("DANH MỤC", "Văn bản đang có hiệu lực")`); nil leaves it to the title.
    func noticeHeading(for page: Page) -> (heading: String, subject: String?)?
}

extension UnitRendering {
    public var datasets: [OpenData.Dataset] { [] }
    public var files: [OutputFile] { [] }
    public var searchEntries: [SearchIndex.Entry] { [] }
    public func noticeHeading(for page: Page) -> (heading: String, subject: String?)? { nil }
}
