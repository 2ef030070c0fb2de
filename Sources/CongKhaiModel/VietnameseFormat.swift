/// Numbers as Vietnamese documents write them: `5.621.772.766`, `84,6`.
public enum VietnameseFormat {
    /// Thousands grouped with dots: `5621772766` → `5.621.772.766`.
    public static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(".") }
            grouped.append(character)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// `50.000 đồng`.
    public static func money(_ value: Int) -> String {
        integer(value) + " đồng"
    }

    /// A decimal with a comma and `places` digits, rounded half away from zero: `84,6`.
    public static func decimal(_ value: Double, places: Int = 1) -> String {
        // A rate typed with 19 decimals asks for as many back: more than 6 would overflow `scale`.
        let places = min(max(places, 0), 6)
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        // Saturated, not trapped: inf, nan and 1e19 never reach here from content (readers
        // refuse them), but a ratio of two huge counts could.
        let product = (abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero)
        let scaled = product.isFinite ? Int(min(product, 9.0e18)) : 0
        let whole = integer(scaled / scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard places > 0 else { return sign + whole }
        let fraction = String(scaled % scale)
        return sign + whole + "," + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// `84,6%` from counts; nil when the whole is zero (no rate to show).
    public static func percent(_ part: Int, of whole: Int, places: Int = 1) -> String? {
        guard whole != 0 else { return nil }
        return decimal(Double(part) * 100 / Double(whole), places: places) + "%"
    }

    /// File sizes for editors: `12,3` (megabytes).
    public static func megabytes(_ bytes: Int) -> String {
        decimal(Double(bytes) / 1_048_576, places: 1)
    }
}

/// Reads amounts as editors type them: `5.621.772.766`, `5621772766`, `5 621 772 766`,
/// or Excel's `5,621,772,766`. Groups must have three digits, so `1,5` is not read as 15.
public enum AmountParser {
    /// A million billion đồng, far above any commune's budget: a larger number is a typing
    /// mistake, and thousands of them could not overflow a table's totals.
    public static let largest = 999_999_999_999_999


    public static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingWhitespace()
        let negative = trimmed.hasPrefix("-")
        let body = negative ? String(trimmed.dropFirst()) : trimmed
        let separators: Set<Character> = [".", ",", " ", "\u{00A0}", "\u{202F}"]
        guard !body.isEmpty, body.allSatisfy({ $0.isASCIIDigit || separators.contains($0) }) else { return nil }
        let groups = body.split(omittingEmptySubsequences: false) { separators.contains($0) }
        let separatorKinds = Set(body.filter { separators.contains($0) })
        guard separatorKinds.count <= 1 else { return nil }
        if groups.count > 1 {
            guard let first = groups.first, (1...3).contains(first.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        guard let value = Int(groups.joined()), value <= largest else { return nil }
        return negative ? -value : value
    }
}
