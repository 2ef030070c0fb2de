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

/// Builds a province: each commune with the ordinary commune pipeline into `public/<slug>/`,
/// then the province pages from what the communes published. Three entry points share this:
/// everything at once, one commune (`--xa`), and the province pages alone (`--chi-tinh`) over
/// communes built elsewhere; the last two, run one after the other, give the same bytes.
public struct ProvinceBuild: Sendable {
    public var province: ProvinceConfig
    public var outputFolder: URL
    public var asOf: CalendarDate
    public var force = false
    /// How many communes build at once: each holds one chunk of pages in memory, so memory
    /// grows with this bound, not with the number of communes.
    public var parallelCommunes = max(1, ProcessInfo.processInfo.activeProcessorCount)

    public init(province: ProvinceConfig, outputFolder: URL? = nil, asOf: CalendarDate) {
        self.province = province
        self.outputFolder = (outputFolder ?? province.folder.appendingPathComponent("public")).standardizedFileURL
        self.asOf = asOf
    }

    public struct Report: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var pageCount = 0
        public var fileCount = 0
        public var communeCount = 0
        public var failure: OutputWriter.Failure?

        public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
        public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    }

    /// `xa/hoa-van` as the editor sees it, for messages.
    func shownFolder(_ commune: ProvinceConfig.Commune) -> String {
        let base = province.folder.path + "/"
        let path = commune.folder.standardizedFileURL.path
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    var communesFolderName: String {
        province.communes.first.map { String(shownFolder($0).split(separator: "/").dropLast().joined(separator: "/")) } ?? ProvinceConfig.defaultCommuneFolder
    }

    /// How a commune of this province is built (by `build`, `--xa` and `serve` alike).
    func communeOptions(_ commune: ProvinceConfig.Commune, output target: URL) -> BuildOptions {
        var options = BuildOptions(siteFolder: commune.folder, outputFolder: target, asOf: asOf)
        options.templatesFolder = commune.templates
        options.sharedTemplatesFolder = province.templates
        options.sharedContent = province.sharedContent
        // Its 404 page is answered anywhere below /<slug>/ of the province's host.
        options.sitePathWithoutBase = "/\(commune.slug)/"
        return options
    }

    /// One commune into `target`, with the commune build's own staging and swap.
    func buildCommune(_ commune: ProvinceConfig.Commune, into target: URL, force: Bool) -> Report {
        var options = communeOptions(commune, output: target)
        let staging = OutputWriter.stagingFolder(for: target)
        try? FileManager.default.removeItem(at: staging)
        options.spoolFolder = staging
        defer { try? FileManager.default.removeItem(at: staging) }
        let result = Pipeline.run(options)
        var report = Report(diagnostics: shown(result.diagnostics, of: commune), pageCount: result.pageCount,
                            fileCount: result.files.count, communeCount: 1)
        guard result.errorCount == 0 else { return report }
        report.failure = OutputWriter.write(result.files, to: target, force: force, spooled: true, source: commune.folder)
        return report
    }

    /// A commune build's findings named as the editor finds the files from the province's
    /// folder: `xa/hoa-van/content/...` for the commune's own, `tinh/...` and `templates/...`
    /// for what it inherits from the province.
    func shown(_ diagnostics: [Diagnostic], of commune: ProvinceConfig.Commune) -> [Diagnostic] {
        shown(diagnostics, of: commune, scan: province.sharedContent?.scan(siteFolder: commune.folder, units: Units.loading(Units.all), log: DiagnosticLog()))
    }

    /// The same with the commune's scan of what it inherits already made (serve makes it once per update).
    func shown(_ diagnostics: [Diagnostic], of commune: ProvinceConfig.Commune, scan: SharedContent.Scan?) -> [Diagnostic] {
        let prefix = shownFolder(commune) + "/"
        let manager = FileManager.default
        return diagnostics.map { diagnostic in
            if let moved = scan?.shown(diagnostic) { return moved }
            var moved = diagnostic
            let path = diagnostic.location.path
            let themeFile = path.hasPrefix("templates/") ? String(path.dropFirst("templates/".count)) : nil
            let inheritedTheme = themeFile.map {
                !manager.fileExists(atPath: commune.templates.appendingPathComponent($0).path)
                    && manager.fileExists(atPath: province.templates.appendingPathComponent($0).path)
            } ?? false
            if !inheritedTheme { moved.location.path = prefix + path }
            return moved
        }
    }

    /// `congkhai build --xa <slug>`: one commune into `public/<slug>/`.
    public func buildOne(_ slug: String) -> Report? {
        guard let commune = province.communes.first(where: { $0.slug == slug }) else { return nil }
        return buildCommune(commune, into: outputFolder.appendingPathComponent(slug), force: force)
    }

    /// `congkhai build` in a province: every commune, then the province pages; `public/` is
    /// replaced only when all of it was written.
    public func buildAll() -> Report {
        let staging = OutputWriter.stagingFolder(for: outputFolder)
        try? FileManager.default.removeItem(at: staging)
        defer { try? FileManager.default.removeItem(at: staging) }
        var report = Report()
        if !force, let stranger = foreignEntry() {
            report.failure = .notCongKhaiOutput(stranger)
            return report
        }
        let communes = province.communes
        let reports = Mutex<[Int: Report]>([:])
        Self.inParallel(communes, workers: parallelCommunes) { index, commune in
            let built = buildCommune(commune, into: staging.appendingPathComponent(commune.slug), force: true)
            reports.withLock { $0[index] = built }
        }
        // A problem in the province's shared files is found by every commune: reported once.
        let findings = DiagnosticLog()
        for index in communes.indices {
            guard let built = reports.withLock({ $0[index] }) else { continue }
            findings.report(built.diagnostics)
            report.pageCount += built.pageCount
            report.communeCount += 1
            if let failure = built.failure, report.failure == nil { report.failure = failure }
        }
        report.diagnostics = findings.all
        guard report.errorCount == 0, report.failure == nil else { return report }
        return assemble(communeOutputs: staging, staging: staging, report: report)
    }

    /// `congkhai build --chi-tinh`: the province pages over the communes already in `public/<slug>/`.
    public func mergeOnly() -> Report {
        var report = Report()
        if !force, let stranger = foreignEntry() {
            report.failure = .notCongKhaiOutput(stranger)
            return report
        }
        let staging = OutputWriter.stagingFolder(for: outputFolder)
        try? FileManager.default.removeItem(at: staging)
        defer { try? FileManager.default.removeItem(at: staging) }
        report.communeCount = province.communes.count
        return assemble(communeOutputs: outputFolder, staging: staging, report: report)
    }

    /// Reads every commune's published checklist under `communeOutputs`, renders the province
    /// pages, and swaps in the province pages plus every commune's files.
    func assemble(communeOutputs: URL, staging: URL, report: Report) -> Report {
        var report = report
        let log = DiagnosticLog()
        let catalogue = ProvinceCatalogue(province)
        let records = province.communes.compactMap { commune -> CommuneRecord? in
            guard let record = CommuneReader.read(commune, output: communeOutputs, shownFolder: communesFolderName, log: log) else { return nil }
            return compared(record, of: commune, with: catalogue)
        }
        report.diagnostics += log.all
        guard !log.hasErrors, !province.communes.isEmpty else { return report }
        var files = provinceFiles(records, catalogue: catalogue) + ProvinceAssets.files(province)
        report.pageCount += files.filter { $0.path.hasSuffix(".html") }.count
        // `--chi-tinh` swaps in a new public/ holding the communes' files already there: they are
        // hard-linked into the staging folder (beside public/, so on the same disk), not copied:
        // copying a province's gigabyte made the merge job wait on the disk for minutes.
        let linking = communeOutputs != staging
        for commune in province.communes {
            let folder = communeOutputs.appendingPathComponent(commune.slug)
            let names = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
            var made = Set<String>()
            for name in names {
                var isFolder: ObjCBool = false
                let url = folder.appendingPathComponent(name)
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
                let path = commune.slug + "/" + name
                files.append(OutputFile(path: path, copying: linking ? Self.link(url, into: staging, at: path, made: &made) : url))
            }
        }
        report.fileCount = files.count
        // Checked above (`foreignEntry`): the communes' folders carry their own markers.
        report.failure = OutputWriter.write(files, to: outputFolder, force: true, spooled: true, source: province.folder)
        return report
    }

    /// `record` with its procedures compared against the province's catalogue.
    func compared(_ record: CommuneRecord, of commune: ProvinceConfig.Commune, with catalogue: ProvinceCatalogue?) -> CommuneRecord {
        var record = record
        record.comparison = catalogue?.compare(commune, publishedCodes: record.procedures.compactMap { $0["ma"] })
        return record
    }

    /// The province's own pages and open data over the communes' records (in the province's order).
    func provinceFiles(_ records: [CommuneRecord], catalogue: ProvinceCatalogue?) -> [OutputFile] {
        ProvincePages(province: province, communes: records, asOf: asOf, catalogueSize: catalogue?.procedures.count)
            .files(shares: records.map(CommuneShare.init))
    }

    /// `source` hard-linked at `path` in `staging`; the source itself when the link cannot be made
    /// (another disk): the writer then copies it.
    static func link(_ source: URL, into staging: URL, at path: String, made: inout Set<String>) -> URL {
        let target = staging.appendingPathComponent(path)
        let folder = target.deletingLastPathComponent().path
        if made.insert(folder).inserted { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        return Glibc.link(source.path, target.path) == 0 ? target : source
    }

    /// Runs `work` on every commune, at most `workers` at a time, each commune taken by the next
    /// free worker (communes differ in size, so fixed shares would leave a core idle).
    static func inParallel(_ communes: [ProvinceConfig.Commune], workers: Int,
                           _ work: @escaping @Sendable (Int, ProvinceConfig.Commune) -> Void) {
        let next = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, communes.count))) { _ in
            while true {
                let index: Int = next.withLock { value in
                    defer { value += 1 }
                    return value
                }
                guard index < communes.count else { return }
                work(index, communes[index])
            }
        }
    }

    /// The first file under `public/`, at any depth, that neither the province's last build
    /// (its marker's list) nor a commune's own build (`--xa`: the marker in `public/<slug>/`)
    /// wrote; nil when everything there may be replaced.
    func foreignEntry() -> String? {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: outputFolder.path, isDirectory: &isFolder) else { return nil }
        guard isFolder.boolValue else { return outputFolder.lastPathComponent }
        let marker = OutputWriter.markerName
        let listed = OutputWriter.listedFiles(inMarker: outputFolder.appendingPathComponent(marker)) ?? []
        let slugs = Set(province.communes.map(\.slug))
        var communeLists: [String: Set<String>] = [:]
        func communeList(_ slug: String) -> Set<String> {
            if let known = communeLists[slug] { return known }
            let list = OutputWriter.listedFiles(inMarker: outputFolder.appendingPathComponent(slug).appendingPathComponent(marker)) ?? []
            communeLists[slug] = list
            return list
        }
        let present = (manager.enumerator(atPath: outputFolder.path)?.allObjects as? [String] ?? []).sorted()
        return present.first { path in
            guard manager.fileExists(atPath: outputFolder.appendingPathComponent(path).path, isDirectory: &isFolder), !isFolder.boolValue else { return false }
            if path == marker || OutputWriter.keptNames.contains(path) || listed.contains(path) { return false }
            let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, slugs.contains(parts[0]) else { return true }
            let list = communeList(parts[0])
            return !(parts[1] == marker && !list.isEmpty) && !list.contains(parts[1])
        }
    }
}
