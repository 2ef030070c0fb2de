import CongKhaiKinds
import CongKhaiLoad
import CongKhaiModel
import CongKhaiRender

extension SiteBuild {
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
