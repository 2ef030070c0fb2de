import CongKhaiModel
import Foundation

/// Loads a budget disclosure: the sidecar YAML and the CSV beside it.
public enum BudgetLoader {
    public static func load(_ sidecar: SourceText, sidecarURL: URL, yearFolder: String, log: DiagnosticLog) -> BudgetDisclosure? {
        guard let root = YAMLDocument.value(sidecar.text, path: sidecar.path, log: log),
              let yaml = MappingReader(root, path: sidecar.path, lineOffset: 0, log: log, what: "Tệp mô tả công khai ngân sách") else { return nil }
        let kindText = yaml.string("loai", "du_toan_trinh, du_toan, thuc_hien hoặc quyet_toan", required: true)
        let kind = kindText.flatMap(BudgetKind.init(rawValue:))
        if let kindText, kind == nil {
            log.report(.error("budget.kind", at: yaml.location(ofKey: "loai"),
                              "“loai” phải là du_toan_trinh, du_toan, thuc_hien hoặc quyet_toan (đang là “\(kindText)”).",
                              hint: "Ví dụ: `loai: thuc_hien`."))
        }
        var period: BudgetPeriod?
        if let periodText = yaml.string("ky", "kỳ báo cáo: quy_1, 6_thang, 9_thang hoặc nam") {
            period = BudgetPeriod(rawValue: periodText)
            if period == nil {
                log.report(.error("budget.period", at: yaml.location(ofKey: "ky"),
                                  "“ky” phải là quy_1, 6_thang, 9_thang hoặc nam (đang là “\(periodText)”).",
                                  hint: "Ví dụ: `ky: 6_thang`."))
            }
        } else if kind == .execution {
            log.report(.error("budget.period", at: yaml.start, "Công khai tình hình thực hiện cần ghi kỳ báo cáo “ky”.",
                              hint: "Thêm một dòng, ví dụ `ky: quy_1` (quy_1, 6_thang, 9_thang hoặc nam)."))
        }
        // A folder named `202` or `20266` would otherwise make the checklist expect every
        // budget since that year: the disclosure is refused, at its folder.
        let folderYear = ContentLimits.year(folder: yearFolder)
        if folderYear == nil {
            let folder = (sidecar.path as NSString).deletingLastPathComponent
            log.report(.error("budget.folder-year", at: SourceLocation(path: folder + "/"),
                              "Thư mục “\(yearFolder)” phải là một năm đủ bốn chữ số, từ \(ContentLimits.years.lowerBound) đến \(ContentLimits.years.upperBound).",
                              hint: "Đổi tên thư mục thành năm ngân sách, ví dụ ngan-sach/2026/."))
        }
        let year = yaml.has("nam") ? yaml.year("nam", "năm ngân sách") : folderYear
        if let year, let folderYear, year != folderYear {
            log.report(.error("budget.year", at: yaml.location(ofKey: "nam"),
                              "Năm ngân sách \(year) khác với thư mục ngan-sach/\(yearFolder)/.",
                              hint: "Đặt tệp vào thư mục ngan-sach/\(year)/ hoặc sửa “nam”."))
        }
        let title = yaml.string("tieu_de", "tiêu đề")
        var basis: BudgetDocument?
        for (key, isReport) in [("nghi_quyet", false), ("bao_cao", true)] {
            guard let document = yaml.mapping(key, isReport ? "báo cáo" : "nghị quyết của Hội đồng nhân dân") else { continue }
            let number = document.string("so", "số văn bản", required: true)
            basis = BudgetDocument(isReport: isReport, number: number ?? "", date: document.date("ngay", "ngày ban hành"))
            document.finish(context: isReport ? "báo cáo" : "nghị quyết")
        }
        let published = yaml.date("ngay_cong_khai", "ngày công khai")
        let posting = yaml.postingWindow("niem_yet", "thời gian và nơi niêm yết")
        let explanation = yaml.value("thuyet_minh")?.string?.nfc.trimmingWhitespace() ?? ""
        if explanation.isEmpty {
            log.report(.error("budget.explanation", at: yaml.start,
                              "Thiếu “thuyet_minh” (thuyết minh số liệu): pháp luật yêu cầu công khai kèm thuyết minh.",
                              hint: "Thêm `thuyet_minh: |` và vài dòng giải thích các số liệu chính."))
        }
        let columns = yaml.mappings("cot", "các cột của bảng số liệu", required: true).compactMap { column(from: $0, log: log) }
        _ = yaml.bool("nhap", "bản nháp, chưa đăng")
        let sheet = yaml.string("trang_tinh", "tên trang tính trong tệp .xlsx (mặc định: trang đầu tiên)")
        let statements = yaml.mappings("so_lieu", "số liệu nêu trong báo cáo hoặc thuyết minh").compactMap { statement(from: $0, columns: columns, log: log) }
        yaml.finish(context: "tệp công khai ngân sách")
        checkRates(columns, yaml: yaml, log: log)
        var earliest = [PublicationDates.document(basis)].compactMap { $0 }
        let months = kind == .execution ? period?.months : kind == .finalAccounts ? 12 : nil
        if let year, let months, let end = CalendarDate(year: year, month: months, day: CalendarDate.daysIn(month: months, year: year)) {
            earliest.append(PublicationDates.periodEnd(end))
        }
        PublicationDates.check(yaml, published: published, posting: posting, earliest: earliest, log: log)
        guard let kind, let year, folderYear != nil else { return nil }

        let stem = sidecarURL.deletingPathExtension().lastPathComponent
        let csvURL = sidecarURL.deletingPathExtension().appendingPathExtension("csv")
        let xlsxURL = sidecarURL.deletingPathExtension().appendingPathExtension("xlsx")
        let useXLSX = !FileManager.default.fileExists(atPath: csvURL.path) && FileManager.default.fileExists(atPath: xlsxURL.path)
        let tableURL = useXLSX ? xlsxURL : csvURL
        let tablePath = (sidecar.path as NSString).deletingPathExtension + (useXLSX ? ".xlsx" : ".csv")
        var disclosure = BudgetDisclosure(source: sidecar.path, path: "ngan-sach/\(year)/\(TextFolding.slug(stem))/", year: year,
                                          title: title ?? BudgetDisclosure.defaultTitle(kind: kind, period: period, year: year))
        disclosure.tableSource = tablePath
        disclosure.kind = kind
        disclosure.period = kind == .execution ? period : nil
        disclosure.basis = basis
        disclosure.publishedOn = published
        disclosure.posting = posting
        disclosure.explanation = explanation
        disclosure.columns = columns
        disclosure.statements = statements
        guard FileManager.default.fileExists(atPath: tableURL.path) else {
            log.report(.error("budget.no-table", at: SourceLocation(path: sidecar.path, line: 1, column: 1),
                              "Không tìm thấy bảng số liệu \((tablePath as NSString).lastPathComponent) (hoặc .xlsx cùng tên) bên cạnh tệp này.",
                              hint: "Lưu bảng số liệu từ Excel dưới dạng “CSV UTF-8” cùng tên, cùng thư mục với tệp .yaml."))
            return disclosure
        }
        let rows: [BudgetRow]? = useXLSX
            ? BudgetTableFile.xlsx(tableURL, displayPath: tablePath, sheet: sheet, log: log)
                .map { BudgetTableReader.rows($0, path: tablePath, columns: columns, log: log) }
            : BudgetTableFile.csv(tableURL, displayPath: tablePath, log: log).map { BudgetTableReader.rows($0, columns: columns, log: log) }
        if let rows {
            disclosure.rows = rows
            BudgetTable.compute(&disclosure.rows, columns: columns)
            for statement in statements where disclosure.row(named: statement.row) == nil {
                log.report(.error("budget.stated-row", at: SourceLocation(path: sidecar.path, line: statement.line),
                                  "“so_lieu” nói về dòng “\(statement.row)”, nhưng bảng không có dòng nào có số thứ tự này.",
                                  hint: "Ghi “dong” đúng như cột STT của bảng, ví dụ `dong: I` hoặc `dong: \"1.1\"`."))
            }
        }
        return disclosure
    }

