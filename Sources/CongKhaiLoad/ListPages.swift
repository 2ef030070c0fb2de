import CongKhaiModel

/// Long lists split into pages (`ListPaging`): the procedure catalogue and its lists, the
/// document lists, a section's pages (the news). One mechanism for every kind: the kinds say
/// how many rows each of their lists has, this makes the pages.
public enum ListPages {
    /// `pages` with each list longer than `perPage` rows split: page 1 keeps the list's address
    /// and learns it is split, pages 2… follow it at `trang-2/`, … (their title says which page;
    /// the intro is page 1's alone). `rows`: how many rows the list of a page has (0 or nil when
    /// it is no list). `paginates`: whether the list's layout shows the page links (a site's own
    /// layout written before lists were split does not, and keeps its whole list on one page).
    public static func paginate(_ pages: [Page], perPage: Int = ListPaging.rowsPerPage, rows: (Page) -> Int?,
                                paginates: (Page) -> Bool) -> [Page] {
        // A list's page n would be at the address of a page the site has (a lĩnh vực named
        // “Trang 2”, an editor's `tin-tuc/trang-2.md`): that list stays whole rather than hide it.
        var taken: Set<String>?
        var result: [Page] = []
        result.reserveCapacity(pages.count + 16)
        for page in pages {
            let count = ListPaging.pageCount(rows: rows(page) ?? 0, perPage: perPage)
            guard count > 1, page.paging == nil else {
                result.append(page)
                continue
            }
            let addresses = taken ?? Set(pages.map(\.path))
            taken = addresses
            guard !(2...count).contains(where: { addresses.contains(ListPaging.path($0, of: page.path)) }), paginates(page) else {
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

    /// How many pages are below each page (`Navigation`'s children: every page but the 404),
    /// by the address of the page above; the rows of a list that `ListPaging.listsChildren`.
    public static func childCounts(_ pages: [Page]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for page in pages where page.kind != .notFound {
            if let parent = page.parentPath { counts[parent, default: 0] += 1 }
        }
        return counts
    }
}
