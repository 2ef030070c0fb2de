/// Ranges every number typed into content must fall in before the model is built from it.
/// Readers check them and report the value at its line; code past the loaders may then add,
/// multiply and step through dates without overflowing or looping for ever.
public enum ContentLimits {
    /// Years of budgets, reform reports and other dated disclosures. The upper end is fixed
    /// at load (no as-of date there); the build also refuses years after the as-of year + 1.
    public static let years = 2000...2100

    /// Day counts: deadlines (`thoi_han_ngay`, `han: { ngay / ngay_lam_viec }`), posting
    /// durations. Ten years is already far past any legal deadline.
    public static let days = 0...3650

    /// `han: { ngay_trong_thang }`.
    public static let dayOfMonth = 1...31

    /// Any other whole number (case counts, amounts, order): a thousand of them summed
    /// still fits in an Int.
    public static let magnitude = 1_000_000_000_000_000
    public static let integers = -magnitude...magnitude

    /// A budget folder is named by its year: `ngan-sach/2026/`. nil for `202`, `20266`, `abc`.
    public static func year(folder name: String) -> Int? {
        guard name.count == 4, name.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(name),
              years.contains(year) else { return nil }
        return year
    }
}

extension Double {
    /// This value as an Int when it is finite and within `ContentLimits.integers` (rounded
    /// toward zero); nil for inf, nan and 1e19, which would trap in `Int(_:)`.
    public var checkedInt: Int? {
        guard isFinite, abs(self) <= Double(ContentLimits.magnitude) else { return nil }
        return Int(self)
    }
}

extension Int {
    /// `self + other`, held at Int.min / Int.max instead of trapping: for totals over many
    /// rows or fields, where each value is in range but their count is not bounded.
    public func saturatingAdding(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other < 0 ? Int.min : Int.max) : sum
    }
}
