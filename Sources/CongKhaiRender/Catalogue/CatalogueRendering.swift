import CongKhaiModel

/// One render's view of the procedure catalogue and fee schedule: the catalogue pages'
/// values, the search box on every page, the open data and the search index.
public struct CatalogueRendering: UnitRendering, @unchecked Sendable {
    let catalogue: Catalogue
    let context: CatalogueContext
    let unitName: String
    /// Each fee as procedures' pages show it, by id (made once, not per page).
    let feeFacts: [String: FeeFacts]

    public init(content: SiteContent) {
        catalogue = Catalogue(procedures: content.procedures, schedule: content.fees)
        context = CatalogueContext(catalogue: catalogue, portalURL: content.config.onlineServiceURL)
        unitName = content.config.name
        let catalogue = catalogue
        feeFacts = catalogue.feesByID.mapValues { FeeFacts($0, procedureCount: catalogue.proceduresByFee[$0.id]?.count ?? 0) }
    }

    public func values(for page: Page) -> [String: Any] {
        values(for: page, shared: SharedViews())
    }

    /// A procedure's facts are made once for its web page and its edition.
    public func values(for page: Page, shared: SharedViews) -> [String: Any] {
        var values: [String: Any] = [:]
        if !catalogue.procedures.isEmpty {
            let root = RelativeURL.root(from: page.path)
            values["search"] = [
                "index_href": root + "du-lieu/tim-kiem.js",
                "script_href": root + "assets/tim-kiem.js",
                "catalogue_href": root + "thu-tuc/index.html",
            ]
        }
        switch page.kind {
        case .catalogue, .procedureList:
            values.merge(context.listing(for: page)) { _, new in new }
        case .procedure:
            if case let .procedure(procedure) = page.data {
                let facts = shared.view("procedure:" + procedure.path) { ProcedureFacts(procedure, catalogue: catalogue, portalURL: context.portalURL, fees: feeFacts) }
                values["procedure"] = context.procedure(facts, page: page)
            }
        case .fees:
            values["fees"] = context.fees(from: page)
        default:
            break
        }
        return values
    }

    /// The catalogue, each procedure and the fee schedule are posted for as long as they are in force.
    public func notice(for page: Page) -> NoticeFacts? {
        let title = page.title.trimmingWhitespace()
        var facts = NoticeFacts(date: page.lastChanged)
        switch page.kind {
        case .procedure: facts.heading = ("THỦ TỤC HÀNH CHÍNH", title)
        case .catalogue: facts.heading = ("DANH MỤC", "Thủ tục hành chính thuộc thẩm quyền giải quyết của \(unitName)")
        case .fees: facts.heading = ("DANH MỤC PHÍ, LỆ PHÍ", title.lowercased().contains("phí") ? nil : title)
        default: return nil
        }
        facts.isStanding = true
        return facts
    }

    public var datasets: [OpenData.Dataset] { OpenData.datasets(catalogue: catalogue) }

    public var searchEntries: [SearchIndex.Entry] { SearchIndex.entries(catalogue: catalogue) }
}
