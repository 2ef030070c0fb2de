/// One obligation of the rule profile: what, on which legal basis, where, by when, how long.
public struct ChecklistRule: Sendable, Hashable {
    public enum Channel: String, Sendable, CaseIterable, Hashable {
        case website
        case headquarters = "tru_so"
        case villages = "thon"
        case radio = "truyen_thanh"
        case villageHeads = "truong_thon"

        public var label: String {
            switch self {
            case .website: return "Trang thông tin điện tử"
            case .headquarters: return "Niêm yết tại trụ sở"
            case .villages: return "Điểm niêm yết ở thôn"
            case .radio: return "Truyền thanh"
            case .villageHeads: return "Qua trưởng thôn"
            }
        }
    }

    /// When the clock starts.
    public enum Trigger: String, Sendable, Hashable {
        case decision = "van_ban"
        case periodEnd = "het_ky"
        case none = "khong"

        public var label: String {
            switch self {
            case .decision: return "Ngày ký văn bản"
            case .periodEnd: return "Ngày hết kỳ"
            case .none: return "Thường xuyên"
            }
        }
    }

    public enum Deadline: Sendable, Hashable {
        case workingDays(Int)
        case calendarDays(Int)
        /// The given day of the trigger's month (reform reports: the 20th).
        case dayOfMonth(Int)
        case none

        public var label: String {
            switch self {
            case let .workingDays(n): return "\(n) ngày làm việc"
            case let .calendarDays(n): return "\(n) ngày"
            case let .dayOfMonth(d): return "ngày \(d) tháng cuối kỳ"
            case .none: return "—"
            }
        }
    }

    public enum Recurrence: String, Sendable, Hashable {
        case perDecision = "theo_van_ban"
        case quarterly = "quy"
        case yearly = "nam"
        case standing = "thuong_xuyen"
    }

    public var id: String
    public var item: String
    public var document: String
    public var article: Int?
    public var clause: Int?
    /// The content kind it applies to (`ngan_sach.du_toan`, `cchc`, `cong_khai`, `thu_tuc`, `phi`, `trang`).
    public var appliesTo: String
    public var channels: [Channel]
    public var trigger: Trigger
    public var deadline: Deadline
    /// Minimum consecutive days on the notice board (0: none or standing).
    public var minimumPostingDays: Int
    public var minimumRadioDays: Int
    public var recurrence: Recurrence
    /// Điều 11 group, for filters.
    public var group: String
    /// `khong_ap_dung: true`: the unit is exempt (listed as "không áp dụng", never missing).
    public var isNotApplicable = false
    /// Line in the profile or override file, for findings.
    public var source: String
    public var line: Int
    /// Where a commune's or province's rules file changed a field whose effect depends on the
    /// content behind the rule (`Setting`), so a change that can have none is reported there.
    public var changedAt: [Setting: SourceLocation] = [:]

    /// The fields of a rule that only some content can honour: a deadline needs a clock, a
    /// posting or radio minimum needs content that records that window, a recurrence is read
    /// only for the editor's own disclosures.
    public enum Setting: String, Sendable, Hashable, CaseIterable {
        case deadline = "han"
        case minimumPosting = "niem_yet_toi_thieu"
        case minimumRadio = "truyen_thanh_toi_thieu"
        case recurrence = "dinh_ky"
    }

    public init(id: String, item: String, document: String, appliesTo: String) {
        self.id = id
        self.item = item
        self.document = document
        self.appliesTo = appliesTo
        self.channels = [.website]
        self.trigger = .decision
        self.deadline = .workingDays(5)
        self.minimumPostingDays = 0
        self.minimumRadioDays = 0
        self.recurrence = .perDecision
        self.group = "khac"
        self.source = ""
        self.line = 0
    }

    /// `Luật 10/2022/QH15, Điều 11 khoản 1`.
    public var legalBasis: String {
        var text = document
        if let article { text += ", Điều \(article)" }
        if let clause { text += " khoản \(clause)" }
        return text
    }
}
