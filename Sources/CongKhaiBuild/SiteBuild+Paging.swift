import CongKhaiLoad
import CongKhaiModel
import CongKhaiRender

extension SiteBuild {
    /// The site's pages with its long lists split into pages (`ListPaging`), where the list's
    /// layout shows the links between them. Done in the derive stage, once the templates are
    /// known; `serve`'s splice of one procedure keeps it (an edit in place moves no row count).
    func paginatedLists(_ site: SiteContent) -> [Page] {
        let templates = templates
        return CataloguePages.paginate(site.pages, procedures: site.procedures) { templates.paginates($0) }
    }
}
