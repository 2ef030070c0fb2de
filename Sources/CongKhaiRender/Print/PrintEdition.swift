import CongKhaiModel

/// The notice-board edition of a disclosure: an A4 page under `in/` laid out like an
/// administrative document (NĐ 30/2020/NĐ-CP), and its PDF when one is produced.
/// Which pages have one is decided by their kind alone, so a web page can link to its edition
/// without the print pages being rendered first.
public enum PrintEdition {
    /// The folder of every print page and PDF.
    public static let folder = "in/"
    /// The stylesheet only print pages load (outside the screen CSS+JS budget of the site).
    public static let stylesheet = "assets/in.css"

    /// `in/ngan-sach-2026-du-toan.html` for `ngan-sach/2026/du-toan/`; nil for pages not posted.
    /// Editions are files of `in/`, beside their PDFs, not folders of their own: the clerk who
    /// prints from the folder (or a USB stick) sees one flat list of sheets, and a site of
    /// 10,000 procedures makes 10,000 folders fewer (a folder costs the file system twice a file).
    public static func path(for page: Page) -> String? {
        // A sheet and nothing else (a quarter's checklist) lives in `in/` already, at the
        // folder address printed on the sheets posted before.
        if page.kind.isSheetOnly { return page.path }
        // A list split into pages is posted whole, once: its edition is page 1's.
        guard page.kind.noticeBoard != nil, !page.path.isEmpty, (page.paging?.number ?? 1) == 1 else { return nil }
        return folder + slug(page.path) + ".html"
    }

    /// `in/ngan-sach-2026-du-toan.pdf`: PDFs sit flat in `in/`, named after the web page, from
    /// an edition's address (`in/x.html`, a sheet's `in/x/`) or its file (`in/x/index.html`).
    public static func pdfPath(for printPath: String) -> String {
        var name = Substring(printPath)
        if name.hasPrefix(folder) { name = name.dropFirst(folder.count) }
        if name.hasSuffix("/index.html") { name = name.dropLast("index.html".count) }
        else if name.hasSuffix(".html") { name = name.dropLast(".html".count) }
        return folder + slug(String(name)) + ".pdf"
    }

    static func slug(_ path: String) -> String {
        path.split(separator: "/").joined(separator: "-")
    }

    /// `print_edition` on a web page that has one: links to the print page and, when PDFs are
    /// produced in this build, to its PDF (a link to a PDF that was not made would be broken).
    public static func links(for page: Page, withPDF: Bool) -> [String: Any] {
        linksNode(for: page, withPDF: withPDF).map { ["print_edition": $0.dictionary] } ?? [:]
    }

    /// `links`' `print_edition`, typed, as the page's view reads it; nil for a page without one.
    static func linksNode(for page: Page, withPDF: Bool) -> FieldsNode? {
        guard let printPath = path(for: page) else { return nil }
        let values = FieldsNode([(.href, .text(RelativeURL.href(from: page.path, to: .page(printPath)))),
                                 (.indexHref, .text(RelativeURL.href(from: page.path, to: .page(folder))))])
        if withPDF { values.add(.pdfHref, RelativeURL.href(from: page.path, to: .file(pdfPath(for: printPath)))) }
        return values
    }
}
