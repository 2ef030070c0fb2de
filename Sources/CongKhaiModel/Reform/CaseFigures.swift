/// Case (hồ sơ) figures for one period, for the whole commune or for one lĩnh vực.
/// Only the parts are typed; every total and rate is derived so it can never disagree.
public struct CaseFigures: Sendable, Hashable {
    /// Tồn kỳ trước: pending at the start of the period.
    public var carriedOver = 0
    /// Tiếp nhận mới: trực tiếp, trực tuyến, bưu chính.
    public var inPerson = 0
    public var online = 0
    public var post = 0
    /// Đã giải quyết: trước hạn, đúng hạn, quá hạn.
    public var early = 0
    public var onTime = 0
    public var late = 0
    /// Đang giải quyết: trong hạn, quá hạn.
    public var pendingInTime = 0
    public var pendingLate = 0
    /// Trả lại, rút hồ sơ.
    public var returned = 0
    /// Subtotals written in the file (`tong` inside a group), checked against the parts.
    public var statedNew: Int?
    public var statedDecided: Int?
    public var statedPending: Int?

    public init() {}

    public var receivedNew: Int { inPerson + online + post }
    public var receivedTotal: Int { carriedOver + receivedNew }
    public var decided: Int { early + onTime + late }
    public var decidedInTime: Int { early + onTime }
    public var pending: Int { pendingInTime + pendingLate }
    /// What the received total must equal.
    public var accountedFor: Int { decided + pending + returned }

    /// (trước hạn + đúng hạn) / đã giải quyết: the QĐ 766 on-time indicator.
    public var onTimeRate: Ratio { Ratio(decidedInTime, of: decided) }
    /// Trực tuyến / tiếp nhận mới (cases carried over were received in an earlier period).
    public var onlineRate: Ratio { Ratio(online, of: receivedNew) }

    /// The ten typed figures' keys, in file order, for sums and open data.
    public static let figureKeys = ["ton_ky_truoc", "tiep_nhan.truc_tiep", "tiep_nhan.truc_tuyen", "tiep_nhan.buu_chinh",
                                    "da_giai_quyet.truoc_han", "da_giai_quyet.dung_han", "da_giai_quyet.qua_han",
                                    "dang_giai_quyet.trong_han", "dang_giai_quyet.qua_han", "tra_lai_rut"]

    /// The typed figure at one of `figureKeys`.
    public func value(of key: String) -> Int {
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
        default: return 0
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
    public func scaledPercent(places: Int) -> Int? {
        guard whole > 0, part >= 0 else { return nil }
        var scale = 100
        for _ in 0..<places { scale *= 10 }
        return (2 * part * scale + whole) / (2 * whole)
    }
}
