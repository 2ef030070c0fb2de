import CongKhaiModel
import Foundation

/// The catalogue and fee schedule as open data (`du-lieu/`): JSON for programs, CSV with a
/// BOM for Excel. Column lists here are the documented schema (README, open-data page).
public enum OpenData {
    /// A column of a dataset and what it means (listed on the `du-lieu/` page).
    public struct Column: Sendable {
        public var name: String
        public var meaning: String

        public init(name: String, meaning: String) {
            self.name = name
            self.meaning = meaning
        }
    }

    /// One dataset, published as JSON and CSV and listed on the `du-lieu/` page.
    public struct Dataset: Sendable {
        public var title: String
        public var description: String
        public var jsonPath: String
        public var csvPath: String
        public var columns: [Column]
        /// Every key a row has, sorted (the JSON's order).
        let keys: [String]
        /// Each row's values by `keys`, nil where the row has no such key: the catalogue's
        /// 10,000 rows as dictionaries held about 1.5 KB each for the whole render.
        var cells: [[Value?]]

        var count: Int { cells.count }

        public var rows: [[String: Value]] {
            cells.map { row in
                Dictionary(uniqueKeysWithValues: zip(keys, row).compactMap { key, value in value.map { (key, $0) } })
            }
        }

        public init(title: String, description: String, jsonPath: String, csvPath: String, columns: [Column], rows: [[String: Value]]) {
            let keys = Set(rows.flatMap(\.keys)).sorted()
            self.init(title: title, description: description, jsonPath: jsonPath, csvPath: csvPath, columns: columns, keys: keys,
                      cells: rows.map { row in keys.map { row[$0] } })
        }

        /// `cells` in the order of `keys`, which must be sorted.
        init(title: String, description: String, jsonPath: String, csvPath: String, columns: [Column], keys: [String], cells: [[Value?]]) {
            self.title = title
            self.description = description
            self.jsonPath = jsonPath
            self.csvPath = csvPath
            self.columns = columns
            self.keys = keys
            self.cells = cells
        }
    }

    /// JSON values, written with sorted keys so output is byte-stable.
    public enum Value: Sendable {
        case text(String?)
        case number(Int?)
        case list([String])

        var csv: String {
            switch self {
            case let .text(text): return text ?? ""
            case let .number(number): return number.map(String.init) ?? ""
            case let .list(items): return items.joined(separator: "; ")
            }
        }
    }

    static let procedureColumns = [
        Column(name: "ma", meaning: "Mã thủ tục hành chính (Cơ sở dữ liệu quốc gia)"),
        Column(name: "ten", meaning: "Tên thủ tục"),
        Column(name: "linh_vuc", meaning: "Lĩnh vực"),
        Column(name: "cap_thuc_hien", meaning: "Cấp thực hiện"),
        Column(name: "muc_do", meaning: "Mức độ trực tuyến: toan_trinh, mot_phan, truc_tiep"),
        Column(name: "thoi_han", meaning: "Thời hạn giải quyết như đã công bố"),
        Column(name: "thoi_han_ngay", meaning: "Thời hạn bằng số (theo don_vi)"),
        Column(name: "don_vi", meaning: "Đơn vị thời hạn: ngay_lam_viec, ngay, gio"),
        Column(name: "phi", meaning: "Mã các khoản phí, lệ phí (xem phi-le-phi), hoặc mien"),
        Column(name: "muc_phi", meaning: "Mức phí, lệ phí tóm tắt"),
        Column(name: "co_quan_thuc_hien", meaning: "Cơ quan thực hiện"),
        Column(name: "quyet_dinh_cong_bo", meaning: "Số quyết định công bố thủ tục"),
        Column(name: "ngay_cong_bo", meaning: "Ngày của quyết định công bố (YYYY-MM-DD)"),
        Column(name: "dia_chi", meaning: "Đường dẫn trang thủ tục, tính từ gốc trang"),
    ]

    static let feeColumns = [
        Column(name: "id", meaning: "Mã khoản phí, lệ phí"),
        Column(name: "ten", meaning: "Tên phí, lệ phí"),
        Column(name: "loai", meaning: "phi hoặc le_phi"),
        Column(name: "muc_thu", meaning: "Các mức thu (đồng), kèm điều kiện nếu có"),
        Column(name: "don_vi_tinh", meaning: "Đơn vị tính"),
        Column(name: "phuong_thuc_thu", meaning: "Phương thức thu"),
        Column(name: "doi_tuong_nop", meaning: "Đối tượng nộp"),
        Column(name: "mien_giam", meaning: "Các trường hợp miễn, giảm"),
        Column(name: "van_ban", meaning: "Số hiệu văn bản quy định"),
        Column(name: "hieu_luc_tu", meaning: "Ngày có hiệu lực (YYYY-MM-DD)"),
        Column(name: "thu_tuc", meaning: "Mã các thủ tục thu khoản này"),
    ]

