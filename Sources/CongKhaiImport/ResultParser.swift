import Foundation

/// What a procedure gives the citizen, split from the portal's run-together text.
public struct ParsedResult: Sendable, Equatable {
    /// Each result as citizens read it: `Giấy khai sinh`.
    public var names: [String]
    /// The portal's result codes (`KQ.G15.000031`): kept for the editor, not for citizens.
    public var codes: [String]
    /// Text after the last result that is neither a result nor page furniture: never dropped.
    public var leftover: String?
}

/// `Giấy khai sinhMã: KQ.G15.000031Bản sao Giấy khai sinhMã: KQ.G15.000032Từ khóaKhông có thông tin`.
/// The portal copies the labels of its page ("Từ khóa", "Mô tả", …) after the results; only a
/// tail made of nothing but those labels is removed.
public enum ResultParser {
    static let code = try! NSRegularExpression(pattern: #"Mã\s*:?\s*(KQ(?:\.[A-Z]*\d+)+)"#)
    static let furniture = try! NSRegularExpression(
        pattern: #"(?:\s*(?:Từ khóa|Từ khoá|Mô tả|Chọn cơ quan thực hiện|Cơ quan thực hiện|Không có thông tin|Tải về|Xem chi tiết|Xem thêm)\s*:?)+\s*$"#,
        options: [.caseInsensitive])

    public static func parse(_ text: String) -> ParsedResult {
        var names: [String] = []
        var codes: [String] = []
        var cursor = text.startIndex
        for match in ImportText.matches(code, in: text) {
            guard let range = Range(match.range, in: text), let codeText = ImportText.substring(text, match.range(at: 1)) else { continue }
            let name = ImportText.oneLine(String(text[cursor..<range.lowerBound]))
            if !name.isEmpty { names.append(name) }
            codes.append(codeText)
            cursor = range.upperBound
        }
        var tail = String(text[cursor...])
        if let match = furniture.firstMatch(in: tail, range: NSRange(tail.startIndex..., in: tail)),
           let range = Range(match.range, in: tail) {
            tail.removeSubrange(range)
        }
        tail = ImportText.clean(tail)
        if codes.isEmpty {
            // No codes: the whole text is the result, as published.
            return ParsedResult(names: tail.isEmpty ? [] : [tail], codes: [], leftover: nil)
        }
        return ParsedResult(names: names, codes: codes, leftover: tail.isEmpty || ImportText.isPlaceholder(tail) ? nil : tail)
    }
}
