/// What a page is, which decides its default layout.
public enum PageKind: String, Sendable, Hashable {
    case home
    case section
    case page
    case leaders = "lanh-dao"
    /// `thu-tuc/`: the whole catalogue grouped by lĩnh vực.
    case catalogue = "danh-muc-thu-tuc"
    /// A filtered list of procedures: one lĩnh vực, or one online level.
    case procedureList = "danh-sach-thu-tuc"
    case procedure = "thu-tuc"
    case fees = "phi-le-phi"
    case openData = "du-lieu"
    /// `ngan-sach/`: estimate against execution, progress across the year.
    case budgetOverview = "ngan-sach"
    /// `ngan-sach/<nam>/`: every disclosure of one budget year.
    case budgetYear = "ngan-sach-nam"
    /// One budget disclosure: its table, explanation, resolution and posting window.
    case budgetDisclosure = "cong-khai-ngan-sach"
    /// `cchc/`: reform results across periods.
    case reformOverview = "cchc"
    /// One period's administrative-reform report.
    case reformReport = "bao-cao-cchc"
    /// The year's administrative-reform plan: targets and tasks.
    case reformPlan = "ke-hoach-cchc"
    /// `cong-khai/`: the posting checklist (Luật 10/2022 Điều 13 k2).
    case checklist = "danh-sach-cong-khai"
    /// A printable A4 sheet of one quarter's list.
    case checklistSheet = "danh-sach-cong-khai-quy"
    /// One other disclosure (`cong-khai/<ten>.md`).
    case disclosure = "noi-dung-cong-khai"
    case notFound = "404"
}

/// What a page shows besides its Markdown body.
public enum PageData: Sendable {
    case none
    case leaders([Leader])
    case procedure(Procedure)
    case procedureField(String)
    case procedureLevel(OnlineLevel)
    case budgetYear(Int)
    case budget(BudgetDisclosure)
    case reformReport(ReformReport)
    case reformPlan(ReformPlan)
    case disclosure(Disclosure)
    case checklistQuarter(year: Int, quarter: Int)
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

/// A member of the commune's leadership, with the duties the law asks to publish.
public struct Leader: Sendable, Hashable {
    public var name: String
    public var position: String
    public var duties: [String]
    public var biography: String?
    public var phone: String?
    public var email: String?

    public init(name: String, position: String) {
        self.name = name
        self.position = position
        self.duties = []
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

    public init(config: SiteConfig, pages: [Page], attachments: [Attachment], procedures: [Procedure] = [], fees: FeeSchedule? = nil) {
        self.config = config
        self.pages = pages
        self.attachments = attachments
        self.procedures = procedures
        self.fees = fees
    }
}
