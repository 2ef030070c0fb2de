/// What a page is: it picks the default layout (`layouts/<rawValue>`), and says which files the
/// page is made from and whether it has a notice-board edition. A struct rather than an enum so
/// that a content unit (CongKhaiKinds) declares its own kinds beside its code:
/// `extension PageKind { static let vanBan = PageKind("van-ban", sources: .ownFile) }`.
/// Kinds compare by `rawValue` alone.
public struct PageKind: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String
    /// Which files the page is made from, so `serve` knows when to render it again.
    public let sources: PageSources
    /// The group of the `in/` index this kind's notice-board edition is listed in; nil when
    /// the kind is not posted on the board.
    public let noticeBoard: NoticeBoardGroup?
    /// The page exists only as a notice-board sheet: its path is already under `in/`.
    public let isSheetOnly: Bool

    public init(_ rawValue: String, sources: PageSources = .wholeSite, noticeBoard: NoticeBoardGroup? = nil, isSheetOnly: Bool = false) {
        self.rawValue = rawValue
        self.sources = sources
        self.noticeBoard = noticeBoard
        self.isSheetOnly = isSheetOnly
    }

    public static func == (left: PageKind, right: PageKind) -> Bool { left.rawValue == right.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
    public var description: String { rawValue }

    public static let home = PageKind("home")
    public static let section = PageKind("section")
    /// A Markdown page: made from its file, and listing its children when it has any.
    public static let page = PageKind("page", sources: .ownFileAndChildren)
    public static let notFound = PageKind("404")
}

/// Which files a page depends on (`SiteBuild.update` renders it again when one changed).
public enum PageSources: Sendable {
    /// Only the file it came from (a procedure, the leaders' page).
    case ownFile
    /// Its file, and its children's when it lists any.
    case ownFileAndChildren
    /// Many files (lists, overviews, the checklist, home): any content change.
    case wholeSite
}

/// A group of the `in/` index; groups are listed by `rank`.
public struct NoticeBoardGroup: Sendable, Hashable {
    public let label: String
    public let rank: Int

    public init(_ label: String, rank: Int) {
        self.label = label
        self.rank = rank
    }
}

/// What a page shows besides its Markdown body. The large values are boxed (`indirect`): held
/// inline, the largest of them set the size of every page's data, procedures' included.
public enum PageData: Sendable {
    case none
    case procedure(Procedure)
    case procedureField(String)
    case procedureLevel(OnlineLevel)
    /// The procedures charging the fee of this id.
    case procedureFee(String)
    case budgetYear(Int)
    indirect case budget(BudgetDisclosure)
    indirect case reformReport(ReformReport)
    indirect case reformPlan(ReformPlan)
    indirect case disclosure(Disclosure)
    case checklistQuarter(year: Int, quarter: Int)
    /// What a content unit's own page shows (a unit of CongKhaiKinds casts it back).
    case unit(any Sendable)
}

/// One page of the site, from a Markdown file or a data file.
public struct Page: Sendable {
    /// The fields, in one box shared by every copy until one is changed (copy on write): arrays
    /// of pages (the site's, the navigation's, the editions', the render order) hold one
    /// reference per item rather than the whole value, and a copy retains once.
    @usableFromInline final class Storage: @unchecked Sendable {
        // Read and changed only through the accessors below, which keep the box unique first.
        @exclusivity(unchecked) @usableFromInline var fields: Fields
        @usableFromInline init(_ fields: Fields) { self.fields = fields }
    }

    @usableFromInline struct Fields: Sendable {
        @usableFromInline var source: String
        @usableFromInline var path: String
        @usableFromInline var kind: PageKind
        @usableFromInline var title: String
        @usableFromInline var description: String? = nil
        @usableFromInline var date: CalendarDate? = nil
        @usableFromInline var updated: CalendarDate? = nil
        @usableFromInline var order: Int? = nil
        @usableFromInline var author: String? = nil
        @usableFromInline var allowsRawHTML: Bool = false
        @usableFromInline var layout: String? = nil
        @usableFromInline var isDraft: Bool = false
        @usableFromInline var body: String = ""
        @usableFromInline var bodyLine: Int = 1
        @usableFromInline var data: PageData = .none
        @usableFromInline var paging: ListPaging? = nil
        /// `Page.parentPath(of: path)`, made again whenever `path` changes.
        @usableFromInline var parentPath: String?

        init(source: String, path: String, kind: PageKind, title: String) {
            self.source = source
            self.path = path
            self.parentPath = Page.parentPath(of: path)
            self.kind = kind
            self.title = title
        }
    }

    @usableFromInline var storage: Storage

