import CongKhaiCheck
import CongKhaiLoad
import CongKhaiModel
import CongKhaiRender
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The site as last built, kept in memory: the one pipeline behind `build` (built once,
/// then written) and `serve` (built once, then updated file by file).
///
/// An update reloads only the files that changed, then renders only the pages they can
/// touch: the changed page itself, and the pages made from many files (lists, catalogue,
/// fee schedule, checklist, home), plus the site-wide files (search index, open data,
/// feed), and the pages below a changed page (their breadcrumbs show its title). Anything
/// that can move the whole site (site.yaml, rules, a file added or removed, a menu title)
/// falls back to rendering every page.
/// Not thread-safe: `serve` drives it from one task.
public final class SiteBuild: @unchecked Sendable {
    public let options: BuildOptions
    private var sources: [ContentFile] = []
    private var loaded: [String: ContentLoader.LoadedFile] = [:]
    private var scanDiagnostics: [Diagnostic] = []
    private var templates = TemplateSet(library: .init(), names: [])
    private var theme: [Theme.File] = []
    private var templateDiagnostics: [Diagnostic] = []
    private var siteDiagnostics: [Diagnostic] = []
    private var pageDiagnostics: [String: [Diagnostic]] = [:]
    private var pageOutputs: [String: OutputFile] = [:]
    private var otherOutputs: [String: OutputFile] = [:]
    private var content: SiteContent?
    private var menu: [String] = []
    public private(set) var checklist = Checklist()

    public init(options: BuildOptions) {
        self.options = options
    }

    var templatesFolder: URL { (options.templatesFolder ?? options.siteFolder.appendingPathComponent("templates")).resolvingSymlinksInPath() }

    /// Every file of the site as it stands, pages first in path order.
    public var outputFiles: [OutputFile] {
        pageOutputs.keys.sorted().compactMap { pageOutputs[$0] } + otherOutputs.keys.sorted().compactMap { otherOutputs[$0] }
    }

    /// The current bytes of one output path (`thu-tuc/index.html`), for `serve`.
    public func output(_ path: String) -> OutputFile? {
        pageOutputs[path] ?? otherOutputs[path]
    }

    public var diagnostics: [Diagnostic] {
        let log = DiagnosticLog()
        log.report(scanDiagnostics)
        for file in loaded.values { log.report(file.diagnostics) }
        log.report(templateDiagnostics)
        log.report(siteDiagnostics)
        for found in pageDiagnostics.values { log.report(found) }
        return log.all
    }

    /// Everything from scratch.
    @discardableResult
    public func build() -> BuildResult {
        var clock = StepClock()
        let scanLog = DiagnosticLog()
        let scanned = clock.step("đọc danh sách tệp") { ContentLoader.scan(siteFolder: options.siteFolder, log: scanLog) }
        scanDiagnostics = scanLog.all
        sources = scanned ?? []
        let all = clock.step("nạp nội dung") { ContentLoader.loadAll(sources) }
        loaded = Dictionary(all.map { ($0.displayPath, $0) }, uniquingKeysWith: { first, _ in first })
        clock.step("nạp mẫu trang") { loadTemplates() }
        return assembleAndRender(clock: &clock, changed: nil)
    }

    /// Brings the build up to date with the files at `paths` (relative to the site folder:
    /// `content/thu-tuc/ho-tich/1.001193.md`, `templates/layouts/thu-tuc.mustache`).
    @discardableResult
    public func update(changed paths: Set<String>) -> BuildResult {
        let contentPaths = paths.filter { $0.hasPrefix("content/") }
        let templatePaths = paths.filter { $0.hasPrefix("templates/") }
        let wholeSite: Set<String> = ["content/site.yaml", "content/quy-tac.yaml"]
        let known = Dictionary(sources.map { ($0.displayPath, $0) }, uniquingKeysWith: { first, _ in first })
        // A file added, removed or renamed changes paths, links and lists everywhere.
        // A file swapped for a symbolic link goes through the full walk, which refuses links
        // that leave content/; the incremental path would have read through it.
        let structural = content == nil || contentPaths.contains { path in
            wholeSite.contains(path) || known[path] == nil || !FileManager.default.fileExists(atPath: known[path]!.url.path)
                || Self.isLink(known[path]!.url.path)
        }
        if structural { return build() }

        var clock = StepClock()
        clock.step("nạp nội dung") {
            for path in contentPaths {
                if let file = known[path] { loaded[path] = ContentLoader.loadFile(file) }
            }
        }
        var changed = ChangeSet(sources: contentPaths)
        if !templatePaths.isEmpty {
            clock.step("nạp mẫu trang") { loadTemplates() }
            changed.templates = Set(templatePaths.compactMap { path -> String? in
                guard path.hasPrefix("templates/"), path.hasSuffix(".mustache") else { return nil }
                return String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            })
            changed.assets = templatePaths.contains { $0.hasPrefix("templates/assets/") }
        }
        return assembleAndRender(clock: &clock, changed: changed)
    }

    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// What an update touched; nil in `assembleAndRender` means everything.
    struct ChangeSet {
        var sources: Set<String>
        var templates: Set<String> = []
        var assets = false
    }

    private func loadTemplates() {
        let log = DiagnosticLog()
        theme = Theme.files(siteTemplates: templatesFolder, includeDefault: options.defaultTheme)
        templates = Pipeline.loadTemplates(theme, log: log)
        if options.referenceTemplateEngine { templates = templates.referenceEngineOnly }
        templateDiagnostics = log.all
    }

    private func assembleAndRender(clock: inout StepClock, changed: ChangeSet?) -> BuildResult {
        let log = DiagnosticLog()
        let ordered = sources.compactMap { loaded[$0.displayPath] }
        guard var site = clock.step("ghép nội dung", { ContentLoader.assemble(files: sources, loaded: ordered, log: log) }) else {
            siteDiagnostics = log.all
            content = nil
            pageOutputs = [:]
            otherOutputs = [:]
            pageDiagnostics = [:]
            return result(clock)
        }
        site = ContentYears.withoutFutureYears(site, asOf: options.asOf, log: log)
        // The posting checklist depends on every other content kind and on the as-of date, and
        // adds pages of its own, so it is evaluated before links are collected.
        site.checklist = clock.step("đánh giá công khai") { ChecklistEvaluator.evaluate(site, asOf: options.asOf, log: log) }
        // Each quarter's list is a notice-board sheet: the renderer adds it with the other `in/` pages.
        checklist = site.checklist
        var targets = LinkTargets(content: site)
        let assets = AssetFiles.list(theme)
        for asset in assets { targets.addGenerated(file: asset.path) }
        clock.step("kiểm tra") { SiteChecks.run(site, log: log) }
        siteDiagnostics = log.all

        var settings = RenderSettings(baseURL: options.baseURL ?? site.config.baseURL)
        settings.producesPDF = options.pdf
        // 404.html is answered at any depth: without a base URL its stylesheet goes inline.
        if case let .bytes(css)? = assets.first(where: { $0.path == "assets/style.css" })?.body {
            settings.notFoundCSS = String(decoding: css, as: UTF8.self)
        }
        let renderer = clock.step("chuẩn bị dựng") { SiteRenderer(content: site, templates: templates, targets: targets, settings: settings) }
        let pages = renderer.allPages
        let newMenu = renderer.navigation.menuSignature
        let previousPaths = Set(pageOutputs.keys)
        let currentPaths = Set(pages.map(SiteRenderer.outputPath(of:)))
        let selected: [Page]
        if let changed, newMenu == menu, previousPaths == currentPaths {
            selected = pages.filter { affected($0, by: changed, renderer: renderer) }
        } else {
            selected = pages
            pageOutputs = [:]
            pageDiagnostics = [:]
        }
        menu = newMenu
        content = site
        // Site-wide files (search index, open data, feed, sitemap) do not depend on the pages'
        // HTML: they are made on another thread while the pages render.
        let needsSiteWide = changed == nil || !(changed?.sources.isEmpty ?? true) || changed?.assets == true
        let siteWide = Mutex<[OutputFile]>([])
        let siteWideDone = DispatchGroup()
        if needsSiteWide {
            DispatchQueue.global().async(group: siteWideDone) {
                let files = renderer.siteWideFiles()
                siteWide.withLock { $0 = files }
            }
        }
        var renderedCount = 0
        clock.step("dựng trang") {
            // In chunks, so that with a spool folder (`build`) only one chunk of pages is in
            // memory at a time: each page goes to disk as soon as it is rendered.
            var start = 0
            while start < selected.count {
                let chunk = Array(selected[start..<min(start + 512, selected.count)])
                for page in renderer.renderPages(chunk) {
                    pageOutputs[page.outputPath] = page.file.map(spooled)
                    pageDiagnostics[page.outputPath] = page.diagnostics
                }
                renderedCount += chunk.count
                start += chunk.count
            }
        }
        if needsSiteWide {
            clock.step("dựng tệp chung") {
                siteWideDone.wait()
                var others: [String: OutputFile] = [:]
                for file in siteWide.withLock({ $0 }) + assets { others[file.path] = file }
                for attachment in site.attachments {
                    others[attachment.path] = OutputFile(path: attachment.path, copying: options.siteFolder.appendingPathComponent(attachment.source))
                }
                otherOutputs = others
            }
        }
        var outcome = result(clock)
        outcome.renderedPages = renderedCount
        return outcome
    }

    /// Whether a page must be rendered again after `changed`. Pages made from one file
    /// (a procedure, an article) depend on that file; pages made from many files (lists,
    /// the catalogue, the fee schedule, budget and report overviews, the checklist, the
    /// home page) are rendered again whenever any content changed.
    private func affected(_ page: Page, by changed: ChangeSet, renderer: SiteRenderer) -> Bool {
        // 404.html carries the stylesheet inline (it is answered at any depth).
        if changed.assets, page.kind == .notFound { return true }
        if !changed.templates.isEmpty {
            let silent = DiagnosticLog()
            if let layout = templates.layout(for: page, log: silent), !templates.closure(of: layout).isDisjoint(with: changed.templates) {
                return true
            }
        }
        guard !changed.sources.isEmpty else { return false }
        if changed.sources.contains(page.source) { return true }
        // Breadcrumbs show the titles of the pages above (a retitled `to-chuc/index.md` is in
        // its sub-pages' trails; a top-level title changes the menu and renders everything).
        // The home page's crumb is always "Trang chủ", so editing it moves no other page.
        if renderer.navigation.trail(to: page).contains(where: { !$0.path.isEmpty && changed.sources.contains($0.source) }) {
            return true
        }
        switch page.kind {
        case .procedure, .leaders:
            return false
        case .page:
            return !renderer.navigation.children(of: page).isEmpty
        default:
            return true
        }
    }

    /// With `options.spoolFolder`, a page's bytes are written there and the file refers to them.
    private func spooled(_ file: OutputFile) -> OutputFile {
        guard let spool = options.spoolFolder, case let .bytes(data) = file.body else { return file }
        let target = spool.appendingPathComponent(file.path)
        do {
            try OutputWriter.makeFolder(target.deletingLastPathComponent().path)
            try OutputWriter.writeBytes(data, to: target.path)
            return OutputFile(path: file.path, copying: target)
        } catch {
            // The writer will try again at the end and report the failure there.
            return file
        }
    }

    private func result(_ clock: StepClock) -> BuildResult {
        let all = outputFiles
        let pageCount = all.filter { $0.path.hasSuffix(".html") }.count
        return BuildResult(files: all, pageCount: pageCount, diagnostics: diagnostics, timings: clock.timings, checklist: checklist)
    }
}

/// Named, timed steps for `--verbose` and for `serve`'s report.
struct StepClock {
    var timings: [(step: String, milliseconds: Int)] = []

    mutating func step<T>(_ name: String, _ work: () -> T) -> T {
        let start = ContinuousClock.now
        let value = work()
        let elapsed = ContinuousClock.now - start
        timings.append((name, Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)))
        return value
    }
}
