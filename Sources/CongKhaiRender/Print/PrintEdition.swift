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

    /// `in/ngan-sach-2026-du-toan/` for `ngan-sach/2026/du-toan/`; nil for pages not posted.
    public static func path(for page: Page) -> String? {
        // A sheet and nothing else (a quarter's checklist) lives in `in/` already.
        if page.kind.isSheetOnly { return page.path }
        // A list split into pages is posted whole, once: its edition is page 1's.
        guard page.kind.noticeBoard != nil, !page.path.isEmpty, (page.paging?.number ?? 1) == 1 else { return nil }
        return folder + slug(page.path) + "/"
    }

    /// `in/ngan-sach-2026-du-toan.pdf`: PDFs sit flat in `in/`, named after the web page.
    public static func pdfPath(for printPath: String) -> String {
        folder + slug(String(printPath.dropFirst(printPath.hasPrefix(folder) ? folder.count : 0))) + ".pdf"
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
