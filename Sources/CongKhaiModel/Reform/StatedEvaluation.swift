/// What a stated figure is compared with, and what came out: the checks turn findings into
/// diagnostics for the editor, the pages show them to citizens as corrections.
public struct StatedFinding: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// A percentage that agrees with no documented way of computing it.
        case rate = "reform.stated-rate"
        /// A count that differs from the one derived from (or typed in) the front matter.
        case total = "reform.stated-total"
        /// The same quantity stated twice with different values.
        case twice = "reform.stated-twice"
        /// Shares of one whole over 100%.
        case overWhole = "reform.share-over"
        /// The number of procedures differs from the site's catalogue.
        case catalogue = "reform.stated-catalogue"
        /// Nothing to compare with.
        case unverifiable = "reform.stated-unverifiable"
    }

    public var kind: Kind
    public var figure: StatedFigure
    /// What the figure should be, formatted (`94,5%`, `1.261`), or the other values stated.
    public var computed: String?
    /// How it was computed, for the editor (`1.890/2.000 tại “ho_so.da_giai_quyet”`).
    public var detail: String

    /// Whether citizens are shown a correction (everything but "nothing to compare with").
    public var isCorrection: Bool { kind != .unverifiable }
}

/// The built-in quantities a stated figure may name (`dai_luong`), and the label each has.
public enum StatedQuantity {
    public static let counts: [String: String] = [
        "tong_tiep_nhan": "tổng số hồ sơ tiếp nhận (kể cả tồn kỳ trước)",
        "tiep_nhan_moi": "số hồ sơ tiếp nhận mới",
        "da_giai_quyet": "số hồ sơ đã giải quyết",
        "dang_giai_quyet": "số hồ sơ đang giải quyết",
        "ton_ky_truoc": "số hồ sơ tồn kỳ trước",
        "tiep_nhan_truc_tuyen": "số hồ sơ tiếp nhận trực tuyến",
        "ke_hoach_nhiem_vu": "số nhiệm vụ trong kế hoạch",
        "ke_hoach_hoan_thanh": "số nhiệm vụ hoàn thành",
        "so_hoa_tong": "số hồ sơ phải số hóa",
        "so_hoa_da_so_hoa": "số hồ sơ đã số hóa",
        "phan_anh_tiep_nhan": "số phản ánh, kiến nghị tiếp nhận",
        "phan_anh_da_xu_ly": "số phản ánh, kiến nghị đã xử lý",
        "hai_long_phieu": "số phiếu khảo sát",
        "thanh_toan_ho_so_co_phi": "số hồ sơ có phí",
        "so_thu_tuc": "số thủ tục hành chính thuộc thẩm quyền",
    ]
    /// Counts typed once in the front matter: stating another value is "the same quantity twice".
    public static let typedSource: [String: String] = [
        "ton_ky_truoc": "ho_so.ton_ky_truoc", "tiep_nhan_truc_tuyen": "ho_so.tiep_nhan.truc_tuyen",
        "ke_hoach_nhiem_vu": "ke_hoach.nhiem_vu", "ke_hoach_hoan_thanh": "ke_hoach.hoan_thanh",
        "so_hoa_tong": "so_hoa.tong", "so_hoa_da_so_hoa": "so_hoa.da_so_hoa",
        "phan_anh_tiep_nhan": "phan_anh.tiep_nhan", "phan_anh_da_xu_ly": "phan_anh.da_xu_ly",
        "hai_long_phieu": "hai_long.phieu", "thanh_toan_ho_so_co_phi": "thanh_toan_truc_tuyen.ho_so_co_phi",
    ]

    /// Every key `so_lieu_cong_bo` accepts.
    public static var legacyKeys: [String] {
        ReformIndicator.allCases.map(\.statedKey) + counts.keys.filter { $0 != "so_thu_tuc" }.sorted()
    }

    public static func isKnown(_ key: String) -> Bool {
        counts[key] != nil || ReformIndicator.allCases.contains { $0.statedKey == key }
    }
}

extension ReformReport {
    /// The count behind a built-in quantity key, nil when the report does not give it.
    public func count(of key: String) -> Int? {
        switch key {
        case "tong_tiep_nhan": return cases.receivedTotal
        case "tiep_nhan_moi": return cases.receivedNew
        case "da_giai_quyet": return cases.decided
        case "dang_giai_quyet": return cases.pending
        case "ton_ky_truoc": return cases.carriedOver
        case "tiep_nhan_truc_tuyen": return cases.online
        case "ke_hoach_nhiem_vu": return plan?.whole
        case "ke_hoach_hoan_thanh": return plan?.part
        case "so_hoa_tong": return digitised?.whole
        case "so_hoa_da_so_hoa": return digitised?.part
        case "phan_anh_tiep_nhan": return feedback?.whole
        case "phan_anh_da_xu_ly": return feedback?.part
        case "hai_long_phieu": return satisfaction?.whole
        case "thanh_toan_ho_so_co_phi": return payment?.whole
        default: return nil
        }
    }

