import CongKhaiCheck
import CongKhaiKinds
import CongKhaiLoad
import CongKhaiModel
import CongKhaiRender
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The site as last built, kept in memory: the state the pipeline's stages (Pipeline.swift)
/// work on, behind `build` (built once, then written) and `serve` (built once, then updated
/// file by file).
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
    /// The content units this build runs (the registry).
    let units: [any ContentUnit] = Units.all
    var sources: [ContentFile] = [] {
        didSet { sourcesByPath = Dictionary(sources.map { ($0.displayPath, $0) }, uniquingKeysWith: { first, _ in first }) }
    }
    /// `sources` by display path, made once per walk rather than once per update.
    private(set) var sourcesByPath: [String: ContentFile] = [:]
    /// Each file's result with its own findings, so an update replaces just that file's.
    var loaded: [String: ContentLoader.LoadedFile] = [:]
    var scanDiagnostics: [Diagnostic] = []
    var templates = TemplateSet(library: .init(), names: [])
    var theme: [Theme.File] = []
    var templateDiagnostics: [Diagnostic] = []
    /// What each stage's loop log received in the last run.
    var stageDiagnostics: [PipelineStage: [Diagnostic]] = [:]
    /// Each page's findings, kept for the pages an update does not render again.
    var pageDiagnostics: [String: [Diagnostic]] = [:]
    var pageOutputs: [String: OutputFile] = [:] {
        // A subscript set adds, replaces or removes one path: only the count tells a new set of paths.
        didSet { if pageOutputs.count != orderedPaths?.pages.count { orderedPaths = nil } }
    }
    var otherOutputs: [String: OutputFile] = [:] {
        didSet { orderedPaths = nil }
    }
    /// The output paths in order and how many are pages, kept while no path comes or goes:
    /// sorting 20,000 paths after each edit would be most of a splice's time.
    private var orderedPaths: (pages: [String], others: [String], htmlCount: Int)?
    var content: SiteContent?
    /// The renderer of the last run, with its indexes (lists, search, open data), for `serve`'s
    /// splice of an edit that changes none of them.
    var renderer: SiteRenderer?
    var menu: [String] = []
    public internal(set) var checklist = Checklist()

    public init(options: BuildOptions) {
        self.options = options
    }

    var templatesFolder: URL { (options.templatesFolder ?? options.siteFolder.appendingPathComponent("templates")).resolvingSymlinksInPath() }

    /// Every file of the site as it stands, pages first in path order.
    public var outputFiles: [OutputFile] {
        let paths = outputPaths
        return paths.pages.compactMap { pageOutputs[$0] } + paths.others.compactMap { otherOutputs[$0] }
    }

    private var outputPaths: (pages: [String], others: [String], htmlCount: Int) {
        if let orderedPaths { return orderedPaths }
        let pages = pageOutputs.keys.sorted(), others = otherOutputs.keys.sorted()
        let paths = (pages, others, (pages + others).filter { $0.hasSuffix(".html") }.count)
        orderedPaths = paths
        return paths
    }

    /// Files beside the pages put in place at their own paths: no path comes or goes, so the
    /// order of paths is kept rather than sorted again.
    func replaceOthers(_ files: [OutputFile]) {
        let kept = orderedPaths
        for file in files where otherOutputs[file.path] != nil { otherOutputs[file.path] = file }
        orderedPaths = kept
    }

    /// The current bytes of one output path (`thu-tuc/index.html`), for `serve`.
    public func output(_ path: String) -> OutputFile? {
        pageOutputs[path] ?? otherOutputs[path]
    }

    /// Every finding of the site as it stands, each labelled with the stage that found it.
    public var diagnostics: [Diagnostic] {
        let log = DiagnosticLog()
        log.report(scanDiagnostics)
        for file in loaded.values { log.report(file.diagnostics) }
        log.report(templateDiagnostics)
        for stage in PipelineStage.allCases { log.report(stageDiagnostics[stage] ?? []) }
        for found in pageDiagnostics.values { log.report(found) }
        return log.all
    }

    /// Everything from scratch.
    @discardableResult
    public func build() -> BuildResult {
        Pipeline.run(self, changes: nil)
    }

    /// Brings the build up to date with the files at `paths` (relative to the site folder:
    /// `content/thu-tuc/ho-tich/1.001193.md`, `templates/layouts/thu-tuc.mustache`).
    @discardableResult
    public func update(changed paths: Set<String>) -> BuildResult {
        let contentPaths = paths.filter { $0.hasPrefix("content/") }
        let templatePaths = paths.filter { $0.hasPrefix("templates/") }
        let wholeSite = units.reduce(into: Set(["content/site.yaml"])) { $0.formUnion($1.wholeSiteFiles) }
        let known = sourcesByPath
        // A file added, removed or renamed changes paths, links and lists everywhere.
        // A file swapped for a symbolic link goes through the full walk, which refuses links
        // that leave content/; the incremental path would have read through it.
        let structural = content == nil || contentPaths.contains { path in
            wholeSite.contains(path) || known[path] == nil || !FileManager.default.fileExists(atPath: known[path]!.url.path)
                || Self.isLink(known[path]!.url.path)
        }
        if structural { return build() }
        var changes = ChangeSet(sources: contentPaths)
        if !templatePaths.isEmpty {
            changes.templatesChanged = true
            changes.templates = Set(templatePaths.compactMap { path -> String? in
                guard path.hasPrefix("templates/"), path.hasSuffix(".mustache") else { return nil }
                return String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            })
            changes.assets = templatePaths.contains { $0.hasPrefix("templates/assets/") }
        }
        return Pipeline.run(self, changes: changes)
    }

    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// What an update touched; nil in a run means everything.
    struct ChangeSet {
        var sources: Set<String>
        /// Any file under `templates/` changed: the templates are read again.
        var templatesChanged = false
        /// Layouts and partials changed (`layouts/thu-tuc`).
        var templates: Set<String> = []
        var assets = false
    }

    func loadTemplates() {
        let log = DiagnosticLog()
        theme = Theme.files(siteTemplates: templatesFolder, includeDefault: options.defaultTheme, shared: options.sharedTemplatesFolder)
        templates = Pipeline.loadTemplates(theme, log: log)
        if options.referenceTemplateEngine { templates = templates.referenceEngineOnly }
        templateDiagnostics = log.all.map { $0.found(in: .load) }
    }

    static func found(in file: ContentLoader.LoadedFile) -> ContentLoader.LoadedFile {
        var file = file
        file.diagnostics = file.diagnostics.map { $0.found(in: .load) }
        return file
    }

    /// A run stopped at `stage` (the site could not be assembled): nothing later stands.
    func reset(after stage: PipelineStage) {
        for later in PipelineStage.allCases where later > stage { stageDiagnostics[later] = nil }
        content = nil
        renderer = nil
        pageOutputs = [:]
        otherOutputs = [:]
        pageDiagnostics = [:]
    }

    /// Whether a page must be rendered again after `changed`: when a template of its layout
    /// changed, when one of the files it is made from did (`PageKind.sources`), or a page
    /// above it (its breadcrumbs).
    func affected(_ page: Page, by changed: ChangeSet, renderer: SiteRenderer, before: Navigation? = nil) -> Bool {
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
        // A page made from many files (a lĩnh vực's list, titled after its procedures' field) is
        // retitled by an edit of one of them: its title is compared with the last render's.
        if renderer.navigation.trail(to: page).contains(where: { crumb in
            !crumb.path.isEmpty && (changed.sources.contains(crumb.source) || before.map { $0.title(at: crumb.path) != crumb.title } ?? false)
        }) {
            return true
        }
        switch page.kind.sources {
        case .ownFile: return false
        case .ownFileAndChildren: return !renderer.navigation.children(of: page).isEmpty
        case .wholeSite: return true
        }
    }

    /// With a spool (`options.spoolFolder`), a page's bytes are written there (by the rendering
    /// thread: `SiteRenderer.renderPages(_:store:)`) and the file refers to them. Into the kept
    /// previous edition only what changed is written (`StagedFiles`).
    static func spooled(_ file: OutputFile, _ spool: Spool) -> OutputFile {
        guard case let .bytes(data) = file.body else { return file }
        let target = spool.root + "/" + file.path
        do {
            if spool.inPlace {
                try StagedFiles.store(data, at: file.path, staging: spool.root, published: spool.published, fresh: spool.fresh, ledger: spool.ledger)
            } else {
                try OutputWriter.makeFolder(String(target[..<(target.lastIndex(of: "/") ?? target.endIndex)]), within: spool.root)
                try OutputWriter.writeBytes(data, to: target)
            }
            // isDirectory given: without it Foundation asks the file system which it is.
            return OutputFile(path: file.path, copying: URL(fileURLWithPath: target, isDirectory: false))
        } catch {
            // The writer will try again at the end and report the failure there.
            return file
        }
    }

    /// How the rendering threads write into the staging folder, decided once per build rather
    /// than for each page.
    struct Spool: Sendable {
        let root: String
        /// The live output, to hard-link unchanged files from; nil when there is none.
        let published: String?
        /// The staging folder is the kept edition (`StagedFiles`), brought up to date in place.
        let inPlace: Bool
        /// The kept edition was made empty by this build: there is nothing in it to compare with.
        let fresh: Bool
        let ledger: EditionLedger?

        init?(_ options: BuildOptions) {
            guard let spool = options.spoolFolder else { return nil }
            root = spool.path
            inPlace = OutputWriter.isKeptEdition(spool, of: options.outputFolder)
            fresh = inPlace && StagedFiles.isFresh(spool)
            ledger = inPlace ? StagedFiles.ledger(for: spool) : nil
            var info = stat()
            let output = options.outputFolder.path
            published = lstat(output, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR ? output : nil
        }
    }

    /// `BuildResult.sourceDigests` of the files loaded now.
    var sourceDigests: [String: SourceDigest] {
        var digests: [String: SourceDigest] = [:]
        digests.reserveCapacity(loaded.count)
        for (path, file) in loaded { if let digest = file.digest { digests[path] = digest } }
        return digests
    }

    func result(_ clock: StepClock) -> BuildResult {
        return BuildResult(files: outputFiles, pageCount: outputPaths.htmlCount, diagnostics: diagnostics, timings: clock.timings, checklist: checklist)
    }
}

/// Timed steps for `--verbose` and for `serve`'s report: the pipeline's stages, then `in PDF`.
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
