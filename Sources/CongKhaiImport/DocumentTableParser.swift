import Foundation

/// One row of the portal's "Thành phần hồ sơ" table.
public struct DocumentRow: Sendable, Equatable {
    public var name: String
    /// The form's file name the portal links in the "Mẫu đơn, tờ khai" column (`Mẫu số 01.docx`).
    public var form: String?
    /// As citizens read it: `1 bản chính`, `1 bản chính, 1 bản sao`, `1 bản sao`.
    public var quantity: String
}

/// A heading of the table (`* Giấy tờ phải nộp:`, `1.3.1.1. Hồ sơ đề nghị…:`) and its rows.
public struct DocumentGroup: Sendable, Equatable {
    public var heading: String?
    public var rows: [DocumentRow]
}

public struct ParsedDocuments: Sendable, Equatable {
    public var groups: [DocumentGroup]
    /// Text after the last row that ends with no quantity: kept under the table.
    public var leftover: String?
    public var forms: [String] { groups.flatMap { $0.rows.compactMap(\.form) } }
}

/// `--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai… (Mẫu CT01)CT01.doc1 bản chínhBản sao…0 bản chính,1 bản sao`.
/// The column headings start each table; the text before them is the group's heading. Every row
/// ends with its quantity, which makes rows separable; a form's file name (`….docx`) is glued
/// between the paper's name and the quantity.
public enum DocumentTableParser {
    static let header = try! NSRegularExpression(
        pattern: #"Tên giấy tờ\s*(?:Mẫu đơn, tờ khai)?\s*Số lượng"#, options: [.caseInsensitive])
    /// `1 bản chính`, `0 bản chính,1 bản sao`, `02 bản sao`, or the older `Bản chính: 1Bản sao: 0`.
    /// A quantity ends a row only where the next row starts at once (no space, no small letter but `b)`):
    /// `nộp 02 bản chính tờ khai` is part of a name.
    static let quantity = try! NSRegularExpression(pattern:
        #"(?:(\d+) bản chính(?:\s*,\s*(\d+) bản sao)?|(\d+) bản sao|Bản chính\s*:\s*(\d+)\s*Bản sao\s*:\s*(\d+))"#
        + #"(?=$|[^\s\p{Ll}.,;:)]|[a-zđ]\)|\s*\n)"#)
    static let formFile = try! NSRegularExpression(pattern: #"\.(?i:docx?|pdf|xlsx?|odt|rtf|zip|rar)$"#)

    /// Whether the text has the run-together table shape at all (as opposed to prose).
    public static func isTable(_ text: String) -> Bool {
        header.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    public static func parse(_ text: String) -> ParsedDocuments? {
        let headers = ImportText.matches(header, in: text).compactMap { Range($0.range, in: text) }
        guard !headers.isEmpty else { return nil }
        var groups: [DocumentGroup] = []
        var pendingHeading = String(text[..<headers[0].lowerBound])
        var leftover: String?
        for (index, range) in headers.enumerated() {
            let end = index + 1 < headers.count ? headers[index + 1].lowerBound : text.endIndex
            let (rows, rest) = rowsAndRest(String(text[range.upperBound..<end]))
            groups.append(DocumentGroup(heading: heading(pendingHeading), rows: rows))
            // What follows the last quantity is the next table's heading, or, after the last table, a note.
            pendingHeading = rest
            if index + 1 == headers.count { leftover = ImportText.value(rest) }
        }
        // A table whose rows all failed leaves its text to the next group's heading; drop empty ones.
        groups = groups.filter { !$0.rows.isEmpty || $0.heading != nil }
        guard groups.contains(where: { !$0.rows.isEmpty }) else { return nil }
        return ParsedDocuments(groups: groups, leftover: leftover)
    }

    /// The rows of one table and the text after its last quantity.
    static func rowsAndRest(_ text: String) -> ([DocumentRow], String) {
        var rows: [DocumentRow] = []
        var cursor = text.startIndex
        for match in ImportText.matches(quantity, in: text) {
            guard let range = Range(match.range, in: text) else { continue }
            var start = range.lowerBound
            // `…ngày 25/6/20241 bản chính`: the count is the last digit of a longer run.
            let countDigits = text[start...].prefix { $0.isNumber }.count
            if countDigits > 1, !text[start...].hasPrefix("0") {
                start = text.index(start, offsetBy: countDigits - 1)
            }
            let cell = ImportText.clean(String(text[cursor..<start]))
            cursor = range.upperBound
            let quantityText = quantityLabel(String(text[start..<range.upperBound]))
            // `…1 bản chính1 bản chính`: a quantity with no name is a repeated cell.
            guard ImportText.value(cell.trimmingCharacters(in: CharacterSet(charactersIn: ".;:- "))) != nil else { continue }
            let (name, form) = splitForm(cell)
            rows.append(DocumentRow(name: name.split(separator: "\n").joined(separator: " "), form: form, quantity: quantityText))
        }
        return (rows, String(text[cursor...]))
    }

    /// `1 bản chính`, `1 bản chính, 1 bản sao`; zero counts are not said.
    static func quantityLabel(_ raw: String) -> String {
        var parts: [(Int, String)] = []
        let numbers = raw.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        let folded = raw.lowercased()
        if folded.hasPrefix("bản chính") {
            if numbers.count == 2 { parts = [(numbers[0], "bản chính"), (numbers[1], "bản sao")] }
        } else if folded.contains("bản chính") {
            parts.append((numbers.first ?? 0, "bản chính"))
            if numbers.count > 1 { parts.append((numbers[1], "bản sao")) }
        } else {
            parts.append((numbers.first ?? 0, "bản sao"))
        }
        let nonZero = parts.filter { $0.0 > 0 }
        // `0 bản chính` alone marks a note or a paper only shown, not a count to bring.
        return nonZero.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }

    /// `Tờ khai (Mẫu CT01…)1.MuCT01.doc` → name and file: the file name starts where the text is
    /// glued together (a mark or a capital with no space after it) and runs to the extension
    /// without a sentence break.
    static func splitForm(_ cell: String) -> (String, String?) {
        guard ImportText.matches(formFile, in: cell).first != nil else { return (cell, nil) }
        let characters = Array(cell)
        // A sentence break, or a mark glued to the next word, means the name goes on past there:
        // the file name can only start after the last one (one pass, whatever the cell's length).
        var earliest = 1
        for index in 1..<characters.count {
            let before = characters[index - 1], current = characters[index]
            if current == " ", ".;:".contains(before) { earliest = index + 1 }
            if ";:)".contains(before), current.isLetter || current.isNumber { earliest = max(earliest, index) }
        }
        guard earliest < characters.count else { return (cell, nil) }
        for index in earliest..<characters.count {
            let before = characters[index - 1], current = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            let glued = (".;:)".contains(before) && (current.isLetter || current.isNumber))
                || (before.isLowercase && current.isUppercase)
                || ((before.isUppercase || before.isNumber) && current.isUppercase && next.isLowercase && index > 1)
            guard glued else { continue }
            let name = String(characters[..<index])
            guard name.contains(where: \.isLetter), name.count >= 3 else { continue }
            return (name.trimmingCharacters(in: .whitespaces), String(characters[index...]))
        }
        return (cell, nil)
    }

    static func heading(_ raw: String) -> String? {
        var text = ImportText.oneLine(ImportText.clean(raw))
        while let first = text.first, "-*+•–".contains(first) { text = String(text.dropFirst()).trimmingCharacters(in: .whitespaces) }
        return ImportText.value(text).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " ")) }
    }

    /// The groups as Markdown tables, a `###` heading above each group that has one. The
    /// quantity comes right after the name, so a phone shows both without scrolling; the form
    /// column comes last, and only in a table that names a form.
    public static func markdown(_ parsed: ParsedDocuments) -> String {
        var blocks: [String] = []
        for group in parsed.groups {
            if let heading = group.heading { blocks.append("### " + ImportText.escapeInline(heading)) }
            guard !group.rows.isEmpty else { continue }
            let hasForms = group.rows.contains { $0.form != nil }
            var lines = hasForms ? ["| Tên giấy tờ | Số lượng | Mẫu đơn, tờ khai |", "|---|---|---|"]
                : ["| Tên giấy tờ | Số lượng |", "|---|---|"]
            for row in group.rows {
                let form = hasForms ? " \(row.form.map(cell) ?? "") |" : ""
                lines.append("| \(cell(row.name)) | \(cell(row.quantity)) |" + form)
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        if let leftover = parsed.leftover { blocks.append(ImportText.markdown(leftover)) }
        return blocks.joined(separator: "\n\n")
    }

    static func cell(_ text: String) -> String {
        ImportText.escapeInline(text).replacingOccurrences(of: "|", with: "\\|")
    }
}
