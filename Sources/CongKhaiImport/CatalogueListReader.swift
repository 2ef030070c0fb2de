import CongKhaiModel
import Foundation

public enum CatalogueFormat: String, Sendable {
    case csv
    case xlsx
}

/// A catalogue list (danh mục thủ tục hành chính) as provinces publish it: one row per
/// procedure with STT, mã, tên, lĩnh vực and sometimes mức độ, thời hạn, phí. Headings are
/// matched without case or accents ("Mã TTHC", "Tên thủ tục", "Mức độ DVC"); lists that group
/// procedures under rows like "I. LĨNH VỰC HỘ TỊCH" instead of a column are understood too.
public enum CatalogueListReader {
    enum Column: String, CaseIterable {
        case number, code, name, field, level, deadline, fee
    }

    /// Exact headings first, then the start of a heading, in this order ("Tên lĩnh vực" is a field).
    static let exact: [String: Column] = [
        "stt": .number, "tt": .number, "so thu tu": .number,
        "ten linh vuc": .field, "linh vuc": .field,
        "ma": .code, "ma so": .code, "ma tthc": .code, "ma thu tuc": .code, "ma so tthc": .code,
        "ten": .name, "ten tthc": .name, "ten thu tuc": .name, "ten thu tuc hanh chinh": .name,
    ]
    static let prefixes: [(String, Column)] = [
        ("linh vuc", .field), ("muc do", .level), ("dich vu cong", .level), ("thoi han", .deadline),
        ("thoi gian", .deadline), ("phi", .fee), ("le phi", .fee), ("ma ", .code), ("ten ", .name),
    ]

    public static func drafts(from data: Data, format: CatalogueFormat, path: String, log: DiagnosticLog) -> [ProcedureDraft]? {
        let rows = format == .csv ? CSVReader.rows(data, path: path, log: log) : XLSXReader.rows(data, path: path, log: log)
        guard let rows else { return nil }
        guard let (headerIndex, columns) = header(in: rows) else {
            log.report(.error("import.header", at: SourceLocation(path: path),
                              "Không tìm thấy dòng tiêu đề có các cột mã và tên thủ tục.",
                              hint: "Dòng tiêu đề cần các cột như “STT”, “Mã TTHC”, “Tên thủ tục”, “Lĩnh vực” (có thể thêm “Mức độ”, “Thời hạn”, “Phí”)."))
            return nil
        }
        var drafts: [ProcedureDraft] = []
        var groupField: String?
        for row in rows[(headerIndex + 1)...] {
            let cell = { (column: Column) -> SheetCell? in
                columns[column].flatMap { row.cells.indices.contains($0) ? row.cells[$0] : nil }
            }
            let text = { (column: Column) in cell(column).flatMap { ImportText.value($0.text) }.map(ImportText.oneLine) }
            let location = SourceLocation(path: path, line: row.number)
            if let heading = groupHeading(row, columns: columns) {
                if let field = fieldName(fromHeading: heading) { groupField = field }
                continue
            }
            let codeCell = cell(.code)
            let rawCode = codeCell.map { ProcedureCode.clean($0.text) } ?? ""
            let field = text(.field) ?? groupField
            let name = text(.name)
            let missing = [(rawCode.isEmpty, "mã"), (name == nil, "tên"), (field == nil, "lĩnh vực")].filter(\.0).map(\.1)
            guard missing.isEmpty else {
                log.report(.warning("import.row", at: location,
                                    "Dòng \(row.number): thiếu \(missing.joined(separator: ", ")); đã bỏ qua dòng này.",
                                    hint: "Điền đủ mã, tên và lĩnh vực của thủ tục rồi nhập lại."))
                continue
            }
            guard let code = validCode(rawCode, isNumber: codeCell?.isNumber == true, row: row.number, location: location, log: log) else { continue }
            var draft = ProcedureDraft(code: code)
            draft.name = name
            draft.field = field
            if let levelText = text(.level) {
                draft.onlineLevel = onlineLevel(levelText)
                if draft.onlineLevel == nil {
                    log.report(.warning("import.row", at: location,
                                        "Dòng \(row.number), cột mức độ: không hiểu “\(levelText)”; chưa ghi muc_do.",
                                        hint: "Dùng “Toàn trình”, “Một phần” hoặc “Trực tiếp”."))
                }
            }
            if let deadline = text(.deadline) {
                draft.deadline = deadline
                if let (amount, unit) = ChannelTableParser.deadlineAmount(deadline) {
                    // The build refuses a deadline over ContentLimits.days: say so now, at the row.
                    if amount <= Double(ContentLimits.days.upperBound) {
                        draft.deadlineAmount = amount
                        draft.deadlineUnit = unit
                    } else {
                        log.report(.warning("import.row", at: location,
                                            "Dòng \(row.number), cột thời hạn: “\(deadline)” quá \(ContentLimits.days.upperBound) ngày; chưa ghi thoi_han_ngay.",
                                            hint: "Kiểm tra lại số ngày trong danh mục rồi ghi “thoi_han_ngay” trong tệp thủ tục."))
                    }
                }
            }
            if let fee = text(.fee) {
                if isFree(fee) { draft.free = true } else { draft.note("phi", "Theo danh mục: phí, lệ phí “\(fee)”; ghi mã khoản phí trong phi-le-phi.yaml vào “phi”.") }
            }
            drafts.append(draft)
        }
        return drafts
    }

