import CongKhaiLoad
import CongKhaiModel
import Foundation

/// What the province pages know of one commune: who it is (its `content/site.yaml`) and its
/// posting checklist as it published it (`cong-khai/danh-sach-cong-khai.json` in its output).
/// Read from the published bytes (the built output, or under `serve` the same files of the
/// commune's build in memory), never from the build's model, so the single build, the split
/// build (`--xa` on many machines, then `--chi-tinh`) and `serve` make the same bytes.
public struct CommuneRecord: Sendable, Equatable {
    public var slug: String
    public var name: String
    public var shortName: String
    public var address: String?
    public var phone: String?
    public var email: String?
    public var formerUnits: [String]
    public var rows: [ChecklistRow]
    /// Its published procedures (`du-lieu/thu-tuc.json`), text fields by column name.
    public var procedures: [[String: String]] = []
    /// Its procedures against the province's catalogue; nil when the province shares none.
    var comparison: ProvinceCatalogue.Comparison?
}

/// One row of a commune's published checklist (columns documented on its `du-lieu/` page).
public struct ChecklistRow: Sendable, Equatable {
    public var id: String
    /// `2026-q3`.
    public var period: String
    public var ruleID: String
    public var title: String
    public var legalBasis: String?
    public var channels: [String]
    public var trigger: String?
    public var deadline: String?
    public var publishedOn: String?
    public var postingFrom: String?
    public var postingTo: String?
    public var postingPlace: String?
    public var decision: String?
    public var status: ItemStatus.Kind
    public var days: Int?
    /// Relative to the commune's root: `cong-khai/abc/index.html`.
    public var page: String?
}

enum CommuneReader {
    /// The commune at `output/<slug>/` built from `commune.folder`; nil (and a diagnostic) when
    /// its output is missing or unreadable, which means `--xa <slug>` has not run for it.
    static func read(_ commune: ProvinceConfig.Commune, output: URL, shownFolder: String, log: DiagnosticLog) -> CommuneRecord? {
        read(commune, shownFolder: shownFolder, log: log) { FileManager.default.contents(atPath: output.appendingPathComponent($0).path) }
    }

    /// The same from any published files (`serve` reads them from the commune's build in memory):
    /// `published` answers a path below the province's output (`hoa-van/du-lieu/thu-tuc.json`).
    static func read(_ commune: ProvinceConfig.Commune, shownFolder: String, log: DiagnosticLog,
                     published: (String) -> Data?) -> CommuneRecord? {
        let sitePath = "\(shownFolder)/\(commune.slug)/content/site.yaml"
        let siteLog = DiagnosticLog()
        guard let source = SourceText.read(commune.folder.appendingPathComponent("content/site.yaml"), displayPath: sitePath, log: siteLog),
              let yaml = MappingReader(YAMLDocument.parse(source.text, path: sitePath, log: siteLog), path: sitePath, lineOffset: 0,
                                       log: siteLog, what: "Tệp site.yaml") else {
            log.report(siteLog.all)
            return nil
        }
        // The commune's own build reports every problem of its site.yaml; here only the fields the index shows are read.
        let name = yaml.string("ten", "tên đơn vị") ?? commune.slug
        var record = CommuneRecord(slug: commune.slug, name: name, shortName: yaml.string("ten_ngan", "tên ngắn") ?? name,
                                   address: yaml.string("dia_chi", "địa chỉ"), phone: yaml.string("dien_thoai", "điện thoại"),
                                   email: yaml.string("email", "thư điện tử"), formerUnits: yaml.strings("truoc_sap_xep", "đơn vị trước sắp xếp"),
                                   rows: [])
        let jsonPath = "\(commune.slug)/cong-khai/danh-sach-cong-khai.json"
        guard let data = published(jsonPath) else {
            log.report(.error("province.commune-not-built", at: SourceLocation(path: "public/" + jsonPath),
                              "Chưa có kết quả dựng của xã “\(commune.slug)”: không đọc được \(jsonPath).",
                              hint: "Dựng xã trước bằng: congkhai build --xa \(commune.slug)"))
            return nil
        }
        guard let rows = parse(data) else {
            log.report(.error("province.commune-checklist", at: SourceLocation(path: "public/" + jsonPath),
                              "Tệp \(jsonPath) không đúng định dạng danh mục công khai của CongKhai.",
                              hint: "Dựng lại xã bằng: congkhai build --xa \(commune.slug)"))
            return nil
        }
        record.rows = rows
        // A commune without procedures publishes no catalogue file: no rows, not an error.
        let procedurePath = "\(commune.slug)/du-lieu/thu-tuc.json"
        if let data = published(procedurePath) {
            guard let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
                log.report(.error("province.commune-procedures", at: SourceLocation(path: "public/" + procedurePath),
                                  "Tệp \(procedurePath) không đúng định dạng danh mục thủ tục của CongKhai.",
                                  hint: "Dựng lại xã bằng: congkhai build --xa \(commune.slug)"))
                return nil
            }
            record.procedures = list.map { entry in
                entry.compactMapValues { ($0 as? String).map { $0.nfc } }
            }
        }
        return record
    }

    static func parse(_ data: Data) -> [ChecklistRow]? {
        guard let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return nil }
        var rows: [ChecklistRow] = []
        for entry in list {
            func text(_ key: String) -> String? { (entry[key] as? String).map { $0.nfc } }
            guard let id = text("id"), let period = text("ky"), let rule = text("quy_tac"), let title = text("tieu_de"),
                  let statusText = text("trang_thai"), let status = ItemStatus.Kind(rawValue: statusText) else { return nil }
            let days = (entry["so_ngay"] as? NSNumber).flatMap { Int(exactly: $0.doubleValue) }
            rows.append(ChecklistRow(id: id, period: period, ruleID: rule, title: title, legalBasis: text("can_cu"),
                                     channels: (entry["kenh"] as? [String]) ?? [], trigger: text("moc"), deadline: text("han"),
                                     publishedOn: text("ngay_cong_khai"), postingFrom: text("niem_yet_tu"), postingTo: text("niem_yet_den"),
                                     postingPlace: text("noi_niem_yet"), decision: text("van_ban"), status: status, days: days,
                                     page: text("dia_chi")))
        }
        return rows
    }
}
