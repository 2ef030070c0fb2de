import ArgumentParser
import CongKhaiBuild
import CongKhaiModel
import CongKhaiProvince
import Foundation

/// Everything `build` validates, without writing anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Kiểm tra toàn bộ nội dung và mẫu trang mà không ghi kết quả."
    )

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text
        case json
    }

    @OptionGroup var site: SiteArguments

    @Option(name: .long, help: "Cách in kết quả: text (mặc định) hoặc json cho công cụ của biên tập viên.")
    var format: Format = .text

    @Flag(name: .long, help: "Coi các nội dung công khai trễ hạn, thiếu, chưa đủ thời gian niêm yết hoặc cần cập nhật là lỗi (mã thoát 1).")
    var strict = false

    @Flag(name: .customLong("chi-tiet"), help: "In đầy đủ mọi cảnh báo (mặc định: mỗi loại một cảnh báo mẫu kèm số lượng).")
    var detailed = false

    func run() throws {
        if ProvinceConfig.isProvince(site.siteFolder) { return try ProvinceCheckCommand(check: self).run() }
        // Inside a province, the commune is checked with what it inherits, as the province builds it.
        let inProvince = CommuneInProvince.find(site.siteFolder, asOf: site.asOfDate)
        var result = Pipeline.run(inProvince?.options ?? BuildOptions(siteFolder: site.siteFolder, asOf: site.asOfDate))
        if let inProvince { result.diagnostics = inProvince.shown(result.diagnostics) }
        let problems = result.checklist.problems
        switch format {
        case .text:
            // Drafts get their own list below, with the checklist: they are work to finish, not faults.
            Terminal.report(result.diagnostics.filter { !ChecklistReport.isUnwritten($0) }, detailed: detailed)
            Terminal.info("Đã kiểm tra \(result.pageCount) trang · \(result.errorCount) lỗi · \(result.warningCount) cảnh báo")
        case .json:
            Terminal.info(DiagnosticJSON.encode(result.diagnostics + (strict ? checklistFindings(problems) : [])))
        }
        if format == .text {
            ChecklistReport.printUnwritten(result.diagnostics.filter(ChecklistReport.isUnwritten))
            ChecklistReport.print(problems, strict: strict)
            ChecklistReport.printUpcoming(result.checklist.upcoming(within: ChecklistReport.lookAheadDays), asOf: site.asOfDate)
        }
        if result.errorCount > 0 { throw ExitCode(1) }
        // A draft or an untouched template is content not yet written: not ready for an assessor.
        let unwritten = result.diagnostics.contains(where: ChecklistReport.isUnwritten)
        if strict, !problems.isEmpty || unwritten { throw ExitCode(1) }
    }
}

extension CheckCommand {
    /// Checklist problems as findings (`checklist.late`, `checklist.missing`, ...): errors only
    /// with `--strict`; in a normal build they are checklist data, never warnings.
    func checklistFindings(_ items: [ChecklistItem]) -> [Diagnostic] {
        items.map { item in
            let at = SourceLocation(path: item.fix.hasPrefix("content/") ? item.fix : "content/")
            let text = "\(item.title): \(item.status.text) (quy tắc \(item.rule.id), \(item.rule.legalBasis))."
            let hint = item.fix.hasPrefix("content/") ? nil : "Chạy: \(item.fix)"
            return strict ? .error(ChecklistReport.key(item), at: at, text, hint: hint) : .warning(ChecklistReport.key(item), at: at, text, hint: hint)
        }
    }
}

/// The text listing of overdue and missing items.
enum ChecklistReport {
    static func key(_ item: ChecklistItem) -> String {
        switch item.status.kind {
        case .late: return "checklist.late"
        case .missing: return "checklist.missing"
        case .shortPosting: return "checklist.short-posting"
        case .needsUpdate: return "checklist.needs-update"
        default: return "checklist.status"
        }
    }

    static func isUnwritten(_ diagnostic: Diagnostic) -> Bool { diagnostic.key.hasPrefix("draft.") }

    /// Every draft and placeholder file, in full: the editor's list of what is not published yet.
    static func printUnwritten(_ drafts: [Diagnostic]) {
        guard !drafts.isEmpty else { return }
        Terminal.info("Tệp chưa đăng (bản nháp hoặc còn giá trị mẫu), không được tính trong danh mục công khai: \(drafts.count) tệp:")
        // The reason only (“Bản nháp (nhap: true)”, “Còn giá trị mẫu …”): the rest is the same for all.
        for draft in drafts {
            let reason = [": chưa đăng", ": tệp chưa"].compactMap { draft.message.range(of: $0) }.first.map { draft.message[..<$0.lowerBound] }
            Terminal.info("  \(draft.location.description): \(reason.map(String.init) ?? draft.message)")
        }
        Terminal.info("  Điền đủ nội dung, thay các giá trị mẫu, rồi xóa dòng “nhap: true” để đăng.")
    }

    /// `check` also says what falls due soon, so the month's work is known before it is late.
    static let lookAheadDays = 30

    static func printUpcoming(_ items: [ChecklistItem], asOf: CalendarDate) {
        let until = asOf.adding(days: lookAheadDays).vietnamese
        guard !items.isEmpty else {
            Terminal.info("Sắp đến hạn: không có nội dung nào đến hạn trong \(lookAheadDays) ngày tới (đến \(until)).")
            return
        }
        Terminal.info("Sắp đến hạn trong \(lookAheadDays) ngày tới (đến \(until)): \(items.count) nội dung:")
        for item in items {
            Terminal.info("  \(item.deadline.map { "hạn \($0.vietnamese)" } ?? "")\(item.status.days.map { " (còn \($0) ngày)" } ?? ""): \(item.title) [\(item.id)]")
            Terminal.info(fixLine(item))
        }
    }

    static func fixLine(_ item: ChecklistItem) -> String {
        item.fix.hasPrefix("content/") ? "    sửa tệp: \(item.fix)" : "    chạy: \(item.fix)"
    }

    static func print(_ items: [ChecklistItem], strict: Bool) {
        guard !items.isEmpty else {
            Terminal.info("Danh mục công khai: không có nội dung trễ hạn hoặc còn thiếu.")
            return
        }
        Terminal.info("Danh mục công khai: \(items.count) nội dung cần xử lý\(strict ? " (--strict: tính là lỗi)" : ""):")
        for item in items {
            Terminal.info("  \(item.status.text): \(item.title) [\(item.id)]")
            Terminal.info("    quy tắc \(item.rule.id), \(item.rule.legalBasis)\(item.deadline.map { "; hạn \($0.vietnamese)" } ?? "")")
            Terminal.info(fixLine(item))
        }
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
