import CongKhaiKinds
import CongKhaiLoad
import CongKhaiModel
import CongKhaiRender

extension SiteBuild {
    /// The units' lists that a page links to only when its layout reads the link
    /// (`LoadingUnit.addLinkedLists`: each fee's procedures, linked from the fee schedule by
    /// `procedure_list_href`). Before the split into pages, which splits them too.
    func addLinkedLists(_ site: inout SiteContent) {
        let templates = templates
        for unit in Units.loading(units) {
            unit.addLinkedLists(to: &site) { field, page in templates.mentions(field, for: page) }
        }
    }

    /// The site's pages with its long lists split into pages (`ListPaging`), where the list's
    /// layout shows the links between them: the catalogue's lists, each unit's (`listRows`), and
    /// the sections whose rows are their pages (`ListPaging.listsChildren`: the news). Done in
    /// the derive stage, once the templates are known; `serve`'s splice of one procedure keeps
    /// it (an edit in place moves no row count).
    func paginatedLists(_ site: SiteContent) -> [Page] {
        let templates = templates
        let catalogue = CataloguePages.listRows(procedures: site.procedures)
        let children = ListPages.childCounts(site.pages)
        let units = Units.loading(units)
        return ListPages.paginate(site.pages) { page in
            if let rows = catalogue(page) { return rows }
            if ListPaging.listsChildren(page) { return children[page.path] }
            return units.lazy.compactMap { $0.listRows(of: page, in: site) }.first
        } paginates: { templates.paginates($0) }
    }
}
