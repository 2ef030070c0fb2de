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

    static let correctionsJSONPath = "du-lieu/ngan-sach-dinh-chinh.json"
    static let correctionsCSVPath = "du-lieu/ngan-sach-dinh-chinh.csv"

    /// Every published figure that the table does not give, beside the recomputed one: the
    /// corrections shown on the pages, as data.
    static func corrections(_ budgets: [BudgetDisclosure]) -> OpenData.Dataset? {
        var rows: [[String: OpenData.Value]] = []
        for disclosure in budgets {
            for correction in disclosure.corrections {
                rows.append([
                    "nam": .number(disclosure.year), "loai": .text(disclosure.kind.rawValue), "ky": .text(disclosure.period?.rawValue),
                    "noi_dung": .text(correction.label), "so_lieu_bao_cao": .text(correction.stated), "tinh_lai": .text(correction.computed),
                    "dia_chi": .text(disclosure.path + "index.html"),
                ])
            }
        }
        guard !rows.isEmpty else { return nil }
        let columns = [
            OpenData.Column(name: "nam", meaning: "Năm ngân sách"),
            OpenData.Column(name: "loai", meaning: "du_toan_trinh, du_toan, thuc_hien hoặc quyet_toan"),
            OpenData.Column(name: "ky", meaning: "Kỳ của báo cáo thực hiện"),
            OpenData.Column(name: "noi_dung", meaning: "Số liệu nào (dòng, cột của bảng, hoặc như báo cáo nêu)"),
            OpenData.Column(name: "so_lieu_bao_cao", meaning: "Con số như trong báo cáo đã ký"),
            OpenData.Column(name: "tinh_lai", meaning: "Con số tính lại từ bảng số liệu"),
            OpenData.Column(name: "dia_chi", meaning: "Đường dẫn trang công khai, tính từ gốc trang"),
        ]
        return OpenData.Dataset(title: "Số liệu ngân sách cần đính chính",
                                description: "Mỗi dòng là một con số trong báo cáo đã ký không khớp với bảng số liệu, kèm con số tính lại.",
                                jsonPath: correctionsJSONPath, csvPath: correctionsCSVPath, columns: columns, rows: rows)
    }

    /// One dataset per budget year, and the corrections when there are any.
    static func datasets(budgets: [BudgetDisclosure]) -> [OpenData.Dataset] {
        Set(budgets.map(\.year)).sorted().map { year in
            dataset(year: year, budgets: budgets.filter { $0.year == year })
        } + [corrections(budgets)].compactMap { $0 }
    }
}
