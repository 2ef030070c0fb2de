import CongKhaiCheck
import CongKhaiKinds
import CongKhaiLoad
import CongKhaiModel
import CongKhaiRender
import Foundation
import Synchronization

/// What one run of the pipeline produced, in memory. `build` writes it to disk;
/// `serve` answers requests from it: one pipeline, two destinations.
public struct BuildResult: Sendable {
    public var files: [OutputFile]
    public var pageCount: Int
    public var diagnostics: [Diagnostic]
    public var timings: [(step: String, milliseconds: Int)]
    /// The posting checklist as of the build date (empty when the content did not load).
    public var checklist = Checklist()
    /// How many pages this run rendered (all of them, except in `serve`'s updates).
    public var renderedPages = 0
    /// `serve`'s update of an item its lists show: the list pages that had its row put in place
    /// in their kept HTML instead of being rendered (`RowLayout`), and the pages rendered whole.
    public var splicedPaths: [String] = []
    public var renderedPaths: [String] = []
    /// Each content file the build read, by display path (`content/tin-tuc/a.md`), with the
    /// digest of the bytes it loaded: the build record takes its hashes from here instead of
    /// reading every file a second time.
    public var sourceDigests: [String: SourceDigest] = [:]

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}

/// The build, top to bottom: six named stages (`PipelineStage`), each a value below, run in
/// order by one loop that times them (`--verbose`) and labels what they find with their name.
/// `build` and `check` run them once over everything (`Pipeline.run`); `serve` runs the same
/// loop again for the files that changed (`SiteBuild.update`): the load stage then reloads
/// only those files and the render stage renders only the pages they can touch.
///
/// The content kinds are not named here: each stage loops over the content units of the
/// registry (`Units.all`, CongKhaiKinds), which claim and load files, add pages, derive,
/// check, and give the template values and open data of their pages.
/// Every stage runs even after errors (as far as its input allows) so the editor sees all
/// problems at once; only a site that cannot be assembled stops the run.
public enum Pipeline {
    static let stages: [Stage] = [
        // Files → loaded items. Each unit claims its files; the rest are pages or attachments.
        Stage(.load) { build, run, _ in run.previous = build.load(run.changes); return .next },
        // Loaded items → the site: each unit's pages and values, then the section pages.
        // In `serve`, an edit that shows only on its own page (a body) is put in place instead.
        Stage(.assemble) { build, run, log in
            if let spliced = build.splice(run) {
                run.spliced = spliced
                run.site = build.content
                return .kept
            }
            // An edit its lists show (a procedure's name): put in place, and so is its row in each list.
            if let (listed, renderer) = build.spliceListed(run) {
                run.listed = listed
                run.listedRenderer = renderer
                run.site = build.content
                return .kept
            }
            run.site = ContentLoader.assemble(files: build.sources, loaded: build.sources.compactMap { build.loaded[$0.displayPath] },
                                              units: Units.loading(build.units), log: log)
            return run.site != nil ? .next : .stop
        },
        // What follows from the whole site: units' derivations, the checklist, the link targets.
        // None of it reads a body, so a spliced edit keeps all of it (and its findings).
        // A listed splice changes nothing they read either: no address, group, date or menu.
        Stage(.derive) { build, run, log in
            guard run.spliced == nil, run.listed == nil else { return .kept }
            build.derive(&run, log: log)
            return .next
        },
        // Whole-site rules: each unit's, then those of every site. None reads a body either.
        Stage(.check) { build, run, log in
            guard run.spliced == nil else { return .kept }
            if let listed = run.listed, build.recheckListed(listed, site: run.site!, log: log) { return .next }
            SiteChecks.run(run.site!, units: Units.checking(build.units), log: log)
            return .next
        },
        // Pages → HTML (only those the changes touch), and the site-wide files beside them.
        Stage(.render) { build, run, _ in build.render(&run); return .next },
        // The outputs gathered for `build` to swap in and `serve` to answer from.
        Stage(.write) { build, run, _ in build.write(run); return .next },
    ]

