/// One page of a long list split into pages of `ListPaging.rowsPerPage` rows (the procedure
/// catalogue and its lĩnh vực and level lists, the document lists, a section's pages such as the
/// news). Page 1 stays at the list's address; page `n` is the sub-folder `trang-n/` of it. The notice-board edition is never split: a list posted
/// at the commune's office must be whole.
public struct ListPaging: Sendable, Equatable {
    /// 100 rows: about 45 KB of HTML for a catalogue page (a row is ~450 bytes), so a phone on a
    /// slow link gets the first rows at once, while most lĩnh vực lists of a commune (300–500
    /// procedures over a dozen fields) still fit on one page and keep their one address.
    public static let rowsPerPage = 100

    /// 1-based.
    public var number: Int
    public var count: Int
    /// The address of page 1 (the list's own): `thu-tuc/ho-tich/`.
    public var listPath: String
    /// The list's own title, without the page number.
    public var listTitle: String

    public init(number: Int, count: Int, listPath: String, listTitle: String) {
        self.number = number
        self.count = count
        self.listPath = listPath
        self.listTitle = listTitle
    }

    /// How many pages `rows` rows make (at least one: an empty list is one page).
    public static func pageCount(rows: Int, perPage: Int = rowsPerPage) -> Int {
        guard rows > 0, perPage > 0 else { return 1 }
        return (rows - 1) / perPage + 1
    }

    /// The address of page `number` of the list at `listPath`: page 1 is the list itself.
    public static func path(_ number: Int, of listPath: String) -> String {
        number <= 1 ? listPath : listPath + "trang-\(number)/"
    }

    public var path: String { Self.path(number, of: listPath) }

    /// The rows of this page among `total` rows.
    public func rows(of total: Int, perPage: Int = rowsPerPage) -> Range<Int> {
        let start = min(total, max(0, (number - 1)) * perPage)
        return start..<min(total, start + perPage)
    }

    /// `Thủ tục hành chính — Trang 2/14`, `Tin tức — Trang 12/1.203`: the title of the page and its heading.
    public var title: String { "\(listTitle) — Trang \(VietnameseFormat.integer(number))/\(VietnameseFormat.integer(count))" }

    /// Whether the rows of `page`'s list are the pages below it (`children`: a section such as
    /// `tin-tuc/`), rather than the items of a unit (procedures, documents). The one rule both
    /// the split (how many rows) and the page's values (which children it shows) follow.
    public static func listsChildren(_ page: Page) -> Bool {
        page.kind == .section
    }
}
