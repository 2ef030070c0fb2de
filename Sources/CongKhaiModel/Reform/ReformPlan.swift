/// The year's administrative-reform plan (`cchc/<nam>-ke-hoach.md`): its targets (chỉ tiêu
/// chủ yếu) and tasks (nhiệm vụ). Every report of that year is measured against the targets,
/// so they are written once here instead of in every report.
public struct ReformPlan: Sendable {
    public var source: String
    /// Output folder, `cchc/2026-ke-hoach/`.
    public var path: String
    public var year: Int
    public var title: String
    public var description: String?
    /// `so_ke_hoach`: `15/KH-UBND`.
    public var number: String?
    /// `ngay_ban_hanh`.
    public var issuedOn: CalendarDate?
    public var targets: [PlanTarget] = []
    public var tasks: [PlanTask] = []
    public var body = ""
    public var bodyLine = 1

    public init(source: String, year: Int) {
        self.source = source
        self.year = year
        self.path = "cchc/\(year)-ke-hoach/"
        self.title = "Kế hoạch cải cách hành chính năm \(year)"
    }
}

/// One target: "trên 95% hồ sơ trước và đúng hạn", "90% trở lên hài lòng", "100% nhiệm vụ".
public struct PlanTarget: Sendable, Hashable {
    public var label: String
    /// `chi_so`: a built-in indicator (`dung_han`, `hai_long`, ...), a built-in count
    /// (`da_giai_quyet`, `so_thu_tuc`, ...) or the `dai_luong` of a report's `so_lieu`.
    public var measure: String
    public var comparison: Comparison
    public var value: Bound
    public var line: Int

    public init(label: String, measure: String, comparison: Comparison, value: Bound, line: Int) {
        self.label = label
        self.measure = measure
        self.comparison = comparison
        self.value = value
        self.line = line
    }

    public enum Comparison: String, Sendable, Hashable, CaseIterable {
        case atLeast = "it_nhat"
        case above = "tren"
        case atMost = "toi_da"
        case below = "duoi"
        case exactly = "bang"

        /// How the plan says it: `trên 95%`, `từ 90% trở lên`.
        public func phrase(_ value: String) -> String {
            switch self {
            case .atLeast: return "từ \(value) trở lên"
            case .above: return "trên \(value)"
            case .atMost: return "không quá \(value)"
            case .below: return "dưới \(value)"
            case .exactly: return value
            }
        }
    }

    public enum Bound: Sendable, Hashable {
        case percent(WrittenPercent)
        case count(Int)

        public var text: String {
            switch self {
            case let .percent(percent): return percent.text
            case let .count(count): return VietnameseFormat.integer(count)
            }
        }
    }

    public var text: String { comparison.phrase(value.text) }

    /// Whether an actual figure meets the target. Percentages compare exactly: `part / whole`
    /// against `scaled / 10^places` by cross-multiplying, so 95,0% is not "above 95%".
    public func isMet(by actual: PlanActual) -> Bool? {
        let order: Int
        switch (value, actual) {
        case let (.percent(bound), .ratio(ratio)):
            guard ratio.whole > 0 else { return nil }
            var scale = 100
            for _ in 0..<bound.places { scale *= 10 }
            let (left, o1) = ratio.part.multipliedReportingOverflow(by: scale)
            let (right, o2) = bound.scaled.multipliedReportingOverflow(by: ratio.whole)
            guard !o1, !o2 else { return nil }
            order = left < right ? -1 : (left > right ? 1 : 0)
        case let (.percent(bound), .percent(stated)):
            order = stated.normalized < bound.normalized ? -1 : (stated.normalized > bound.normalized ? 1 : 0)
        case let (.count(bound), .count(count)):
            order = count < bound ? -1 : (count > bound ? 1 : 0)
        default:
            return nil
        }
        switch comparison {
        case .atLeast: return order >= 0
        case .above: return order > 0
        case .atMost: return order <= 0
        case .below: return order < 0
        case .exactly: return order == 0
        }
    }
}

/// What a report gives for a target's measure.
public enum PlanActual: Sendable, Hashable {
    /// Computed from counts.
    case ratio(Ratio)
    /// Only stated in the report (a `so_lieu` percentage without its counts).
    case percent(WrittenPercent)
    case count(Int)

    public var text: String {
        switch self {
        case let .ratio(ratio): return ratio.text ?? "–"
        case let .percent(percent): return percent.text
        case let .count(count): return VietnameseFormat.integer(count)
        }
    }
}

/// One task of the plan.
public struct PlanTask: Sendable, Hashable {
    public var name: String
    /// `nhom`: the plan's section (Cải cách thủ tục hành chính, Chính quyền số, ...).
    public var group: String?
    /// `chu_tri`: who leads it.
    public var lead: String?
    /// `thoi_han`: as the plan writes it (`Quý II`, `Thường xuyên`, `30/6/2026`).
    public var due: String?

    public init(name: String, group: String? = nil, lead: String? = nil, due: String? = nil) {
        self.name = name
        self.group = group
        self.lead = lead
        self.due = due
    }
}

extension ReformReport {
    /// The figure this report gives for a plan target's measure, nil when it gives none.
    public func actual(for measure: String) -> PlanActual? {
        if let indicator = ReformIndicator(rawValue: measure) {
            return ratio(indicator).map(PlanActual.ratio)
        }
        if measure == "qua_han", let late = cases.late { return .count(late) }
        if let count = count(of: measure) { return .count(count) }
        for figure in stated where figure.key == measure {
            if let numerator = figure.numerator, let denominator = figure.denominator, denominator > 0, !figure.excess {
                return .ratio(Ratio(numerator, of: denominator))
            }
            switch figure.value {
            case let .percent(percent): return .percent(percent)
            case let .count(count): return .count(count)
            case .shares: continue
            }
        }
        return nil
    }
}
