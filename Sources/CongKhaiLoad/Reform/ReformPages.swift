import CongKhaiModel

/// The pages reform reports add: the overview with trends, one page per period.
public enum ReformPages {
    public static func assemble(pages: [Page], reports: [ReformReport], plans: [ReformPlan] = []) -> [Page] {
        guard !reports.isEmpty || !plans.isEmpty else { return pages }
        var result = pages
        if let index = result.firstIndex(where: { $0.path == "cchc/" }) {
            result[index].kind = .reformOverview
        } else {
            var overview = Page(source: "content/cchc/_index.md", path: "cchc/", kind: .reformOverview, title: "Cải cách hành chính")
            overview.order = 6
            overview.description = "Kết quả giải quyết thủ tục hành chính và cải cách hành chính qua từng kỳ báo cáo."
            result.append(overview)
        }
        for report in reports {
            var page = Page(source: report.source, path: report.path, kind: .reformReport, title: report.title)
            page.description = report.description
                ?? "Kết quả giải quyết hồ sơ thủ tục hành chính từ \(report.from.vietnamese) đến \(report.to.vietnamese)."
            page.updated = report.reportDate
            // Newest period first in the overview's list of children.
            page.order = -(report.year * 10 + report.period.rank)
            page.body = report.body
            page.bodyLine = report.bodyLine
            page.data = .reformReport(report)
            result.append(page)
        }
        for plan in plans {
            var page = Page(source: plan.source, path: plan.path, kind: .reformPlan, title: plan.title)
            page.description = plan.description ?? "Chỉ tiêu và nhiệm vụ cải cách hành chính năm \(plan.year); các báo cáo trong năm được đối chiếu với các chỉ tiêu này."
            page.updated = plan.issuedOn
            // Before the year's reports in the overview's list.
            page.order = -(plan.year * 10 + 5)
            page.body = plan.body
            page.bodyLine = plan.bodyLine
            page.data = .reformPlan(plan)
            result.append(page)
        }
        return result
    }
}
