import CongKhaiModel
import Foundation
import XMLCoder
import ZIPFoundation

/// The first worksheet of an `.xlsx` workbook as rows of text: shared strings (plain and
/// rich-text runs), inline strings, numbers and formula results. Styles, dates and other
/// sheets are not needed for a catalogue list.
enum XLSXReader {
    /// A catalogue is a few hundred rows; a part larger than this is not one (or is a zip bomb).
    static let maximumPartSize: UInt64 = 64 * 1024 * 1024

    enum Failure: Error {
        case notZip
        case missingPart(String)
        case tooLarge(String)
        case badXML(String)
    }

    static func rows(_ data: Data, path: String, log: DiagnosticLog) -> [SheetRow]? {
        do {
            return try read(data)
        } catch let failure as Failure {
            let (message, hint): (String, String)
            switch failure {
            case .notZip:
                message = "Tệp không phải bảng tính .xlsx (Excel 2007 trở về sau)."
                hint = "Nếu là tệp .xls cũ, mở bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx; nếu là CSV, dùng `congkhai import csv`."
            case let .missingPart(part):
                message = "Bảng tính thiếu phần “\(part)” nên không đọc được."
                hint = "Mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx."
            case let .tooLarge(part):
                message = "Phần “\(part)” của bảng tính quá lớn (trên 64 MB) đối với một danh mục thủ tục."
                hint = "Chỉ để lại danh mục thủ tục trong trang tính đầu tiên rồi lưu lại."
            case let .badXML(part):
                message = "Phần “\(part)” của bảng tính bị hỏng nên không đọc được."
                hint = "Mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx."
            }
            log.report(.error("import.xlsx", at: SourceLocation(path: path), message, hint: hint))
            return nil
        } catch {
            log.report(.error("import.xlsx", at: SourceLocation(path: path),
                              "Không đọc được bảng tính.", hint: "Mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx."))
            return nil
        }
    }

    static func read(_ data: Data) throws -> [SheetRow] {
        guard data.starts(with: [0x50, 0x4B]), let archive = try? Archive(data: data, accessMode: .read, pathEncoding: nil) else {
            throw Failure.notZip
        }
        let sheetPath = try firstSheetPath(archive)
        let shared: [String]
        if let part = try part("xl/sharedStrings.xml", in: archive, required: false) {
            shared = try decode(SharedStrings.self, part, name: "xl/sharedStrings.xml").items.map(\.text)
        } else {
            shared = []
        }
        guard let sheetData = try part(sheetPath, in: archive, required: true) else { throw Failure.missingPart(sheetPath) }
        let sheet = try decode(Worksheet.self, sheetData, name: sheetPath)
        var rows: [SheetRow] = []
        for (index, row) in (sheet.sheetData.rows ?? []).enumerated() {
            var cells: [SheetCell] = []
            for (position, cell) in (row.cells ?? []).enumerated() {
                let column = cell.reference.flatMap(columnIndex) ?? position
                guard column < 16384 else { continue }
                while cells.count < column { cells.append(SheetCell(text: "")) }
                let value = cell.value?.text ?? ""
                let content: SheetCell
                switch cell.type {
                case "s": content = SheetCell(text: Int(value.trimmingCharacters(in: .whitespaces)).flatMap { shared.indices.contains($0) ? shared[$0] : nil } ?? "")
                case "inlineStr": content = SheetCell(text: cell.inline?.text ?? value)
                case "str", "e", "b": content = SheetCell(text: value)
                default: content = SheetCell(text: value, isNumber: !value.isEmpty)
                }
                if column < cells.count { cells[column] = content } else { cells.append(content) }
            }
            guard cells.contains(where: { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }) else { continue }
            rows.append(SheetRow(number: row.number ?? index + 1, cells: cells))
        }
        return rows
    }

