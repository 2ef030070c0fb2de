import CongKhaiModel
import Foundation
import ZIPFoundation

/// The first worksheet of an `.xlsx` workbook as rows of text: shared strings (plain and
/// rich-text runs), inline strings, numbers and formula results. Styles, dates and other
/// sheets are not needed for a catalogue list. Parts are streamed (`SpreadsheetXML`), never
/// decoded into a tree, and every number from the file is range-checked before arithmetic.
enum XLSXReader {
    /// A catalogue is a few hundred rows; a part larger than this is not one (or is a zip bomb).
    static let maximumPartSize: UInt64 = 64 * 1024 * 1024
    /// Excel's own limits: column XFD, row 1,048,576.
    static let maximumColumn = 16_384
    static let maximumRow = 1_048_576
    /// Cells kept, counting the empty ones a row is padded with up to its last cell: a few rows
    /// with a value in column XFD would otherwise take gigabytes.
    static let maximumCells = 2_000_000

    enum Failure: Error {
        case notZip
        case missingPart(String)
        case tooLarge(String)
        case badXML(String)
        case tooDeep(String)
        case doctype(String)
        case badReference(String, String)
        case tooManyCells
    }

    static func rows(_ data: Data, path: String, log: DiagnosticLog) -> [SheetRow]? {
        do {
            return try read(data)
        } catch let failure as Failure {
            let (message, hint) = words(for: failure)
            log.report(.error("import.xlsx", at: SourceLocation(path: path), message, hint: hint))
            return nil
        } catch {
            log.report(.error("import.xlsx", at: SourceLocation(path: path),
                              "Không đọc được bảng tính.", hint: "Mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx."))
            return nil
        }
    }

    static func words(for failure: Failure) -> (String, String) {
        let resave = "Mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx."
        switch failure {
        case .notZip:
            return ("Tệp không phải bảng tính .xlsx (Excel 2007 trở về sau).",
                    "Nếu là tệp .xls cũ, mở bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx; nếu là CSV, dùng `congkhai import csv`.")
        case let .missingPart(part):
            return ("Bảng tính thiếu phần “\(part)” nên không đọc được.", resave)
        case let .tooLarge(part):
            return ("Phần “\(part)” của bảng tính quá lớn (trên 64 MB) đối với một danh mục thủ tục.",
                    "Chỉ để lại danh mục thủ tục trong trang tính đầu tiên rồi lưu lại.")
        case let .badXML(part):
            return ("Phần “\(part)” của bảng tính bị hỏng nên không đọc được.", resave)
        case let .tooDeep(part):
            return ("Phần “\(part)” của bảng tính có các thẻ XML lồng nhau quá \(SpreadsheetXML.maximumDepth) tầng; bảng tính do Excel hay LibreOffice lưu không bao giờ như vậy.", resave)
        case let .doctype(part):
            return ("Phần “\(part)” của bảng tính có khai báo DOCTYPE; bảng tính thật không có phần này nên tệp không được đọc.", resave)
        case let .badReference(part, reference):
            return ("Phần “\(part)” của bảng tính ghi ô hoặc dòng “\(reference)”, nằm ngoài giới hạn của Excel (cột tới XFD, dòng tới 1.048.576).", resave)
        case .tooManyCells:
            return ("Trang tính đầu tiên có quá nhiều ô (trên 2.000.000 ô, tính cả ô trống đứng trước ô có chữ) đối với một danh mục thủ tục.",
                    "Xóa các cột, dòng thừa ở xa (nhấn Ctrl+End trong Excel để thấy ô cuối cùng) rồi lưu lại.")
        }
    }

    static func read(_ data: Data) throws -> [SheetRow] {
        guard data.starts(with: [0x50, 0x4B]), let archive = try? Archive(data: data, accessMode: .read, pathEncoding: nil) else {
            throw Failure.notZip
        }
        let sheetPath = try firstSheetPath(archive)
        let shared = try part("xl/sharedStrings.xml", in: archive, required: false).map { try sharedStrings($0, name: "xl/sharedStrings.xml") } ?? []
        guard let sheetData = try part(sheetPath, in: archive, required: true) else { throw Failure.missingPart(sheetPath) }
        return try sheetRows(sheetData, name: sheetPath, shared: shared)
    }

    /// Runs the streaming reader, turning its problems into the part's failure.
    static func stream(_ data: Data, name: String, handle: @escaping (SpreadsheetXML.Event) throws -> Void) throws {
        do {
            try SpreadsheetXML.read(data, handle: handle)
        } catch SpreadsheetXML.Problem.tooDeep {
            throw Failure.tooDeep(name)
        } catch SpreadsheetXML.Problem.doctype {
            throw Failure.doctype(name)
        } catch let SpreadsheetXML.Problem.handler(error) {
            throw error
        } catch {
            throw Failure.badXML(name)
        }
    }

    /// Plain (`<t>`) or rich text (`<r><t>…</t></r>…`); phonetic runs (`<rPh>`) are not text.
    static func sharedStrings(_ data: Data, name: String) throws -> [String] {
        var items: [String] = []
        var text = TextCollector()
        try stream(data, name: name) { event in
            switch event {
            case let .start(element, _):
                if element == "si" { text = TextCollector() } else { text.enter(element) }
            case let .end(element):
                if element == "si" { items.append(text.text) } else { text.leave(element) }
            case let .text(string):
                text.add(string)
            }
        }
        return items
    }

    /// The text of `<t>` elements outside phonetic runs, in a string item or an inline string.
    struct TextCollector {
        var text = ""
        var inText = false
        var phonetic = 0

        mutating func enter(_ element: String) {
            if element == "rPh" { phonetic += 1 } else if element == "t", phonetic == 0 { inText = true }
        }

