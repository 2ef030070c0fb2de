import CongKhaiModel

/// Turns the CSV of a disclosure into rows, reporting every cell that cannot be read at its
/// line and column. Arithmetic (totals, rates) is left to `BudgetTable` and the checks.
enum BudgetTableReader {
    static func rows(_ source: SourceText, columns: [BudgetColumn], log: DiagnosticLog) -> [BudgetRow] {
        let table = CSVTable.parse(source.text, separator: CSVTable.separator(of: source.text))
        for problem in table.problems {
            log.report(.error("budget.csv-quote", at: SourceLocation(path: source.path, line: problem.line, column: problem.column),
                              problem.message, hint: problem.hint))
        }
        // Cells read past a quote problem are guesses: no totals or rates are built from them.
        guard table.problems.isEmpty else { return [] }
        let records = table.records
        let content = records.filter { !$0.isBlank }
        guard let header = content.first else {
            log.report(.error("budget.csv-empty", at: SourceLocation(path: source.path, line: 1, column: 1),
                              "Bảng số liệu trống.", hint: "Dòng đầu tiên là tiêu đề: stt,noi_dung,\(columns.map(\.id).joined(separator: ","))."))
            return []
        }
        let names = header.fields.map { $0.text.trimmingWhitespace() }
        let expected = ["stt", "noi_dung"] + columns.map(\.id)
        let hint = "Dòng tiêu đề phải là: \(expected.joined(separator: ","))."
        for name in expected where !names.contains(name) {
            log.report(.error("budget.csv-header", at: SourceLocation(path: source.path, line: header.line, column: 1),
                              "Dòng tiêu đề thiếu cột “\(name)” có trong mô tả “cot”.", hint: hint))
        }
        for (index, name) in names.enumerated() where !expected.contains(name) {
            log.report(.error("budget.csv-header", at: SourceLocation(path: source.path, line: header.line, column: header.fields[index].column),
                              "Cột “\(name)” không có trong mô tả “cot” của tệp .yaml.", hint: hint))
        }
        var position: [String: Int] = [:]
        for (index, name) in names.enumerated() where position[name] == nil { position[name] = index }
        var rows: [BudgetRow] = []
        for record in content.dropFirst() {
            guard record.fields.count == names.count else {
                log.report(.error("budget.csv-cells", at: SourceLocation(path: source.path, line: record.line, column: 1),
                                  "Dòng này có \(record.fields.count) ô, nhưng dòng tiêu đề có \(names.count) cột.",
                                  hint: "Kiểm tra dấu phẩy thừa hoặc thiếu; ô có dấu phẩy phải đặt trong ngoặc kép."))
                continue
            }
            if let row = row(record, position: position, columns: columns, path: source.path, log: log) { rows.append(row) }
        }
        return rows
    }

    static func row(_ record: CSVTable.Record, position: [String: Int], columns: [BudgetColumn], path: String, log: DiagnosticLog) -> BudgetRow? {
        func field(_ id: String) -> CSVTable.Field? { position[id].map { record.fields[$0] } }
        let stt = field("stt")?.text.trimmingWhitespace() ?? ""
        let content = field("noi_dung")?.text.nfc.trimmingWhitespace() ?? ""
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
            guard !text.isEmpty else { continue }
            switch column.kind {
            case .amount:
                if let amount = AmountParser.parse(text) {
                    row.amounts[column.id] = amount
                    row.typedAmounts[column.id] = amount
                } else {
                    row.unreadable.insert(column.id)
                    log.report(.error("budget.amount", at: SourceLocation(path: path, line: record.line, column: cell.column),
                                      "Ô “\(text)” (cột \(column.id)) không phải một số tiền.",
                                      hint: "Ghi số đồng, ví dụ 5.621.772.766 hoặc 5621772766, không kèm chữ."))
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
