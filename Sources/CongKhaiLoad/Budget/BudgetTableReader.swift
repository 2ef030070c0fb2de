import CongKhaiModel

/// Turns a disclosure's table (CSV, or the first sheet of an .xlsx) into rows, reporting every
/// cell that cannot be read at its line and column. Tables come as Excel exports them: title and
/// unit rows above the header, headings in Vietnamese ("STT; Nội dung; Dự toán năm 2026"), a
/// row numbering the columns (A, B, 1, 2…), `-` for nothing, `(12.000.000)` for a negative.
/// Arithmetic (totals, rates) is left to `BudgetTable` and the checks.
enum BudgetTableReader {
    /// One row of the grid, whatever file it came from: the line (CSV) or row number (sheet),
    /// and each cell's text with its column.
    struct GridRow {
        var line: Int
        var cells: [(text: String, column: Int)]

        var isBlank: Bool { cells.allSatisfy { $0.text.trimmingWhitespace().isEmpty } }
    }

    static func rows(_ source: SourceText, columns: [BudgetColumn], log: DiagnosticLog) -> [BudgetRow] {
        let table = CSVTable.parse(source.text)
        for problem in table.problems {
            log.report(.error("budget.csv-quote", at: SourceLocation(path: source.path, line: problem.line, column: problem.column),
                              problem.message, hint: problem.hint))
        }
        // Cells read past a quote problem are guesses: no totals or rates are built from them.
        guard table.problems.isEmpty else { return [] }
        let grid = table.records.map { GridRow(line: $0.line, cells: $0.fields.map { ($0.text, $0.column) }) }
        return rows(grid, path: source.path, columns: columns, log: log)
    }

    /// Headings as communes write them, folded (no diacritics, lower case, single spaces).
    static let sttHeadings: Set<String> = ["stt", "tt", "so tt", "so thu tu"]
    static let contentHeadings: Set<String> = ["noi_dung", "noi dung", "noi dung thu", "noi dung chi", "noi dung thu, chi",
                                               "noi dung thu chi", "chi tieu", "ten chi tieu", "khoan muc"]

    static func fold(_ text: String) -> String {
        var folded = TextFolding.fold(text.nfc).lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while let last = folded.last, ":.*".contains(last) { folded.removeLast() }
        return folded
    }

    /// The header is the first row with an STT and a content heading; rows above it are the
    /// title and unit lines of the sheet. Without such a row the first row is the header.
    static func headerIndex(_ grid: [GridRow]) -> Int? {
        for (index, row) in grid.enumerated().prefix(20) {
            let folded = Set(row.cells.map { fold($0.text) })
            if !folded.isDisjoint(with: sttHeadings), !folded.isDisjoint(with: contentHeadings) { return index }
        }
        return grid.firstIndex { !$0.isBlank }
    }

    /// Which column id a heading names: `stt`, `noi_dung`, a column id, or a column title.
    static func columnID(of heading: String, columns: [BudgetColumn]) -> String? {
        let folded = fold(heading)
        if sttHeadings.contains(folded) { return "stt" }
        if contentHeadings.contains(folded) { return "noi_dung" }
        return columns.first { $0.id == heading.trimmingWhitespace() || fold($0.title) == folded || fold($0.id) == folded }?.id
    }

    static func rows(_ grid: [GridRow], path: String, columns: [BudgetColumn], log: DiagnosticLog) -> [BudgetRow] {
        let expected = ["stt", "noi_dung"] + columns.map(\.id)
        let hint = "Dòng tiêu đề cần các cột: STT, Nội dung, \(columns.map { "\($0.title) (\($0.id))" }.joined(separator: ", ")): ghi mã cột hoặc đúng tên cột như “tieu_de” trong tệp .yaml."
        guard let headerAt = headerIndex(grid) else {
            log.report(.error("budget.csv-empty", at: SourceLocation(path: path, line: 1, column: 1),
                              "Bảng số liệu trống.", hint: "Dòng đầu tiên là tiêu đề: stt,noi_dung,\(columns.map(\.id).joined(separator: ","))."))
            return []
        }
        let header = grid[headerAt]
        // A two-line heading ("Thực hiện" over "Quý I"): the line below names its columns too.
        let sub = headerAt + 1 < grid.count && isSubHeader(grid[headerAt + 1], under: header) ? grid[headerAt + 1] : nil
        var position: [String: Int] = [:]
        for (index, cell) in header.cells.enumerated() {
            let text = cell.text.trimmingWhitespace()
            let below = sub.flatMap { index < $0.cells.count ? $0.cells[index].text.trimmingWhitespace() : nil } ?? ""
            guard !text.isEmpty || !below.isEmpty else { continue }
            let candidates = [below, text, text + " " + below].filter { !$0.trimmingWhitespace().isEmpty }
            guard let id = candidates.lazy.compactMap({ columnID(of: $0, columns: columns) }).first else {
                log.report(.error("budget.csv-header", at: SourceLocation(path: path, line: header.line, column: cell.column),
                                  "Cột “\(text)” không có trong mô tả “cot” của tệp .yaml.", hint: hint))
                continue
            }
            if position[id] == nil { position[id] = index }
        }
        for id in expected where position[id] == nil {
            log.report(.error("budget.csv-header", at: SourceLocation(path: path, line: header.line, column: 1),
                              "Dòng tiêu đề thiếu cột “\(id)” có trong mô tả “cot”.", hint: hint))
        }
        var rows: [BudgetRow] = []
        for (offset, record) in grid.dropFirst(headerAt + (sub == nil ? 1 : 2)).enumerated() where !record.isBlank {
            if offset < 2, isColumnNumbering(record, position: position) { continue }
            let width = header.cells.count
            // Excel pads or trims empty cells at the end of a row: only extra cells with text count.
            guard record.cells.dropFirst(width).allSatisfy({ $0.text.trimmingWhitespace().isEmpty }) else {
                log.report(.error("budget.csv-cells", at: SourceLocation(path: path, line: record.line, column: 1),
                                  "Dòng này có \(record.cells.count) ô, nhưng dòng tiêu đề có \(width) cột.",
                                  hint: "Kiểm tra dấu phẩy thừa hoặc thiếu; ô có dấu phẩy phải đặt trong ngoặc kép."))
                continue
            }
            if let row = row(record, position: position, columns: columns, path: path, log: log) { rows.append(row) }
        }
        return rows
    }

