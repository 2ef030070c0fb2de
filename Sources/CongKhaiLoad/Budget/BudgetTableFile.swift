import CongKhaiModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// The table beside a budget sidecar, as a grid of cells: a CSV in UTF-8 or Windows-1258 (what
/// Excel on a Vietnamese Windows writes for "CSV (Comma delimited)"), or an `.xlsx` workbook
/// read directly: the first sheet or the one `trang_tinh` names, merged cells filled with their
/// value so a merged heading names every column under it.
///
/// The xlsx is read here with ZIPFoundation and Foundation's XML parser rather than through
/// CongKhaiImport's XLSXReader: Load must not depend on Import, and a budget sheet needs only
/// shared strings, cell values and merged ranges.
enum BudgetTableFile {
    static let maximumPartSize: UInt64 = 16 * 1024 * 1024

    static func csv(_ url: URL, displayPath: String, log: DiagnosticLog) -> SourceText? {
        guard let data = FileManager.default.contents(atPath: url.path), data.count <= SourceText.maximumBytes,
              String(data: data, encoding: .utf8) == nil, !data.contains(0), !TextBytes.isUTF16(data),
              let text = Windows1258.decode(data) else {
            return SourceText.read(url, displayPath: displayPath, log: log)
        }
        // Not UTF-8, but every byte means something in Windows-1258: read it as that.
        return SourceText(path: displayPath, text: text)
    }

    static func xlsx(_ url: URL, displayPath: String, sheet: String?, log: DiagnosticLog) -> [BudgetTableReader.GridRow]? {
        let fail = { (message: String) -> [BudgetTableReader.GridRow]? in
            log.report(.error("budget.xlsx", at: SourceLocation(path: displayPath), message,
                              hint: "Mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx, hoặc lưu bảng dạng CSV UTF-8 cùng tên."))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: url.path), data.starts(with: [0x50, 0x4B]),
              let archive = try? Archive(data: data, accessMode: .read, pathEncoding: nil) else {
            return fail("Tệp không phải bảng tính .xlsx (Excel 2007 trở về sau).")
        }
        guard let workbook = part("xl/workbook.xml", archive), let relations = part("xl/_rels/workbook.xml.rels", archive) else {
            return fail("Bảng tính thiếu phần mô tả các trang tính nên không đọc được.")
        }
        let sheets = XMLScan.elements(workbook, named: ["sheet"])
        let targets = Dictionary(XMLScan.elements(relations, named: ["Relationship"]).compactMap { item in
            item.attributes["Id"].flatMap { id in item.attributes["Target"].map { (id, $0) } }
        }, uniquingKeysWith: { first, _ in first })
        let names = sheets.compactMap { $0.attributes["name"] }
        guard let chosen = sheet.map({ wanted in sheets.first { $0.attributes["name"] == wanted } }) ?? sheets.first else {
            return fail("Bảng tính không có trang tính “\(sheet ?? "")”. Các trang tính: \(names.joined(separator: ", ")).")
        }
        guard let relation = chosen.attributes["r:id"] ?? chosen.attributes.first(where: { $0.key.hasSuffix(":id") })?.value,
              var target = targets[relation] else {
            return fail("Không tìm thấy nội dung của trang tính “\(chosen.attributes["name"] ?? "")”.")
        }
        target = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        guard let sheetData = part(target, archive) else {
            return fail("Không tìm thấy nội dung của trang tính “\(chosen.attributes["name"] ?? "")”.")
        }
        let shared = part("xl/sharedStrings.xml", archive).map(XMLScan.sharedStrings) ?? []
        return grid(sheetData, shared: shared)
    }

    static func part(_ name: String, _ archive: Archive) -> Data? {
        guard let entry = archive[name], entry.uncompressedSize <= maximumPartSize else { return nil }
        var data = Data()
        // The size in the header is the zip's word: a part that inflates past it is cut off.
        struct TooLarge: Error {}
        guard (try? archive.extract(entry, skipCRC32: false) { chunk in
            guard data.count + chunk.count <= Int(maximumPartSize) else { throw TooLarge() }
            data.append(chunk)
        }) != nil else { return nil }
        return data
    }

    /// Rows of the sheet with merged ranges filled from their top-left cell.
    static func grid(_ sheet: Data, shared: [String]) -> [BudgetTableReader.GridRow] {
        let scan = XMLScan.sheet(sheet, shared: shared)
        var cells = scan.cells
        // A budget table is a few hundred cells: merged ranges beyond this are not one.
        for range in scan.merged.prefix(2_000) {
            let parts = range.split(separator: ":").compactMap { reference(String($0)) }
            guard parts.count == 2, let value = cells[parts[0].row]?[parts[0].column],
                  parts[1].row - parts[0].row < 100, parts[1].column - parts[0].column < 100 else { continue }
            for row in parts[0].row...max(parts[0].row, parts[1].row) {
                for column in parts[0].column...max(parts[0].column, parts[1].column) where cells[row]?[column] == nil {
                    cells[row, default: [:]][column] = value
                }
            }
        }
        return cells.keys.sorted().map { row in
            let values = cells[row] ?? [:]
            let width = (values.keys.max() ?? 0)
            return BudgetTableReader.GridRow(line: row, cells: (1...max(width, 1)).map { (values[$0] ?? "", $0) })
        }
    }

