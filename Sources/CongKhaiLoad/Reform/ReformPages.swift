import CongKhaiModel

/// The pages reform reports add: the overview with trends, one page per period.
enum ReformPages {
    static func assemble(pages: [Page], reports: [ReformReport]) -> [Page] {
        guard !reports.isEmpty else { return pages }
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
        return result
    }
}
