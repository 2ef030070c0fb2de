import Foundation

/// What a procedure gives the citizen, split from the portal's run-together text.
public struct ParsedResult: Sendable, Equatable {
    /// Each result as citizens read it: `Giấy khai sinh`.
    public var names: [String]
    /// The portal's result codes (`KQ.G15.000031`): kept for the editor, not for citizens.
    public var codes: [String]
    /// Text after the last result that is neither a result nor page furniture: never dropped.
    public var leftover: String?
    /// The page's "Từ khóa" value, when it has one: metadata for the editor.
    public var keywords: String?
    /// Furniture strings removed.
    public var furniture = 0
}

/// `Giấy khai sinhMã: KQ.G15.000031Bản sao Giấy khai sinhMã: KQ.G15.000032Từ khóaKhông có thông tin
/// Mô tảKhông có thông tinChọn cơ quan thực hiệnTỉnh/ Thành phố…Nộp hồ sơ`. Each result ends with
/// its code; after the last one come the page's "Từ khóa" and "Mô tả" fields, then the page's
/// furniture (the agency picker and the submit button).
public enum ResultParser {
    /// A code runs until the next result's name starts (a capital and a small letter) or the text ends:
    /// `KQ.G15.000031`, `KQ-G17.000006`, `000.00.00.G04-KQ3261`, `VBTT`.
    static let code = try! NSRegularExpression(
        pattern: #"Mã\s*:\s*([A-Za-z0-9][A-Za-z0-9.\-]*?)(?=\p{Lu}\p{Ll}|[^A-Za-z0-9.\-]|$)"#)
    static let keywordsLabel = ["Từ khóa", "Từ khoá"]
    static let descriptionLabel = "Mô tả"

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
        var result = ParsedResult(names: [], codes: codes, leftover: nil)
        var tail = String(text[cursor...])
        if let (start, count) = PortalFurniture.tailStart(tail) {
            result.furniture += count
            tail = String(tail[..<start])
        }
        tail = fields(of: tail, into: &result)
        tail = ImportText.clean(tail)
        if codes.isEmpty {
            // No codes: the whole text is the result, as published.
            result.names = tail.isEmpty ? [] : [ImportText.oneLine(tail)]
            return result
        }
        result.names = names
        result.leftover = tail.isEmpty || ImportText.isPlaceholder(tail) ? nil : tail
        return result
    }

    /// Takes the page's `Từ khóa…Mô tả…` fields off the end of `tail`: an empty value
    /// (`Không có thông tin`) is furniture, keywords go to the editor, a description stays in the text.
    static func fields(of tail: String, into result: inout ParsedResult) -> String {
        var tail = tail
        if let value = takeField(descriptionLabel, from: &tail, into: &result) {
            tail += "\n" + value
        }
        for keywords in keywordsLabel {
            if let value = takeField(keywords, from: &tail, into: &result) { result.keywords = ImportText.oneLine(value) }
        }
        return tail
    }

    /// Cuts a labelled field off the end of `tail`: the label is furniture, and so is a value
    /// that says nothing (`Không có thông tin`); otherwise the value is returned.
    static func takeField(_ label: String, from tail: inout String, into result: inout ParsedResult) -> String? {
        guard let found = label.range(in: tail) else { return nil }
        let value = ImportText.clean(String(tail[found.upperBound...]))
        tail = String(tail[..<found.lowerBound])
        result.furniture += 1
        guard ImportText.value(value) != nil else {
            if !value.isEmpty { result.furniture += 1 }
            return nil
        }
        return value
    }
}

extension String {
    /// The last occurrence of `self` in `text`: the page's fields come after the results.
    func range(in text: String) -> Range<String.Index>? {
        text.range(of: self, options: .backwards)
    }
}