    static func datasets(catalogue: Catalogue) -> [Dataset] {
        var result: [Dataset] = []
        if !catalogue.procedures.isEmpty {
            // Each row made into its cells at once, so only one row is ever a dictionary.
            result.append(Dataset(title: "Danh mục thủ tục hành chính", description: "Mỗi dòng là một thủ tục hành chính do xã tiếp nhận, giải quyết.",
                                  jsonPath: procedureDatasetPath, csvPath: "du-lieu/thu-tuc.csv", columns: procedureColumns,
                                  keys: procedureKeys, cells: catalogue.procedures.map { procedureRow($0, catalogue: catalogue) }))
        }
        if let fees = feeDataset(catalogue: catalogue) { result.append(fees) }
        return result
    }

    /// The dataset with one row per procedure, in the catalogue's order.
    static let procedureDatasetPath = "du-lieu/thu-tuc.json"

    static let procedureKeys = procedureColumns.map(\.name).sorted()

    /// For each of `procedureKeys`, its place in `procedureColumns`.
    static let procedureKeyColumns = procedureKeys.map { key in procedureColumns.firstIndex { $0.name == key } ?? 0 }

    /// A procedure's cells, in the order of `procedureKeys`: made in the columns' order, then
    /// put in the keys' (a dictionary per row was hashed 14 times for 10,000 procedures).
    static func procedureRow(_ procedure: Procedure, catalogue: Catalogue) -> [Value?] {
        let byColumn: [Value] = [
            .text(procedure.code),
            .text(procedure.name),
            .text(procedure.field),
            .text(procedure.level),
            .text(procedure.onlineLevel?.rawValue),
            .text(procedure.deadline),
            .text(procedure.deadlineAmount.map { $0 == $0.rounded() ? $0.checkedInt.map(String.init) ?? String($0) : String($0) }),
            .text(procedure.deadlineUnit?.rawValue),
            .list(procedure.isFree ? ["mien"] : procedure.feeIDs),
            .text(catalogue.feeSummary(procedure)),
            .text(procedure.agency),
            .text(procedure.publication?.number),
            .text(procedure.publication?.date?.iso),
            .text(procedure.path + "index.html"),
        ]
        return procedureKeyColumns.map { byColumn[$0] }
    }

    static func feeDataset(catalogue: Catalogue) -> Dataset? {
        if let schedule = catalogue.schedule {
            let rows = schedule.fees.map { fee -> [String: Value] in
                [
                    "id": .text(fee.id),
                    "ten": .text(fee.name),
                    "loai": .text(fee.kind?.rawValue),
                    "muc_thu": .list(fee.rates.map { rate in rate.condition.map { "\(rate.amount) (\($0))" } ?? String(rate.amount) }),
                    "don_vi_tinh": .text(fee.unit),
                    "phuong_thuc_thu": .text(fee.collectionMethod),
                    "doi_tuong_nop": .text(fee.payer),
                    "mien_giam": .list(fee.exemptions),
                    "van_ban": .text(fee.legalDocument?.number),
                    "hieu_luc_tu": .text(fee.effectiveFrom?.iso),
                    "thu_tuc": .list((catalogue.proceduresByFee[fee.id] ?? []).map(\.code)),
                ]
            }
            return Dataset(title: "Danh mục phí, lệ phí", description: "Mỗi dòng là một khoản phí, lệ phí với sáu nội dung phải công khai.",
                           jsonPath: "du-lieu/phi-le-phi.json", csvPath: "du-lieu/phi-le-phi.csv", columns: feeColumns, rows: rows)
        }
        return nil
    }

    /// Every dataset is published twice: JSON for programs, CSV for Excel.
    static func files(_ datasets: [Dataset]) -> [OutputFile] {
        datasets.flatMap { dataset in
            [OutputFile(path: dataset.jsonPath, bytes: Data(jsonBytes(dataset).bytes)), OutputFile(path: dataset.csvPath, bytes: Data(csvBytes(dataset).bytes))]
        }
    }

    /// Pretty-printed with sorted keys, written directly: JSONSerialization boxed every value and
    /// took longer than rendering the pages it describes.
    static func json(_ dataset: Dataset) -> String {
        jsonBytes(dataset).text
    }

    static func jsonBytes(_ dataset: Dataset) -> DataBytes {
        var out = DataBytes()
        guard dataset.count > 0 else {
            out.append("[\n\n]\n")
            return out
        }
        let keys = dataset.keys.map(SearchIndex.literal)
        out.append("[\n")
        for index in dataset.cells.indices {
            appendJSONRow(dataset.cells[index], keys: keys, to: &out)
            out.append(index == dataset.count - 1 ? "\n" : ",\n")
            // Sized from the first row: the rows of a dataset are much alike.
            if index == 0 { out.reserve(out.count * dataset.count + out.count / 8 * dataset.count + 64) }
        }
        out.append("]\n")
        return out
    }

