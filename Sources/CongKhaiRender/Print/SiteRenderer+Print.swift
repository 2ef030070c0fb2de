import CongKhaiMarkdown
import CongKhaiModel
import Foundation
import Synchronization

/// The notice-board pages of a site (`in/`): each posted page again at `in/<name>.html`, each
/// quarter's checklist sheet, and the `in/` index. They are ordinary pages of the render (so
/// `serve` updates them with their source file); `render` hands them to `renderEdition`.
public struct PrintEditions: Sendable {
    enum Edition: Sendable {
        /// The edition of `web`, the page as the site shows it (or the sheet itself).
        case notice(web: Page)
        case index
    }

    /// The pages to render, with their `in/` paths, the index last.
    public private(set) var pages: [Page]
    /// Pages that have an edition (web pages, then sheets), in site order.
    private(set) var posted: [Page]
    private(set) var byPath: [String: Edition]

    /// `sheets`: the quarter sheets of the checklist (made with it, in the derive stage).
    public init(content: SiteContent, sheets: [Page]) {
        posted = content.pages.filter { !$0.kind.isSheetOnly && PrintEdition.path(for: $0) != nil } + sheets
        var pages: [Page] = []
        var byPath: [String: Edition] = [:]
        for web in posted {
            guard let printPath = PrintEdition.path(for: web) else { continue }
            var page = web
            page.path = printPath
            page.layout = nil
            page.paging = nil
            pages.append(page)
            byPath[printPath] = .notice(web: web)
        }
        var index = Page(source: "content", path: PrintEdition.folder, kind: .section, title: "Bản in niêm yết")
        index.description = "Bản in khổ A4 của từng nội dung công khai, để niêm yết tại trụ sở và nhà văn hóa thôn."
        pages.append(index)
        byPath[PrintEdition.folder] = .index
        self.pages = pages
        self.byPath = byPath
    }

    /// `web` in place of the page at its address (`serve`, after a body edit: same address, same
    /// fields); returns its edition, to render again, or nil when it has none.
    mutating func replace(_ web: Page) -> Page? {
        guard let printPath = PrintEdition.path(for: web), !web.kind.isSheetOnly, byPath[printPath] != nil else { return nil }
        byPath[printPath] = .notice(web: web)
        // By index: a predicate over the pages would copy each of them (thousands) to read its address.
        if let index = posted.indices.first(where: { posted[$0].path == web.path }) { posted[index] = web }
        guard let index = pages.indices.first(where: { pages[$0].path == printPath }) else { return nil }
        var page = web
        page.path = printPath
        page.layout = nil
        // The notice board shows the whole list, never one of its web pages.
        page.paging = nil
        pages[index] = page
        return page
    }
}

extension SiteRenderer {
    func renderEdition(_ edition: PrintEditions.Edition, log: DiagnosticLog) -> OutputFile? {
        switch edition {
        case let .notice(web): return renderPrintPage(of: web, header: noticeHeader, builder: builder, log: log)
        case .index: return renderPrintIndex(editions.posted, header: noticeHeader, builder: builder, log: log)
        }
    }

    /// `web` is the page as the site shows it; its edition is the same page moved under `in/`,
    /// so every link the context computes is relative to where the edition is.
    /// `bodyHTML`: the web page's body, when it is the same for the edition (no link rewritten).
    /// `shared`: what the web page, rendered first in the same task, made for its edition too.
    func renderPrintPage(of web: Page, header: NoticeHeader, builder: PageContext, log: DiagnosticLog, bodyHTML: String? = nil,
                         shared: SharedViews = SharedViews()) -> OutputFile? {
        guard let printPath = PrintEdition.path(for: web) else { return nil }
        var page = web
        page.path = printPath
        page.layout = nil
        // The notice board shows the whole list, never one of its web pages.
        page.paging = nil
        let layout = "layouts/in/" + page.kind.rawValue
        guard templates.names.contains(layout) else {
            // Worded for the kind, not the page: identical findings are reported once, not once per page.
            log.report(.error("template.missing", at: SourceLocation(path: "templates/\(layout).mustache"),
                              "Thiếu mẫu trang templates/\(layout).mustache để dựng bản in niêm yết loại “\(page.kind.rawValue)”.",
                              hint: "Chép tệp này từ bộ mẫu mặc định của CongKhai (thư mục templates/layouts/in/)."))
            return nil
        }
        // The web page already reported its own link and HTML findings; the edition must not repeat them.
        let bodyText = bodyHTML ?? {
            let quiet = DiagnosticLog()
            return MarkdownRenderer.render(page.body, allowRawHTML: page.allowsRawHTML) { reference in
                resolve(reference, in: page, log: quiet)
            }.html
        }()
        let view = builder.view(for: page, bodyHTML: bodyText, shared: shared)
        view.set(.printValues, .node(printValues(web: web, printPath: printPath, header: header)))
        guard let (bytes, rows) = templates.renderBytes(view, layout: layout) else { return nil }
        var file = OutputFile(path: RelativeURL.file(ofPage: printPath), bytes: bytes)
        file.rows = rows
        return file
    }

