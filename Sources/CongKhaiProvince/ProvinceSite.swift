import CongKhaiBuild
import CongKhaiKinds
import CongKhaiLoad
import CongKhaiModel
import CongKhaiRender
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A province built in memory and kept up to date file by file, for `serve`: each commune is
/// a `SiteBuild` (the commune serve's incremental build, under the options `build` gives it),
/// and the province pages are made again from the communes' records after every update.
///
/// An edit routes by place: `xa/<slug>/...` updates that commune; `tinh/<x>` updates the
/// communes that inherit `content/<x>` before or after the edit (not those that override or
/// exclude it) and the catalogue comparisons; the province's `templates/<x>` updates the
/// communes without their own `templates/<x>`; `tinh.yaml` or a new commune builds everything.
/// A commune's record (its checklist and procedures) is read from the bytes its build holds, the
/// same files `build` reads from `public/<slug>/`, so the served province is the built one.
///
/// Not thread-safe: `serve` drives it from one task (communes update in parallel inside).
public final class ProvinceSite: @unchecked Sendable {
    public let folder: URL
    public let asOf: CalendarDate
    /// Where the communes' pages are written as they are rendered, so 100 communes' pages are
    /// not all held in memory; nil keeps them in memory (tests, small provinces).
    let spoolFolder: URL?
    var parallelCommunes = max(1, ProcessInfo.processInfo.activeProcessorCount)

    var builder: ProvinceBuild?
    var communes: [String: SiteBuild] = [:]
    /// Per commune, the places (`content/thu-tuc/ho-tich/x.md`) it takes from `tinh/`.
    var inherited: [String: Set<String>] = [:]
    var records: [String: CommuneRecord] = [:]
    var catalogue: ProvinceCatalogue?
    var provinceOutputs: [String: OutputFile] = [:]
    /// Each commune's share of the province's files, and the record it was made from.
    var shares: [String: CommuneShare] = [:]
    var shareSources: [String: CommuneRecord] = [:]
    /// The paths each group of province files wrote last (an obligation's page may go away).
    var partPaths: [ProvincePages.Part: [String]] = [:]
    var loadDiagnostics: [Diagnostic] = []
    var communeDiagnostics: [String: [Diagnostic]] = [:]
    var recordDiagnostics: [String: [Diagnostic]] = [:]
    var pageCounts: [String: Int] = [:]

    public init(folder: URL, asOf: CalendarDate, spoolFolder: URL? = nil) {
        self.folder = folder.standardizedFileURL
        self.asOf = asOf
        self.spoolFolder = spoolFolder
    }

    /// What one build or update did.
    public struct Result: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var pageCount = 0
        /// Pages rendered by this run: the updated communes' plus the province's own.
        public var renderedPages = 0
        /// The communes this run built or updated, in the province's order.
        public var communesUpdated: [String] = []
        /// Whether the province's own pages were made again (not when no commune's record changed).
        public var provincePagesRemade = false
        /// How many communes' shares of the province's files were made again (one per edited
        /// commune whose record changed; every commune on a whole build).
        public var sharesRendered = 0
        /// The province's own files (not the communes') made again, sorted.
        public var provinceFilesRemade: [String] = []
        public var milliseconds = 0
        /// Where those went, for `serve --verbose`: the communes' updates, reading their records,
        /// the province's files.
        public var timings: [(step: String, milliseconds: Int)] = []
        /// The process's CPU time over the run (all threads): on a shared machine the wall time
        /// above also counts waiting for a core.
        public var cpuMilliseconds = 0

