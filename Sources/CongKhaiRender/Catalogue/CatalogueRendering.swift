import CongKhaiModel

/// One render's view of the procedure catalogue and fee schedule: the catalogue pages'
/// values, the search box on every page, the open data and the search index.
public struct CatalogueRendering: UnitRendering, @unchecked Sendable {
    private(set) var catalogue: Catalogue
    let portalURL: String?
    let unitName: String
    /// Each fee as procedures' pages show it, by id (made once, not per page; again after an edit).
    private(set) var feeFacts: [String: FeeFacts]
    public private(set) var datasets: [OpenData.Dataset]
    /// Made when asked (on the thread that writes the site-wide files), kept once `serve` edited one.
    private(set) var keptEntries: [SearchIndex.Entry]?
    /// The search box's links (`search`) from a page `index` folders deep, for the usual depths:
    /// the same for every page of a depth, so made once rather than per page.
    private let searchNodes: [TemplateNode]
    /// `CatalogueContext.feeLists`: the fees' procedure lists the site has.
    let feeLists: [String: String]
    var context: CatalogueContext { CatalogueContext(catalogue: catalogue, portalURL: portalURL, feeLists: feeLists) }

    public init(content: SiteContent) {
        self.init(catalogue: Catalogue(procedures: content.procedures, schedule: content.fees), portalURL: content.config.onlineServiceURL,
                  unitName: content.config.name, feeLists: Self.feeLists(content.pages))
    }

    init(catalogue: Catalogue, portalURL: String?, unitName: String, datasets: [OpenData.Dataset]? = nil, entries: [SearchIndex.Entry]? = nil,
         feeLists: [String: String] = [:]) {
        self.catalogue = catalogue
        self.portalURL = portalURL
        self.unitName = unitName
        self.feeLists = feeLists
        self.datasets = datasets ?? OpenData.datasets(catalogue: catalogue)
        keptEntries = entries
        feeFacts = Self.feeFacts(catalogue)
        searchNodes = (0..<8).map { Self.searchNode(root: String(repeating: "../", count: $0)) }
    }

    static func searchNode(root: String) -> TemplateNode {
        FieldsNode([
            (.indexHref, .text(root + "du-lieu/tim-kiem.js")),
            (.scriptHref, .text(root + "assets/tim-kiem.js")),
            (.catalogueHref, .text(root + "thu-tuc/index.html")),
        ])
    }

    /// The first page of each fee's procedure list among `pages`, by fee id.
    static func feeLists(_ pages: [Page]) -> [String: String] {
        var lists: [String: String] = [:]
        for index in pages.indices where pages[index].kind == .feeProcedures {
            if case let .procedureFee(id) = pages[index].data, lists[id] == nil { lists[id] = pages[index].paging?.listPath ?? pages[index].path }
        }
        return lists
    }

    static func feeFacts(_ catalogue: Catalogue) -> [String: FeeFacts] {
        catalogue.feesByID.mapValues { FeeFacts($0, procedureCount: catalogue.proceduresByFee[$0.id]?.count ?? 0) }
    }

    /// One procedure edited in place (`serve`); false, with nothing changed, when the edit
    /// regroups it (`Catalogue.move`). Its open-data row and search entry move with it; the fee
    /// dataset is made again (small).
    public mutating func replace(_ was: any Sendable, with now: any Sendable) -> Bool {
        guard let was = was as? Procedure, let now = now as? Procedure, let move = catalogue.move(was, to: now),
              let ranked = datasets.firstIndex(where: { $0.jsonPath == OpenData.procedureDatasetPath }),
              datasets[ranked].count == catalogue.procedures.count else { return false }
        var entries = keptEntries ?? SearchIndex.entries(catalogue: catalogue)
        keptEntries = nil
        catalogue.apply(move, now)
        feeFacts = Self.feeFacts(catalogue)
        let (old, new) = move.global
        datasets[ranked].cells.remove(at: old)
        datasets[ranked].cells.insert(OpenData.procedureRow(now, catalogue: catalogue), at: new)
        if let fees = datasets.firstIndex(where: { $0.jsonPath != OpenData.procedureDatasetPath }), let schedule = OpenData.feeDataset(catalogue: catalogue) {
            datasets[fees] = schedule
        }
        entries.remove(at: old)
        entries.insert(SearchIndex.entry(now), at: new)
        keptEntries = entries
        return true
    }

    public var rankedDataset: String? { OpenData.procedureDatasetPath }

    /// A procedure's row in the catalogue's lists and under its fees, as `page` shows it.
    public func row(_ key: String, on page: Page) -> [String: Any]? {
        guard let rank = catalogue.rank[key] else { return nil }
        let procedure = catalogue.procedures[rank]
        switch page.kind {
        case .catalogue, .procedureList, .feeProcedures: return context.row(procedure, from: page)
        case .fees: return CatalogueContext.feeRow(procedure, from: page)
        default: return nil
        }
    }

    public func rowRank(_ key: String) -> Int? { catalogue.rank[key] }

    public func rowKeys(on page: Page) -> [String]? {
        switch page.kind {
        case .catalogue, .procedureList, .feeProcedures: return context.rowKeys(on: page)
        default: return nil
        }
    }

    public func values(for page: Page) -> [String: Any] {
        values(for: page, shared: SharedViews())
    }

    /// A procedure's facts are made once for its web page and its edition.
    public func values(for page: Page, shared: SharedViews) -> [String: Any] {
        var values = [String: Any](minimumCapacity: 2)
        if !catalogue.procedures.isEmpty {
            let root = RelativeURL.root(from: page.path)
            let depth = root.utf8.count / 3
            values["search"] = depth < searchNodes.count ? searchNodes[depth] : Self.searchNode(root: root)
        }
        switch page.kind {
        case .catalogue, .procedureList, .feeProcedures:
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

    public var searchEntries: [SearchIndex.Entry] { keptEntries ?? SearchIndex.entries(catalogue: catalogue) }
}