    /// `build` and `check`: the whole pipeline once, then the PDFs when asked for.
    /// `keeping`: given the site as built, for a caller that ends the process soon after and
    /// would rather not free it piece by piece (the command line: `ProcessEnd.keep`).
    public static func run(_ options: BuildOptions, keeping: ((SiteBuild) -> Void)? = nil) -> BuildResult {
        // Asked before rendering, so pages link to PDFs only when they will be made.
        let pdfLog = DiagnosticLog()
        let pdfEngine = PDFEngine.requested(by: options, log: pdfLog)
        var rendering = options
        rendering.pdf = pdfEngine != nil
        // The command line refuses a bad address first; a library caller gets the same error.
        if let base = options.baseURL, let problem = BaseAddress.problem(base) {
            pdfLog.report(.error("build.base-url", at: SourceLocation(path: "--base-url"), problem, hint: BaseAddress.hint))
            rendering.baseURL = nil
        }
        let site = SiteBuild(options: rendering)
        var result = site.build()
        result.sourceDigests = site.sourceDigests
        keeping?(site)
        if let pdfEngine { pdfEngine.add(to: &result, log: pdfLog) }
        result.diagnostics += pdfLog.all
        return result
    }

    /// The one loop: every stage in order, timed, its findings labelled with its name.
    static func run(_ build: SiteBuild, changes: SiteBuild.ChangeSet?) -> BuildResult {
        var run = Run(changes: changes)
        var clock = StepClock()
        for stage in stages {
            let log = DiagnosticLog()
            let outcome = clock.step(stage.name.label) { stage.work(build, &run, log) }
            // A stage that kept its earlier work keeps the findings of that work.
            if outcome != .kept { build.stageDiagnostics[stage.name] = log.all.map { $0.found(in: stage.name) } }
            guard outcome != .stop else {
                build.reset(after: stage.name)
                break
            }
        }
        var result = build.result(clock)
        result.renderedPages = run.renderedCount
        result.splicedPaths = run.splicedPaths
        result.renderedPaths = run.renderedPaths
        return result
    }

    /// What a stage's work left for the next.
    enum Outcome {
        case next
        /// Nothing for later stages to do (the site could not be assembled).
        case stop
        /// Its result from the last run still holds (`serve`'s splice): so do its findings.
        case kept
    }

    /// One stage: its name and its work on the build.
    struct Stage: Sendable {
        let name: PipelineStage
        let work: @Sendable (SiteBuild, inout Run, DiagnosticLog) -> Outcome

        init(_ name: PipelineStage, _ work: @escaping @Sendable (SiteBuild, inout Run, DiagnosticLog) -> Outcome) {
            self.name = name
            self.work = work
        }
    }

    /// What one run hands from stage to stage.
    struct Run {
        /// nil: everything (`build`); else what `serve` saw change.
        let changes: SiteBuild.ChangeSet?
        var site: SiteContent?
        var targets: LinkTargets?
        /// The notice-board pages (`in/`), made with the checklist whose quarter sheets they hold.
        var editions: PrintEditions?
        var assets: [OutputFile] = []
        var siteWide: [OutputFile]?
        var renderedCount = 0
        /// What the changed files had loaded as before this run (`serve`), for the splice.
        var previous: [String: ContentLoader.LoadedFile] = [:]
        /// The pages a splice put in place of their old selves (nil: no splice): the only ones
        /// to render again, with the renderer of the last run.
        var spliced: [Page]?
        /// An edit its lists show, put in place (`SiteBuild.spliceListed`), and the kept renderer following it.
        var listed: ListedSplice?
        var listedRenderer: SiteRenderer?
        var splicedPaths: [String] = []
        var renderedPaths: [String] = []

        init(changes: SiteBuild.ChangeSet?) {
            self.changes = changes
        }
    }

    /// The templates of `theme`; none at all only when the default theme is switched off and
    /// the site has no `templates/`.
    static func loadTemplates(_ theme: [Theme.File], log: DiagnosticLog) -> TemplateSet {
        guard !theme.isEmpty else {
            log.report(.error("template.no-folder", at: SourceLocation(path: "templates/"),
                              "Không tìm thấy thư mục templates/ (bộ mẫu trang).",
                              hint: "Chạy `congkhai theme export` để chép bộ mẫu mặc định vào thư mục trang."))
            return TemplateSet(library: .init(), names: [])
        }
        return TemplateSet.load(files: theme.map { file in (file.path, file.displayPath, { file.data }) }, log: log)
    }
}

