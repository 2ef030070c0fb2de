import ArgumentParser
import CongKhaiImport
import CongKhaiModel
import Foundation

/// `congkhai import dvc|csv|xlsx FILE...`: procedure records into `content/thu-tuc/`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Nhập thủ tục hành chính từ Cổng Dịch vụ công (JSON) hoặc từ danh mục (CSV, Excel) vào content/thu-tuc/.",
        subcommands: [DVC.self, CSV.self, XLSX.self]
    )

    struct Options: ParsableArguments {
        @Option(name: .long, help: "Thư mục của trang (chứa content/). Mặc định: thư mục hiện tại.")
        var source: String = "."
        @Flag(name: .long, help: "In từng điểm cần kiểm tra của mỗi thủ tục (mặc định: một dòng cho mỗi thủ tục).")
        var verbose = false
    }

    struct DVC: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dvc",
            abstract: "Nhập hồ sơ thủ tục xuất từ Cổng Dịch vụ công quốc gia (mỗi tệp JSON chứa một hồ sơ hoặc một danh sách)."
        )
        @OptionGroup var options: Options
        @Argument(help: ArgumentHelp("Các tệp JSON.", valueName: "tệp")) var files: [String] = []

        func validate() throws { try ImportCommand.requireFiles(files, example: "congkhai import dvc ho-so.json") }
        func run() throws { try ImportCommand.run(.dvc, files: files, options: options) }
    }

    struct CSV: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "csv",
            abstract: "Nhập danh mục thủ tục từ tệp CSV (cột STT, mã, tên, lĩnh vực; có thể thêm mức độ, thời hạn, phí)."
        )
        @OptionGroup var options: Options
        @Argument(help: ArgumentHelp("Tệp CSV (UTF-8).", valueName: "tệp")) var files: [String] = []

        func validate() throws { try ImportCommand.requireFiles(files, example: "congkhai import csv danh-muc.csv") }
        func run() throws { try ImportCommand.run(.csv, files: files, options: options) }
    }

    struct XLSX: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "xlsx",
            abstract: "Nhập danh mục thủ tục từ trang tính đầu tiên của tệp Excel .xlsx."
        )
        @OptionGroup var options: Options
        @Argument(help: ArgumentHelp("Tệp .xlsx.", valueName: "tệp")) var files: [String] = []

        func validate() throws { try ImportCommand.requireFiles(files, example: "congkhai import xlsx danh-muc.xlsx") }
        func run() throws { try ImportCommand.run(.xlsx, files: files, options: options) }
    }

    static func requireFiles(_ files: [String], example: String) throws {
        if files.isEmpty { throw ValidationError("Thiếu tệp cần nhập. Ví dụ: \(example)") }
    }

    static func run(_ kind: ImportKind, files: [String], options: Options) throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let site = URL(fileURLWithPath: options.source, relativeTo: cwd)
        let sources = files.map { ImportSource(url: URL(fileURLWithPath: $0, relativeTo: cwd), displayPath: $0) }
        let log = DiagnosticLog()
        let report = Importer.run(kind: kind, files: sources, siteFolder: site, log: log)
        Terminal.report(log.all)
        for move in report.moved { Terminal.info("Đã chuyển \(move.from) → \(move.to)") }
        // One line per record the editor must still open; the details only when asked for.
        for (path, checks) in report.toCheck {
            var topics: [String] = []
            for check in checks where !topics.contains(check.topic) { topics.append(check.topic) }
            Terminal.info("\(path): cần kiểm tra: \(topics.joined(separator: ", ")).")
            if options.verbose {
                for check in checks { Terminal.info("    \(check.topic): \(check.detail).") }
            }
        }
        Terminal.info(([report.summary(errors: log.errorCount, warnings: log.warningCount)] + [report.cleanup].compactMap { $0 }).joined(separator: " "))
        if log.hasErrors { throw ExitCode(1) }
    }
}
