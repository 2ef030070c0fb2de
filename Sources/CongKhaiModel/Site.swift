/// The kind of administrative unit under the 2025 two-level local government.
public enum UnitKind: String, Sendable, CaseIterable {
    case xa
    case phuong
    case dacKhu = "dac_khu"

    public var label: String {
        switch self {
        case .xa: return "Xã"
        case .phuong: return "Phường"
        case .dacKhu: return "Đặc khu"
        }
    }
}

/// Where citizens send feedback on procedures (must be posted with them).
public struct FeedbackChannel: Sendable, Hashable {
    public var address: String?
    public var phone: String?
    public var email: String?

    public init(address: String? = nil, phone: String? = nil, email: String? = nil) {
        self.address = address
        self.phone = phone
        self.email = email
    }
}

/// A notice board: the headquarters or a village point.
public struct PostingPlace: Sendable, Hashable {
    public var name: String
    public var address: String?

    public init(name: String, address: String? = nil) {
        self.name = name
        self.address = address
    }
}

/// The commune itself, from `content/site.yaml`.
public struct SiteConfig: Sendable {
    public var name: String
    public var shortName: String
    public var kind: UnitKind
    public var province: String
    public var address: String?
    public var phone: String?
    public var email: String?
    public var officeHours: String?
    public var domain: String?
    public var baseURL: String?
    public var onlineServiceURL: String?
    /// `phan_hoi_url`: where each page's "Thông tin này có hữu ích không?" form posts
    /// (NĐ 224/2026 Điều 10 khoản 3 điểm b): the province's survey system or any receiver.
    public var ratingURL: String?
    public var description: String?
    public var responsiblePerson: String?
    public var feedback: FeedbackChannel?
    public var postingPlaces: [PostingPlace]
    public var holidays: [CalendarDate]
    public var ruleProfile: String?
    public var formerUnits: [String]
    /// `bat_dau`: the day the site started publishing; items due before it are “không áp dụng”.
    public var startDate: CalendarDate?

    public init(name: String, shortName: String, kind: UnitKind, province: String) {
        self.name = name
        self.shortName = shortName
        self.kind = kind
        self.province = province
        self.postingPlaces = []
        self.holidays = []
        self.formerUnits = []
    }
}
