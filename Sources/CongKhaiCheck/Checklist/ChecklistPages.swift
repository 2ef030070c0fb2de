import CongKhaiModel

/// The pages the checklist adds: one notice-board sheet per quarter, rendered with the other
/// `in/` editions (the `cong-khai/` page itself
/// is added while loading, so the editor's `_index.md` can carry its introduction).
public enum ChecklistPages {
    public static func pages(for checklist: Checklist, in content: SiteContent) -> [Page] {
        checklist.quarters.map { entry in
            let (year, quarter) = (entry.year, entry.quarter)
            var page = Page(source: "content/cong-khai", path: ChecklistPaths.sheet(year: year, quarter: quarter), kind: .checklistSheet,
                            title: "Danh mục thông tin công khai quý \(["I", "II", "III", "IV"][max(0, min(3, quarter - 1))]) năm \(year)")
            page.data = .checklistQuarter(year: year, quarter: quarter)
            page.order = Int.max - year * 10 - quarter
            return page
        }
    }
}
