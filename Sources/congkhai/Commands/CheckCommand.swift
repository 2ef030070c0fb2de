import ArgumentParser
import CongKhaiBuild
import CongKhaiModel
import Foundation

/// Everything `build` validates, without writing anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Kiểm tra toàn bộ nội dung và mẫu trang mà không ghi kết quả."
    )

    enum Format: String, ExpressibleByArgument {
        case text
        case json
    }

    @Option(name: .long, help: "Thư mục của trang (chứa content/ và templates/). Mặc định: thư mục hiện tại.")
    var source: String = "."

    @Option(name: .customLong("as-of"), help: "Ngày tính hạn (YYYY-MM-DD hoặc DD/MM/YYYY).")
    var asOf: String?

    @Option(name: .long, help: "Cách in kết quả: text (mặc định) hoặc json cho công cụ của biên tập viên.")
    var format: Format = .text

    func run() throws {
        let asOfDate = BuildCommand.resolveAsOf(asOf)
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let options = BuildOptions(siteFolder: URL(fileURLWithPath: source, relativeTo: cwd), asOf: asOfDate)
        let result = Pipeline.run(options)
        switch format {
        case .text:
            Terminal.report(result.diagnostics)
            Terminal.info("Đã kiểm tra \(result.pageCount) trang · \(result.errorCount) lỗi · \(result.warningCount) cảnh báo")
        case .json:
            Terminal.info(DiagnosticJSON.encode(result.diagnostics))
        }
        if result.errorCount > 0 { throw ExitCode(1) }
    }
}

/// `--format json`: one object per finding, keys in English for tools, texts in Vietnamese.
enum DiagnosticJSON {
    static func encode(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map { diagnostic -> [String: Any] in
            var item: [String: Any] = [
                "severity": diagnostic.severity.rawValue,
                "key": diagnostic.key,
                "path": diagnostic.location.path,
                "line": diagnostic.location.line,
                "column": diagnostic.location.column,
                "message": diagnostic.message,
            ]
            item["hint"] = diagnostic.hint
            return item
        }
        let data = (try? JSONSerialization.data(withJSONObject: items, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("[]".utf8)
        return String(data: data, encoding: .utf8) ?? "[]"
    }
}
