import CongKhaiModel
import Foundation

/// What the load and assemble stages ask of a content unit (the `ContentUnit` protocol of
/// CongKhaiKinds refines this): which files it claims, how one claimed file loads, and how its
/// loaded files join the site. `ContentLoader` loops over the units it is given; it knows no kind.
public protocol LoadingUnit: Sendable {
    /// Stable and unique: keys the unit's value in `SiteContent.units`.
    var id: String { get }
    /// Whether the file at `place` is this unit's; nil leaves it to the next unit, then to the
    /// generic rules (Markdown pages, data files not used, attachments). Units are asked in
    /// registry order, after `site.yaml`.
    func claim(_ place: ContentPlace) -> ContentClaim?
    /// Whether a draft or a file still holding `congkhai new`'s placeholders is held back
    /// (validated, never published); only site-wide settings files answer false.
    var holdsBackUnwritten: Bool { get }
    /// Checklist rules the unit's content is judged by, in the shape of `quy-tac.yaml`
    /// (`quy_tac:` keyed by rule id). They join the national profile (`NationalProfile.rules(adding:)`),
    /// so a site's `quy-tac.yaml` changes them like any rule. Empty: none.
    var checklistRules: String { get }
    /// Loads one claimed file, reporting what is wrong to `log`; nil when it cannot be used.
    func load(_ source: SourceText, file: ClaimedFile, log: DiagnosticLog) -> UnitItem?
    /// The marker of an unwritten file beyond the generic ones (a budget table of zeros).
    func unwrittenMark(_ source: SourceText, item: UnitItem) -> UnwrittenFile?
    /// Joins this unit's loaded values (in path order, drafts left out) into the site: adds its
    /// pages to `content.pages` and its own value to `content.units[id]`. Runs after the
    /// loaded pages are in and before section pages nobody wrote are made up.
    func assemble(_ values: [any Sendable], into content: inout SiteContent, log: DiagnosticLog)
    /// Files whose change can move the whole site (`content/quy-tac.yaml`): `serve` then runs
    /// every stage over everything instead of the changed files only.
    var wholeSiteFiles: Set<String> { get }
    /// `serve`'s shortcut for an edit that changes no field shown outside the item's own page
    /// (a body edit): puts `new` in place of `old` in the assembled `content` and returns the
    /// pages that show it (each must be rendered again with its notice-board edition), or nil
    /// when the edit may show anywhere else (a title in the lists): then the site is assembled
    /// again. It must leave `content` exactly as `assemble` would make it from the new values.
    func splice(_ old: any Sendable, _ new: any Sendable, into content: inout SiteContent) -> [Page]?
    /// `serve`'s shortcut for an edit of fields the unit's lists show (a procedure's name, deadline,
    /// fees) that moves nothing else: no address, group, date or menu. Puts `new` in place like
    /// `splice` and says which list pages show it; nil when the site must be assembled again.
    func spliceListed(_ old: any Sendable, _ new: any Sendable, into content: inout SiteContent) -> ListedSplice?
    /// How many rows the list `page` shows has, when it is one of the unit's lists (all of
    /// them, as on the web: a list longer than `ListPaging.rowsPerPage` is split into pages,
    /// `ListPages.paginate`); nil otherwise.
    func listRows(of page: Page, in content: SiteContent) -> Int?
    /// The derive stage, once the theme is known: adds to `content.pages` the unit's lists that
    /// another page links to only when its layout reads the link (`reads(field, page)`: whether
    /// the layout `page` renders with reads `field`). A site's own layout written before those
    /// lists keeps showing what it did, and no page is made that nothing links to.
    func addLinkedLists(to content: inout SiteContent, reads: (_ field: String, _ page: Page) -> Bool)
}

/// What `LoadingUnit.spliceListed` changed, for the render stage.
public struct ListedSplice: Sendable {
    /// The item's own pages as they now are in the site (rendered again whole, with their editions).
    public var pages: [Page]
    /// The name of the item's row in the lists (`RowLayout`): its page's address.
    public var rowKey: String
    /// The list pages that show the row (web addresses; their editions and the `in/` index follow).
    public var lists: Set<String>
    /// Of those, the ones whose other values change too (a fee's count of procedures): rendered whole.
    public var remade: Set<String>
    /// The item before and after, for the render units' views (`UnitRendering.replacing`).
    public var was: any Sendable
    public var now: any Sendable

    public init(pages: [Page], rowKey: String, lists: Set<String>, remade: Set<String>, was: any Sendable, now: any Sendable) {
        self.pages = pages
        self.rowKey = rowKey
        self.lists = lists
        self.remade = remade
        self.was = was
        self.now = now
    }
}

extension LoadingUnit {
    public var holdsBackUnwritten: Bool { true }
    public var checklistRules: String { "" }
    public func unwrittenMark(_ source: SourceText, item: UnitItem) -> UnwrittenFile? { UnwrittenMarker.find(in: source) }
    public func assemble(_ values: [any Sendable], into content: inout SiteContent, log: DiagnosticLog) {}
    public var wholeSiteFiles: Set<String> { [] }
    public func splice(_ old: any Sendable, _ new: any Sendable, into content: inout SiteContent) -> [Page]? { nil }
    public func spliceListed(_ old: any Sendable, _ new: any Sendable, into content: inout SiteContent) -> ListedSplice? { nil }
    public func listRows(of page: Page, in content: SiteContent) -> Int? { nil }
    public func addLinkedLists(to content: inout SiteContent, reads: (_ field: String, _ page: Page) -> Bool) {}
}

/// Where a file under `content/` sits, as a unit's `claim` sees it. Folder names are slugged
/// (`Tin tức` → `tin-tuc`), the extension lowercased.
public struct ContentPlace: Sendable {
    /// Slugged folders from `content/` down: `["ngan-sach", "2026"]`.
    public var folders: [String]
    /// The file name without extension, as written: `du-toan`, `_index`.
    public var stem: String
    /// Lowercased, without the dot: `md`, `yaml`.
    public var ext: String
    /// `content/ngan-sach/2026/du-toan.yaml`.
    public var displayPath: String

    /// `ngan-sach/2026/`; `""` at the top of `content/`.
    public var folderPath: String { folders.isEmpty ? "" : folders.joined(separator: "/") + "/" }
    /// Whether the file is a folder's own page (`_index.md`, `index.md`).
    public var isIndex: Bool { stem == "_index" || stem == "index" }
}

/// A unit's answer to `claim`.
public enum ContentClaim: Sendable {
    /// The unit loads the file; `path` is where its page goes (or any note the loader needs).
    case load(path: String)
    /// The file belongs to the unit but is read through another one (a budget's `.csv`).
    case ignore
}

/// A claimed file, handed back to the unit that claimed it.
public struct ClaimedFile: Sendable {
    public var filePath: String
    public var url: URL { URL(fileURLWithPath: filePath) }
    public var displayPath: String
    /// What `claim` answered in `.load(path:)`.
    public var path: String
}

/// What one file of a unit loads to.
public enum UnitItem: Sendable {
    /// A page of its own, published like any page (drafts left out).
    case page(Page)
    /// A value the unit's `assemble` receives with the others of its kind.
    case value(any Sendable)
}