/// The stages' work, in the order they run.
extension SiteBuild {
    /// load: every file (`changes` nil) or only the changed ones; the templates when they changed.
    /// Returns what the changed files had loaded as before.
    func load(_ changes: ChangeSet?) -> [String: ContentLoader.LoadedFile] {
        guard let changes else {
            let scanLog = DiagnosticLog()
            let loading = Units.loading(units)
            sources = (options.sharedContent.map { $0.scan(siteFolder: options.siteFolder, units: loading, log: scanLog)?.files }
                ?? ContentLoader.scan(siteFolder: options.siteFolder, units: loading, log: scanLog)) ?? []
            scanDiagnostics = scanLog.all.map { $0.found(in: .load) }
            // A province's shared files are loaded once for all its communes (`SharedLoads`).
            let all = options.sharedContent?.loadAll(sources) ?? ContentLoader.loadAll(sources)
            loaded = Dictionary(all.map { ($0.displayPath, Self.found(in: $0)) }, uniquingKeysWith: { first, _ in first })
            loadTemplates()
            return [:]
        }
        var previous: [String: ContentLoader.LoadedFile] = [:]
        for path in changes.sources {
            guard let file = sourcesByPath[path] else { continue }
            previous[path] = loaded[path]
            loaded[path] = Self.found(in: ContentLoader.loadFile(file))
        }
        if changes.templatesChanged { loadTemplates() }
        return previous
    }

    /// assemble, for an update whose every changed file shows only on its own pages (a body
    /// edit, `LoadingUnit.splice`): the new items put in place in the site as last built. Returns
    /// the pages to render again; nil when any file's change may show elsewhere, or the last
    /// run left no site to splice into.
    func splice(_ run: Pipeline.Run) -> [Page]? {
        guard let changes = run.changes, !changes.templatesChanged, !changes.sources.isEmpty, var site = content, renderer != nil else { return nil }
        // Held once, so the site's arrays are changed in place rather than copied (O(site)).
        // A refused splice may leave it half changed: the full assemble that follows replaces it.
        content = nil
        defer { content = site }
        var pages: [Page] = []
        for path in changes.sources.sorted() {
            guard let old = run.previous[path], let new = loaded[path],
                  let shown = ContentLoader.splice(old, new, into: &site, units: Units.loading(units)) else { return nil }
            pages += shown
        }
        return pages
    }

    /// derive: each unit's derivations (impossible years), the lists the theme links to (a fee's
    /// procedures), long lists split into pages, the posting checklist (it depends on every unit
    /// and the as-of date, and adds the quarter sheets), the targets links may point at.
    func derive(_ run: inout Pipeline.Run, log: DiagnosticLog) {
        guard var site = run.site else { return }
        for unit in units { unit.derive(&site, asOf: options.asOf, log: log) }
        addLinkedLists(&site)
        site.pages = paginatedLists(site)
        site.checklist = ChecklistEvaluator.evaluate(site, asOf: options.asOf, units: Units.checking(units), log: log)
        checklist = site.checklist
        run.editions = PrintEditions(content: site, sheets: ChecklistPages.pages(for: site.checklist, in: site))
        var targets = LinkTargets(content: site)
        run.assets = AssetFiles.list(theme)
        for asset in run.assets { targets.addGenerated(file: asset.path) }
        run.targets = targets
        run.site = site
    }