    /// The file from each row's text (`jsonRow`), kept by `serve` to remake one row only.
    static func json(rows: [String]) -> String {
        guard !rows.isEmpty else { return "[\n\n]\n" }
        var out = "[\n"
        out.reserveCapacity(rows.count * (rows[0].utf8.count + 4))
        for (index, row) in rows.enumerated() {
            out += row
            out += index == rows.count - 1 ? "\n" : ",\n"
        }
        return out + "]\n"
    }

    /// Row `index` as the JSON file writes it: `  {` … `  }`, keys sorted.
    static func jsonRow(_ dataset: Dataset, at index: Int) -> String {
        jsonRow(dataset.cells[index], keys: dataset.keys.map(SearchIndex.literal))
    }

    /// `keys` as JSON literals, in the order of `cells`.
    static func jsonRow(_ cells: [Value?], keys: [String]) -> String {
        var out = DataBytes()
        appendJSONRow(cells, keys: keys, to: &out)
        return out.text
    }

    static func appendJSONRow(_ cells: [Value?], keys: [String], to out: inout DataBytes) {
        out.append("  {\n")
        var first = true
        for column in cells.indices {
            guard let value = cells[column] else { continue }
            out.append(first ? "    " : ",\n    ")
            first = false
            out.append(keys[column])
            out.append(" : ")
            appendJSONValue(value, to: &out)
        }
        out.append(first ? "  }" : "\n  }")
    }

    static func appendJSONValue(_ value: Value, to out: inout DataBytes) {
        switch value {
        case let .text(text?): out.appendLiteral(text)
        case let .number(number?): out.append(number)
        case .text(nil), .number(nil): out.append("null")
        case let .list(items):
            guard !items.isEmpty else { return out.append("[\n\n    ]") }
            out.append("[\n")
            for (index, item) in items.enumerated() {
                out.append(index == 0 ? "      " : ",\n      ")
                out.appendLiteral(item)
            }
            out.append("\n    ]")
        }
    }

    /// RFC 4180 with a UTF-8 BOM and CRLF, which is what Excel opens correctly.
    static func csv(_ dataset: Dataset) -> String {
        csvBytes(dataset).text
    }

    static func csvBytes(_ dataset: Dataset) -> DataBytes {
        let columns = csvColumns(dataset)
        var out = DataBytes()
        appendCSVHeader(dataset, to: &out)
        for index in dataset.cells.indices {
            out.append("\r\n")
            appendCSVRow(dataset.cells[index], columns: columns, to: &out)
            if index == 0 { out.reserve(out.count * (dataset.count + 1) + out.count / 8 * dataset.count + 64) }
        }
        out.append("\r\n")
        return out
    }

    static func csv(_ dataset: Dataset, rows: [String]) -> String {
        var out = DataBytes()
        appendCSVHeader(dataset, to: &out)
        for row in rows {
            out.append("\r\n")
            out.append(row)
        }
        out.append("\r\n")
        return out.text
    }

    /// The BOM and the columns' names.
    static func appendCSVHeader(_ dataset: Dataset, to out: inout DataBytes) {
        out.append("\u{FEFF}")
        for (index, column) in dataset.columns.enumerated() {
            if index > 0 { out.append(",") }
            out.appendCSVCell(column.name)
        }
    }

    /// Where each published column is in a row's cells.
    static func csvColumns(_ dataset: Dataset) -> [Int?] {
        let position = Dictionary(dataset.keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return dataset.columns.map { position[$0.name] }
    }

    static func csvRow(_ dataset: Dataset, at index: Int) -> String {
        csvRow(dataset.cells[index], columns: csvColumns(dataset))
    }

    static func csvRow(_ cells: [Value?], columns: [Int?]) -> String {
        var out = DataBytes()
        appendCSVRow(cells, columns: columns, to: &out)
        return out.text
    }

    static func appendCSVRow(_ cells: [Value?], columns: [Int?], to out: inout DataBytes) {
        for (index, column) in columns.enumerated() {
            if index > 0 { out.append(",") }
            switch column.flatMap({ cells[$0] }) {
            case let .text(text?)?: out.appendCSVCell(text)
            case let .number(number?)?: out.appendCSVCell(String(number))
            case let .list(items)?: out.appendCSVCell(items.count == 1 ? items[0] : items.joined(separator: "; "))
            case .text(nil)?, .number(nil)?, nil: break
            }
        }
    }

    /// One CSV cell, formula-neutralised and quoted when needed (the province's open data too).
    public static func quote(_ field: String) -> String {
        var out = DataBytes()
        out.appendCSVCell(field)
        return out.text
    }
}
