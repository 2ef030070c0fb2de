import CongKhaiBuild
import CongKhaiModel
import Foundation
import Synchronization

/// `congkhai check` in a province's folder: every commune checked as the province builds it
/// (with what it inherits), nothing written, and for each commune what the province's
/// inspection would see: its findings, its posting checklist's open items, and where its
/// procedures deviate from the province's catalogue.
public struct ProvinceCheck: Sendable {
    public let province: ProvinceConfig
    public let asOf: CalendarDate
    public var parallelCommunes = max(1, ProcessInfo.processInfo.activeProcessorCount)

    public init(province: ProvinceConfig, asOf: CalendarDate) {
        self.province = province
        self.asOf = asOf
    }

    /// One commune's state.
    public struct Commune: Sendable {
        public var slug: String
        public var name: String
        /// Named from the province's folder (`xa/hoa-van/content/...`, `tinh/...`).
        public var diagnostics: [Diagnostic]
        public var pageCount: Int
        /// Late, missing, short-posting and needs-update items of its checklist.
        public var problems: [ChecklistItem]
        /// Counts against the province's catalogue; nil without a shared catalogue or when the
        /// commune cannot be built.
        public var deviations: Deviations?

        public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
        public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    }

    public struct Deviations: Sendable, Equatable {
        /// Catalogue procedures the commune does not publish, with no reason given.
        public var missing = 0
        /// Catalogue procedures the commune declares it does not apply (`khong-ap-dung.yaml`).
        public var notApplied = 0
        public var extra = 0
        public var outdated = 0
        public var isEmpty: Bool { missing + extra + outdated == 0 }
    }

    public struct Report: Sendable {
        /// The province's shared problems once (a shared file is loaded by every commune).
        public var diagnostics: [Diagnostic]
        public var communes: [Commune]

        public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
        public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
        public var pageCount: Int { communes.reduce(0) { $0 + $1.pageCount } }
    }

    public func run() -> Report {
        let builder = ProvinceBuild(province: province, asOf: asOf)
        let catalogue = ProvinceCatalogue(province)
        let communes = province.communes
        let checked = Mutex<[Int: Commune]>([:])
        ProvinceBuild.inParallel(communes, workers: parallelCommunes) { index, commune in
            let one = check(commune, builder: builder, catalogue: catalogue)
            checked.withLock { $0[index] = one }
        }
        let all = communes.indices.compactMap { index in checked.withLock { $0[index] } }
        let findings = DiagnosticLog()
        findings.report(ProvinceRecipes.staleMatrices(province))
        for commune in all { findings.report(commune.diagnostics) }
        return Report(diagnostics: findings.all, communes: all)
    }

    func check(_ commune: ProvinceConfig.Commune, builder: ProvinceBuild, catalogue: ProvinceCatalogue?) -> Commune {
        // Never written: the output folder only names where `build` would put the commune.
        let options = builder.communeOptions(commune, output: builder.outputFolder.appendingPathComponent(commune.slug))
        let result = Pipeline.run(options)
        var checked = Commune(slug: commune.slug, name: commune.slug, diagnostics: builder.shown(result.diagnostics, of: commune),
                              pageCount: result.pageCount, problems: result.checklist.problems, deviations: nil)
        let published = Dictionary(result.files.map { (commune.slug + "/" + $0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let log = DiagnosticLog()
        guard let record = CommuneReader.read(commune, shownFolder: builder.communesFolderName, log: log, published: { path in
            published[path].flatMap(ProvinceSite.bytes(of:))
        }) else { return checked }
        checked.name = record.name
        guard result.errorCount == 0, let comparison = builder.compared(record, of: commune, with: catalogue).comparison else { return checked }
        let notApplied = comparison.missing.filter(\.notApplied).count
        var deviations = Deviations(missing: comparison.missing.count - notApplied, notApplied: notApplied)
        for entry in comparison.published.values {
            switch entry.standing {
            case .extra: deviations.extra += 1
            case .outdated: deviations.outdated += 1
            case .matches, .missing: break
            }
        }
        checked.deviations = deviations
        return checked
    }
}
