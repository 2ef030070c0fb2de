import ArgumentParser
import CongKhaiImport
import CongKhaiLoad
import CongKhaiModel
import CongKhaiProvince
import Foundation

/// `congkhai import dvc|csv|xlsx FILE...`: procedure records into `content/thu-tuc/`. The three
/// sources differ only in how a file is read, so one command takes the source as its first
/// argument (`ImportKind`); the parser rejects any other word with the list of the three.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Nhập thủ tục hành chính từ Cổng Dịch vụ công (JSON) hoặc từ danh mục (CSV, Excel) vào content/thu-tuc/.",
        discussion: ImportKind.allCases.map { "  \($0.rawValue): \($0.summary)\n      Ví dụ: \($0.example)" }.joined(separator: "\n")
    )

    @Argument(help: ArgumentHelp("Nguồn của các tệp, mô tả ở trên.", valueName: "nguồn"))
    var kind: ImportKind

    @Argument(help: ArgumentHelp("Các tệp cần nhập.", valueName: "tệp"))
    var files: [String] = []

    @OptionGroup var site: SiteFolder

    @Flag(name: .long, help: "In từng điểm cần kiểm tra của mỗi thủ tục (mặc định: một dòng cho mỗi thủ tục).")
    var verbose = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("Thiếu tệp cần nhập. Ví dụ: \(kind.example)") }
    }

    func run() throws {
        let cwd = site.cwd
        let sources = files.map { ImportSource(url: URL(fileURLWithPath: $0, relativeTo: cwd), displayPath: $0) }
        let log = DiagnosticLog()
        // In a province's folder the import is the province's catalogue (`tinh/thu-tuc/`), which
        // every commune inherits; a commune's own procedures go in its own folder.
        let province = ProvinceConfig.isProvince(site.siteFolder)
        if province {
            try? FileManager.default.createDirectory(at: site.siteFolder.appendingPathComponent(SharedContent.folderName), withIntermediateDirectories: true)
        }
        let report = Importer.run(kind: kind, files: sources, siteFolder: site.siteFolder,
                                  contentName: province ? SharedContent.folderName : "content", log: log)
        Terminal.report(log.all)
        for move in report.moved { Terminal.info("Đã chuyển \(move.from) → \(move.to)") }
        // One line per record the editor must still open; the details only when asked for.
        for (path, checks) in report.toCheck {
            var topics: [String] = []
            for check in checks where !topics.contains(check.topic) { topics.append(check.topic) }
            Terminal.info("\(path): cần kiểm tra: \(topics.joined(separator: ", ")).")
            if verbose {
                for check in checks { Terminal.info("    \(check.topic): \(check.detail).") }
            }
        }
        Terminal.info(([report.summary(errors: log.errorCount, warnings: log.warningCount)] + [report.cleanup].compactMap { $0 }).joined(separator: " "))
        if province, report.total > 0 {
            Terminal.info("Đây là danh mục chung của tỉnh (tinh/thu-tuc/): mọi xã kế thừa, trừ thủ tục xã ghi trong content/thu-tuc/khong-ap-dung.yaml hoặc có tệp riêng cùng mã.")
        }
        if log.hasErrors { throw ExitCode(1) }
    }
}

extension ImportKind: ExpressibleByArgument {
    /// What the source is, for `congkhai import --help`.
    var summary: String {
        switch self {
        case .dvc: "hồ sơ thủ tục xuất từ Cổng Dịch vụ công quốc gia (mỗi tệp JSON chứa một hồ sơ hoặc một danh sách)."
        case .csv: "danh mục thủ tục từ tệp CSV UTF-8 (cột STT, mã, tên, lĩnh vực; có thể thêm mức độ, thời hạn, phí)."
        case .xlsx: "danh mục thủ tục từ trang tính đầu tiên của tệp Excel .xlsx."
        }
    }

    var example: String {
        switch self {
        case .dvc: "congkhai import dvc ho-so.json"
        case .csv: "congkhai import csv danh-muc.csv"
        case .xlsx: "congkhai import xlsx danh-muc.xlsx"
        }
    }
}
