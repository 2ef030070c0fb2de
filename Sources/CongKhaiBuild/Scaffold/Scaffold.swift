import CongKhaiKinds
import CongKhaiModel
import Foundation

/// `congkhai new`: correctly shaped content files, every field explained in Vietnamese
/// comments, placed where the loader looks for them. Nothing is ever overwritten.
public enum Scaffold {
    public enum Kind: String, CaseIterable, Sendable {
        case procedure = "thu-tuc"
        case fee = "phi"
        case budget = "ngan-sach"
        case reform = "cchc"
        case disclosure = "cong-khai"
        case news = "tin-tuc"
        case document = "van-ban"
    }

    /// The periods `new cchc YEAR PERIOD` and the reports `new ngan-sach YEAR KIND` accept.
    public static let reformPeriods = ["quy-1", "6-thang", "quy-3", "nam"]
    public static let budgetPeriods = ["du-toan", "du-toan-trinh", "thuc-hien-quy-1", "thuc-hien-6-thang", "thuc-hien-9-thang", "thuc-hien-nam", "quyet-toan"]

    public enum Failure: Error, Equatable {
        /// A Vietnamese explanation of what was wrong with the arguments.
        case usage(String)
        case exists(String)
        /// `new site` into a folder that already holds this entry.
        case notEmpty(String)
        case writeFailed(String)
    }

    /// The files to create, relative to the site folder.
    public static func files(_ kind: Kind, arguments: [String], title: String?, today: CalendarDate) -> Result<[(path: String, text: String)], Failure> {
        switch kind {
        case .procedure:
            guard arguments.count == 2 else { return .failure(.usage("Cần lĩnh vực và mã thủ tục, ví dụ: congkhai new thu-tuc \"Hộ tịch\" 1.001193")) }
            let field = arguments[0], code = ProcedureCode.clean(arguments[1])
            guard ProcedureCode.isValid(code) else {
                return .failure(.usage("Mã “\(code)” không đúng dạng d.dddddd, ví dụ 1.001193."))
            }
            return .success([("content/thu-tuc/\(TextFolding.slug(field))/\(code).md", ScaffoldTexts.procedure(code: code, field: field, name: title))])
        case .fee:
            guard arguments.count == 1, !TextFolding.slug(arguments[0]).isEmpty else { return .failure(.usage("Cần mã khoản phí, ví dụ: congkhai new phi le-phi-khai-sinh")) }
            return .success([("content/phi-le-phi.yaml", ScaffoldTexts.feeSchedule(id: TextFolding.slug(arguments[0]), name: title, today: today))])
        case .budget:
            let kinds = budgetPeriods.joined(separator: ", ")
            guard arguments.count == 2 else {
                return .failure(.usage("Cần năm và loại báo cáo, ví dụ: congkhai new ngan-sach 2027 du-toan (loại: \(kinds))."))
            }
            guard let year = Int(arguments[0]), (2000...2100).contains(year) else {
                return .failure(.usage("Năm “\(arguments[0])” không hợp lệ; ghi năm bằng bốn chữ số, ví dụ: congkhai new ngan-sach 2027 \(arguments[1])."))
            }
            guard let loai = ScaffoldTexts.budgetKinds[arguments[1]] else {
                return .failure(.usage("Không có loại báo cáo ngân sách “\(arguments[1])”; các loại: \(kinds)."))
            }
            let base = "content/ngan-sach/\(year)/\(arguments[1])"
            let period = ["thuc-hien-quy-1": "quy_1", "thuc-hien-6-thang": "6_thang", "thuc-hien-9-thang": "9_thang", "thuc-hien-nam": "nam"][arguments[1]]
            return .success([(base + ".yaml", ScaffoldTexts.budgetSidecar(year: year, kind: loai, period: period)),
                             (base + ".csv", ScaffoldTexts.budgetTable(kind: loai))])
        case .reform:
            let periods = ["quy-1": "quy_1", "6-thang": "6_thang", "quy-3": "quy_3", "nam": "nam"]
            let valid = reformPeriods.joined(separator: ", ")
            guard arguments.count == 2 else {
                return .failure(.usage("Cần năm và kỳ báo cáo, ví dụ: congkhai new cchc 2027 quy-1 (kỳ: \(valid))."))
            }
            guard let year = Int(arguments[0]), (2000...2100).contains(year) else {
                return .failure(.usage("Năm “\(arguments[0])” không hợp lệ; ghi năm bằng bốn chữ số, ví dụ: congkhai new cchc 2027 \(arguments[1])."))
            }
            guard let period = periods[arguments[1]] else {
                return .failure(.usage("Không có kỳ báo cáo “\(arguments[1])”; các kỳ: \(valid) (quý II và quý IV nằm trong báo cáo 6 tháng và cả năm)."))
            }
            return .success([("content/cchc/\(year)-\(arguments[1]).md", ScaffoldTexts.reformReport(year: year, period: period))])
        case .document:
            switch DocumentScaffold.file(arguments: arguments, title: title, today: today, draftLines: ScaffoldTexts.draftLines) {
            case let .success(file): return .success([file])
            case let .failure(problem): return .failure(.usage(problem.message))
            }
        case .disclosure, .news:
            guard arguments.count == 1, !TextFolding.slug(arguments[0]).isEmpty else {
                return .failure(.usage("Cần tên tệp, ví dụ: congkhai new \(kind.rawValue) ke-hoach-nam-2027"))
            }
            let slug = TextFolding.slug(arguments[0])
            let text = kind == .news ? ScaffoldTexts.news(title: title, today: today) : ScaffoldTexts.disclosure(slug: slug, title: title, today: today)
            return .success([("content/\(kind.rawValue)/\(slug).md", text)])
        }
    }

    /// Writes every file, or none: an existing file stops everything before anything is written.
    public static func write(_ files: [(path: String, text: String)], in site: URL) -> Result<[String], Failure> {
        let manager = FileManager.default
        if let existing = files.first(where: { manager.fileExists(atPath: site.appendingPathComponent($0.path).path) }) {
            return .failure(.exists(existing.path))
        }
        do {
            for file in files {
                let url = site.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
            }
        } catch {
            return .failure(.writeFailed(error.localizedDescription))
        }
        return .success(files.map(\.path))
    }
}