    /// render: the pages `run.changes` can touch (all of them when the menu or the set of pages
    /// changed), in chunks; the site-wide files (search index, open data, feed, sitemap) do not
    /// depend on the pages' HTML and are made on another thread meanwhile.
    func render(_ run: inout Pipeline.Run) {
        if run.listed != nil {
            renderListed(&run)
            return
        }
        if let spliced = run.spliced, var renderer {
            // The renderer's indexes (lists, search, open data, navigation) read no body.
            // Held once, so its notice-board editions change in place rather than being copied.
            self.renderer = nil
            let pages = renderer.replace(spliced)
            self.renderer = renderer
            store(renderer.renderPages(pages, store: spoolStore()))
            run.renderedCount = pages.count
            return
        }
        guard let site = run.site, let targets = run.targets, let editions = run.editions else { return }
        let changes = run.changes
        var settings = RenderSettings(baseURL: options.baseURL ?? site.config.baseURL)
        settings.producesPDF = options.pdf
        settings.sitePathWithoutBase = options.sitePathWithoutBase
        // 404.html is answered at any depth: without a base URL its stylesheet goes inline.
        if case let .bytes(css)? = run.assets.first(where: { $0.path == "assets/style.css" })?.body {
            settings.notFoundCSS = String(decoding: css, as: UTF8.self)
        }
        let renderer = SiteRenderer(content: site, templates: templates, targets: targets, settings: settings, editions: editions,
                                    units: Units.rendering(units))
        let pages = renderer.allPages
        let newMenu = renderer.navigation.menuSignature
        // Whether an update adds or removes pages; a whole build has nothing to compare with.
        let samePaths = changes == nil || Set(pageOutputs.keys) == Set(pages.map(SiteRenderer.outputPath(of:)))
        let selected: [Page]
        if let changes, newMenu == menu, samePaths {
            let before = self.renderer?.navigation
            selected = pages.filter { affected($0, by: changes, renderer: renderer, before: before) }
        } else {
            selected = pages
            pageOutputs = [:]
            pageDiagnostics = [:]
            pageOutputs.reserveCapacity(pages.count)
            pageDiagnostics.reserveCapacity(pages.count)
        }
        menu = newMenu
        content = site
        self.renderer = renderer.keptForPages
        // A template edit alone can change the set of pages too (a list page the fee layout now
        // links, a list now split into pages): the sitemap lists them.
        let needsSiteWide = changes == nil || !(changes?.sources.isEmpty ?? true) || changes?.assets == true || !samePaths
        let siteWide = Mutex<[OutputFile]>([])
        let keptTexts = Mutex<SiteRenderer.KeptTexts?>(nil)
        let siteWideDone = DispatchGroup()
        // In chunks, so that with a spool folder (`build`) only one chunk of pages is in
        // memory at a time: each page goes to disk as soon as it is rendered. The site-wide
        // files go there too as soon as they are made (at 10,000 procedures the open data and
        // search index are about 14 MB that would otherwise wait in memory for the write).
        let store = spoolStore()
        // Kept in memory (`serve`, no spool folder): the texts of the open-data rows and search
        // entries are kept too, for an edit of one row to remake that row only.
        let keepsTexts = store == nil
        if needsSiteWide {
            DispatchQueue.global().async(group: siteWideDone) {
                if keepsTexts {
                    let (files, texts) = renderer.siteWideFilesKeepingTexts()
                    siteWide.withLock { $0 = files }
                    keptTexts.withLock { $0 = texts }
                } else {
                    let files = renderer.siteWideFiles().map { store?($0) ?? $0 }
                    siteWide.withLock { $0 = files }
                }
            }
        }
        var start = 0
        while start < selected.count {
            let chunk = Array(selected[start..<min(start + 512, selected.count)])
            self.store(renderer.renderPages(chunk, store: store))
            run.renderedCount += chunk.count
            start += chunk.count
        }
        if needsSiteWide {
            siteWideDone.wait()
            run.siteWide = siteWide.withLock { $0 }
            if let texts = keptTexts.withLock({ $0 }) { self.renderer?.keep(texts) }
        }
    }

    /// Pages are written by the rendering threads themselves, into a staging folder made here.
    func spoolStore() -> (@Sendable (OutputFile) -> OutputFile)? {
        guard let spool = SiteBuild.Spool(options) else { return nil }
        try? OutputWriter.makeFolder(spool.root)
        return { @Sendable file in SiteBuild.spooled(file, spool) }
    }

    func store(_ rendered: [RenderedPage]) {
        for page in rendered {
            pageOutputs[page.outputPath] = page.file
            pageDiagnostics[page.outputPath] = page.diagnostics.map { $0.found(in: .render) }
        }
    }

    /// write: the site-wide files, theme assets and attachments beside the pages (already
    /// spooled to disk as they were rendered in `build`).
    func write(_ run: Pipeline.Run) {
        guard let site = run.site, let siteWide = run.siteWide else { return }
        var others: [String: OutputFile] = [:]
        for file in siteWide + run.assets { others[file.path] = file }
        // An attachment a province shares lives outside the site folder: copied from where it was
        // found. Looked up by attachment: a file URL is a stat, which every content file paid.
        for attachment in site.attachments {
            let found = sourcesByPath[attachment.source]?.url ?? options.siteFolder.appendingPathComponent(attachment.source)
            others[attachment.path] = OutputFile(path: attachment.path, copying: found)
        }
        otherOutputs = others
    }
}

/// Theme assets (CSS, JS, images) are published as they are, CSS minified.
enum AssetFiles {
    static func list(_ theme: [Theme.File]) -> [OutputFile] {
        theme.filter { $0.path.hasPrefix("assets/") }.compactMap { file in
            if file.path.hasSuffix(".css") {
                guard let data = file.data, let css = String(data: data, encoding: .utf8) else { return nil }
                return OutputFile(path: file.path, text: CSSMinifier.minify(css))
            }
            switch file.source {
            case let .site(url): return OutputFile(path: file.path, copying: url)
            case let .embedded(data): return OutputFile(path: file.path, bytes: data)
            }
        }
    }
}
