import CongKhaiMarkdown
import CongKhaiModel
import Foundation
import Synchronization

/// One page's output and what rendering it found wrong.
public struct RenderedPage: Sendable {
    /// Where the page is published: `thu-tuc/ho-tich/1-001193/index.html`, `404.html`.
    public var outputPath: String
    public var file: OutputFile?
    public var diagnostics: [Diagnostic]
}

/// Stage 3: every page through Markdown and its layout, plus the feed, sitemap and
/// robots.txt. Pages are independent, so they render in parallel.
public struct SiteRenderer: Sendable {
    public private(set) var content: SiteContent
    public let templates: TemplateSet
    public let targets: LinkTargets
    public let settings: RenderSettings
    public internal(set) var navigation: Navigation
    var builder: PageContext
    /// What every notice-board edition's header reads (the unit's name lines made once).
    let noticeHeader: NoticeHeader
    var editions: PrintEditions
    /// `serve`'s texts of the open-data rows and search entries (`dataFiles`), one edited row remade.
    var dataTexts: DataTexts?

    /// `editions`: the notice-board pages, made in the derive stage with the checklist.
    public init(content: SiteContent, templates: TemplateSet, targets: LinkTargets, settings: RenderSettings, editions: PrintEditions,
                units: [any RenderingUnit] = []) {
        self.content = content
        self.templates = templates
        self.targets = targets
        self.settings = settings
        navigation = Navigation(pages: content.pages)
        let navigation = navigation
        builder = PageContext(config: content.config, navigation: navigation,
                              units: units.map { $0.rendering(content, navigation: navigation) })
        noticeHeader = NoticeHeader(config: content.config, asOf: content.checklist.asOf, checklist: content.checklist, baseURL: settings.baseURL,
                                    units: builder.units)
        self.editions = editions
    }

    /// This renderer for `replace` and `renderPages` alone, without the site's lists of pages and
    /// procedures (`allPages` and `siteWideFiles` then miss them): rendering one page reads the
    /// indexes made at init, the navigation, the editions and the settings, never those lists.
    /// `serve` keeps it beside the site it changes in place, which then owns those lists alone
    /// (shared, the first change would copy all of them).
    public var keptForPages: SiteRenderer {
        var kept = self
        kept.content.pages = []
        kept.content.procedures = []
        return kept
    }

    /// `serve`'s shortcut after an edit that shows only on the edited pages (a body): `pages` in
    /// place of the pages at their addresses, for rendering with this renderer's indexes, which
    /// that edit leaves as they are. Returns what to render: each page and its notice-board edition.
    public mutating func replace(_ pages: [Page]) -> [Page] {
        pages.flatMap { page in [page] + (editions.replace(page).map { [$0] } ?? []) }
    }

    /// Every page the site has, the 404 page included. Each notice-board edition comes right
    /// after its web page, so that the two fall in the same render batch and share their work
    /// (`renderPages`); the sheets and the `in/` index follow the web pages.
    public var allPages: [Page] {
        var byWebPath: [String: Page] = [:]
        var others: [Page] = []
        for page in editions.pages {
            if case let .notice(web)? = editions.byPath[page.path], web.path != page.path { byWebPath[web.path] = page } else { others.append(page) }
        }
        var pages: [Page] = []
        pages.reserveCapacity(content.pages.count + editions.pages.count + 1)
        for page in content.pages {
            pages.append(page)
            if let edition = byWebPath.removeValue(forKey: page.path) { pages.append(edition) }
        }
        // An edition whose web page is not among the site's pages (none today) is kept all the same.
        let unpaired = Set(byWebPath.values.map(\.path))
        return pages + editions.pages.filter { unpaired.contains($0.path) } + others + [Self.notFoundPage]
    }

    public func render(log: DiagnosticLog) -> [OutputFile] {
        let rendered = renderPages(allPages)
        for page in rendered { log.report(page.diagnostics) }
        return rendered.compactMap(\.file) + siteWideFiles()
    }

