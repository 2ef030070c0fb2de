import ArgumentParser
import CongKhaiModel
import CongKhaiProvince
import Foundation

/// `congkhai check` in a folder with `tinh.yaml`: every commune checked as the province builds
/// it, then one line per commune, the view the province's inspection needs before publishing.
struct ProvinceCheckCommand {
    let check: CheckCommand

    func run() throws {
        let log = DiagnosticLog()
        guard let province = ProvinceLoader.load(check.site.siteFolder, log: log) else {
            Terminal.report(log.all)
            Terminal.info("Không kiểm tra được cổng của tỉnh: \(log.errorCount) lỗi trong tinh.yaml.")
            throw ExitCode(1)
        }
        let report = ProvinceCheck(province: province, asOf: check.site.asOfDate).run()
        let diagnostics = log.all + report.diagnostics
        let drafts = diagnostics.filter(ChecklistReport.isUnwritten)
        switch check.format {
        case .text:
            Terminal.report(diagnostics.filter { !ChecklistReport.isUnwritten($0) }, detailed: check.detailed)
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            Terminal.info("Đã kiểm tra \(report.communes.count) xã, \(report.pageCount) trang · \(errors) lỗi · \(warnings) cảnh báo")
            ChecklistReport.printUnwritten(drafts)
            Terminal.info("Từng xã (lỗi, cảnh báo, nội dung công khai cần xử lý, thủ tục so với danh mục của tỉnh):")
            let width = report.communes.map(\.slug.count).max() ?? 0
            for commune in report.communes {
                Terminal.info("  " + Self.line(commune, width: width))
            }
            if let first = report.communes.first(where: { !$0.problems.isEmpty || $0.errorCount > 0 }) ?? report.communes.first {
                let folder = province.communes.first { $0.slug == first.slug }.map { Terminal.shortPath($0.folder, from: check.site.cwd) } ?? first.slug
                Terminal.info("Xem chi tiết một xã (từng nội dung và cách sửa): congkhai check --source \(folder)")
            }
        case .json:
            let findings = check.strict ? report.communes.flatMap { commune in
                let folder = province.communes.first { $0.slug == commune.slug }.map { Terminal.shortPath($0.folder, from: province.folder) } ?? commune.slug
                return check.checklistFindings(commune.problems).map { finding -> Diagnostic in
                    var moved = finding
                    moved.location.path = folder + "/" + finding.location.path
                    return moved
                }
            } : []
            Terminal.info(DiagnosticJSON.encode(diagnostics + findings))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
        if check.strict, !drafts.isEmpty || report.communes.contains(where: { !$0.problems.isEmpty }) { throw ExitCode(1) }
    }

    /// `hoa-van    Xã Hòa Vân: 0 lỗi · 1 cảnh báo · 2 nội dung cần xử lý (1 trễ hạn, 1 còn thiếu) · thủ tục: đủ theo danh mục`
    static func line(_ commune: ProvinceCheck.Commune, width: Int) -> String {
        let padded = commune.slug + String(repeating: " ", count: max(0, width - commune.slug.count))
        var parts = ["\(commune.errorCount) lỗi", "\(commune.warningCount) cảnh báo"]
        if commune.problems.isEmpty {
            parts.append("danh mục công khai đủ")
        } else {
            let kinds: [(ItemStatus.Kind, String)] = [(.late, "trễ hạn"), (.missing, "còn thiếu"),
                                                       (.shortPosting, "chưa đủ thời gian niêm yết"), (.needsUpdate, "cần cập nhật")]
            let counts = kinds.compactMap { kind, label -> String? in
                let count = commune.problems.filter { $0.status.kind == kind }.count
                return count > 0 ? "\(count) \(label)" : nil
            }
            parts.append("\(commune.problems.count) nội dung cần xử lý (\(counts.joined(separator: ", ")))")
        }
        if let deviations = commune.deviations {
            if deviations.isEmpty, deviations.notApplied == 0 {
                parts.append("thủ tục đủ theo danh mục của tỉnh")
            } else {
                let counts = [(deviations.missing, "chưa đăng"), (deviations.notApplied, "không áp dụng"),
                              (deviations.extra, "riêng của xã"), (deviations.outdated, "căn cứ cũ")]
                    .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
                parts.append("thủ tục so với danh mục của tỉnh: " + counts.joined(separator: ", "))
            }
        }
        return "\(padded)  \(commune.name): " + parts.joined(separator: " · ")
    }
}
