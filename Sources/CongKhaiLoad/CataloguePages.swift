import CongKhaiModel

/// The pages the procedure catalogue and fee schedule add to the site: the catalogue itself,
/// one list per lĩnh vực and per online level, one page per procedure, the fee schedule and
/// the open-data page. They are ordinary `Page`s, so menus, breadcrumbs and links treat them
/// like the editor's own pages.
public enum CataloguePages {
    public static func assemble(pages: [Page], procedures: [Procedure], fees: FeeSchedule?) -> [Page] {
        var result = pages
        let hasCatalogue = !procedures.isEmpty
        if hasCatalogue {
            if let index = result.firstIndex(where: { $0.path == "thu-tuc/" }) {
                result[index].kind = .catalogue
            } else {
                var catalogue = Page(source: "content/thu-tuc/_index.md", path: "thu-tuc/", kind: .catalogue, title: "Thủ tục hành chính")
                catalogue.order = 3
                result.append(catalogue)
            }
            var fieldNames: [String: String] = [:]
            for procedure in procedures where fieldNames[procedure.fieldSlug] == nil {
                fieldNames[procedure.fieldSlug] = procedure.field
            }
            for (slug, name) in fieldNames.sorted(by: { $0.key < $1.key }) {
                var page = Page(source: "content/thu-tuc/\(slug)", path: "thu-tuc/\(slug)/", kind: .procedureList, title: "Lĩnh vực \(name)")
                page.data = .procedureField(slug)
                result.append(page)
            }
            var levelsPage = Page(source: "content/thu-tuc", path: "thu-tuc/muc-do/", kind: .section, title: "Theo mức độ trực tuyến")
            levelsPage.order = Int.max - 1
            result.append(levelsPage)
            for level in OnlineLevel.allCases {
                var page = Page(source: "content/thu-tuc", path: "thu-tuc/muc-do/\(level.slug)/", kind: .procedureList, title: level.label)
                page.data = .procedureLevel(level)
                result.append(page)
            }
            for procedure in procedures {
                var page = Page(source: procedure.source, path: procedure.path, kind: .procedure, title: procedure.name)
                page.description = "Mã thủ tục \(procedure.code) · lĩnh vực \(procedure.field)"
                page.updated = procedure.updated ?? procedure.publication?.date
                page.body = procedure.body
                page.bodyLine = procedure.bodyLine
                page.data = .procedure(procedure)
                result.append(page)
            }
        }
        if let fees {
            var page = Page(source: fees.source, path: "phi-le-phi/", kind: .fees, title: fees.title)
            page.updated = fees.updated
            page.order = 4
            page.description = "Mức thu, đối tượng nộp, miễn giảm và văn bản quy định của từng khoản phí, lệ phí."
            result.append(page)
        }
        if hasCatalogue || fees != nil {
            var page = Page(source: "content", path: "du-lieu/", kind: .openData, title: "Dữ liệu mở")
            page.order = 90
            page.description = "Thủ tục hành chính, phí, lệ phí, ngân sách và kết quả cải cách hành chính dưới dạng JSON và CSV."
            result.append(page)
        }
        return result
    }
}

extension CataloguePages {
    /// The catalogue and its lĩnh vực and level lists longer than `perPage` rows split into
    /// pages (`ListPaging`): page 1 keeps the list's address and learns it is split, pages 2…
    /// follow it at `trang-2/`, … (their title says which page; the intro is page 1's alone).
    /// `paginates`: whether the list's layout shows the page links (a site's own layout written
    /// before lists were split does not, and keeps its whole list on one page).
    public static func paginate(_ pages: [Page], procedures: [Procedure], perPage: Int = ListPaging.rowsPerPage,
                                paginates: (Page) -> Bool) -> [Page] {
        guard procedures.count > perPage else { return pages }
        var byField: [String: Int] = [:], byLevel: [OnlineLevel: Int] = [:]
        for procedure in procedures {
            byField[procedure.fieldSlug, default: 0] += 1
            if let level = procedure.onlineLevel { byLevel[level, default: 0] += 1 }
        }
        // A list's page n would be at the address of a page the site has (a lĩnh vực named
        // “Trang 2”, an editor's `thu-tuc/trang-2.md`): that list stays whole rather than hide it.
        let taken = Set(pages.map(\.path))
        var result: [Page] = []
        result.reserveCapacity(pages.count + procedures.count / perPage + 16)
        for page in pages {
            let rows: Int
            switch (page.kind, page.data) {
            case (.catalogue, _): rows = procedures.count
            case let (.procedureList, .procedureField(slug)): rows = byField[slug] ?? 0
            case let (.procedureList, .procedureLevel(level)): rows = byLevel[level] ?? 0
            default: rows = 0
            }
            let count = ListPaging.pageCount(rows: rows, perPage: perPage)
            guard count > 1, page.paging == nil, !(2...count).contains(where: { taken.contains(ListPaging.path($0, of: page.path)) }),
                  paginates(page) else {
                result.append(page)
                continue
            }
            var first = page
            first.paging = ListPaging(number: 1, count: count, listPath: page.path, listTitle: page.title)
            result.append(first)
            for number in 2...count {
                var next = first
                next.paging?.number = number
                next.path = ListPaging.path(number, of: page.path)
                next.title = next.paging?.title ?? page.title
                next.body = ""
                result.append(next)
            }
        }
        return result
    }
}
