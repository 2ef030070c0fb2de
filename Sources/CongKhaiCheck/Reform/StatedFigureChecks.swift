import CongKhaiModel

/// Figures copied from the signed report (`so_lieu`, `so_lieu_cong_bo`) against the ones
/// derived from the front matter, against each other, and against the catalogue. The
/// comparison itself is `ReformReport.statedFindings` (the pages show the same findings to
/// citizens); here each becomes a diagnostic. All are warnings — the signed report is out,
/// the site still builds — except a built-in share over 100%, which no report can mean.
enum StatedFigureChecks {
    static func run(_ content: SiteContent, log: DiagnosticLog) {
        let catalogue = content.procedures.isEmpty ? nil : content.procedures.count
        for report in content.reports.sorted(by: { $0.source < $1.source }) {
            for finding in report.statedFindings(catalogueCount: catalogue) {
                log.report(diagnostic(finding, in: report))
            }
        }
    }

    static func diagnostic(_ finding: StatedFinding, in report: ReformReport) -> Diagnostic {
        let figure = finding.figure
        let at = SourceLocation(path: report.source, line: figure.line)
        let label = "“\(figure.label)”"
        let fix = "Kiểm tra lại số liệu hoặc con số đã công bố; nếu báo cáo đã ký bị sai, cần đính chính. Trang công khai hiện cả hai số."
        switch finding.kind {
        case .rate:
            return .warning(finding.kind.rawValue, at: at,
                            "\(label) trong báo cáo đã ký là \(figure.text), nhưng tính từ số liệu được \(finding.detail).",
                            hint: fix)
        case .total:
            return .warning(finding.kind.rawValue, at: at,
                            "Báo cáo đã ký ghi \(label) là \(figure.text), nhưng \(finding.detail).", hint: fix)
        case .twice:
            return .warning(finding.kind.rawValue, at: at,
                            "\(label) được ghi hai lần khác nhau: \(finding.detail) và \(figure.text) ở dòng \(figure.line).",
                            hint: "Một số liệu chỉ có một giá trị: sửa cho các chỗ giống nhau, hoặc đính chính báo cáo đã ký.")
        case .overWhole:
            if case .shares = figure.value {
                return .warning("reform.shares-over", at: at,
                                "Các phần của \(label) (\(figure.text)) cộng lại \(finding.computed ?? ""), vượt 100%.",
                                hint: "Các phần của cùng một tổng không thể cộng lại quá 100%. " + fix)
            }
            return .error(finding.kind.rawValue, at: at,
                          "Tỷ lệ \(label) ghi \(figure.text), vượt quá 100%.",
                          hint: "Một tỷ lệ phần trăm không thể lớn hơn 100%.")
        case .catalogue:
            return .warning(finding.kind.rawValue, at: at,
                            "Báo cáo đã ký ghi \(label) là \(figure.text), nhưng \(finding.detail).",
                            hint: "Kiểm tra danh mục thủ tục (content/thu-tuc/) hoặc con số trong báo cáo.")
        case .unverifiable:
            return .warning(finding.kind.rawValue, at: at,
                            "Báo cáo ghi \(label) là \(figure.text), nhưng không có số liệu để đối chiếu.",
                            hint: "Để CongKhai tự tính: \(finding.detail).")
        }
    }
}