    @inlinable mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
    }

    /// The file it came from, relative to the site folder (`content/tin-tuc/a.md`).
    @inlinable public var source: String {
        get { storage.fields.source }
        _modify { makeUnique(); yield &storage.fields.source }
    }
    /// Output folder relative to the site root, ending in `/` (`tin-tuc/a/`); `""` for home.
    @inlinable public var path: String {
        get { storage.fields.path }
        _modify {
            makeUnique()
            yield &storage.fields.path
            storage.fields.parentPath = Page.parentPath(of: storage.fields.path)
        }
    }
    @inlinable public var kind: PageKind {
        get { storage.fields.kind }
        _modify { makeUnique(); yield &storage.fields.kind }
    }
    @inlinable public var title: String {
        get { storage.fields.title }
        _modify { makeUnique(); yield &storage.fields.title }
    }
    @inlinable public var description: String? {
        get { storage.fields.description }
        _modify { makeUnique(); yield &storage.fields.description }
    }
    @inlinable public var date: CalendarDate? {
        get { storage.fields.date }
        _modify { makeUnique(); yield &storage.fields.date }
    }
    @inlinable public var updated: CalendarDate? {
        get { storage.fields.updated }
        _modify { makeUnique(); yield &storage.fields.updated }
    }
    @inlinable public var order: Int? {
        get { storage.fields.order }
        _modify { makeUnique(); yield &storage.fields.order }
    }
    @inlinable public var author: String? {
        get { storage.fields.author }
        _modify { makeUnique(); yield &storage.fields.author }
    }
    @inlinable public var allowsRawHTML: Bool {
        get { storage.fields.allowsRawHTML }
        _modify { makeUnique(); yield &storage.fields.allowsRawHTML }
    }
    @inlinable public var layout: String? {
        get { storage.fields.layout }
        _modify { makeUnique(); yield &storage.fields.layout }
    }
    @inlinable public var isDraft: Bool {
        get { storage.fields.isDraft }
        _modify { makeUnique(); yield &storage.fields.isDraft }
    }
    @inlinable public var body: String {
        get { storage.fields.body }
        _modify { makeUnique(); yield &storage.fields.body }
    }
    /// Line in the source file where `body` starts, so Markdown findings point at the right line.
    @inlinable public var bodyLine: Int {
        get { storage.fields.bodyLine }
        _modify { makeUnique(); yield &storage.fields.bodyLine }
    }
    @inlinable public var data: PageData {
        get { storage.fields.data }
        _modify { makeUnique(); yield &storage.fields.data }
    }

    /// Which page of a list split into pages this is (`ListPaging`); nil for a page shown whole.
    @inlinable public var paging: ListPaging? {
        get { storage.fields.paging }
        _modify { makeUnique(); yield &storage.fields.paging }
    }

    public init(source: String, path: String, kind: PageKind, title: String) {
        storage = Storage(Fields(source: source, path: path, kind: kind, title: title))
    }

    /// Top-level section (`tin-tuc` for `tin-tuc/a/`), or nil on the home page.
    public var section: String? {
        // Byte scans: these run for every page many times per build.
        let trimmed = path.utf8.drop { $0 == UInt8(ascii: "/") }
        guard !trimmed.isEmpty else { return nil }
        let end = trimmed.firstIndex(of: UInt8(ascii: "/")) ?? trimmed.endIndex
        return String(path[trimmed.startIndex..<end])
    }

    /// The folder of the page that lists this one (`tin-tuc/` for `tin-tuc/a/`): kept beside
    /// `path` (every page's breadcrumbs read it in every render).
    @inlinable public var parentPath: String? { storage.fields.parentPath }

    /// `parentPath` of a page at `path`.
    public static func parentPath(of path: String) -> String? {
        let bytes = path.utf8
        guard !bytes.isEmpty else { return nil }
        let slash = UInt8(ascii: "/")
        // A path with no leading slash and no empty segment (all of them, in practice) is cut
        // after the last slash before its final segment: `a/b/c/` → `a/b/`. One scan of bytes.
        var previous = slash, regular = true
        for byte in bytes {
            if byte == slash, previous == slash {
                regular = false
                break
            }
            previous = byte
        }
        if regular {
            var end = bytes.endIndex
            if bytes.last == slash { end = bytes.index(before: end) }
            guard let cut = bytes[..<end].lastIndex(of: slash) else { return "" }
            return String(path[...cut])
        }
        var parts = path.split(separator: "/")
        guard parts.count > 1 else { return "" }
        parts.removeLast()
        return parts.joined(separator: "/") + "/"
    }

    /// The most recent date the content itself gives ("cập nhật lần cuối").
    public var lastChanged: CalendarDate? {
        [date, updated].compactMap { $0 }.max()
    }
}

/// A file beside the content (image, PDF form) that is published as it is.
public struct Attachment: Sendable, Hashable {
    public var source: String
    public var path: String
    public var size: Int

    public init(source: String, path: String, size: Int) {
        self.source = source
        self.path = path
        self.size = size
    }
}

/// Everything loaded from a site folder.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    public var pages: [Page]
    public var attachments: [Attachment]
    public var procedures: [Procedure]
    public var fees: FeeSchedule?
    public var budgets: [BudgetDisclosure] = []
    public var reports: [ReformReport] = []
    /// Yearly reform plans (`cchc/<nam>-ke-hoach.md`).
    public var plans: [ReformPlan] = []
    /// Other disclosures (`cong-khai/*.md`, Luật 10/2022 Điều 11 groups).
    public var disclosures: [Disclosure] = []
    /// Rule overrides from `content/quy-tac.yaml`.
    public var ruleOverrides: RuleOverrides?
    /// The posting checklist as of the build date; filled after loading.
    public var checklist = Checklist()
    /// Drafts and files still holding `congkhai new`'s placeholders: loaded, checked, never published.
    public var unwritten: [UnwrittenFile] = []
    /// Files that could not be read at all (already reported): rules about what they would have
    /// held say nothing more, so one broken file gives its own errors and no others.
    public var unreadable: Set<String> = []
    /// What each content unit assembled from its files, by unit id (`ContentUnit.id`); a unit
    /// reads its own value back with `unit(_:as:)`.
    public var units: [String: any Sendable] = [:]

    public init(config: SiteConfig, pages: [Page], attachments: [Attachment], procedures: [Procedure] = [], fees: FeeSchedule? = nil) {
        self.config = config
        self.pages = pages
        self.attachments = attachments
        self.procedures = procedures
        self.fees = fees
    }

    /// The value the unit `id` assembled, if it is of type `T`.
    public func unit<T>(_ id: String, as type: T.Type) -> T? {
        units[id] as? T
    }
}
