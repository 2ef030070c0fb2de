@testable import CongKhaiKinds
@testable import CongKhaiLoad
import CongKhaiMarkdown
import CongKhaiModel
import Foundation

/// The entry points of the fuzz targets in fuzz/Sources, for the normal test run: each input goes
/// through the same decoding and loaders, and comes back with what the editor would read and with
/// every way those findings break the rules the fuzzers check (see fuzz/Sources/FuzzSupport).
enum FuzzReplay {
    enum Target: String, CaseIterable {
        case frontMatter = "frontmatter"
        case yaml
        case csv
        case markdown

        var path: String {
            switch self {
            case .frontMatter: return "content/thu-tuc/ho-tich/fuzz.md"
            case .yaml: return "content/ngan-sach/2025/du-toan.yaml"
            case .csv: return "content/ngan-sach/2025/du-toan.csv"
            case .markdown: return "content/tin-tuc/fuzz.md"
            }
        }
    }

    struct Outcome {
        var diagnostics: [Diagnostic]
        /// Broken rules: a finding on a line the file does not have, in English, without a key…
        var problems: [String]
        var html: String?

        func keys() -> Set<String> { Set(diagnostics.map(\.key)) }
    }

    static func run(_ data: Data, through target: Target) -> Outcome {
        let log = DiagnosticLog()
        guard let source = SourceText.decode(data, displayPath: target.path, log: log) else {
            var problems = check(log.all, paths: [target.path], lineCount: data.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) })
            if !log.hasErrors { problems.append("undecodable input reported no error") }
            return Outcome(diagnostics: log.all, problems: problems)
        }
        let lineCount = source.text.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        var problems: [String] = []
        var html: String?
        var paths: Set<String> = [target.path]
        switch target {
        case .frontMatter:
            _ = PageLoader.load(source, path: "fuzz/", kind: .page, log: log)
            _ = ProcedureLoader.load(source, fieldSlug: "ho-tich", log: log)
            _ = ReformReportLoader.load(source, log: log)
            _ = DisclosureLoader.load(source, log: log)
        case .yaml:
            paths.insert("content/ngan-sach/2025/du-toan.csv")
            _ = FeeScheduleLoader.load(source, log: log)
            _ = BudgetLoader.load(source, sidecarURL: URL(fileURLWithPath: "/nonexistent/congkhai-fuzz/du-toan.yaml"),
                                  yearFolder: "2025", log: log)
            _ = SiteConfigLoader.load(source, log: log)
            _ = LeadersLoader.load(source, path: "gioi-thieu/lanh-dao/", log: log)
            _ = RuleOverridesLoader.load(source, log: log)
        case .csv:
            for record in CSVTable.parse(source.text).records where !(1...lineCount).contains(record.line) {
                problems.append("record on line \(record.line) of \(lineCount)")
            }
            let header = CSVTable.parse(source.text).records.first { !$0.isBlank }?.fields.map { $0.text.trimmingWhitespace() } ?? []
            let ids = header.filter { $0 != "stt" && $0 != "noi_dung" && !$0.isEmpty }
            let amounts = ids.filter { !$0.hasPrefix("ty_le") && !$0.hasPrefix("ghi_chu") }
            let columns = ids.map { id in
                id.hasPrefix("ty_le")
                    ? BudgetColumn(id: id, title: id, kind: .rate, numerator: amounts.first, denominator: amounts.dropFirst().first)
                    : BudgetColumn(id: id, title: id, kind: id.hasPrefix("ghi_chu") ? .text : .amount)
            }
            var rows = BudgetTableReader.rows(source, columns: columns, log: log)
            BudgetTable.compute(&rows, columns: columns)
        case .markdown:
            let rendered = MarkdownRenderer.render(source.text) { reference in
                if !(1...lineCount).contains(reference.line) { problems.append("link on line \(reference.line) of \(lineCount)") }
                return "/\"><script>alert(1)</script>/"
            }
            if rendered.html.lowercased().contains("<script") { problems.append("a script element reached the HTML") }
            problems += rendered.droppedHTMLLines.filter { !(1...lineCount).contains($0) }.map { "dropped HTML on line \($0)" }
            html = rendered.html
        }
        return Outcome(diagnostics: log.all, problems: problems + check(log.all, paths: paths, lineCount: lineCount), html: html)
    }

    static func check(_ diagnostics: [Diagnostic], paths: Set<String>, lineCount: Int) -> [String] {
        diagnostics.compactMap { diagnostic in
            let place = "\(diagnostic.key) at \(diagnostic.location.description)"
            if diagnostic.key.isEmpty { return "no key: \(diagnostic.message)" }
            if !paths.contains(diagnostic.location.path) { return "\(place): unexpected path" }
            if !(0...lineCount).contains(diagnostic.location.line) { return "\(place): line outside 1...\(lineCount)" }
            if diagnostic.location.column < 0 { return "\(place): negative column" }
            if !diagnostic.message.unicodeScalars.contains(where: { $0.value > 0x7F }) { return "\(place): not Vietnamese: \(diagnostic.message)" }
            return nil
        }
    }
}