    /// `so_lieu: [{ noi_dung, ghi, dong, cot }]`: "đạt 86% dự toán" in the explanation is the rate of row I.
    static func statement(from item: MappingReader, columns: [BudgetColumn], log: DiagnosticLog) -> BudgetStatement? {
        defer { item.finish(context: "số liệu nêu trong báo cáo (so_lieu)") }
        let label = item.string("noi_dung", "báo cáo nói đây là số liệu gì", required: true)
        let text = item.string("ghi", "con số như trong báo cáo, ví dụ 86% hoặc 34.598.459.401", required: true)
        let row = item.string("dong", "số thứ tự (STT) của dòng trong bảng", required: true)
        let columnID = item.string("cot", "mã cột của bảng", required: true)
        guard let label, let text, let row, let columnID else { return nil }
        guard let column = columns.first(where: { $0.id == columnID }), column.kind != .text else {
            log.report(.error("budget.stated-column", at: item.location(ofKey: "cot"),
                              "“cot: \(columnID)” không phải một cột số tiền hay tỷ lệ của bảng.",
                              hint: "Các cột: \(columns.filter { $0.kind != .text }.map(\.id).joined(separator: ", "))."))
            return nil
        }
        let line = item.location(ofKey: "ghi").line
        if column.kind == .rate, let percent = WrittenPercent(text) {
            return BudgetStatement(label: label, text: text, value: .percent(percent), row: row, column: columnID, line: line)
        }
        if column.kind == .amount, let amount = AmountParser.parse(text) {
            return BudgetStatement(label: label, text: text, value: .count(amount), row: row, column: columnID, line: line)
        }
        log.report(.error("budget.stated-format", at: item.location(ofKey: "ghi"),
                          column.kind == .rate ? "“\(text)” không phải một tỷ lệ phần trăm như 86% hoặc 84,6%."
                                               : "“\(text)” không phải một số tiền như 34.598.459.401.",
                          hint: "Chép đúng con số như trong báo cáo; cột “\(columnID)” là cột \(column.kind == .rate ? "tỷ lệ" : "số tiền")."))
        return nil
    }

