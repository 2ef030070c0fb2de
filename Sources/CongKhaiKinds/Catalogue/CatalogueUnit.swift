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

    /// Every procedure's page shows the fees it names (name, amounts, exemptions), though the
    /// page is made from its own file: an edited fee schedule renders the whole site again.
    var wholeSiteFiles: Set<String> { ["content/phi-le-phi.yaml"] }

    func assemble(_ values: [any Sendable], into content: inout SiteContent, log: DiagnosticLog) {
        content.procedures = values.compactMap { $0 as? Procedure }
        content.fees = values.compactMap { $0 as? FeeSchedule }.last
        content.pages = CataloguePages.assemble(pages: content.pages, procedures: content.procedures, fees: content.fees)
    }

    /// A procedure whose every field but the body is as before (its sections too, which the
    /// checks read) shows nowhere but on its own page: the lists, the search index and the open
    /// data read the other fields. A fee schedule edit shows on every page that names a fee.
    func splice(_ old: any Sendable, _ new: any Sendable, into content: inout SiteContent) -> [Page]? {
        guard let was = old as? Procedure, let now = new as? Procedure else { return nil }
        var unchanged = was
        unchanged.body = now.body
        guard unchanged == now else { return nil }
        guard let index = Self.onlyIndex(of: was, in: content) else { return nil }
        let page = PageSplice.replace(at: was.path, in: &content) { page in
            guard page.kind == .procedure, page.source == was.source, page.body == was.body, case let .procedure(shown) = page.data, shown == was else {
                return false
            }
            page.body = now.body
            page.data = .procedure(now)
            return true
        }
        guard let page else { return nil }
        content.procedures[index] = now
        return [page]
    }

    /// Where `procedure` is in the site, when exactly one procedure comes from its file and it
    /// is still the one loaded before the edit; nil otherwise (then the edit is not spliced).
    static func onlyIndex(of procedure: Procedure, in content: SiteContent) -> Int? {
        var found: Int?
        for index in content.procedures.indices where content.procedures[index].source == procedure.source {
            guard found == nil else { return nil }
            found = index
        }
        guard let index = found, content.procedures[index] == procedure else { return nil }
        return index
    }

    /// A procedure edited in what its rows show (name, deadline, fees, level of government,
    /// agency...) but not in what places it: its address, code, lĩnh vực, online level and dates
    /// (the checklist and the pages' dates read those) stay. The catalogue, its lĩnh vực's and
    /// level's lists, the fee schedule page and the lists of its fees' procedures show it; those
    /// whose counts change (another fee named) are rendered whole.
    func spliceListed(_ old: any Sendable, _ new: any Sendable, into content: inout SiteContent) -> ListedSplice? {
        guard let was = old as? Procedure, let now = new as? Procedure, was.source == now.source, was.path == now.path, was.code == now.code,
              was.field == now.field, was.fieldSlug == now.fieldSlug, was.onlineLevel == now.onlineLevel, was.updated == now.updated,
              was.publication?.date == now.publication?.date else { return nil }
        guard let index = Self.onlyIndex(of: was, in: content) else { return nil }
        var lists: Set<String> = ["thu-tuc/", "thu-tuc/\(now.fieldSlug)/"]
        if let level = now.onlineLevel { lists.insert("thu-tuc/muc-do/\(level.slug)/") }
        var remade: Set<String> = []
        if content.fees != nil, !(was.feeIDs.isEmpty && now.feeIDs.isEmpty) {
            lists.insert(FeeSchedule.path)
            let before = CataloguePages.feeCounts([was]), after = CataloguePages.feeCounts([now])
            // The site's counts, before the edit: only needed, and counted once, when one changes.
            var counts: [String: Int]?
            for id in Set(was.feeIDs + now.feeIDs) {
                let list = FeeSchedule.procedureListPath(id)
                if let list { lists.insert(list) }
                let change = (after[id] ?? 0) - (before[id] ?? 0)
                guard change != 0 else { continue }
                remade.insert(FeeSchedule.path)
                if let list { remade.insert(list) }
                if counts == nil { counts = CataloguePages.feeCounts(content.procedures) }
                let count = counts?[id] ?? 0
                guard Self.feeListKeepsItsPages(id, at: list, count: count, change: change, in: content) else { return nil }
            }
        }
        let page = PageSplice.replace(at: was.path, in: &content) { page in
            guard page.kind == .procedure, page.source == was.source, page.title == was.name, case let .procedure(shown) = page.data, shown == was else {
                return false
            }
            page.title = now.name
            page.body = now.body
            page.bodyLine = now.bodyLine
            page.data = .procedure(now)
            return true
        }
        guard let page else { return nil }
        content.procedures[index] = now
        return ListedSplice(pages: [page], rowKey: now.path, lists: lists, remade: remade, was: was, now: now)
    }

    /// Whether the list of fee `id`'s procedures (at `path`) keeps its pages when `change`
    /// procedures more (or fewer) than the `count` before charge it: the derive stage, which a
    /// listed splice keeps, made them for the counts before. A list that would appear, vanish or
    /// be split into another number of pages needs the site assembled again.
    static func feeListKeepsItsPages(_ id: String, at path: String?, count: Int, change: Int, in content: SiteContent) -> Bool {
        let after = count + change
        guard let path, let index = content.pages.indices.first(where: { content.pages[$0].path == path }),
              content.pages[index].kind == .feeProcedures else {
            // No list now: one may come with the fee's first procedure (when the theme links it).
            return !(count == 0 && after > 0 && content.fees?.fees.contains { $0.id == id } == true)
        }
        return after > 0 && ListPaging.pageCount(rows: after) == (content.pages[index].paging?.count ?? 1)
    }

    /// Each fee's procedures on a page of their own (`phi-le-phi/<id>/`), when the fee schedule's
    /// layout links there (`procedure_list_href`); a site's own older layout lists them inline.
    func addLinkedLists(to content: inout SiteContent, reads: (_ field: String, _ page: Page) -> Bool) {
        guard content.fees != nil, let fees = content.pages.lastIndex(where: { $0.kind == .fees }),
              reads("procedure_list_href", content.pages[fees]) else { return }
        content.pages = CataloguePages.feeLists(pages: content.pages, procedures: content.procedures, fees: content.fees)
    }

    func check(_ content: SiteContent, log: DiagnosticLog) {
        ProcedureChecks.run(content, log: log)
        FeeChecks.run(content, log: log)
    }

    /// After `spliceListed`: the procedure's own rules and the fee rules (which fees are used)
    /// again; every other finding stands, since nothing it reads changed (no address, code,
    /// group or date; the duplicate-code rule reads only codes and files).
    func recheck(_ was: any Sendable, _ now: any Sendable, in content: SiteContent, previous: [Diagnostic], log: DiagnosticLog) -> Bool {
        guard let now = now as? Procedure else { return false }
        let feeKeys: Set = ["fee.no-schedule", "fee.duplicate", "fee.unused"]
        log.report(previous.filter { finding in
            !feeKeys.contains(finding.key) && !(finding.location.path == now.source && ProcedureChecks.ownKeys.contains(finding.key))
        })
        ProcedureChecks.check(now, in: content, feeIDs: Set(content.fees?.fees.map(\.id) ?? []), attachments: Set(content.attachments.map(\.source)), log: log)
        FeeChecks.run(content, log: log)
        return true
    }

    func addChecklistItems(to evaluation: inout Evaluation) { evaluation.catalogueItems() }

    func rendering(_ content: SiteContent, navigation: Navigation) -> any UnitRendering { CatalogueRendering(content: content) }
}
