import CongKhaiModel

/// The pages budget disclosures add: the overview, one page per year, one per disclosure.
public enum BudgetPages {
    public static func assemble(pages: [Page], budgets: [BudgetDisclosure]) -> [Page] {
        var result = pages
        guard !budgets.isEmpty else { return result }
        if let index = result.firstIndex(where: { $0.path == "ngan-sach/" }) {
            result[index].kind = .budgetOverview
        } else {
            var overview = Page(source: "content/ngan-sach/_index.md", path: "ngan-sach/", kind: .budgetOverview, title: "Ngân sách")
            overview.order = 5
            overview.description = "Dự toán, tình hình thực hiện và quyết toán ngân sách xã qua các năm."
            result.append(overview)
        }
        let years = Set(budgets.map(\.year)).sorted(by: >)
        for year in years where !result.contains(where: { $0.path == "ngan-sach/\(year)/" }) {
            var page = Page(source: "content/ngan-sach/\(year)", path: "ngan-sach/\(year)/", kind: .budgetYear, title: "Ngân sách năm \(year)")
            // Newest year first in menus and lists.
            page.order = 10_000 - year
            page.description = "Các nội dung công khai ngân sách năm \(year)."
            page.data = .budgetYear(year)
            result.append(page)
        }
        for (index, page) in result.enumerated() {
            if let year = years.first(where: { page.path == "ngan-sach/\($0)/" }), page.kind == .section {
                result[index].kind = .budgetYear
                result[index].data = .budgetYear(year)
            }
        }
        for disclosure in budgets {
            var page = Page(source: disclosure.source, path: disclosure.path, kind: .budgetDisclosure, title: disclosure.title)
            page.date = disclosure.publishedOn
            page.description = disclosure.kind.label + (disclosure.period.map { " \($0.label)" } ?? "") + " năm \(disclosure.year)"
            page.data = .budget(disclosure)
            result.append(page)
        }
        return result
    }
}
