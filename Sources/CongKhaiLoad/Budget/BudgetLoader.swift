import CongKhaiModel
import Foundation

/// Loads a budget disclosure: the sidecar YAML and the CSV beside it.
enum BudgetLoader {
    static func load(_ sidecar: SourceText, sidecarURL: URL, yearFolder: String, log: DiagnosticLog) -> BudgetDisclosure? {
        guard let root = YAMLDocument.parse(sidecar.text, path: sidecar.path, log: log),
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
        let folderYear = Int(yearFolder)
        let year = yaml.int("nam", "năm ngân sách") ?? folderYear
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
        let explanation = yaml.node("thuyet_minh")?.scalar?.string.nfc.trimmingWhitespace() ?? ""
        if explanation.isEmpty {
            log.report(.error("budget.explanation", at: yaml.start,
                              "Thiếu “thuyet_minh” (thuyết minh số liệu): pháp luật yêu cầu công khai kèm thuyết minh.",
                              hint: "Thêm `thuyet_minh: |` và vài dòng giải thích các số liệu chính."))
        }
        let columns = yaml.mappings("cot", "các cột của bảng số liệu", required: true).compactMap { column(from: $0, log: log) }
        _ = yaml.bool("nhap", "bản nháp, chưa đăng")
        yaml.finish(context: "tệp công khai ngân sách")
        checkRates(columns, yaml: yaml, log: log)
        var earliest = [PublicationDates.document(basis)].compactMap { $0 }
        let months = kind == .execution ? period?.months : kind == .finalAccounts ? 12 : nil
        if let year, let months, let end = CalendarDate(year: year, month: months, day: CalendarDate.daysIn(month: months, year: year)) {
            earliest.append(PublicationDates.periodEnd(end))
        }
        PublicationDates.check(yaml, published: published, posting: posting, earliest: earliest, log: log)
        guard let kind, let year else { return nil }

        let stem = sidecarURL.deletingPathExtension().lastPathComponent
        let tableURL = sidecarURL.deletingPathExtension().appendingPathExtension("csv")
        let tablePath = (sidecar.path as NSString).deletingPathExtension + ".csv"
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
        guard FileManager.default.fileExists(atPath: tableURL.path) else {
            log.report(.error("budget.no-table", at: SourceLocation(path: sidecar.path, line: 1, column: 1),
                              "Không tìm thấy bảng số liệu \((tablePath as NSString).lastPathComponent) bên cạnh tệp này.",
                              hint: "Lưu bảng số liệu từ Excel dưới dạng “CSV UTF-8” cùng tên, cùng thư mục với tệp .yaml."))
            return disclosure
        }
        if let table = SourceText.read(tableURL, displayPath: tablePath, log: log) {
            disclosure.rows = BudgetTableReader.rows(table, columns: columns, log: log)
            BudgetTable.compute(&disclosure.rows, columns: columns)
        }
        return disclosure
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