    /// Pages in parallel, each with its own findings (so `serve` can keep the findings of the
    /// pages it did not render again). Same order as `pages`.
    /// `store` runs on the rendering thread (`build` writes each page to disk there).
    /// A web page and its notice-board edition, when both are in `pages`, render as one task:
    /// the edition reuses the web page's Markdown when no link in it was rewritten (a rewritten
    /// link is relative to the page, so the edition needs its own).
    public func renderPages(_ pages: [Page], store: (@Sendable (OutputFile) -> OutputFile)? = nil) -> [RenderedPage] {
        let tasks = Self.tasks(pages, editions: editions)
        let rendered = Mutex<[Int: RenderedPage]>([:])
        DispatchQueue.concurrentPerform(iterations: tasks.count) { task in
            let (index, editionIndex) = tasks[task]
            let log = DiagnosticLog()
            var sharedBody: String?
            let file: OutputFile?
            let shared = SharedViews()
            if editionIndex != nil {
                let web = renderWebPage(pages[index], builder: builder, log: log, shared: shared)
                file = web.file
                sharedBody = web.shareableBody
            } else {
                file = render(pages[index], builder: builder, log: log)
            }
            let page = RenderedPage(outputPath: Self.outputPath(of: pages[index]), file: file.map { store?($0) ?? $0 }, diagnostics: log.all)
            rendered.withLock { $0[index] = page }
            guard let editionIndex, case let .notice(web)? = editions.byPath[pages[editionIndex].path] else { return }
            let editionLog = DiagnosticLog()
            // The edition's page is the one it was made from; its body is shared only if that is the body just rendered.
            let sameBody = web.source == pages[index].source && web.body == pages[index].body && web.allowsRawHTML == pages[index].allowsRawHTML
            let editionFile = renderPrintPage(of: web, header: noticeHeader, builder: builder, log: editionLog, bodyHTML: sameBody ? sharedBody : nil,
                                              shared: shared)
            let edition = RenderedPage(outputPath: Self.outputPath(of: pages[editionIndex]), file: editionFile.map { store?($0) ?? $0 },
                                       diagnostics: editionLog.all)
            rendered.withLock { $0[editionIndex] = edition }
        }
        return rendered.withLock { results in pages.indices.compactMap { results[$0] } }
    }

    /// Indices of `pages` to render, each alone or with the index of its edition.
    static func tasks(_ pages: [Page], editions: PrintEditions) -> [(Int, Int?)] {
        var editionOf: [String: Int] = [:]
        for (index, page) in pages.enumerated() {
            if case let .notice(web)? = editions.byPath[page.path], web.path != page.path { editionOf[web.path] = index }
        }
        guard !editionOf.isEmpty else { return pages.indices.map { ($0, nil) } }
        var paired: [Int: Int] = [:]
        var taken = Set<Int>()
        for (index, page) in pages.enumerated() where editions.byPath[page.path] == nil {
            if let edition = editionOf[page.path] {
                paired[index] = edition
                taken.insert(edition)
            }
        }
        return pages.indices.compactMap { taken.contains($0) ? nil : ($0, paired[$0]) }
    }

    /// Files made from the whole site rather than one page: feed, sitemap, robots.txt, open
    /// data, the search index and the checklist files.
    public func siteWideFiles() -> [OutputFile] {
        var files = feedFiles()
        files += OpenData.files(builder.datasets)
        // One search over every unit's entries (procedures first, as the registry lists them).
        let entries = builder.units.flatMap(\.searchEntries)
        if !entries.isEmpty { files.append(SearchIndex.file(entries)) }
        files += builder.units.flatMap(\.files)
        return files
    }


    /// `siteWideFiles`, made from the texts of each open-data row and search entry, which are
    /// returned for `serve` to keep (`keep`): its first edit of a row then remakes that row only.
    public func siteWideFilesKeepingTexts() -> ([OutputFile], KeptTexts?) {
        var renderer = self
        let data = renderer.dataFiles()
        return (feedFiles() + data + builder.units.flatMap(\.files), renderer.dataTexts.map(KeptTexts.init))
    }

    /// The texts `siteWideFilesKeepingTexts` made.
    public struct KeptTexts: @unchecked Sendable {
        let texts: DataTexts
    }

    public mutating func keep(_ kept: KeptTexts) {
        dataTexts = kept.texts
    }

    func feedFiles() -> [OutputFile] {
        let feeds = Feeds(config: content.config, settings: settings, navigation: navigation)
        return [OutputFile(path: "feed.xml", text: feeds.atom()), OutputFile(path: "sitemap.xml", text: feeds.sitemap(pages: content.pages)),
                OutputFile(path: "robots.txt", text: feeds.robots())]
    }

