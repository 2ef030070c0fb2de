/// One period's administrative-reform report (`cchc/<nam>-<ky>.md`).
public struct ReformReport: Sendable {
    public var source: String
    /// Output folder, `cchc/2026-quy-1/`.
    public var path: String
    public var title: String
    public var description: String?
    public var year: Int
    public var period: ReportPeriod
    public var from: CalendarDate
    public var to: CalendarDate
    public var reportDate: CalendarDate?
    public var reportNumber: String?
    public var cases = CaseFigures()
    public var fields: [FieldFigures] = []
    /// `so_hoa`: hồ sơ, kết quả đã số hóa out of all.
    public var digitised: Ratio?
    /// `ke_hoach`: nhiệm vụ trong kế hoạch CCHC hoàn thành.
    public var plan: Ratio?
    /// `thanh_toan_truc_tuyen`: hồ sơ có phí paid online.
    public var payment: Ratio?
    /// `phan_anh`: phản ánh, kiến nghị handled.
    public var feedback: Ratio?
    /// `hai_long`: phiếu khảo sát satisfied.
    public var satisfaction: Ratio?
    /// `chi_tieu`: target percentage per indicator.
    public var targets: [ReformIndicator: Double] = [:]
    /// `so_lieu` and `so_lieu_cong_bo`: figures as printed in the signed report, in file order.
    public var stated: [StatedFigure] = []
    public var body = ""
    public var bodyLine = 1
    /// Line of every key in the front matter, by dotted path (`ho_so.tiep_nhan.truc_tuyen`,
    /// `theo_linh_vuc.2.ho_so`), so checks point at the offending key.
    public var keyLines: [String: Int] = [:]

    public init(source: String, year: Int, period: ReportPeriod) {
        self.source = source
        self.year = year
        self.period = period
        self.path = "cchc/\(year)-\(period.slug)/"
        self.title = period.defaultTitle(year: year)
        let range = period.defaultRange(year: year)
        self.from = range.from
        self.to = range.to
    }

    /// Line of a dotted key, falling back to its nearest parent, then the first line of the front matter.
    public func line(of key: String) -> Int {
        var parts = key.split(separator: ".").map(String.init)
        while !parts.isEmpty {
            if let line = keyLines[parts.joined(separator: ".")] { return line }
            parts.removeLast()
        }
        return 2
    }

    /// The derived ratio behind each indicator (nil when the report does not give it).
    public func ratio(_ indicator: ReformIndicator) -> Ratio? {
        switch indicator {
        case .onTime: return cases.onTimeRate
        case .online: return cases.onlineRate
        case .digitised: return digitised
        case .plan: return plan
        case .payment: return payment
        case .feedback: return feedback
        case .satisfaction: return satisfaction
        }
    }

    /// Chronological order: year, then period within the year.
    public var sortKey: (Int, Int) { (year, period.rank) }
}

/// One lĩnh vực's figures (`theo_linh_vuc`), with its position in the list for key lines.
public struct FieldFigures: Sendable, Hashable {
    public var name: String
    public var cases: CaseFigures
    /// Index in `theo_linh_vuc`: key lines are stored as `theo_linh_vuc.<index>.<key>`.
    public var index: Int

    public init(name: String, cases: CaseFigures, index: Int) {
        self.name = name
        self.cases = cases
        self.index = index
    }
}

/// The ratios QĐ 766/QĐ-TTg scores, with their `chi_tieu` key.
public enum ReformIndicator: String, Sendable, CaseIterable, Hashable, Comparable {
    case onTime = "dung_han"
    case online = "truc_tuyen"
    case digitised = "so_hoa"
    case plan = "ke_hoach"
    case payment = "thanh_toan"
    case feedback = "phan_anh"
    case satisfaction = "hai_long"

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    public var label: String {
        switch self {
        case .onTime: return "Hồ sơ giải quyết đúng hạn"
        case .online: return "Hồ sơ tiếp nhận trực tuyến"
        case .digitised: return "Hồ sơ, kết quả được số hóa"
        case .plan: return "Nhiệm vụ kế hoạch CCHC hoàn thành"
        case .payment: return "Hồ sơ có phí thanh toán trực tuyến"
        case .feedback: return "Phản ánh, kiến nghị đã xử lý"
        case .satisfaction: return "Người dân, doanh nghiệp hài lòng"
        }
    }

    /// The `so_lieu_cong_bo` key of the stated percentage.
    public var statedKey: String { "ty_le_\(rawValue)" }

    /// Where the figures come from in the file, for pointing at a line.
    public var sourceKey: String {
        switch self {
        case .onTime: return "ho_so.da_giai_quyet"
        case .online: return "ho_so.tiep_nhan"
        case .digitised: return "so_hoa"
        case .plan: return "ke_hoach"
        case .payment: return "thanh_toan_truc_tuyen"
        case .feedback: return "phan_anh"
        case .satisfaction: return "hai_long"
        }
    }
}
