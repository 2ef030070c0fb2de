import CongKhaiModel
import Foundation

/// Template values for the catalogue pages (see docs/templates.md). Links are relative to
/// the page being rendered.
struct CatalogueContext {
    let catalogue: Catalogue
    /// The province's portal: where a procedure without its own link is submitted online.
    let portalURL: String?
    /// The page of each fee's procedures (`phi-le-phi/<id>/`) by fee id, for the fees that have
    /// one (the derive stage makes them when the fee schedule's layout links them).
    var feeLists: [String: String] = [:]

    /// How many procedures a fee with a list page of its own still names on the fee schedule
    /// page: a handful reads better there than behind a link; thousands made the page megabytes.
    static let inlineFeeProcedures = 10

    func row(_ procedure: Procedure, from page: Page) -> [String: Any] {
        row(procedure, root: RelativeURL.root(from: page.path))
    }

    /// `row(_:from:)` with the page's `RelativeURL.root` worked out once for all its rows.
    func row(_ procedure: Procedure, root: String) -> [String: Any] {
        // Sized for every key at once: grown from a seven-key literal, each of thousands of rows was hashed again.
        var values = [String: Any](minimumCapacity: 10)
        values["code"] = procedure.code
        values["name"] = procedure.name
        values["href"] = root + procedure.path + "index.html"
        values["field"] = procedure.field
        values["field_href"] = root + "thu-tuc/" + procedure.fieldSlug + "/index.html"
        values["fee_summary"] = catalogue.feeSummary(procedure)
        values[RowLayout.key] = procedure.path
        if let level = procedure.onlineLevel {
            values["level_label"] = level.label
            values["level_slug"] = level.slug
        }
        values["deadline"] = catalogue.deadlineSummary(procedure)
        return values
    }

    func levels(from page: Page) -> [[String: Any]] {
        OnlineLevel.allCases.map { level in
            [
                "label": level.label,
                "slug": level.slug,
                "href": RelativeURL.href(from: page.path, to: .page("thu-tuc/muc-do/\(level.slug)/")),
                "count": catalogue.procedures(at: level).count,
                "count_text": VietnameseFormat.integer(catalogue.procedures(at: level).count),
                "current": { if case let .procedureLevel(current) = page.data { return current == level } else { return false } }(),
            ]
        }
    }

    func fieldLinks(from page: Page) -> [[String: Any]] {
        catalogue.fields.map { field in
            [
                "name": field.name,
                "slug": field.slug,
                "href": RelativeURL.href(from: page.path, to: .page("thu-tuc/\(field.slug)/")),
                "count": field.procedures.count,
                "count_text": VietnameseFormat.integer(field.procedures.count),
                "current": { if case let .procedureField(current) = page.data { return current == field.slug } else { return false } }(),
            ]
        }
    }

    /// Keys shared by the catalogue and its filtered lists. A list split into pages
    /// (`page.paging`) gives this page's rows only (the links between its pages, `pagination`,
    /// are every page's: `PageContext`); its counts stay those of the whole list.
    func listing(for page: Page) -> [String: Any] {
        var values: [String: Any] = [
            "procedure_count": catalogue.procedures.count,
            "procedure_count_text": VietnameseFormat.integer(catalogue.procedures.count),
            "field_count": catalogue.fields.count,
            "field_count_text": VietnameseFormat.integer(catalogue.fields.count),
            "field_links": fieldLinks(from: page),
            "levels": levels(from: page),
            "catalogue_href": RelativeURL.href(from: page.path, to: .page("thu-tuc/")),
            "open_data_href": RelativeURL.href(from: page.path, to: .page("du-lieu/")),
        ]
        let root = RelativeURL.root(from: page.path)
        let paging = page.paging
        if let all = listed(by: page.data) {
            values["procedures"] = Self.slice(all, paging).map { row($0, root: root) }
            values["list_count"] = all.count
            values["list_count_text"] = VietnameseFormat.integer(all.count)
            if case let .procedureFee(id) = page.data, let fee = catalogue.feesByID[id] {
                values["fee"] = self.fee(fee, from: page, listingProcedures: false)
            }
        } else {
            values["list_count"] = catalogue.procedures.count
            values["list_count_text"] = VietnameseFormat.integer(catalogue.procedures.count)
            values["fields"] = fieldParts(on: page).map { part -> [String: Any] in
                let field = catalogue.fields[part.field]
                var section: [String: Any] = [
                    "name": field.name,
                    "slug": field.slug,
                    "href": RelativeURL.href(from: page.path, to: .page("thu-tuc/\(field.slug)/")),
                    "count": field.procedures.count,
                    "count_text": VietnameseFormat.integer(field.procedures.count),
                    "procedures": field.procedures[part.rows].map { row($0, root: root) },
                ]
                // Its heading repeats on the next page, saying so.
                if part.continued { section["continued"] = true }
                return section
            }
        }
        return values
    }

    /// The rows of `list` on the page `paging` names (all of them for a list shown whole).
    static func slice(_ list: [Procedure], _ paging: ListPaging?) -> ArraySlice<Procedure> {
        guard let paging else { return list[...] }
        return list[paging.rows(of: list.count)]
    }

