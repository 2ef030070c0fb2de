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
    /// `values(for:)` when pages render together (a web page and its notice-board edition):
    /// what the unit keeps in `shared` for the first is reused for the next, instead of being
    /// made again. A value may be a typed view model (`TemplateNode`).
    func values(for page: Page, shared: SharedViews) -> [String: Any]
    /// The unit's open data, listed on the `du-lieu/` page after the built-in datasets.
    var datasets: [OpenData.Dataset] { get }
    /// Other files made from the whole site (machine-readable lists).
    var files: [OutputFile] { get }
    /// What the site search finds of this unit (`du-lieu/tim-kiem.js`, in registry order).
    var searchEntries: [SearchIndex.Entry] { get }
    /// What the notice-board edition of `page` shows (number, date, posting, heading) when
    /// the page is this unit's and posted (`PageKind.noticeBoard`); nil otherwise.
    func notice(for page: Page) -> NoticeFacts?
    /// `serve`'s edit of one item shown in the unit's lists (`LoadingUnit.spliceListed`): `was`
    /// replaced by `now` in this view, which is then the same as made from the edited site;
    /// false, with nothing changed, when it cannot be done in place.
    mutating func replace(_ was: any Sendable, with now: any Sendable) -> Bool
    /// The values of the list row named `key` (`RowLayout`) as `page` shows it; nil when not the unit's.
    func row(_ key: String, on page: Page) -> [String: Any]?
    /// The keys of the rows `page` shows, in order, when it is one page of a list split into
    /// pages (`Page.paging`); nil when not the unit's. `serve` renders such a page whole when an
    /// edit changes which rows it holds, rather than splicing one row into it.
    func rowKeys(on page: Page) -> [String]?
    /// Where the row named `key` sorts among the unit's rows (its lists are in that order); nil when not the unit's.
    func rowRank(_ key: String) -> Int?
    /// The dataset (by its JSON path) with one row per list row, in `rowRank` order, as are the
    /// unit's search entries; nil when none.
    var rankedDataset: String? { get }
}

/// What a unit says about the notice-board edition of one of its pages (NĐ 30/2020 layout:
/// `NoticeHeader` formats it).
public struct NoticeFacts: Sendable {
    /// The document number the content gives; printed only when the commune itself issued it.
    public var number: String?
    /// The date the sheet carries (nil: the build date).
    public var date: CalendarDate?
    /// The page's own posting window, if the content gives one.
    public var posting: PostingWindow?
    /// Posted for as long as it is in force (procedures, fees: Luật 10/2022 Điều 12).
    public var isStanding = false
    /// The heading and subject when the title does not start with a document type.
    public var heading: (heading: String, subject: String?)?
    /// A table too wide for A4 portrait.
    public var isLandscape = false

    public init(number: String? = nil, date: CalendarDate? = nil, posting: PostingWindow? = nil) {
        self.number = number
        self.date = date
        self.posting = posting
    }
}

/// What the pages of one render task share (the task's own, so never seen by two threads):
/// view models made for the first page, keyed by what they are of.
public final class SharedViews {
    var views: [String: AnyObject] = [:]

    public init() {}

    func view<View: AnyObject>(_ key: String, make: () -> View) -> View {
        if let view = views[key] as? View { return view }
        let view = make()
        views[key] = view
        return view
    }
}

extension UnitRendering {
    public func values(for page: Page, shared: SharedViews) -> [String: Any] { values(for: page) }
    public var datasets: [OpenData.Dataset] { [] }
    public var files: [OutputFile] { [] }
    public var searchEntries: [SearchIndex.Entry] { [] }
    public func notice(for page: Page) -> NoticeFacts? { nil }
    public mutating func replace(_ was: any Sendable, with now: any Sendable) -> Bool { false }
    public func row(_ key: String, on page: Page) -> [String: Any]? { nil }
    public func rowRank(_ key: String) -> Int? { nil }
    public func rowKeys(on page: Page) -> [String]? { nil }
    public var rankedDataset: String? { nil }
}