    /// `xl/workbook.xml` names the sheets in tab order, `xl/_rels/workbook.xml.rels` where each is.
    static func firstSheetPath(_ archive: Archive) throws -> String {
        let fallback = "xl/worksheets/sheet1.xml"
        guard let workbookData = try part("xl/workbook.xml", in: archive, required: false),
              let relsData = try part("xl/_rels/workbook.xml.rels", in: archive, required: false) else { return fallback }
        let workbook = try decode(Workbook.self, workbookData, name: "xl/workbook.xml")
        let rels = try decode(Relationships.self, relsData, name: "xl/_rels/workbook.xml.rels")
        guard let id = workbook.sheets.sheet.first?.id,
              let target = rels.relationship.first(where: { $0.id == id })?.target else { return fallback }
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

    static func decode<T: Decodable>(_ type: T.Type, _ data: Data, name: String) throws -> T {
        // Namespace prefixes (`x:row`, `r:id`) vary between producers; whitespace in text is content.
        let decoder = XMLDecoder(trimValueWhitespaces: false, removeWhitespaceElements: true)
        decoder.shouldProcessNamespaces = true
        do {
            return try decoder.decode(type, from: data)
        } catch {
            throw Failure.badXML(name)
        }
    }

    /// `C12` → 2.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard scalar.properties.isUppercase, scalar.isASCII else { break }
            index = index * 26 + Int(scalar.value) - 64
            letters += 1
        }
        return letters > 0 ? index - 1 : nil
    }
}

// The parts of SpreadsheetML a catalogue needs.

struct TextNode: Decodable {
    let value: String?
    enum CodingKeys: String, CodingKey { case value = "" }
    var text: String { value ?? "" }
}

struct SharedStrings: Decodable {
    let items: [StringItem]
    enum CodingKeys: String, CodingKey { case items = "si" }
    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        items = try container.decodeIfPresent([StringItem].self, forKey: .items) ?? []
    }
}

/// Plain (`<t>`) or rich text (`<r><t>…</t></r>…`); phonetic runs (`<rPh>`) are not text.
struct StringItem: Decodable {
    let plain: TextNode?
    let runs: [Run]?
    enum CodingKeys: String, CodingKey { case plain = "t", runs = "r" }
    struct Run: Decodable { let t: TextNode? }
    var text: String { (plain?.text ?? "") + (runs ?? []).map { $0.t?.text ?? "" }.joined() }
}

struct Worksheet: Decodable {
    let sheetData: SheetData
    struct SheetData: Decodable {
        let rows: [Row]?
        enum CodingKeys: String, CodingKey { case rows = "row" }
    }
    struct Row: Decodable {
        let number: Int?
        let cells: [Cell]?
        enum CodingKeys: String, CodingKey { case number = "r", cells = "c" }
    }
    struct Cell: Decodable {
        let reference: String?
        let type: String?
        let value: TextNode?
        let inline: StringItem?
        enum CodingKeys: String, CodingKey { case reference = "r", type = "t", value = "v", inline = "is" }
    }
}

struct Workbook: Decodable {
    let sheets: Sheets
    struct Sheets: Decodable { let sheet: [Sheet] }
    /// The relationship id is an attribute in another namespace (`r:id`); its prefix is the
    /// producer's choice and XMLCoder keeps it, so any `…:id` is accepted.
    struct Sheet: Decodable {
        let id: String?
        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            let key = container.allKeys.first { $0.stringValue.hasSuffix(":id") } ?? container.allKeys.first { $0.stringValue == "id" }
            id = try key.flatMap { try container.decodeIfPresent(String.self, forKey: $0) }
        }
    }
    struct AnyKey: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }
}

struct Relationships: Decodable {
    let relationship: [Relationship]
    enum CodingKeys: String, CodingKey { case relationship = "Relationship" }
    struct Relationship: Decodable {
        let id: String
        let target: String
        enum CodingKeys: String, CodingKey { case id = "Id", target = "Target" }
    }
}
