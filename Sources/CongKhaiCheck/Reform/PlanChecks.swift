import CongKhaiModel

/// The year's plan against its reports: a target no report gives a figure for is a warning
/// (it would otherwise be dropped silently), and so is a report counting a different number of
/// plan tasks than the plan lists.
enum PlanChecks {
    static func run(_ content: SiteContent, log: DiagnosticLog) {
        var seen: [Int: ReformPlan] = [:]
        for plan in content.plans.sorted(by: { $0.source < $1.source }) {
            if let first = seen[plan.year] {
                log.report(.error("reform.plan-duplicate", at: SourceLocation(path: plan.source, line: 2),
                                  "Năm \(plan.year) đã có kế hoạch cải cách hành chính ở \(first.source).",
                                  hint: "Mỗi năm một tệp kế hoạch: gộp hai tệp, hoặc sửa “nam”."))
                continue
            }
            seen[plan.year] = plan
            let reports = content.reports.filter { $0.year == plan.year }.sorted { $0.sortKey < $1.sortKey }
            check(plan, against: reports, log: log)
        }
    }

    static func check(_ plan: ReformPlan, against reports: [ReformReport], log: DiagnosticLog) {
        for target in plan.targets {
            let lacking = reports.filter { $0.actual(for: target.measure) == nil }
            guard !lacking.isEmpty else { continue }
            let names = lacking.map { "\($0.period.label) (\($0.source))" }.joined(separator: ", ")
            log.report(.warning("reform.target-no-figure", at: SourceLocation(path: plan.source, line: target.line),
                                "Chỉ tiêu “\(target.label)” (chỉ số “\(target.measure)”) không có số liệu để đối chiếu trong báo cáo: \(names).",
                                hint: "Thêm số liệu vào báo cáo (ví dụ một mục “so_lieu” có `dai_luong: \(target.measure)`), hoặc sửa “chi_so” cho đúng tên số liệu."))
        }
        guard !plan.tasks.isEmpty else { return }
        for report in reports {
            guard let stated = report.plan?.whole, stated != plan.tasks.count else { continue }
            log.report(.warning("reform.plan-tasks", at: SourceLocation(path: report.source, line: report.line(of: "ke_hoach.nhiem_vu")),
                                "Báo cáo ghi kế hoạch có \(VietnameseFormat.integer(stated)) nhiệm vụ, nhưng \(plan.source) liệt kê \(VietnameseFormat.integer(plan.tasks.count)) nhiệm vụ.",
                                hint: "Sửa “ke_hoach.nhiem_vu” trong báo cáo, hoặc bổ sung danh sách “nhiem_vu” của kế hoạch."))
        }
    }
}
