import CongKhaiModel

/// The pages reform reports add: the overview with trends, one page per period.
enum ReformPages {
    static func assemble(pages: [Page], reports: [ReformReport]) -> [Page] {
        pages
    }
}
