import Foundation

/// One row of the portal's "Thành phần hồ sơ" table.
public struct DocumentRow: Sendable, Equatable {
    public var name: String
    public var originals: String
    public var copies: String
}

/// `Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai đăng ký khai sinhBản chính: 1Bản sao: 0Giấy chứng sinhBản chính: 1Bản sao: 0`.
/// Every row ends with its counts, which makes rows separable; a row that also names a form
/// file (`…khai sinh.docx`) runs the paper's name into the form's with nothing between, so
/// such a table is left to the editor.
public enum DocumentTableParser {
    static let header = try! NSRegularExpression(
        pattern: #"^\s*Tên giấy tờ\s*(?:Mẫu đơn, tờ khai)?\s*Số lượng\s*"#, options: [.caseInsensitive])
    static let counts = try! NSRegularExpression(
        pattern: #"Bản chính\s*:\s*(\d+)\s*Bản sao\s*:\s*(\d+)"#, options: [.caseInsensitive])
    static let formFile = try! NSRegularExpression(pattern: #"\.(?i:docx?|pdf|xlsx?|odt|rtf)(?![a-z])"#)

    /// Whether the text has the run-together table shape at all (as opposed to prose).
    public static func isTable(_ text: String) -> Bool {
        header.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    public static func parse(_ text: String) -> [DocumentRow]? {
        var body = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard let match = header.firstMatch(in: body, range: NSRange(body.startIndex..., in: body)),
              let range = Range(match.range, in: body) else { return nil }
        body.removeSubrange(range)
        guard ImportText.matches(formFile, in: body).isEmpty else { return nil }
        var rows: [DocumentRow] = []
        var cursor = body.startIndex
        for match in ImportText.matches(counts, in: body) {
            guard let range = Range(match.range, in: body),
                  let originals = ImportText.substring(body, match.range(at: 1)),
                  let copies = ImportText.substring(body, match.range(at: 2)) else { return nil }
            let name = body[cursor..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { return nil }
            rows.append(DocumentRow(name: name, originals: originals, copies: copies))
            cursor = range.upperBound
        }
        guard !rows.isEmpty, body[cursor...].trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return rows
    }

    /// The rows as the Markdown table the catalogue page shows.
    public static func markdown(_ rows: [DocumentRow]) -> String {
        var lines = ["| Giấy tờ | Bản chính | Bản sao |", "|---|---|---|"]
        for row in rows {
            let name = row.name.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "<", with: "\\<")
                .replacingOccurrences(of: "](", with: "]\\(")
            lines.append("| \(name) | \(row.originals) | \(row.copies) |")
        }
        return lines.joined(separator: "\n")
    }
}
