/// What each `so_lieu_cong_bo` key means, so a figure copied from the signed report can be
/// compared with the one derived from (or typed in) the front matter.
public enum StatedMeaning: Sendable, Hashable {
    /// `ty_le_*`: a percentage derived from counts.
    case percent(ReformIndicator)
    /// A total derived from parts (never typed): `tong_tiep_nhan`, `da_giai_quyet`, ...
    case total(label: String, value: Int?)
    /// A figure also typed elsewhere in the front matter (at `sourceKey`): the same quantity twice.
    case typed(label: String, sourceKey: String, value: Int?)
}

extension ReformReport {
    public static let statedTotalKeys = ["tong_tiep_nhan", "tiep_nhan_moi", "da_giai_quyet", "dang_giai_quyet"]
    public static let statedTypedKeys = ["ton_ky_truoc", "tiep_nhan_truc_tuyen", "ke_hoach_nhiem_vu", "ke_hoach_hoan_thanh",
                                         "so_hoa_tong", "so_hoa_da_so_hoa", "phan_anh_tiep_nhan", "phan_anh_da_xu_ly",
                                         "hai_long_phieu", "thanh_toan_ho_so_co_phi"]
    /// Every key `so_lieu_cong_bo` accepts.
    public static var statedKeys: [String] {
        ReformIndicator.allCases.map(\.statedKey) + statedTotalKeys + statedTypedKeys
    }

    public func meaning(ofStated key: String) -> StatedMeaning? {
        if let indicator = ReformIndicator.allCases.first(where: { $0.statedKey == key }) { return .percent(indicator) }
        switch key {
        case "tong_tiep_nhan": return .total(label: "tổng số hồ sơ tiếp nhận (kể cả tồn kỳ trước)", value: cases.receivedTotal)
        case "tiep_nhan_moi": return .total(label: "số hồ sơ tiếp nhận mới", value: cases.receivedNew)
        case "da_giai_quyet": return .total(label: "số hồ sơ đã giải quyết", value: cases.decided)
        case "dang_giai_quyet": return .total(label: "số hồ sơ đang giải quyết", value: cases.pending)
        case "ton_ky_truoc": return .typed(label: "số hồ sơ tồn kỳ trước", sourceKey: "ho_so.ton_ky_truoc", value: cases.carriedOver)
        case "tiep_nhan_truc_tuyen": return .typed(label: "số hồ sơ tiếp nhận trực tuyến", sourceKey: "ho_so.tiep_nhan.truc_tuyen", value: cases.online)
        case "ke_hoach_nhiem_vu": return .typed(label: "số nhiệm vụ trong kế hoạch", sourceKey: "ke_hoach.nhiem_vu", value: plan?.whole)
        case "ke_hoach_hoan_thanh": return .typed(label: "số nhiệm vụ hoàn thành", sourceKey: "ke_hoach.hoan_thanh", value: plan?.part)
        case "so_hoa_tong": return .typed(label: "số hồ sơ phải số hóa", sourceKey: "so_hoa.tong", value: digitised?.whole)
        case "so_hoa_da_so_hoa": return .typed(label: "số hồ sơ đã số hóa", sourceKey: "so_hoa.da_so_hoa", value: digitised?.part)
        case "phan_anh_tiep_nhan": return .typed(label: "số phản ánh, kiến nghị tiếp nhận", sourceKey: "phan_anh.tiep_nhan", value: feedback?.whole)
        case "phan_anh_da_xu_ly": return .typed(label: "số phản ánh, kiến nghị đã xử lý", sourceKey: "phan_anh.da_xu_ly", value: feedback?.part)
        case "hai_long_phieu": return .typed(label: "số phiếu khảo sát", sourceKey: "hai_long.phieu", value: satisfaction?.whole)
        case "thanh_toan_ho_so_co_phi": return .typed(label: "số hồ sơ có phí", sourceKey: "thanh_toan_truc_tuyen.ho_so_co_phi", value: payment?.whole)
        default: return nil
        }
    }
}

/// A percentage as an editor writes it: `86%`, `84,6%`, `84.6 %`, `86`. The number of decimals
/// written is the precision it claims: `86%` only says "between 85,5 and 86,5".
public struct WrittenPercent: Sendable, Hashable {
    /// The value times 10^places: `84,6%` is 846 with 1 place.
    public var scaled: Int
    public var places: Int

    public init?(_ text: String) {
        var body = text.trimmingWhitespace()
        if body.hasSuffix("%") { body = String(body.dropLast()).trimmingWhitespace() }
        let pieces = body.split(omittingEmptySubsequences: false) { $0 == "," || $0 == "." }
        guard (1...2).contains(pieces.count), pieces.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
              let value = Int(pieces.joined()) else { return nil }
        scaled = value
        places = pieces.count == 2 ? pieces[1].count : 0
    }

    /// Whether a computed ratio, rounded to the precision written, is this value.
    public func agrees(with ratio: Ratio) -> Bool {
        ratio.scaledPercent(places: places) == scaled
    }

    /// Over 100%: no share can be.
    public var exceedsWhole: Bool {
        var scale = 100
        for _ in 0..<places { scale *= 10 }
        return scaled > scale
    }
}
