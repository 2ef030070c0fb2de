import CongKhaiCheck
import CongKhaiLoad
import CongKhaiModel
import CongKhaiRender

/// Catalogue and fees: one file per procedure under `thu-tuc/<lĩnh vực>/`, the fee schedule
/// `phi-le-phi.yaml`; the catalogue, one list per lĩnh vực and per online level, one page per
/// procedure, the fee schedule page, the search index and their open data.
/// Its code: CongKhaiLoad (ProcedureLoader, FeeScheduleLoader, CataloguePages),
/// CongKhaiCheck (ProcedureChecks, FeeChecks), CongKhaiRender/Catalogue.
struct CatalogueUnit: ContentUnit {
    let id = "thu-tuc"

    func claim(_ place: ContentPlace) -> ContentClaim? {
        if place.ext == "yaml", place.stem == "phi-le-phi", place.folders.isEmpty { return .load(path: "") }
        if place.ext == "md", place.folders.count == 2, place.folders[0] == "thu-tuc", !place.isIndex { return .load(path: place.folders[1]) }
        return nil
    }

    func load(_ source: SourceText, file: ClaimedFile, log: DiagnosticLog) -> UnitItem? {
        file.path.isEmpty
            ? FeeScheduleLoader.load(source, log: log).map { .value($0) }
            : ProcedureLoader.load(source, fieldSlug: file.path, log: log).map { .value($0) }
    }

    func assemble(_ values: [any Sendable], into content: inout SiteContent, log: DiagnosticLog) {
        content.procedures = values.compactMap { $0 as? Procedure }
        content.fees = values.compactMap { $0 as? FeeSchedule }.last
        content.pages = CataloguePages.assemble(pages: content.pages, procedures: content.procedures, fees: content.fees)
    }

    func check(_ content: SiteContent, log: DiagnosticLog) {
        ProcedureChecks.run(content, log: log)
        FeeChecks.run(content, log: log)
    }

    func addChecklistItems(to evaluation: inout Evaluation) { evaluation.catalogueItems() }

    func rendering(_ content: SiteContent, navigation: Navigation) -> any UnitRendering { CatalogueRendering(content: content) }
}
