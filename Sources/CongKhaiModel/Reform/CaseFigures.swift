/// Case (hồ sơ) figures for one period, for the whole commune or for one lĩnh vực.
///
/// Every figure is optional: real reports give "đã giải quyết 1.261" without its split, or a
/// table by lĩnh vực with only some columns. A figure the report does not give is nil and is
/// published as "không nêu", never as 0. A total (`tong`) may stand alone; without it the total
/// is the sum of the parts the report gives.
public struct CaseFigures: Sendable, Hashable {
    /// Tồn kỳ trước chuyển sang: pending at the start of the period.
    public var carriedOver: Int?
    /// Tiếp nhận mới: trực tiếp, trực tuyến, bưu chính.
    public var inPerson: Int?
    public var online: Int?
    public var post: Int?
    /// Đã giải quyết: trước hạn, đúng hạn, quá hạn.
    public var early: Int?
    public var onTime: Int?
    public var late: Int?
    /// `truoc_va_dung_han`: reports often give "trước hạn và đúng hạn" as one figure.
    public var earlyOrOnTime: Int?
    /// Đang giải quyết: trong hạn, quá hạn.
    public var pendingInTime: Int?
    public var pendingLate: Int?
    /// Trả lại, rút hồ sơ.
    public var returned: Int?
    /// Totals written in the file (`tong`): they stand alone, or are checked against their parts.
    public var statedNew: Int?
    public var statedDecided: Int?
    public var statedPending: Int?
    /// `ho_so.tong`: all cases of the period, carried over included.
    public var statedTotal: Int?

    public init() {}

    /// The sum of the parts given, nil when none is.
    public static func sum(_ parts: [Int?]) -> Int? {
        let given = parts.compactMap { $0 }
        return given.isEmpty ? nil : given.reduce(0, +)
    }

    /// Whether every part of a split is given (only then can a written total be checked exactly).
    public static func complete(_ parts: [Int?]) -> Bool { parts.allSatisfy { $0 != nil } }

    public var newParts: [Int?] { [inPerson, online, post] }
    public var decidedParts: [Int?] { [early, onTime, late] }
    public var pendingParts: [Int?] { [pendingInTime, pendingLate] }

    public var receivedNew: Int? { statedNew ?? Self.sum(newParts) }
    public var decided: Int? {
        if let statedDecided { return statedDecided }
        if early == nil, onTime == nil, let earlyOrOnTime { return earlyOrOnTime + (late ?? 0) }
        return Self.sum(decidedParts)
    }
    public var pending: Int? { statedPending ?? Self.sum(pendingParts) }

    /// All cases of the period: `tong`, else carried over + new (both needed).
    public var receivedTotal: Int? {
        if let statedTotal { return statedTotal }
        guard let carriedOver, let receivedNew else { return nil }
        return carriedOver + receivedNew
    }

    /// Trước hạn + đúng hạn: the two parts, the combined figure, or what is left after quá hạn.
    public var decidedInTime: Int? {
        if let early, let onTime { return early + onTime }
        if let earlyOrOnTime { return earlyOrOnTime }
        if let decided, let late, late <= decided { return decided - late }
        return nil
    }

    /// (trước hạn + đúng hạn) / đã giải quyết: the QĐ 766 on-time indicator.
    public var onTimeRate: Ratio? {
        guard let decided, decided > 0, let decidedInTime else { return nil }
        return Ratio(decidedInTime, of: decided)
    }

    /// Trực tuyến / tiếp nhận mới: the default definition (carried-over cases were received earlier).
    public var onlineRate: Ratio? {
        guard let online, let receivedNew, receivedNew > 0 else { return nil }
        return Ratio(online, of: receivedNew)
    }

    /// Trực tuyến / all cases of the period, carried over included: how many reports and the
    /// QĐ 766 indicator divide. A stated rate agreeing with either definition is not a slip.
    public var onlineRateOverAll: Ratio? {
        guard let online, let receivedTotal, receivedTotal > 0 else { return nil }
        return Ratio(online, of: receivedTotal)
    }

    /// The typed figures' keys, in file order, for sums and open data.
    public static let figureKeys = ["ton_ky_truoc", "tiep_nhan.truc_tiep", "tiep_nhan.truc_tuyen", "tiep_nhan.buu_chinh",
                                    "da_giai_quyet.truoc_han", "da_giai_quyet.dung_han", "da_giai_quyet.qua_han",
                                    "dang_giai_quyet.trong_han", "dang_giai_quyet.qua_han", "tra_lai_rut"]
    /// The totals, stated or summed, compared across lĩnh vực like the parts.
    public static let totalKeys = ["tiep_nhan", "da_giai_quyet", "dang_giai_quyet"]

    /// The figure at one of `figureKeys` or `totalKeys`, nil when the report does not give it.
    public func value(of key: String) -> Int? {
        switch key {
        case "ton_ky_truoc": return carriedOver
        case "tiep_nhan.truc_tiep": return inPerson
        case "tiep_nhan.truc_tuyen": return online
        case "tiep_nhan.buu_chinh": return post
        case "da_giai_quyet.truoc_han": return early
        case "da_giai_quyet.dung_han": return onTime
        case "da_giai_quyet.qua_han": return late
        case "dang_giai_quyet.trong_han": return pendingInTime
        case "dang_giai_quyet.qua_han": return pendingLate
        case "tra_lai_rut": return returned
        case "tiep_nhan": return receivedNew
        case "da_giai_quyet": return decided
        case "dang_giai_quyet": return pending
        default: return nil
        }
    }
}

/// A part of a whole (`84,6%` of it); the percentage is nil when the whole is zero.
public struct Ratio: Sendable, Hashable {
    public var part: Int
    public var whole: Int

    public init(_ part: Int, of whole: Int) {
        self.part = part
        self.whole = whole
    }

    public var percent: Double? { whole == 0 ? nil : Double(part) * 100 / Double(whole) }

    /// `84,6%`, or nil when there is nothing to divide by.
    public var text: String? { VietnameseFormat.percent(part, of: whole) }

    /// The percentage rounded half away from zero to `places` decimals, as an integer count
    /// of 10^-places: exact integer arithmetic, so 84,65 rounds the same way on every machine.
    /// nil when the figures are out of range for exact arithmetic.
    public func scaledPercent(places: Int) -> Int? {
        guard let (numerator, denominator) = scaledParts(places: places) else { return nil }
        let (twice, o1) = numerator.multipliedReportingOverflow(by: 2)
        let (sum, o2) = twice.addingReportingOverflow(denominator)
        guard !o1, !o2 else { return nil }
        return sum / (2 * denominator)
    }

    /// The percentage cut (not rounded) at `places` decimals: reports write 161% for 161,83%.
    public func truncatedPercent(places: Int) -> Int? {
        guard let (numerator, denominator) = scaledParts(places: places) else { return nil }
        return numerator / denominator
    }

    private func scaledParts(places: Int) -> (Int, Int)? {
        guard whole > 0, part >= 0, (0...6).contains(places) else { return nil }
        var scale = 100
        for _ in 0..<places { scale *= 10 }
        let (numerator, overflow) = part.multipliedReportingOverflow(by: scale)
        guard !overflow, whole < Int.max / 2 else { return nil }
        return (numerator, whole)
    }
}
