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
    public let navigation: Navigation
    let builder: PageContext
    var editions: PrintEditions

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

    /// Every page the site has, the 404 page included.
    public var allPages: [Page] { content.pages + editions.pages + [Self.notFoundPage] }

    public func render(log: DiagnosticLog) -> [OutputFile] {
        let rendered = renderPages(allPages)
        for page in rendered { log.report(page.diagnostics) }
        return rendered.compactMap(\.file) + siteWideFiles()
    }

    /// Pages in parallel, each with its own findings (so `serve` can keep the findings of the
    /// pages it did not render again). Same order as `pages`.
    /// `store` runs on the rendering thread (`build` writes each page to disk there).
    public func renderPages(_ pages: [Page], store: (@Sendable (OutputFile) -> OutputFile)? = nil) -> [RenderedPage] {
        let rendered = Mutex<[Int: RenderedPage]>([:])
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            let log = DiagnosticLog()
            let file = render(pages[index], builder: builder, log: log).map { store?($0) ?? $0 }
            let page = RenderedPage(outputPath: Self.outputPath(of: pages[index]), file: file, diagnostics: log.all)
            rendered.withLock { $0[index] = page }
        }
        return rendered.withLock { results in pages.indices.compactMap { results[$0] } }
    }

    /// Files made from the whole site rather than one page: feed, sitemap, robots.txt, open
    /// data, the search index and the checklist files.
    public func siteWideFiles() -> [OutputFile] {
        var files: [OutputFile] = []
        let feeds = Feeds(config: content.config, settings: settings, navigation: navigation)
        files.append(OutputFile(path: "feed.xml", text: feeds.atom()))
        files.append(OutputFile(path: "sitemap.xml", text: feeds.sitemap(pages: content.pages)))
        files.append(OutputFile(path: "robots.txt", text: feeds.robots()))
        files += OpenData.files(builder.datasets)
        // One search over every unit's entries (procedures first, as the registry lists them).
        let entries = builder.units.flatMap(\.searchEntries)
        if !entries.isEmpty { files.append(SearchIndex.file(entries)) }
        files += builder.units.flatMap(\.files)
        return files
    }

    public static func outputPath(of page: Page) -> String {
        page.kind == .notFound ? "404.html" : page.path + "index.html"
    }

    public static var notFoundPage: Page {
        var page = Page(source: "templates/layouts/404.mustache", path: "", kind: .notFound, title: "Không tìm thấy trang")
        page.description = "Trang bạn tìm không có hoặc đã được chuyển đi."
        return page
    }

    func render(_ page: Page, builder: PageContext, log: DiagnosticLog) -> OutputFile? {
        if let edition = editions.byPath[page.path] { return renderEdition(edition, log: log) }
        let body = MarkdownRenderer.render(page.body, allowRawHTML: page.allowsRawHTML) { reference in
            resolve(reference, in: page, log: log)
        }
        for line in body.droppedHTMLLines {
            log.report(.warning("markdown.raw-html", at: SourceLocation(path: page.source, line: page.bodyLine - 1 + line),
                                "Mã HTML viết trong nội dung đã bị bỏ qua để giữ an toàn cho trang.",
                                hint: "Dùng cú pháp Markdown; nếu thật sự cần HTML, thêm `cho_phep_html: true` vào phần đầu trang."))
        }
        guard let layout = templates.layout(for: page, log: log) else { return nil }
        var context = builder.context(for: page, bodyHTML: body.html)
        context.merge(PageMeta(settings: settings, config: content.config).values(for: page)) { _, new in new }
        if page.kind == .notFound { context = PageMeta(settings: settings, config: content.config).notFound(context) }
        context.merge(PrintEdition.links(for: page, withPDF: settings.producesPDF)) { _, new in new }
        guard let html = templates.render(context, layout: layout) else { return nil }
        return OutputFile(path: Self.outputPath(of: page), text: html)
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