    /// Every legitimate way of computing an indicator, with how each is described. The online
    /// rate is divided by new cases (default) or by all cases of the period, carried over
    /// included (how many reports and the QĐ 766 indicator count).
    public func definitions(_ indicator: ReformIndicator) -> [(ratio: Ratio, source: String)] {
        switch indicator {
        case .online:
            return [(cases.onlineRate, "trực tuyến / tiếp nhận mới"), (cases.onlineRateOverAll, "trực tuyến / tổng số kể cả tồn kỳ trước")]
                .compactMap { ratio, source in ratio.map { ($0, source) } }
        default:
            return ratio(indicator).map { [($0, "“\(indicator.sourceKey)”")] } ?? []
        }
    }

    /// Every stated figure checked against what it is computed from, against the other places
    /// the report states the same quantity, and (procedure counts) against the catalogue.
    /// `catalogueCount` is nil when the site publishes no catalogue.
    public func statedFindings(catalogueCount: Int?) -> [StatedFinding] {
        var findings: [StatedFinding] = []
        for figure in stated {
            if let finding = check(figure, catalogueCount: catalogueCount) { findings.append(finding) }
        }
        findings += statedTwice()
        return findings.sorted { ($0.figure.line, $0.kind.rawValue) < ($1.figure.line, $1.kind.rawValue) }
    }

    private func check(_ figure: StatedFigure, catalogueCount: Int?) -> StatedFinding? {
        let n = VietnameseFormat.integer
        switch figure.value {
        case let .shares(shares):
            guard let sum = WrittenPercent.sum(shares), sum.exceedsWhole else { return nil }
            return StatedFinding(kind: .overWhole, figure: figure, computed: sum.text, detail: "các phần cộng lại \(sum.text), vượt 100%")
        case let .percent(written):
            let indicator = ReformIndicator.allCases.first { $0.statedKey == figure.key }
            var candidates: [(ratio: Ratio, source: String)] = []
            if let numerator = figure.numerator, let denominator = figure.denominator, denominator > 0 {
                let part = figure.excess ? numerator - denominator : numerator
                if part >= 0 { candidates = [(Ratio(part, of: denominator), figure.excess ? "phần vượt / “mau_so”" : "“tu_so” / “mau_so”")] }
            } else if let indicator {
                candidates = definitions(indicator)
            }
            // A built-in indicator is a share of its whole; a ratio of two counts may exceed 100% (161% of the estimate).
            if written.exceedsWhole, indicator != nil, figure.numerator == nil {
                return StatedFinding(kind: .overWhole, figure: figure, computed: candidates.first?.ratio.text,
                                     detail: "một tỷ lệ phần trăm không thể lớn hơn 100%")
            }
            guard let first = candidates.first else {
                guard indicator != nil || figure.numerator != nil || figure.denominator != nil else { return nil }
                return StatedFinding(kind: .unverifiable, figure: figure, computed: nil,
                                     detail: indicator.map { "thêm số liệu “\($0.sourceKey)” để CongKhai tự tính tỷ lệ" } ?? "ghi cả “tu_so” và “mau_so” (khác 0)")
            }
            if candidates.contains(where: { written.agrees(with: $0.ratio) }) { return nil }
            let places = max(1, written.places)
            let computed = VietnameseFormat.percent(first.ratio.part, of: first.ratio.whole, places: places) ?? ""
            var seen: Set<String> = []
            let how = candidates.filter { seen.insert(VietnameseFormat.percent($0.ratio.part, of: $0.ratio.whole, places: places) ?? "").inserted }.map { "\(VietnameseFormat.percent($0.ratio.part, of: $0.ratio.whole, places: places) ?? "") (\(n($0.ratio.part))/\(n($0.ratio.whole)), \($0.source))" }
            return StatedFinding(kind: .rate, figure: figure, computed: computed, detail: how.joined(separator: " hoặc "))
        case let .count(value):
            guard let key = figure.key else { return nil }
            if key == "so_thu_tuc" {
                guard let catalogueCount, catalogueCount != value else { return nil }
                return StatedFinding(kind: .catalogue, figure: figure, computed: n(catalogueCount),
                                     detail: "danh mục thủ tục hành chính của trang có \(n(catalogueCount)) thủ tục")
            }
            guard let computed = count(of: key), computed != value else { return nil }
            if let source = StatedQuantity.typedSource[key] {
                return StatedFinding(kind: .twice, figure: figure, computed: n(computed),
                                     detail: "\(n(computed)) ở “\(source)” (dòng \(line(of: source)))")
            }
            return StatedFinding(kind: .total, figure: figure, computed: n(computed), detail: "cộng từ số liệu “ho_so” được \(n(computed))")
        }
    }

    /// Figures with the same key and different values: one finding at each later figure that
    /// differs from the first.
    private func statedTwice() -> [StatedFinding] {
        var first: [String: StatedFigure] = [:]
        var findings: [StatedFinding] = []
        for figure in stated.sorted(by: { $0.line < $1.line }) {
            guard let key = figure.key, let value = Self.comparable(figure.value) else { continue }
            guard let earlier = first[key] else {
                first[key] = figure
                continue
            }
            if Self.comparable(earlier.value) != value {
                findings.append(StatedFinding(kind: .twice, figure: figure, computed: earlier.text,
                                              detail: "\(earlier.text) ở dòng \(earlier.line) (“\(earlier.label)”)"))
            }
        }
        return findings
    }

    private static func comparable(_ value: StatedFigure.Written) -> Int? {
        switch value {
        case let .count(count): return count
        case let .percent(percent): return percent.normalized
        case .shares: return nil
        }
    }
}
