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

/// What a page shows besides its Markdown body.
public enum PageData: Sendable {
    case none
    case procedure(Procedure)
    case procedureField(String)
    case procedureLevel(OnlineLevel)
    case budgetYear(Int)
    case budget(BudgetDisclosure)
    case reformReport(ReformReport)
    case reformPlan(ReformPlan)
    case disclosure(Disclosure)
    case checklistQuarter(year: Int, quarter: Int)
    /// What a content unit's own page shows (a unit of CongKhaiKinds casts it back).
    case unit(any Sendable)
}

/// One page of the site, from a Markdown file or a data file.
public struct Page: Sendable {
    /// The file it came from, relative to the site folder (`content/tin-tuc/a.md`).
    public var source: String
    /// Output folder relative to the site root, ending in `/` (`tin-tuc/a/`); `""` for home.
    public var path: String
    public var kind: PageKind
    public var title: String
    public var description: String?
    public var date: CalendarDate?
    public var updated: CalendarDate?
    public var order: Int?
    public var author: String?
    public var allowsRawHTML: Bool
    public var layout: String?
    public var isDraft: Bool
    public var body: String
    /// Line in the source file where `body` starts, so Markdown findings point at the right line.
    public var bodyLine: Int
    public var data: PageData

    public init(source: String, path: String, kind: PageKind, title: String) {
        self.source = source
        self.path = path
        self.kind = kind
        self.title = title
        self.allowsRawHTML = false
        self.isDraft = false
        self.body = ""
        self.bodyLine = 1
        self.data = .none
    }

    /// Top-level section (`tin-tuc` for `tin-tuc/a/`), or nil on the home page.
    public var section: String? {
        // Byte scans: these run for every page many times per build.
        let trimmed = path.utf8.drop { $0 == UInt8(ascii: "/") }
        guard !trimmed.isEmpty else { return nil }
        let end = trimmed.firstIndex(of: UInt8(ascii: "/")) ?? trimmed.endIndex
        return String(path[trimmed.startIndex..<end])
    }

    /// The folder of the page that lists this one (`tin-tuc/` for `tin-tuc/a/`).
    public var parentPath: String? {
        guard !path.isEmpty else { return nil }
        var parts = path.split(separator: "/")
        if parts.count == 1 { return "" }
        if !path.hasPrefix("/"), !path.contains("//") {
            // `a/b/c/` → `a/b/`: cut after the last slash before the final segment.
            var end = path.utf8.endIndex
            if path.utf8.last == UInt8(ascii: "/") { end = path.utf8.index(before: end) }
            if let slash = path.utf8[..<end].lastIndex(of: UInt8(ascii: "/")) {
                return String(path[...slash])
            }
        }
        parts.removeLast()
        return parts.isEmpty ? "" : parts.joined(separator: "/") + "/"
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