    func printValues(web: Page, printPath: String, header: NoticeHeader) -> FieldsNode {
        let root = RelativeURL.root(from: printPath)
        let isSheet = web.kind.isSheetOnly
        // What the page's unit says about its edition, asked for once (each part below reads it).
        let facts = header.facts(of: web)
        let values = FieldsNode([
            (.unitLines, .nodes(header.unitLineItems)),
            (.posting, .node(header.postingNode(of: web, facts: facts))),
            (.cssHref, .text(root + PrintEdition.stylesheet)),
            (.indexHref, .text(root + PrintEdition.folder + "index.html")),
            (.webAddress, .text(header.webAddress(of: isSheet ? printPath : web.path))),
            (.isLandscape, .flag(facts?.isLandscape ?? false)),
        ])
        let heading = header.heading(of: web, facts: facts)
        values.add(.heading, heading.heading)
        values.add(.subject, heading.subject)
        values.add(.number, header.number(facts: facts))
        if let date = header.date(of: web, facts: facts) {
            values.add(.placeDate, header.placeDate(date))
            values.add(.dateIso, date.iso)
        }
        if !isSheet { values.add(.webHref, RelativeURL.href(from: printPath, to: .page(web.path))) }
        if settings.producesPDF { values.add(.pdfHref, root + PrintEdition.pdfPath(for: printPath)) }
        return values
    }

    /// Budget tables with four or more figure columns do not fit A4 portrait at 12 pt.
    func isLandscape(_ page: Page, header: NoticeHeader) -> Bool {
        header.facts(of: page)?.isLandscape ?? false
    }

    /// One edition's line of the `in/` index; its row key is the web page's address.
    func printIndexItem(_ web: Page, index page: Page, header: NoticeHeader) -> [String: Any]? {
        guard let printPath = PrintEdition.path(for: web) else { return nil }
        var item: [String: Any] = ["title": web.title, "href": RelativeURL.href(from: page.path, to: .page(printPath)),
                                   "posting": header.postingValues(of: web), RowLayout.key: web.path]
        if settings.producesPDF { item["pdf_href"] = RelativeURL.href(from: page.path, to: .file(PrintEdition.pdfPath(for: printPath))) }
        return item
    }

    /// `in/`: a site page (with the menu) listing every edition with its posting window.
    func renderPrintIndex(_ posted: [Page], header: NoticeHeader, builder: PageContext, log: DiagnosticLog) -> OutputFile? {
        let layout = "layouts/in/index"
        guard templates.names.contains(layout) else {
            log.report(.error("template.missing", at: SourceLocation(path: "templates/\(layout).mustache"),
                              "Thiếu mẫu trang templates/\(layout).mustache để dựng danh sách bản in niêm yết.",
                              hint: "Chép tệp này từ bộ mẫu mặc định của CongKhai (thư mục templates/layouts/in/)."))
            return nil
        }
        guard let page = editions.pages.last else { return nil }
        // Each kind names its group of the index (`PageKind.noticeBoard`); groups by rank.
        let boardGroups = Set(posted.compactMap(\.kind.noticeBoard)).sorted { $0.rank < $1.rank }
        let groups = boardGroups.compactMap { group -> [String: Any]? in
            let items = posted.filter { $0.kind.noticeBoard == group }.compactMap { printIndexItem($0, index: page, header: header) }
            return items.isEmpty ? nil : ["label": group.label, "count": items.count, "count_text": VietnameseFormat.integer(items.count), "items": items]
        }
        var context = builder.context(for: page, bodyHTML: "")
        var index: [String: Any] = ["groups": groups, "places": header.config.postingPlaces.map { ["ten": $0.name, "dia_chi": $0.address ?? ""] }]
        index["has_pdf"] = settings.producesPDF
        context["print_index"] = index
        guard let (bytes, rows) = templates.renderBytes(context, layout: layout) else { return nil }
        var file = OutputFile(path: PrintEdition.folder + "index.html", bytes: bytes)
        file.rows = rows
        return file
    }
}