        public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
        public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    }

    public var province: ProvinceConfig? { builder?.province }

    // MARK: Serving

    /// The current file at a path of the province's output (`hoa-van/thu-tuc/index.html`, `tong-hop/index.html`).
    public func output(_ path: String) -> OutputFile? {
        if let file = provinceOutputs[path] { return file }
        guard let slash = path.firstIndex(of: "/"), let commune = communes[String(path[..<slash])] else { return nil }
        return commune.output(String(path[path.index(after: slash)...]))
    }

    /// Every file as `build` would write it under `public/`, province pages first.
    public var outputFiles: [OutputFile] {
        var files = provinceOutputs.keys.sorted().compactMap { provinceOutputs[$0] }
        for commune in province?.communes ?? [] {
            for file in communes[commune.slug]?.outputFiles ?? [] {
                files.append(OutputFile(path: commune.slug + "/" + file.path, body: file.body))
            }
        }
        return files
    }

    /// Below the province's folder, what `serve` watches: shared content, theme, communes.
    public var watchedFolders: [String] {
        [SharedContent.folderName, "templates", builder?.communesFolderName ?? ProvinceConfig.defaultCommuneFolder]
    }

    /// Folders whose files `serve` may answer by copying: the watched sources and the spool.
    public var servedFolders: [URL] {
        watchedFolders.map { folder.appendingPathComponent($0) } + (spoolFolder.map { [$0] } ?? [])
    }

    public var diagnostics: [Diagnostic] {
        let log = DiagnosticLog()
        log.report(loadDiagnostics)
        // A problem in a shared file is found by every commune that inherits it: reported once.
        for commune in province?.communes ?? [] {
            log.report(communeDiagnostics[commune.slug] ?? [])
            log.report(recordDiagnostics[commune.slug] ?? [])
        }
        return log.all
    }

    // MARK: Building

    /// Everything from scratch: `tinh.yaml`, every commune, the province pages.
    @discardableResult
    public func build() -> Result {
        let start = ContinuousClock.now
        let log = DiagnosticLog()
        let loaded = ProvinceLoader.load(folder, log: log)
        loadDiagnostics = log.all
        guard let loaded else {
            // The province as last built stays served; the errors say why nothing changed.
            return finish(start, updated: [], rendered: 0)
        }
        let builder = ProvinceBuild(province: loaded, asOf: asOf)
        self.builder = builder
        communes = [:]
        inherited = [:]
        records = [:]
        communeDiagnostics = [:]
        recordDiagnostics = [:]
        pageCounts = [:]
        shares = [:]
        shareSources = [:]
        partPaths = [:]
        provinceOutputs = [:]
        catalogue = ProvinceCatalogue(loaded)
        if let spoolFolder { try? FileManager.default.removeItem(at: spoolFolder) }
        let built = Mutex<[String: (SiteBuild, BuildResult)]>([:])
        inParallel(loaded.communes) { commune in
            let site = SiteBuild(options: self.options(commune, builder: builder))
            let result = site.build()
            built.withLock { $0[commune.slug] = (site, result) }
        }
        var rendered = 0
        for commune in loaded.communes {
            guard let (site, result) = built.withLock({ $0[commune.slug] }) else { continue }
            communes[commune.slug] = site
            rendered += result.renderedPages
            settle(commune, after: result)
        }
        let remade = remakeProvinceFiles(communes: nil, parts: Set(ProvincePages.Part.allCases), assets: true)
        var result = finish(start, updated: loaded.communes.map(\.slug), rendered: rendered + remade.pages)
        result.provincePagesRemade = true
        result.sharesRendered = remade.shares
        result.provinceFilesRemade = remade.files
        return result
    }

    /// Brings the province up to date with the files at `paths`, relative to the province's
    /// folder (`xa/hoa-van/content/tin-tuc/a.md`, `tinh/thu-tuc/ho-tich/1.001193.md`, `tinh.yaml`).
    @discardableResult
    public func update(changed paths: Set<String>) -> Result {
        guard let builder, !paths.contains(ProvinceConfig.fileName) else { return build() }
        let start = ContinuousClock.now
        let cpuStart = Self.processCPUMilliseconds()
        let province = builder.province
        var perCommune: [String: Set<String>] = [:]
        var sharedChanged = false
        let sharedPlaces = paths.filter { $0.hasPrefix(SharedContent.folderName + "/") }
            .map { "content/" + $0.dropFirst(SharedContent.folderName.count + 1) }
        if !sharedPlaces.isEmpty {
            sharedChanged = true
            // Before or after the edit: a file added to or removed from tinh/ moves the communes
            // that take it, and only those.
            for commune in province.communes {
                let now = scan(commune, builder: builder)?.inherited ?? []
                let before = inherited[commune.slug] ?? []
                let touched = sharedPlaces.filter { now.contains($0) || before.contains($0) }
                if !touched.isEmpty { perCommune[commune.slug, default: []].formUnion(touched) }
            }
        }
        for path in paths where path.hasPrefix("templates/") {
            let themeFile = String(path.dropFirst("templates/".count))
            for commune in province.communes
            where !FileManager.default.fileExists(atPath: commune.templates.appendingPathComponent(themeFile).path) {
                perCommune[commune.slug, default: []].insert(path)
            }
        }
        for path in paths {
            guard let commune = province.communes.first(where: { path.hasPrefix(builder.shownFolder($0) + "/") }) else {
                if path.hasPrefix(builder.communesFolderName + "/"), addsCommune(path) { return build() }
                continue
            }
            let inside = String(path.dropFirst(builder.shownFolder(commune).count + 1))
            if inside.hasPrefix("content/") || inside.hasPrefix("templates/") { perCommune[commune.slug, default: []].insert(inside) }
        }
        let touched = province.communes.filter { perCommune[$0.slug] != nil }
        let changes = perCommune
        let sites = communes
        let results = Mutex<[String: BuildResult]>([:])
        inParallel(touched) { commune in
            guard let site = sites[commune.slug], let changed = changes[commune.slug] else { return }
            let result = site.update(changed: changed)
            results.withLock { $0[commune.slug] = result }
        }
        var timings = [("xã", Self.milliseconds(since: start))]
        let settling = ContinuousClock.now
        var pages = 0
        for commune in touched {
            guard let result = results.withLock({ $0[commune.slug] }) else { continue }
            pages += result.renderedPages
            settle(commune, after: result)
        }
        if sharedChanged {
            // The catalogue itself may have changed: every commune is compared with it again.
            catalogue = ProvinceCatalogue(province)
            for commune in province.communes {
                if let record = records[commune.slug] { records[commune.slug] = builder.compared(record, of: commune, with: catalogue) }
            }
        }
        // The province pages are made from the records alone (and the province's theme): an edit
        // that leaves every record as it was, such as a procedure's body, leaves them as they are;
        // one that changes a record makes again that commune's share and the files it reaches.
        let themeChanged = paths.contains { $0.hasPrefix("templates/") }
        let candidates = sharedChanged ? province.communes.map(\.slug) : touched.map(\.slug)
        // The catalogue's size is on the deviation page.
        timings.append(("bản ghi", Self.milliseconds(since: settling)))
        let remaking = ContinuousClock.now
        let made = remakeProvinceFiles(communes: candidates, parts: sharedChanged ? [.deviation] : [], assets: themeChanged)
        timings.append(("trang tỉnh", Self.milliseconds(since: remaking)))
        var result = finish(start, updated: touched.map(\.slug), rendered: pages + made.pages)
        result.timings = timings
        result.cpuMilliseconds = Self.processCPUMilliseconds() - cpuStart
        result.provincePagesRemade = !made.files.isEmpty
        result.sharesRendered = made.shares
        result.provinceFilesRemade = made.files
        return result
    }

    // MARK: Steps

    func options(_ commune: ProvinceConfig.Commune, builder: ProvinceBuild) -> BuildOptions {
        // Never written there: the output folder only names where `build` would put the commune.
        var options = builder.communeOptions(commune, output: builder.outputFolder.appendingPathComponent(commune.slug))
        options.spoolFolder = spoolFolder?.appendingPathComponent(commune.slug)
        return options
    }

    func scan(_ commune: ProvinceConfig.Commune, builder: ProvinceBuild) -> SharedContent.Scan? {
        builder.province.sharedContent?.scan(siteFolder: commune.folder, units: Units.loading(Units.all), log: DiagnosticLog())
    }

    /// After a commune's build or update: its findings named from the province's folder, what it
    /// inherits, and its record from the files it now publishes. A commune whose build has errors
    /// keeps its last record, as its pages keep their last good version.
    func settle(_ commune: ProvinceConfig.Commune, after result: BuildResult) {
        guard let builder, let site = communes[commune.slug] else { return }
        let found = result.diagnostics
        pageCounts[commune.slug] = result.pageCount
        let scanned = scan(commune, builder: builder)
        communeDiagnostics[commune.slug] = builder.shown(found, of: commune, scan: scanned)
        inherited[commune.slug] = scanned?.inherited ?? []
        let log = DiagnosticLog()
        let prefix = commune.slug + "/"
        let record = CommuneReader.read(commune, shownFolder: builder.communesFolderName, log: log) { path in
            guard path.hasPrefix(prefix), let file = site.output(String(path.dropFirst(prefix.count))) else { return nil }
            return Self.bytes(of: file)
        }
        let failed = found.contains { $0.severity == .error }
        if let record, !failed {
            records[commune.slug] = builder.compared(record, of: commune, with: catalogue)
        }
        recordDiagnostics[commune.slug] = failed ? [] : log.all
    }

    /// Whether `path` below the communes' folder belongs to a commune `tinh.yaml` now lists but
    /// this build does not have (a folder just made, with `thu_muc_xa`).
    func addsCommune(_ path: String) -> Bool {
        guard let builder else { return true }
        let reloaded = ProvinceLoader.load(folder, log: DiagnosticLog())
        return reloaded.map { $0.communes.map(\.slug) != builder.province.communes.map(\.slug) } ?? false
    }

    func inParallel(_ communes: [ProvinceConfig.Commune], _ work: @escaping @Sendable (ProvinceConfig.Commune) -> Void) {
        ProvinceBuild.inParallel(communes, workers: parallelCommunes) { _, commune in work(commune) }
    }

    func finish(_ start: ContinuousClock.Instant, updated: [String], rendered: Int) -> Result {
        var result = Result(diagnostics: diagnostics, renderedPages: rendered, communesUpdated: updated)
        result.pageCount = provinceOutputs.keys.filter { $0.hasSuffix(".html") }.count + pageCounts.values.reduce(0, +)
        result.milliseconds = Self.milliseconds(since: start)
        return result
    }

    static func processCPUMilliseconds() -> Int {
        var now = timespec()
        guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now) == 0 else { return 0 }
        return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }

    static func bytes(of file: OutputFile) -> Data? {
        switch file.body {
        case let .bytes(data): return data
        case let .copy(source): return FileManager.default.contents(atPath: source.path)
        }
    }
}

extension OutputFile {
    init(path: String, body: Body) {
        switch body {
        case let .bytes(data): self.init(path: path, bytes: data)
        case let .copy(url): self.init(path: path, copying: url)
        }
    }
}
