import CongKhaiModel

/// Arithmetic consistency of budget tables: totals from children, computed percentages.
/// The loader has already filled parents with the sum of their children; what the editor
/// typed is kept beside it, so here the two are compared.
public enum BudgetChecks {
    public static func run(_ content: SiteContent, log: DiagnosticLog) {
        for disclosure in content.budgets {
            check(disclosure, log: log)
        }
    }

    public static func check(_ disclosure: BudgetDisclosure, log: DiagnosticLog) {
        checkPosting(disclosure, log: log)
        checkStatements(disclosure, log: log)
        for row in disclosure.rows {
            let name = row.isGrandTotal ? "tổng cộng" : "dòng \(row.stt)"
            for column in disclosure.columns where column.kind == .amount && row.computed.contains(column.id) {
                guard let typed = row.typedAmounts[column.id], let sum = row.amounts[column.id], typed != sum else { continue }
                log.report(.error("budget.total", at: location(disclosure, row, column.id),
                                  "Tổng của \(name) (cột \(column.id)) là \(VietnameseFormat.integer(typed)) nhưng cộng các dòng con được \(VietnameseFormat.integer(sum)).",
                                  hint: "Sửa lại số tổng, hoặc để trống ô này: CongKhai sẽ tự cộng các dòng con."))
            }
            for column in disclosure.columns where column.kind == .rate {
                guard let typed = row.typedRates[column.id], let computed = row.rates[column.id], !typed.agrees(with: computed) else { continue }
                let shown = VietnameseFormat.decimal(computed, places: max(1, typed.decimals))
                let typedText = VietnameseFormat.decimal(typed.value, places: typed.decimals)
                log.report(.warning("budget.rate-mismatch", at: location(disclosure, row, column.id),
                                    "Tỷ lệ ở \(name) (cột \(column.id)) ghi \(typedText)% nhưng tính từ \(column.numerator ?? "") / \(column.denominator ?? "") được \(shown)%.",
                                    hint: "Để trống ô tỷ lệ: CongKhai tự tính từ các cột số tiền."))
            }
        }
    }

    /// A figure the report or explanation states that the table does not give: the page shows
    /// both, the editor is warned.
    static func checkStatements(_ disclosure: BudgetDisclosure, log: DiagnosticLog) {
        for correction in disclosure.corrections where correction.isStatement {
            log.report(.warning("budget.stated-mismatch", at: SourceLocation(path: correction.path, line: correction.line),
                                "“\(correction.label)” trong báo cáo ghi \(correction.stated), nhưng tính từ bảng số liệu được \(correction.computed).",
                                hint: "Kiểm tra lại bảng hoặc con số trong báo cáo, thuyết minh; trang công khai hiện cả hai số."))
        }
    }

    /// Notice boards must carry budget disclosures for at least 30 consecutive days
    /// (Luật 10/2022/QH15 Điều 13; Luật Tiếp cận thông tin Điều 21 k2).
    static func checkPosting(_ disclosure: BudgetDisclosure, log: DiagnosticLog) {
        guard let posting = disclosure.posting, let days = posting.days else { return }
        let at = SourceLocation(path: disclosure.source, line: posting.line, column: 1)
        // A window that ends before it starts was reported when it was read.
        if days >= 1, days < 30 {
            log.report(.warning("budget.posting-short", at: at,
                                "Chỉ niêm yết \(days) ngày; nội dung ngân sách phải niêm yết ít nhất 30 ngày liên tục.",
                                hint: "Luật Thực hiện dân chủ ở cơ sở 2022, Điều 13. Kéo dài “den” hoặc sửa lại ngày."))
        }
    }

    static func location(_ disclosure: BudgetDisclosure, _ row: BudgetRow, _ column: String) -> SourceLocation {
        SourceLocation(path: disclosure.tableSource, line: row.line, column: row.cellColumns[column] ?? 1)
    }
}
