import CongKhaiLoad
import CongKhaiModel
import Foundation

/// A row of a catalogue list: its number as the editor sees it (line in a CSV file, row in a
/// spreadsheet) and its cells.
public struct SheetRow: Sendable, Equatable {
    public var number: Int
    public var cells: [SheetCell]
}

public struct SheetCell: Sendable, Equatable {
    public var text: String
    /// A spreadsheet number: a code stored this way may have lost its trailing zeros.
    public var isNumber: Bool = false
}

/// CSV as Excel and LibreOffice save it: UTF-8 with or without BOM, comma, semicolon (Excel with
/// Vietnamese regional settings) or tab separated, quoted fields with `""` and line breaks.
/// Other encodings are reported, never guessed: a guess garbles every Vietnamese letter.
enum CSVReader {
    /// A catalogue list is a few hundred rows. The reader holds every character (16 bytes each)
    /// at once, so a bigger file is refused before it costs gigabytes.
    static let maximumBytes = 16 * 1024 * 1024

    static func rows(_ data: Data, path: String, log: DiagnosticLog) -> [SheetRow]? {
        guard data.count <= maximumBytes else {
            log.report(.error("import.too-large", at: SourceLocation(path: path),
                              "Tệp CSV lớn \(data.count / (1024 * 1024)) MB, quá giới hạn \(maximumBytes / (1024 * 1024)) MB của một danh mục thủ tục.",
                              hint: "Chỉ để lại danh mục thủ tục trong tệp, hoặc tách thành nhiều tệp nhỏ hơn."))
            return nil
        }
        let hint = "Mở tệp bằng Excel và chọn Lưu thành… “CSV UTF-8 (Comma delimited)”, hoặc dùng LibreOffice với bảng mã Unicode (UTF-8)."
        if TextBytes.isUTF16(data) {
            log.report(.error("import.utf16", at: SourceLocation(path: path),
                              "Tệp CSV được lưu theo mã UTF-16 (Excel gọi là “Unicode Text”), không phải UTF-8; không đọc được.",
                              hint: hint))
            return nil
        }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            log.report(.error("import.not-csv", at: SourceLocation(path: path),
                              "Tệp này là bảng tính Excel (.xlsx), không phải CSV.",
                              hint: "Dùng lệnh `congkhai import xlsx \(path)`."))
            return nil
        }
        let bytes = TextBytes.droppingBOM(data)
        guard !bytes.contains(0), let text = String(data: bytes, encoding: .utf8) else {
            log.report(.error("import.encoding", at: SourceLocation(path: path, line: SourceText.firstInvalidLine(bytes)),
                              "Tệp CSV không được lưu theo mã UTF-8 (có thể là Windows-1258, TCVN3 hoặc VNI) nên tiếng Việt sẽ bị lỗi; không đọc được.",
                              hint: hint))
            return nil
        }
        let table = CSVTable.parse(text)
        for problem in table.problems {
            log.report(.error("import.csv-quote", at: SourceLocation(path: path, line: problem.line, column: problem.column),
                              problem.message, hint: problem.hint))
        }
        guard table.problems.isEmpty else {
            log.report(.error("import.csv-refused", at: SourceLocation(path: path),
                              "Tệp có \(table.problems.count) lỗi dấu ngoặc kép nên chưa nhập dòng nào từ tệp này (để không dòng nào bị gộp hay mất mà không ai biết).",
                              hint: "Sửa các dòng được nêu ở trên rồi chạy lại lệnh nhập."))
            return nil
        }
        return table.records
            .filter { record in record.fields.contains { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty } }
            .map { SheetRow(number: $0.line, cells: $0.fields.map { SheetCell(text: $0.text) }) }
    }
}