    public static func outputPath(of page: Page) -> String {
        page.kind == .notFound ? "404.html" : RelativeURL.file(ofPage: page.path)
    }

    public static var notFoundPage: Page {
        var page = Page(source: "templates/layouts/404.mustache", path: "", kind: .notFound, title: "Không tìm thấy trang")
        page.description = "Trang bạn tìm không có hoặc đã được chuyển đi."
        return page
    }

    func render(_ page: Page, builder: PageContext, log: DiagnosticLog) -> OutputFile? {
        if let edition = editions.byPath[page.path] { return renderEdition(edition, log: log) }
        return renderWebPage(page, builder: builder, log: log).file
    }

    /// A web page, and its body's HTML when no link in it was rewritten (then the HTML does
    /// not depend on where the page is, and its edition can use it as it is).
    /// `shared`: what its edition, rendered next in the same task, reuses.
    func renderWebPage(_ page: Page, builder: PageContext, log: DiagnosticLog, shared: SharedViews = SharedViews())
        -> (file: OutputFile?, shareableBody: String?) {
        var rewritten = false
        let body = MarkdownRenderer.render(page.body, allowRawHTML: page.allowsRawHTML) { reference in
            let href = resolve(reference, in: page, log: log)
            if href != nil { rewritten = true }
            return href
        }
        return (renderWebPage(page, body: body, builder: builder, log: log, shared: shared), rewritten ? nil : body.html)
    }

    private func renderWebPage(_ page: Page, body: RenderedMarkdown, builder: PageContext, log: DiagnosticLog, shared: SharedViews) -> OutputFile? {
        for line in body.droppedHTMLLines {
            log.report(.warning("markdown.raw-html", at: SourceLocation(path: page.source, line: page.bodyLine - 1 + line),
                                "Mã HTML viết trong nội dung đã bị bỏ qua để giữ an toàn cho trang.",
                                hint: "Dùng cú pháp Markdown; nếu thật sự cần HTML, thêm `cho_phep_html: true` vào phần đầu trang."))
        }
        guard let layout = templates.layout(for: page, log: log) else { return nil }
        // One page of a list split into pages says which in its title and heading (`— Trang 2/14`).
        var page = page
        if let paging = page.paging { page.title = paging.title }
        let view = builder.view(for: page, bodyHTML: body.html, shared: shared)
        let meta = PageMeta(settings: settings, config: content.config)
        if let values = meta.node(for: page) { view.set(.meta, .node(values)) }
        let rendered: (bytes: Data, rows: RowLayout?)?
        if page.kind == .notFound {
            // The 404 page rewrites its links as values (`PageMeta.notFound`), so it renders from a dictionary.
            var context = meta.notFound(view.dictionary)
            context.merge(PrintEdition.links(for: page, withPDF: settings.producesPDF)) { _, new in new }
            rendered = templates.renderBytes(context, layout: layout)
        } else {
            if let links = PrintEdition.linksNode(for: page, withPDF: settings.producesPDF) { view.set(.printEdition, .node(links)) }
            rendered = templates.renderBytes(view, layout: layout)
        }
        guard let (bytes, rows) = rendered else { return nil }
        var file = OutputFile(path: Self.outputPath(of: page), bytes: bytes)
        file.rows = rows
        return file
    }

    /// Internal links are checked and rewritten relative to the page; others are kept as written.
    func resolve(_ reference: MarkdownReference, in page: Page, log: DiagnosticLog) -> String? {
        switch targets.resolve(reference.url, from: page.source) {
        case .external:
            return nil
        case let .found(target, fragment):
            return RelativeURL.href(from: page.path, to: target) + fragment
        case let .missing(url):
            let what = reference.isImage ? "Ảnh" : "Liên kết"
            log.report(.error(reference.isImage ? "link.missing-image" : "link.broken",
                              at: SourceLocation(path: page.source, line: page.bodyLine - 1 + reference.line),
                              "\(what) “\(url)” không dẫn tới trang hay tệp nào của trang web.",
                              hint: "Đường dẫn tính từ thư mục chứa tệp này, ví dụ `../gioi-thieu/lien-he.md` hoặc `/gioi-thieu/`. Kiểm tra tên tệp."))
            return nil
        }
    }
}