    /// The first row (of the first twenty: lists often start with a title) naming a code and a name column.
    static func header(in rows: [SheetRow]) -> (Int, [Column: Int])? {
        for (index, row) in rows.prefix(20).enumerated() {
            var columns: [Column: Int] = [:]
            for (position, cell) in row.cells.enumerated() {
                if let column = column(for: cell.text), columns[column] == nil { columns[column] = position }
            }
            if columns[.code] != nil, columns[.name] != nil { return (index, columns) }
        }
        return nil
    }

    static func column(for heading: String) -> Column? {
        let words = TextFolding.fold(heading).map { $0.isLetter || $0.isNumber ? $0 : " " }
        let normal = String(words).split(separator: " ").joined(separator: " ")
        if let column = exact[normal] { return column }
        if normal.contains("linh vuc") { return .field }
        return prefixes.first { normal.hasPrefix($0.0) || normal == $0.0.trimmingCharacters(in: .whitespaces) }?.1
    }

    /// A row with a single text that is not a code: a group heading such as "I. LĨNH VỰC HỘ TỊCH".
    /// A roman or letter numbering in the STT column does not count; an arabic one does, since
    /// procedure rows have those and a procedure row missing its code must be reported.
    static func groupHeading(_ row: SheetRow, columns: [Column: Int]) -> String? {
        var texts = row.cells.enumerated().compactMap { cell in ImportText.value(cell.element.text).map { (cell.offset, $0) } }
        if texts.count == 2, let number = columns[.number],
           texts.contains(where: { $0.0 == number && $0.1.count <= 5 && !$0.1.allSatisfy(\.isNumber) }) {
            texts.removeAll { $0.0 == number }
        }
        guard texts.count == 1, texts[0].0 != columns[.code] || !texts[0].1.contains(where: \.isNumber) else { return nil }
        let text = texts[0].1
        return text.contains(where: \.isLetter) && !ProcedureCode.isValid(ProcedureCode.clean(text)) ? text : nil
    }

    /// "I. LĨNH VỰC HỘ TỊCH" → "Hộ tịch"; nil for a heading that does not name a field.
    static func fieldName(fromHeading heading: String) -> String? {
        var words = heading.split(separator: " ").map(String.init)
        if let first = words.first, first.hasSuffix(".") || first.hasSuffix(")"), first.count <= 5 { words.removeFirst() }
        let lead = TextFolding.fold(words.prefix(2).joined(separator: " ")).filter { $0.isLetter || $0 == " " }
        guard words.count > 2, lead == "linh vuc" else { return nil }
        var name = words.dropFirst(2).joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ": "))
        if name == name.uppercased() {
            name = name.lowercased()
            name = name.prefix(1).uppercased() + name.dropFirst()
        }
        return name.isEmpty ? nil : name
    }

    /// A spreadsheet keeps `1.001190` as the number 1.00119; the missing zeros are certain,
    /// since a code always has six decimals, but the editor is told.
    static func validCode(_ code: String, isNumber: Bool, row: Int, location: SourceLocation, log: DiagnosticLog) -> String? {
        if ProcedureCode.isValid(code) { return code }
        if isNumber, let value = Double(code), value >= 1, value < 10 {
            let restored = String(format: "%.6f", value)
            if ProcedureCode.isValid(restored), abs((Double(restored) ?? 0) - value) < 1e-9 {
                log.report(.warning("import.code-number", at: location,
                                    "Dòng \(row), cột mã: mã được lưu dạng số (\(code)); đã khôi phục thành \(restored).",
                                    hint: "Định dạng cột mã là Văn bản (Text) trong bảng tính để giữ đúng mã."))
                return restored
            }
        }
        log.report(.warning("import.code", at: location,
                            "Dòng \(row), cột mã: mã “\(code)” không đúng dạng d.dddddd (hoặc d.dddddd.000.00.00.Hdd); đã bỏ qua dòng này.",
                            hint: "Chép đúng mã từ Cơ sở dữ liệu quốc gia về thủ tục hành chính, ví dụ 1.001193."))
        return nil
    }

    static func onlineLevel(_ text: String) -> OnlineLevel? {
        let folded = TextFolding.fold(text)
        if folded.contains("toan trinh") { return .full }
        if folded.contains("mot phan") { return .partial }
        if folded.contains("truc tiep") || folded.hasPrefix("khong") { return .inPerson }
        let digits = folded.filter(\.isNumber)
        guard digits.count == 1, folded.count <= 12 else { return nil }
        // The levels before 2022: 4 was fully online, 3 partly, 2 and 1 information only.
        switch digits {
        case "4": return .full
        case "3": return .partial
        case "1", "2": return .inPerson
        default: return nil
        }
    }

    static func isFree(_ text: String) -> Bool {
        let folded = TextFolding.fold(text).trimmingCharacters(in: CharacterSet(charactersIn: " .;"))
        return ["mien phi", "mien", "mien le phi", "mien phi, le phi", "khong", "khong thu", "khong thu phi", "khong thu le phi",
                "khong co", "0", "0 dong", "0 d", "0d"].contains(folded)
    }
}
