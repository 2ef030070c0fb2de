import CongKhaiModel

/// A document's number and symbol (số, ký hiệu) as NĐ 30/2020/NĐ-CP writes it: the serial, the
/// year for a legal normative document (`12/2026/NQ-HĐND`), then the kind's abbreviation and
/// the issuing body (`45/QĐ-UBND`). A letter has no kind (`123/UBND-VP`).
public struct DocumentNumber: Sendable, Hashable {
    public var serial: Int
    /// Only legal normative documents (văn bản quy phạm pháp luật) carry the year.
    public var year: Int?
    /// The kind's abbreviation as written (`NQ`, `QĐ`); nil for a letter.
    public var kindCode: String?
    /// The issuing body as written (`HĐND`, `UBND`), then any drafting unit (`VP`).
    public var body: String
    public var unit: String?

    /// The abbreviations a number may open its symbol with, folded (`QĐ` → `qd`).
    static let kindCodes: Set<String> = Set(OfficialDocument.Kind.allCases.compactMap { $0.abbreviation.map(TextFolding.fold) })

    /// nil when the text is not `serial[/year]/symbol`.
    public static func parse(_ text: String) -> DocumentNumber? {
        let parts = text.filter { !$0.isWhitespace }.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (2...3).contains(parts.count), let serialText = parts.first, (1...6).contains(serialText.count),
              serialText.allSatisfy({ $0.isASCII && $0.isNumber }), let serial = Int(serialText), serial > 0 else { return nil }
        var year: Int?
        if parts.count == 3 {
            guard parts[1].count == 4, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(parts[1]),
                  (1900...9999).contains(value) else { return nil }
            year = value
        }
        let symbol = parts[parts.count - 1].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard !symbol.isEmpty, symbol.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isLetter) }) else { return nil }
        if symbol.count >= 2, kindCodes.contains(TextFolding.fold(symbol[0])) {
            return DocumentNumber(serial: serial, year: year, kindCode: symbol[0], body: symbol[1],
                                  unit: symbol.count > 2 ? symbol[2...].joined(separator: "-") : nil)
        }
        return DocumentNumber(serial: serial, year: year, kindCode: nil, body: symbol[0],
                              unit: symbol.count > 1 ? symbol[1...].joined(separator: "-") : nil)
    }

    /// The same number however it was typed: spaces, case, diacritics and leading zeros do not
    /// matter (`05/QĐ-UBND` and `5/qd-ubnd` are one document). Unparseable text keys as folded.
    public static func key(_ text: String) -> String {
        guard let number = parse(text) else { return TextFolding.fold(text.filter { !$0.isWhitespace }) }
        var key = String(number.serial)
        if let year = number.year { key += "/\(year)" }
        key += "/" + [number.kindCode, number.body, number.unit].compactMap { $0 }.map(TextFolding.fold).joined(separator: "-")
        return key
    }

    /// The kind the abbreviation stands for; nil for a letter or an abbreviation CongKhai does not know.
    public var kind: OfficialDocument.Kind? {
        guard let kindCode else { return .letter }
        let folded = TextFolding.fold(kindCode)
        return OfficialDocument.Kind.allCases.first { $0.abbreviation.map(TextFolding.fold) == folded }
    }

    /// A legal normative document: the year in its number says so.
    public var isNormative: Bool { year != nil }

    public var foldedBody: String { TextFolding.fold(body) }
}