    /// The second line of a heading: no STT of its own (empty, or the merged "STT" above) and
    /// no figures, only texts under some of the columns.
    static func isSubHeader(_ row: GridRow, under header: GridRow) -> Bool {
        guard let first = row.cells.first, let top = header.cells.first else { return false }
        let stt = fold(first.text)
        guard stt.isEmpty || stt == fold(top.text) else { return false }
        return row.cells.contains { !$0.text.trimmingWhitespace().isEmpty }
            && row.cells.allSatisfy { cell in cell.text.isEmpty || AmountParser.parse(cell.text) == nil }
    }

    /// The row under the header that numbers the columns: `A, B, 1, 2, 3=2/1`.
    static func isColumnNumbering(_ record: GridRow, position: [String: Int]) -> Bool {
        func text(_ id: String) -> String { position[id].flatMap { $0 < record.cells.count ? fold(record.cells[$0].text) : nil } ?? "" }
        return (text("stt") == "a" && text("noi_dung") == "b") || (text("stt") == "1" && text("noi_dung") == "2")
    }

    /// `-`, `–` and an empty cell say "nothing"; `(12.000.000)` is a negative amount.
    static func amount(_ text: String) -> Int? {
        if text.hasPrefix("("), text.hasSuffix(")") {
            return AmountParser.parse(String(text.dropFirst().dropLast())).map { -$0 }
        }
        return AmountParser.parse(text)
    }

    static func isEmptyMark(_ text: String) -> Bool {
        text.isEmpty || ["-", "–", "—"].contains(text)
    }

    static func row(_ record: GridRow, position: [String: Int], columns: [BudgetColumn], path: String, log: DiagnosticLog) -> BudgetRow? {
        func field(_ id: String) -> (text: String, column: Int)? {
            position[id].flatMap { $0 < record.cells.count ? record.cells[$0] : nil }
        }
        let stt = field("stt")?.text.trimmingWhitespace() ?? ""
        let content = field("noi_dung")?.text.nfc.trimmingWhitespace() ?? ""
        let hasFigures = columns.contains { column in
            column.kind != .text && !isEmptyMark(field(column.id)?.text.trimmingWhitespace() ?? "")
        }
        // A line with neither STT nor figures is a note or the unit line ("Đơn vị tính: đồng").
        if stt.isEmpty, !hasFigures, BudgetRow.level(ofSTT: stt, content: content) == nil { return nil }
        guard let level = BudgetRow.level(ofSTT: stt, content: content) else {
            log.report(.error("budget.stt", at: SourceLocation(path: path, line: record.line, column: field("stt")?.column ?? 1),
                              "Số thứ tự “\(stt)” không theo cách đánh số của bảng.",
                              hint: "Dùng I, II… cho nhóm lớn; 1, 2… rồi 1.1, 1.2… rồi a, b… cho các dòng con; “Tổng cộng” cho dòng tổng."))
            return nil
        }
        var row = BudgetRow(stt: stt, content: content, level: level, line: record.line)
        for column in columns {
            guard let cell = field(column.id) else { continue }
            row.cellColumns[column.id] = cell.column
            let text = cell.text.trimmingWhitespace()
            guard !isEmptyMark(text) else { continue }
            switch column.kind {
            case .amount:
                if let amount = amount(text) {
                    row.amounts[column.id] = amount
                    row.typedAmounts[column.id] = amount
                } else {
                    row.unreadable.insert(column.id)
                    log.report(.error("budget.amount", at: SourceLocation(path: path, line: record.line, column: cell.column),
                                      "Ô “\(text)” (cột \(column.id)) không phải một số tiền.",
                                      hint: "Ghi số đồng, ví dụ 5.621.772.766 hoặc 5621772766, không kèm chữ; số âm ghi -12.000.000 hoặc (12.000.000)."))
                }
            case .rate:
                if let rate = TypedRate.parse(text) {
                    row.typedRates[column.id] = rate
                } else {
                    log.report(.error("budget.rate", at: SourceLocation(path: path, line: record.line, column: cell.column),
                                      "Ô “\(text)” (cột \(column.id)) không phải một tỷ lệ phần trăm.",
                                      hint: "Ví dụ 84,6 hoặc để trống: CongKhai tự tính tỷ lệ."))
                }
            case .text:
                row.texts[column.id] = text.nfc
            }
        }
        return row
    }
}
