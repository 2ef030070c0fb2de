/// The status of one expected disclosure as of the build date.
public struct ItemStatus: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable, Hashable {
        case onTime = "dung_han"
        case late = "tre_han"
        case shortPosting = "chua_du_niem_yet"
        case missing = "thieu"
        case notYetDue = "chua_den_han"
        case needsUpdate = "can_cap_nhat"
        case notApplicable = "khong_ap_dung"

        public var label: String {
            switch self {
            case .onTime: return "Đúng hạn"
            case .late: return "Trễ hạn"
            case .shortPosting: return "Chưa đủ thời gian niêm yết"
            case .missing: return "Thiếu"
            case .notYetDue: return "Chưa đến hạn"
            case .needsUpdate: return "Cần cập nhật"
            case .notApplicable: return "Không áp dụng"
            }
        }
    }

    public var kind: Kind
    /// Days late, days left, or days the board was short of the minimum.
    public var days: Int?

    public init(_ kind: Kind, days: Int? = nil) {
        self.kind = kind
        self.days = days
    }

    /// `trễ 4 ngày`, `chưa đến hạn (còn 27 ngày)`.
    public var text: String {
        switch kind {
        case .late: return "Trễ \(days ?? 0) ngày"
        case .notYetDue: return days.map { "Chưa đến hạn (còn \($0) ngày)" } ?? kind.label
        case .shortPosting: return days.map { "Chưa đủ thời gian niêm yết (thiếu \($0) ngày)" } ?? kind.label
        default: return kind.label
        }
    }
}

/// One expected disclosure: the rule, what triggered it, its deadline and the evidence.
public struct ChecklistItem: Sendable {
    /// Stable across builds and quarters: `2026-q3/ns-thuc-hien/9_thang`.
    public var id: String
    public var rule: ChecklistRule
    public var title: String
    /// The quarter the item belongs to (by deadline).
    public var year: Int
    public var quarter: Int
    public var trigger: CalendarDate?
    public var deadline: CalendarDate?
    public var publishedOn: CalendarDate?
    public var posting: PostingWindow?
    public var decision: BudgetDocument?
    /// The page on the site that carries it.
    public var pagePath: String?
    /// The content file to fix, or the command to run.
    public var fix: String
    public var status: ItemStatus
    public var note: String?

    public init(id: String, rule: ChecklistRule, title: String, year: Int, quarter: Int, fix: String, status: ItemStatus) {
        self.id = id
        self.rule = rule
        self.title = title
        self.year = year
        self.quarter = quarter
        self.fix = fix
        self.status = status
    }
}
