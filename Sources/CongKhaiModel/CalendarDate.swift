/// A day in the Vietnamese civil calendar, without time or zone: disclosures, resolutions
/// and posting windows are dated by day, and a build must not depend on the machine's clock.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// nil when the day does not exist (31/02/2025, 29/02/2025, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// `2024-09-05`: for `datetime` attributes, feeds and open data.
    public var iso: String {
        "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// `05/09/2024`: how Vietnamese documents write a date.
    public var vietnamese: String {
        "\(pad(day, 2))/\(pad(month, 2))/\(pad(year, 4))"
    }

    public var description: String { iso }

    /// Days since 1970-01-01 (proleptic Gregorian), so day arithmetic needs no Foundation calendar.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The first and last days a `CalendarDate` can hold (0001-01-01 and 9999-12-31): every date,
    /// however it was computed, stays inside them, so no arithmetic on one can overflow.
    public static let dayNumberRange = -719_162...2_932_896

    /// Clamped into `dayNumberRange`: a deadline of a billion days is 9999-12-31, not a crash.
    public init(dayNumber: Int) {
        let clamped = min(max(dayNumber, Self.dayNumberRange.lowerBound), Self.dayNumberRange.upperBound)
        let z = clamped + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Saturates at the ends of `dayNumberRange` instead of overflowing.
    public func adding(days: Int) -> CalendarDate {
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        return CalendarDate(dayNumber: overflow ? (days < 0 ? Int.min : Int.max) : sum)
    }

    /// The day, with the year kept inside 1...9999 and the day inside its month: for dates the
    /// tool derives itself (the end of a quarter, 15/12 of the year before), never from typing.
    public init(clampingYear year: Int, month: Int, day: Int) {
        let year = min(max(year, 1), 9999)
        let month = min(max(month, 1), 12)
        self.year = year
        self.month = month
        self.day = min(max(day, 1), CalendarDate.daysIn(month: month, year: year))
    }

    /// The last day of a month (31/03, 30/06, 29/02 in a leap year), clamped like `init(clampingYear:)`.
    public static func lastDay(ofMonth month: Int, year: Int) -> CalendarDate {
        CalendarDate(clampingYear: year, month: month, day: 31)
    }

    /// 0 = Monday ... 6 = Sunday.
    public var weekday: Int {
        ((dayNumber % 7) + 7 + 3) % 7
    }

    /// Parses `2024-09-05` and the Vietnamese `05/09/2024` (day first, also `5/9/2024`,
    /// `05-09-2024`, `05.09.2024`). Returns nil for anything else or an impossible day.
    public static func parse(_ text: String) -> CalendarDate? {
        let trimmed = text.trimmingWhitespace()
        let separators: Set<Character> = ["-", "/", "."]
        let parts = trimmed.split(omittingEmptySubsequences: false) { separators.contains($0) }
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        if parts[0].count == 4, trimmed.contains("-") {
            return CalendarDate(year: numbers[0], month: numbers[1], day: numbers[2])
        }
        if parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 {
            return CalendarDate(year: numbers[2], month: numbers[1], day: numbers[0])
        }
        return nil
    }

    /// The civil day of a Unix timestamp in Vietnam (UTC+7): `SOURCE_DATE_EPOCH` and "today".
    public static func fromUnixTime(_ seconds: Int, utcOffsetHours: Int = 7) -> CalendarDate {
        // Whole days first, so a huge SOURCE_DATE_EPOCH cannot overflow; 2^50 s is far past 9999.
        let seconds = min(max(seconds, -(1 << 50)), 1 << 50)
        let days = seconds >= 0 ? seconds / 86400 : -((-(seconds + 1)) / 86400) - 1
        let rest = seconds - days * 86400 + utcOffsetHours * 3600
        return CalendarDate(dayNumber: days).adding(days: rest >= 0 ? rest / 86400 : -1)
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
    /// Trims spaces, tabs, newlines and the invisible characters Word and phones leave behind.
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        let isBlank: (Unicode.Scalar) -> Bool = {
            // Most ends are ASCII or letters with no White_Space in their block: answered without
            // the Unicode property lookup, which was 2% of a build.
            let value = $0.value
            if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
            if (0xA1..<0x1680).contains(value) || (0x1E00..<0x2000).contains(value) { return false }
            return $0.properties.isWhitespace || $0 == "\u{200B}" || $0 == "\u{FEFF}" || $0 == "\u{200C}" || $0 == "\u{200D}"
        }
        if let head = scalars.first, let tail = scalars.last, !isBlank(head), !isBlank(tail) { return String(self) }
        guard let first = scalars.firstIndex(where: { !isBlank($0) }),
              let last = scalars.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