        mutating func leave(_ element: String) {
            if element == "rPh" { phonetic -= 1 } else if element == "t" { inText = false }
        }

        mutating func add(_ string: String) {
            if inText { text += string }
        }
    }

    static func sheetRows(_ data: Data, name: String, shared: [String]) throws -> [SheetRow] {
        var rows: [SheetRow] = []
        var totalCells = 0
        var cells: [SheetCell] = []
        var rowNumber: Int?
        var rowCount = 0
        var position = 0
        var cell: (column: Int, type: String?)?
        var value = ""
        var inValue = false
        var inline = TextCollector()
        var inInline = false
        try stream(data, name: name) { event in
            switch event {
            case let .start(element, attributes):
                switch element {
                case "row":
                    cells = []
                    position = 0
                    rowCount += 1
                    rowNumber = try attributes["r"].map { try row(number: $0, name: name) }
                case "c":
                    let column = try attributes["r"].flatMap { try columnIndex($0, name: name) } ?? position
                    position = column + 1
                    cell = (column, attributes["t"])
                    value = ""
                    inline = TextCollector()
                case "v" where cell != nil: inValue = true
                case "is" where cell != nil: inInline = true
                default: if inInline { inline.enter(element) }
                }
            case let .end(element):
                switch element {
                case "v": inValue = false
                case "is": inInline = false
                case "c":
                    guard let current = cell else { break }
                    cell = nil
                    let content = self.content(type: current.type, value: value, inline: inline.text, shared: shared)
                    guard !content.text.isEmpty || current.column < cells.count else { break }
                    if current.column >= cells.count {
                        totalCells += current.column + 1 - cells.count
                        guard totalCells <= maximumCells else { throw Failure.tooManyCells }
                        cells += Array(repeating: SheetCell(text: ""), count: current.column - cells.count)
                        cells.append(content)
                    } else {
                        cells[current.column] = content
                    }
                case "row":
                    if cells.contains(where: { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }) {
                        rows.append(SheetRow(number: rowNumber ?? rowCount, cells: cells))
                    }
                    cells = []
                default: if inInline { inline.leave(element) }
                }
            case let .text(string):
                if inValue { value += string } else if inInline { inline.add(string) }
            }
        }
        return rows
    }

    static func content(type: String?, value: String, inline: String, shared: [String]) -> SheetCell {
        switch type {
        case "s": return SheetCell(text: Int(value.trimmingCharacters(in: .whitespaces)).flatMap { shared.indices.contains($0) ? shared[$0] : nil } ?? "")
        case "inlineStr": return SheetCell(text: inline.isEmpty ? value : inline)
        case "str", "e", "b": return SheetCell(text: value)
        default: return SheetCell(text: value, isNumber: !value.isEmpty)
        }
    }

    /// `xl/workbook.xml` names the sheets in tab order, `xl/_rels/workbook.xml.rels` where each is.
    static func firstSheetPath(_ archive: Archive) throws -> String {
        let fallback = "xl/worksheets/sheet1.xml"
        guard let workbookData = try part("xl/workbook.xml", in: archive, required: false),
              let relsData = try part("xl/_rels/workbook.xml.rels", in: archive, required: false) else { return fallback }
        var id: String?
        try stream(workbookData, name: "xl/workbook.xml") { event in
            // The relationship id is in another namespace (`r:id`) whose prefix is the producer's choice.
            guard id == nil, case let .start("sheet", attributes) = event else { return }
            id = attributes.first { $0.key.hasSuffix(":id") }?.value ?? attributes["id"] ?? ""
        }
        var target: String?
        try stream(relsData, name: "xl/_rels/workbook.xml.rels") { event in
            guard target == nil, let id, case let .start("Relationship", attributes) = event, attributes["Id"] == id else { return }
            target = attributes["Target"]
        }
        guard let target, !target.isEmpty else { return fallback }
        return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    static func part(_ name: String, in archive: Archive, required: Bool) throws -> Data? {
        guard let entry = archive[name] else {
            if required { throw Failure.missingPart(name) }
            return nil
        }
        guard entry.uncompressedSize <= maximumPartSize else { throw Failure.tooLarge(name) }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if UInt64(data.count) > maximumPartSize { throw Failure.tooLarge(name) }
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure.badXML(name)
        }
        return data
    }

    /// `C12` → 2. The letters are counted before any arithmetic: more than three, or past XFD,
    /// is not a cell Excel can have. A reference without letters leaves the cell where it falls.
    static func columnIndex(_ reference: String, name: String) throws -> Int? {
        let letters = reference.unicodeScalars.prefix { $0.isASCII && $0.properties.isUppercase }
        guard !letters.isEmpty else { return nil }
        guard letters.count <= 3 else { throw Failure.badReference(name, String(reference.prefix(24))) }
        let index = letters.reduce(0) { $0 * 26 + Int($1.value) - 64 }
        guard index <= maximumColumn else { throw Failure.badReference(name, String(reference.prefix(24))) }
        let digits = String(String.UnicodeScalarView(reference.unicodeScalars.dropFirst(letters.count)))
        if !digits.isEmpty { _ = try row(number: digits, name: name) }
        return index - 1
    }

    /// A row's `r`: 1…1,048,576, read without overflowing on a long run of digits.
    static func row(number text: String, name: String) throws -> Int {
        let digits = text.trimmingCharacters(in: .whitespaces)
        guard !digits.isEmpty, digits.count <= 7, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let number = Int(digits), (1...maximumRow).contains(number) else {
            throw Failure.badReference(name, String(text.prefix(24)))
        }
        return number
    }
}