    static func column(from item: MappingReader, log: DiagnosticLog) -> BudgetColumn? {
        defer { item.finish(context: "một cột của bảng") }
        let id = item.string("id", "mã cột, ví dụ du_toan", required: true)
        let title = item.string("tieu_de", "tên cột hiển thị", required: true)
        let kindText = item.string("kieu", "so_tien, ty_le hoặc van_ban") ?? "so_tien"
        let kind = BudgetColumn.Kind(rawValue: kindText)
        if kind == nil {
            log.report(.error("budget.column-kind", at: item.location(ofKey: "kieu"),
                              "“kieu” phải là so_tien, ty_le hoặc van_ban (đang là “\(kindText)”).", hint: "Ví dụ: `kieu: so_tien`."))
        }
        let numerator = item.string("tu", "mã cột tử số (chỉ với ty_le)")
        let denominator = item.string("mau", "mã cột mẫu số (chỉ với ty_le)")
        if kind == .rate, numerator == nil || denominator == nil {
            log.report(.error("budget.rate-columns", at: item.start,
                              "Cột tỷ lệ “\(id ?? "")” cần “tu” và “mau”: mã hai cột số tiền để tính tỷ lệ.",
                              hint: "Ví dụ: `tu: thuc_hien` và `mau: du_toan`."))
        }
        guard let id, let kind else { return nil }
        return BudgetColumn(id: id, title: title ?? id, kind: kind, numerator: numerator, denominator: denominator)
    }

    /// A rate must name two amount columns of the same table.
    static func checkRates(_ columns: [BudgetColumn], yaml: MappingReader, log: DiagnosticLog) {
        let amounts = Set(columns.filter { $0.kind == .amount }.map(\.id))
        for column in columns where column.kind == .rate {
            for id in [column.numerator, column.denominator].compactMap({ $0 }) where !amounts.contains(id) {
                log.report(.error("budget.rate-columns", at: yaml.location(ofKey: "cot"),
                                  "Cột tỷ lệ “\(column.id)” tính từ “\(id)”, nhưng đó không phải một cột số tiền của bảng.",
                                  hint: "Các cột số tiền: \(amounts.sorted().joined(separator: ", "))."))
            }
        }
    }
}