    /// The addresses of the rows page `page` shows, in order (`serve`: a page whose rows would
    /// change is rendered whole, not spliced).
    func rowKeys(on page: Page) -> [String] {
        if let all = listed(by: page.data) { return Self.slice(all, page.paging).map(\.path) }
        return fieldParts(on: page).flatMap { part in catalogue.fields[part.field].procedures[part.rows].map(\.path) }
    }

    /// The procedures of a lĩnh vực's, a level's or a fee's list, all its pages; nil for the
    /// catalogue, whose rows run through the lĩnh vực (`fieldParts`).
    func listed(by data: PageData) -> [Procedure]? {
        switch data {
        case let .procedureField(slug): return catalogue.procedures(in: slug)
        case let .procedureLevel(level): return catalogue.procedures(at: level)
        case let .procedureFee(id): return catalogue.proceduresByFee[id] ?? []
        default: return nil
        }
    }

    /// The part of each lĩnh vực the catalogue page `page` shows (all of each when it is shown
    /// whole): the catalogue's rows run through its lĩnh vực in order. `rows` are within the
    /// lĩnh vực's own list; `continued`: it began on an earlier page. Whole lĩnh vực are skipped
    /// by their counts (`serve` asks this of each of a 10,000-row catalogue's hundred pages).
    func fieldParts(on page: Page) -> [(field: Int, rows: Range<Int>, continued: Bool)] {
        let shown = page.paging?.rows(of: catalogue.procedures.count) ?? 0..<catalogue.procedures.count
        var parts: [(field: Int, rows: Range<Int>, continued: Bool)] = []
        var start = 0
        for (index, field) in catalogue.fields.enumerated() {
            let rows = start..<(start + field.procedures.count)
            start = rows.upperBound
            let held = rows.clamped(to: shown)
            if !held.isEmpty {
                parts.append((index, (held.lowerBound - rows.lowerBound)..<(held.upperBound - rows.lowerBound), held.lowerBound > rows.lowerBound))
            } else if start >= shown.upperBound {
                break
            }
        }
        return parts
    }

    /// Without the fee's own procedure list: a fee charged by thousands of procedures would
    /// otherwise put thousands of links on each of their pages (and make the build quadratic).
    func procedure(_ facts: ProcedureFacts, page: Page) -> ProcedureView {
        ProcedureView(facts: facts, pagePath: page.path)
    }

    func fee(_ fee: Fee, from page: Page, listingProcedures: Bool = true) -> [String: Any] {
        var values: [String: Any] = [
            "id": fee.id,
            "name": fee.name,
            "summary": fee.summary,
            "href": RelativeURL.href(from: page.path, to: .page("phi-le-phi/")) + "#" + fee.id,
            "rates": fee.rates.map { rate -> [String: Any] in
                var item: [String: Any] = ["amount_text": rate.amount == 0 ? "Miễn phí" : VietnameseFormat.money(rate.amount)]
                item["condition"] = rate.condition
                return item
            },
            "exemptions": fee.exemptions.map { ["text": $0] },
            "has_exemptions": !fee.exemptions.isEmpty,
        ]
        values["kind_label"] = fee.kind?.label
        values["unit"] = fee.unit
        values["method"] = fee.collectionMethod
        values["payer"] = fee.payer
        values["effective_text"] = fee.effectiveFrom?.vietnamese
        if let document = fee.legalDocument { values["document"] = Self.document(document) }
        let charged = catalogue.proceduresByFee[fee.id] ?? []
        values["procedure_count"] = charged.count
        values["procedure_count_text"] = VietnameseFormat.integer(charged.count)
        values["has_procedures"] = !charged.isEmpty
        guard listingProcedures else { return values }
        if let list = feeLists[fee.id] {
            // A list of its own: the count and a link, and the names too while they are few.
            values["procedure_list_href"] = RelativeURL.href(from: page.path, to: .page(list))
            if charged.count <= Self.inlineFeeProcedures { values["procedures"] = charged.map { Self.feeRow($0, from: page) } }
        } else {
            // A site's own layout that links no list (or a fee whose address an editor's page took).
            values["procedures"] = charged.map { Self.feeRow($0, from: page) }
        }
        return values
    }

    /// A procedure under a fee it charges (`phi-le-phi/`).
    static func feeRow(_ procedure: Procedure, from page: Page) -> [String: Any] {
        ["code": procedure.code, "name": procedure.name, "href": RelativeURL.href(from: page.path, to: .page(procedure.path)), RowLayout.key: procedure.path]
    }

    func fees(from page: Page) -> [[String: Any]] {
        (catalogue.schedule?.fees ?? []).map { fee($0, from: page) }
    }

    static func document(_ document: LegalDocument) -> [String: Any] {
        var values: [String: Any] = ["number": document.number]
        values["title"] = document.title
        values["date_text"] = document.date?.vietnamese
        values["issuer"] = document.issuer
        return values
    }

    /// Forms are published under the same slugged name as any attachment.
    static func attachmentName(_ file: String) -> String {
        let name = (file as NSString).lastPathComponent
        let ext = (name as NSString).pathExtension.lowercased()
        let stem = TextFolding.slug((name as NSString).deletingPathExtension)
        return ext.isEmpty ? stem : stem + "." + ext
    }
}
