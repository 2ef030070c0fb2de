import CongKhaiModel
import Foundation

/// The portal's legal-basis table arrives run together:
/// `Tên văn bản pháp lýMã văn bảnLuật Hộ tịch60/2014/QH13Nghị định 123/2015/NĐ-CP …123/2015/NĐ-CP`.
/// Each row is a title followed by the document's number, and the only dependable separator is
/// the shape of a Vietnamese document number (`60/2014/QH13`, `123/2015/NĐ-CP`, `1872/QĐ-BTP`).
public enum LegalBasisParser {
    static let header = try! NSRegularExpression(
        pattern: #"^\s*Tên văn bản(?: pháp lý)?\s*(?:Mã|Số hiệu|Số, ký hiệu|Số ký hiệu) văn bản\s*"#, options: [.caseInsensitive])
    /// Columns this parser does not know; with them, a row is more than a title and a number.
    static let otherColumns = try! NSRegularExpression(
        pattern: #"^\s*Tên văn bản.{0,40}(?:Ngày ban hành|Cơ quan ban hành|Trích yếu)"#, options: [.caseInsensitive])
    /// Number, optional year, issuer code. The last part must not run into lower-case letters,
    /// so `NĐ-CPNghị định` ends at `CP`: the next title starts with a capital.
    static let documentNumber = try! NSRegularExpression(
        pattern: #"(\d{1,4})/(?:\d{4}/)?(?:QH\d{2}|UBTVQH\d{2}|[A-ZĐ]+)(?:-(?:TTg|UBTVQH\d{2}|[A-ZĐ]+))*(?!\p{Ll})"#)

    /// The documents, or nil when the text cannot be split without guessing.
    public static func parse(_ text: String) -> [LegalDocument]? {
        if ImportText.matches(otherColumns, in: text).first != nil { return nil }
        let documents: [LegalDocument]?
        if let match = header.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
           let range = Range(match.range, in: text) {
            documents = runTogether(text[range.upperBound...].split(whereSeparator: \.isNewline).joined(separator: " "))
        } else if !text.contains("\n") {
            documents = runTogether(text)
        } else {
            documents = lineByLine(text)
        }
        guard let documents, !documents.isEmpty else { return nil }
        var seen = Set<LegalDocument>()
        return documents.filter { seen.insert($0).inserted }
    }

    /// `TitleNumberTitleNumber…`: a number closes a row when the text ends after it or a capital
    /// letter (the next title) follows at once. A number followed by a space, a comma or a
    /// lower-case word belongs to the title; one followed by digits is the title's own number with
    /// the row's number right behind it.
    static func runTogether(_ text: String) -> [LegalDocument]? {
        let text = text.trimmingCharacters(in: .whitespaces)
        var documents: [LegalDocument] = []
        var rowStart = text.startIndex
        var previousEnd: String.Index?
        for match in ImportText.matches(documentNumber, in: text) {
            guard let range = Range(match.range, in: text) else { return nil }
            // "…năm 201960/2014/QH13": digits before the number that no earlier number explains.
            if range.lowerBound > text.startIndex, text[text.index(before: range.lowerBound)].isNumber, previousEnd != range.lowerBound {
                return nil
            }
            previousEnd = range.upperBound
            let closesRow = range.upperBound == text.endIndex || text[range.upperBound].isUppercase
            guard closesRow else { continue }
            var title = text[rowStart..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            for dangling in [" số:", " số"] where title.hasSuffix(dangling) { title.removeLast(dangling.count) }
            guard !title.isEmpty else { return nil }
            documents.append(LegalDocument(number: String(text[range]), title: title))
            rowStart = range.upperBound
        }
        return rowStart == text.endIndex ? documents : nil
    }

    /// One document per line, each line naming its number: `- Luật Hộ tịch số 60/2014/QH13;`.
    static func lineByLine(_ text: String) -> [LegalDocument]? {
        var documents: [LegalDocument] = []
        for rawLine in text.split(whereSeparator: \.isNewline) {
            var line = String(rawLine).trimmingCharacters(in: .whitespaces)
            while let first = line.first, "-+•*–".contains(first) { line = String(line.dropFirst()).trimmingCharacters(in: .whitespaces) }
            while let last = line.last, ";.,".contains(last) { line.removeLast() }
            guard !line.isEmpty else { continue }
            guard let match = ImportText.matches(documentNumber, in: line).first,
                  let number = ImportText.substring(line, match.range) else { return nil }
            documents.append(LegalDocument(number: number, title: line))
        }
        return documents
    }
}
