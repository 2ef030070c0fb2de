import CongKhaiModel

/// `du-lieu/ngan-sach-<nam>.json` and `.csv`: one record per table row per disclosure,
/// written with the same JSON and CSV conventions as the catalogue (`OpenData`).
enum BudgetOpenData {
    static func jsonPath(_ year: Int) -> String { "du-lieu/ngan-sach-\(year).json" }
    static func csvPath(_ year: Int) -> String { "du-lieu/ngan-sach-\(year).csv" }

    static let fixedColumns = [
        OpenData.Column(name: "nam", meaning: "Năm ngân sách"),
        OpenData.Column(name: "loai", meaning: "du_toan_trinh, du_toan, thuc_hien hoặc quyet_toan"),
        OpenData.Column(name: "ky", meaning: "Kỳ của báo cáo thực hiện: quy_1, 6_thang, 9_thang, nam"),
        OpenData.Column(name: "stt", meaning: "Số thứ tự như trong bảng công khai"),
        OpenData.Column(name: "noi_dung", meaning: "Nội dung thu, chi"),
        OpenData.Column(name: "cap", meaning: "Cấp của dòng: 0 tổng cộng, 1 nhóm lớn (I, II), 2, 3, 4"),
    ]

    static func dataset(year: Int, budgets: [BudgetDisclosure]) -> OpenData.Dataset {
        var amountColumns: [OpenData.Column] = []
        for disclosure in budgets {
            for column in disclosure.amountColumns where !amountColumns.contains(where: { $0.name == column.id }) {
                amountColumns.append(OpenData.Column(name: column.id, meaning: column.title + " (đồng)"))
            }
        }
        var rows: [[String: OpenData.Value]] = []
        for disclosure in budgets {
            for row in disclosure.rows {
                var record: [String: OpenData.Value] = [
                    "nam": .number(disclosure.year),
                    "loai": .text(disclosure.kind.rawValue),
                    "ky": .text(disclosure.period?.rawValue),
                    "stt": .text(row.stt),
                    "noi_dung": .text(row.content),
                    "cap": .number(row.level),
                ]
                for column in amountColumns { record[column.name] = .number(row.amounts[column.name]) }
                rows.append(record)
            }
        }
        return OpenData.Dataset(title: "Ngân sách năm \(year)",
                                description: "Mỗi dòng là một dòng của một bảng công khai ngân sách năm \(year).",
                                jsonPath: jsonPath(year), csvPath: csvPath(year), columns: fixedColumns + amountColumns, rows: rows)
    }

    /// One dataset per budget year.
    static func datasets(budgets: [BudgetDisclosure]) -> [OpenData.Dataset] {
        Set(budgets.map(\.year)).sorted().map { year in
            dataset(year: year, budgets: budgets.filter { $0.year == year })
        }
    }
}