    /// `C12` → row 12, column 3.
    static func reference(_ text: String) -> (row: Int, column: Int)? {
        var column = 0
        var digits = ""
        for character in text.uppercased() {
            if let letter = character.asciiValue, (65...90).contains(letter), digits.isEmpty {
                column = column * 26 + Int(letter - 64)
                guard column < 20_000 else { return nil }
            } else if character.isASCII, character.isNumber {
                digits.append(character)
            } else {
                return nil
            }
        }
        guard column > 0, let row = Int(digits), row > 0, row < 1_100_000 else { return nil }
        return (row, column)
    }
}

/// The few parts of SpreadsheetML a budget table needs, read with the streaming XML parser.
final class XMLScan: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
    }

    private var wanted: Set<String> = []
    private var found: [Element] = []
    // Shared strings.
    private var strings: [String] = []
    private var current: String?
    private var inText = false
    // Sheet.
    private var shared: [String] = []
    private var cells: [Int: [Int: String]] = [:]
    private var merged: [String] = []
    private var cell: (row: Int, column: Int, type: String)?
    private var value = ""
    private var mode = 0
    private var cellCount = 0

    static func elements(_ data: Data, named names: Set<String>) -> [Element] {
        let scan = XMLScan()
        scan.wanted = names
        scan.run(data)
        return scan.found
    }

    static func sharedStrings(_ data: Data) -> [String] {
        let scan = XMLScan()
        scan.mode = 1
        scan.run(data)
        return scan.strings
    }

    static func sheet(_ data: Data, shared: [String]) -> (cells: [Int: [Int: String]], merged: [String]) {
        let scan = XMLScan()
        scan.mode = 2
        scan.shared = shared
        scan.run(data)
        return (scan.cells, scan.merged)
    }

    private func run(_ data: Data) {
        let parser = XMLParser(data: data)
        parser.delegate = self
        parser.shouldProcessNamespaces = false
        _ = parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let local = name.split(separator: ":").last.map(String.init) ?? name
        switch mode {
        case 1:
            if local == "si" { current = "" }
            if local == "t" { inText = true }
        case 2:
            // Only the top-left of the sheet can be a budget table: 200 columns, 20 000 rows,
            // 100 000 cells. A crafted sheet with a cell at XFD1048576 cannot blow up the grid.
            if local == "c", cellCount < 100_000, let reference = attributes["r"].flatMap(BudgetTableFile.reference),
               reference.column <= 200, reference.row <= 20_000 {
                cellCount += 1
                cell = (reference.row, reference.column, attributes["t"] ?? "n")
                value = ""
            }
            if local == "v" || local == "t" { inText = true }
            if local == "mergeCell", let range = attributes["ref"] { merged.append(range) }
        default:
            if wanted.contains(local) { found.append(Element(name: local, attributes: attributes)) }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard inText else { return }
        // Cells and shared strings are short; a runaway text node is cut, not accumulated.
        if mode == 1 {
            if (current?.utf8.count ?? 0) < 32_768 { current? += string }
        } else if value.utf8.count < 32_768 {
            value += string
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let local = name.split(separator: ":").last.map(String.init) ?? name
        if local == "t" || local == "v" { inText = false }
        if mode == 1, local == "si" {
            strings.append(current ?? "")
            current = nil
        }
        if mode == 2, local == "c", let cell {
            let text: String
            switch cell.type {
            case "s": text = Int(value.trimmingWhitespace()).flatMap { $0 >= 0 && $0 < shared.count ? shared[$0] : nil } ?? ""
            case "n": text = Self.number(value)
            default: text = value
            }
            if !text.isEmpty { cells[cell.row, default: [:]][cell.column] = text }
            self.cell = nil
        }
    }

    /// A numeric cell as a table would show it: `48650000000`, not `4.865E10`; fractions kept
    /// with a comma (`71,12`) so rates read like typed ones.
    static func number(_ raw: String) -> String {
        let text = raw.trimmingWhitespace()
        guard let value = Double(text), value.isFinite, abs(value) < 1e15 else { return text }
        if value == value.rounded() { return String(Int(value)) }
        var fraction = String(format: "%.6f", value)
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.replacingOccurrences(of: ".", with: ",")
    }
}
