import CongKhaiModel
import Foundation

/// The legal basis as parsed: the documents, and what followed them that is not a document.
public struct ParsedLegalBasis: Sendable, Equatable {
    public var documents: [LegalDocument]
    /// Text after the last document's number (a title whose number is missing): kept for the editor.
    public var leftover: String?
    /// `Cơ quan thực hiện…`, a field of the page copied in after the table.
    public var agency: String?
}

/// The portal's legal-basis table arrives run together:
/// `Tên văn bản pháp lýMã văn bảnLuật Hộ tịch60/2014/QH13Nghị định 123/2015/NĐ-CP …123/2015/NĐ-CP`.
/// Each row is a title followed by the document's number. A number closes a row where it is glued
/// to the title before it (`…Hộ tịch60/2014/QH13`: two cells), where the next title is glued to it
/// (`…/NĐ-CPNghị định`), or at the end; a number after a space (`Thông tư số 53/2025/TT-BCA ngày…`)
/// is part of the title. The older `Số ký hiệuTrích yếu…` table has the number first.
public enum LegalBasisParser {
    static let header = try! NSRegularExpression(
        pattern: #"^\s*Tên văn bản(?: pháp lý)?\s*(?:Mã|Số hiệu|Số, ký hiệu|Số ký hiệu) văn bản\s*"#, options: [.caseInsensitive])
    static let numberFirstHeader = try! NSRegularExpression(
        pattern: #"^\s*Số(?:,)? (?:ký hiệu|hiệu)(?: văn bản)?\s*Trích yếu(?: nội dung)?\s*(Ngày ban hành)?\s*(Cơ quan ban hành)?\s*"#,
        options: [.caseInsensitive])
    /// Columns this parser does not know; with them, a row is more than a title and a number.
    static let otherColumns = try! NSRegularExpression(
        pattern: #"^\s*Tên văn bản.{0,40}(?:Ngày ban hành|Cơ quan ban hành|Trích yếu)"#, options: [.caseInsensitive])
    /// Number (`60`, `66.7`, `08.a`, `09b`), optional year, issuer code. The last part must not
    /// run into small letters, so `NĐ-CPNghị định` ends at `CP`. A joint circular's issuers may
    /// hold an ampersand (`01/2008/TTLT-BCT-BTC-BGTVT-BNN&PTNT-BYT-NHNN`, Bộ NN&PTNT).
    static let documentNumber = try! NSRegularExpression(
        pattern: #"(\d{1,4}(?:\.\d{1,3}|\.[a-z]|[a-z])?)/(?:\d{4}/)?(?:[A-ZĐ]*QH\d{2}|[A-ZĐ]+(?:&[A-ZĐ]+)*)(?:-(?:[A-ZĐ]*QH\d{2}|TTg|[A-ZĐ]+(?:&[A-ZĐ]+)*))*(?!\p{Ll})"#)
    static let leakedAgency = try! NSRegularExpression(pattern: #"Cơ quan thực hiện\s*:?\s*(.*)$"#, options: [.dotMatchesLineSeparators])
    static let date = try! NSRegularExpression(pattern: #"(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})"#)

    /// The documents, or nil when the text cannot be split without guessing.
    public static func parse(_ text: String) -> [LegalDocument]? {
        guard let parsed = parseAll(text), parsed.leftover == nil else { return nil }
        return parsed.documents
    }

    public static func parseAll(_ text: String) -> ParsedLegalBasis? {
        var text = text.replacingOccurrences(of: "\t", with: " ")
        var agency: String?
        if let match = leakedAgency.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
           let range = Range(match.range, in: text) {
            agency = ImportText.substring(text, match.range(at: 1)).flatMap { ImportText.value($0) }.map(ImportText.oneLine)
            text.removeSubrange(range)
        }
        var parsed: ParsedLegalBasis?
        if let match = numberFirstHeader.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
           let range = Range(match.range, in: text) {
            parsed = numberFirst(String(text[range.upperBound...]), hasDate: match.range(at: 1).location != NSNotFound,
                                 hasIssuer: match.range(at: 2).location != NSNotFound)
        } else if ImportText.matches(otherColumns, in: text).first != nil {
            return nil
        } else if let match = header.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                  let range = Range(match.range, in: text) {
            parsed = runTogether(text[range.upperBound...].split(whereSeparator: \.isNewline).joined(separator: " "))
        } else if !text.contains("\n") {
            parsed = runTogether(text)
        } else {
            parsed = lineByLine(text).map { ParsedLegalBasis(documents: $0, leftover: nil) }
        }
        guard var parsed, !parsed.documents.isEmpty else { return nil }
        var seen = Set<LegalDocument>()
        parsed.documents = parsed.documents.filter { seen.insert($0).inserted }
        parsed.agency = agency
        return parsed
    }

    /// `53/2025/TT-BCAngày 01/7/2025`: the date's word glued to a number would read as a new title.
    static let gluedDateWord = try! NSRegularExpression(pattern: #"(?<=[\p{Lu}\d])(ngày|năm)(?=\s)"#)

    static func runTogether(_ text: String) -> ParsedLegalBasis? {
        var text = text.trimmingCharacters(in: .whitespaces)
        text = gluedDateWord.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: " $1")
        var documents: [LegalDocument] = []
        var rowStart = text.startIndex
        var previousEnd: String.Index?
        for match in ImportText.matches(documentNumber, in: text) {
            guard var range = Range(match.range, in: text) else { return nil }
            defer { previousEnd = range.upperBound }
            guard range.lowerBound >= rowStart else { continue }
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
            if before == "/" { continue }
            // `…QH1360/2014/QH13`: a number right after another one is the next cell.
            if before.isNumber, range.lowerBound != previousEnd {
                // `…ngày 29/6/202443/2024/QH15`, `năm 201960/2014/QH13`: the year takes four digits.
                guard let shifted = afterYear(text, number: range) else { continue }
                range = shifted..<range.upperBound
            }
            let gluedBefore = range.lowerBound > rowStart && !(before.isWhitespace)
            let atEnd = text[range.upperBound...].allSatisfy { $0.isWhitespace || ".;,".contains($0) }
            let gluedAfter = range.upperBound < text.endIndex && text[range.upperBound].isUppercase
            guard gluedBefore || atEnd || gluedAfter else { continue }
            var title = text[rowStart..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            for dangling in [" số:", " số"] where title.hasSuffix(dangling) { title.removeLast(dangling.count) }
            title = title.trimmingCharacters(in: CharacterSet(charactersIn: " ;,"))
            documents.append(LegalDocument(number: String(text[range]), title: ImportText.value(title)))
            rowStart = range.upperBound
            if atEnd { rowStart = text.endIndex }
        }
        let rest = ImportText.value(String(text[rowStart...]).trimmingCharacters(in: CharacterSet(charactersIn: " .;,")))
        return ParsedLegalBasis(documents: documents, leftover: rest)
    }

    /// Where the number starts when the digits before it are a date's or a `năm`'s year.
    static func afterYear(_ text: String, number: Range<String.Index>) -> String.Index? {
        var start = number.lowerBound
        while start > text.startIndex, text[text.index(before: start)].isNumber { start = text.index(before: start) }
        let head = text[..<start]
        let run = text[start..<number.lowerBound] + text[number.lowerBound...].prefix { $0.isNumber }
        let isYear = head.hasSuffix("/") || head.hasSuffix("năm ") || head.hasSuffix("-")
            || (run.count > 4 && (run.hasPrefix("19") || run.hasPrefix("20")))
        guard isYear, let yearEnd = text.index(start, offsetBy: 4, limitedBy: number.upperBound), yearEnd < number.upperBound,
              text[yearEnd].isNumber else { return nil }
        return yearEnd
    }

    /// `Số ký hiệuTrích yếuNgày ban hànhCơ quan ban hành60/2014/QH13Luật Hộ tịch20/11/2014Quốc hội…`.
    static func numberFirst(_ text: String, hasDate: Bool, hasIssuer: Bool) -> ParsedLegalBasis? {
        let text = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        let numbers = ImportText.matches(documentNumber, in: text).compactMap { Range($0.range, in: text) }
            .filter { range in range.lowerBound == text.startIndex || !text[text.index(before: range.lowerBound)].isWhitespace }
        guard let first = numbers.first, text[..<first.lowerBound].allSatisfy(\.isWhitespace) else { return nil }
        var documents: [LegalDocument] = []
        for (index, range) in numbers.enumerated() {
            let end = index + 1 < numbers.count ? numbers[index + 1].lowerBound : text.endIndex
            var rest = String(text[range.upperBound..<end])
            var document = LegalDocument(number: String(text[range]))
            if hasDate, let match = ImportText.matches(date, in: rest).last, let dateRange = Range(match.range, in: rest) {
                let issuer = String(rest[dateRange.upperBound...])
                if hasIssuer { document.issuer = ImportText.value(issuer) }
                let parts = [1, 2, 3].compactMap { ImportText.substring(rest, match.range(at: $0)).flatMap { Int($0) } }
                if parts.count == 3 { document.date = CalendarDate(year: parts[2], month: parts[1], day: parts[0]) }
                rest = String(rest[..<dateRange.lowerBound])
            }
            document.title = ImportText.value(rest)
            documents.append(document)
        }
        return ParsedLegalBasis(documents: documents, leftover: nil)
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
