/// A figure as printed in the signed report (`so_lieu` item, or a `so_lieu_cong_bo` entry),
/// with what it is computed from when the report gives that.
public struct StatedFigure: Sendable, Hashable {
    /// `dai_luong`: which quantity this is. Built-in keys (`ty_le_dung_han`, `da_giai_quyet`,
    /// `so_thu_tuc`, ...) are computed from the front matter; any other key only ties together
    /// the places where the report states the same quantity.
    public var key: String?
    /// `noi_dung`: what the report says the figure is.
    public var label: String
    /// The text exactly as written: `92%`, `1.261`, or the shares joined by "; ".
    public var text: String
    public var value: Written
    /// `tu_so` / `mau_so`: the two counts the percentage is computed from.
    public var numerator: Int?
    public var denominator: Int?
    /// `cach_tinh: vuot`: the percentage says by how much the numerator exceeds the denominator
    /// ("vượt 9,15% chỉ tiêu"), not what share it is.
    public var excess = false
    public var line: Int

    public enum Written: Sendable, Hashable {
        case count(Int)
        case percent(WrittenPercent)
        /// Shares of one whole ("100% toàn trình, 0,2% song song"): together at most 100%.
        case shares([WrittenPercent])
    }

    public init(key: String?, label: String, text: String, value: Written, line: Int) {
        self.key = key
        self.label = label
        self.text = text
        self.value = value
        self.line = line
    }
}

/// A percentage as an editor writes it: `86%`, `84,6%`, `84.6 %`, `86`. The number of decimals
/// written is the precision it claims: `86%` only says "between 85,5 and 86,5" when rounded,
/// or "between 86 and 87" when cut, and reports do both.
public struct WrittenPercent: Sendable, Hashable {
    /// The value times 10^places: `84,6%` is 846 with 1 place.
    public var scaled: Int
    public var places: Int

    public init?(_ text: String) {
        var body = text.trimmingWhitespace()
        if body.hasSuffix("%") { body = String(body.dropLast()).trimmingWhitespace() }
        let pieces = body.split(omittingEmptySubsequences: false) { $0 == "," || $0 == "." }
        guard (1...2).contains(pieces.count), pieces.allSatisfy({ !$0.isEmpty && $0.count <= 9 && $0.allSatisfy(\.isASCIIDigit) }),
              let value = Int(pieces.joined()) else { return nil }
        scaled = value
        places = pieces.count == 2 ? pieces[1].count : 0
        guard places <= 6 else { return nil }
    }

    /// Whether a computed ratio, rounded or cut to the precision written, is this value.
    public func agrees(with ratio: Ratio) -> Bool {
        ratio.scaledPercent(places: places) == scaled || ratio.truncatedPercent(places: places) == scaled
    }

    /// The value in ten-thousandths of a percent, so `92%` and `92,0%` compare equal.
    public var normalized: Int {
        var value = scaled
        for _ in places..<6 { value *= 10 }
        return value
    }

    /// Over 100%: no share can be.
    public var exceedsWhole: Bool { normalized > 100_000_000 }

    /// `84,6%` as written (comma decimal).
    public var text: String {
        guard places > 0 else { return "\(scaled)%" }
        var divisor = 1
        for _ in 0..<places { divisor *= 10 }
        let fraction = String(scaled % divisor)
        return "\(scaled / divisor),\(String(repeating: "0", count: places - fraction.count))\(fraction)%"
    }

    /// Shares added up, at the finest precision among them.
    public static func sum(_ shares: [WrittenPercent]) -> WrittenPercent? {
        let places = shares.map(\.places).max() ?? 0
        var total = 0
        for share in shares {
            var value = share.scaled
            for _ in share.places..<places { value *= 10 }
            let (sum, overflow) = total.addingReportingOverflow(value)
            guard !overflow else { return nil }
            total = sum
        }
        return WrittenPercent(scaled: total, places: places)
    }

    public init(scaled: Int, places: Int) {
        self.scaled = scaled
        self.places = places
    }
}
