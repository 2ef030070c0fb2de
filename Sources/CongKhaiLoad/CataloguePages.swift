import CongKhaiModel

/// The pages the procedure catalogue and fee schedule add to the site: the catalogue itself,
/// one list per lĩnh vực and per online level, one page per procedure, the fee schedule and
/// the open-data page. They are ordinary `Page`s, so menus, breadcrumbs and links treat them
/// like the editor's own pages.
public enum CataloguePages {
    public static func assemble(pages: [Page], procedures: [Procedure], fees: FeeSchedule?) -> [Page] {
        var result = pages
        let hasCatalogue = !procedures.isEmpty
        if hasCatalogue {
            if let index = result.firstIndex(where: { $0.path == "thu-tuc/" }) {
                result[index].kind = .catalogue
            } else {
                var catalogue = Page(source: "content/thu-tuc/_index.md", path: "thu-tuc/", kind: .catalogue, title: "Thủ tục hành chính")
                catalogue.order = 3
                result.append(catalogue)
            }
            var fieldNames: [String: String] = [:]
            for procedure in procedures where fieldNames[procedure.fieldSlug] == nil {
                fieldNames[procedure.fieldSlug] = procedure.field
            }
            for (slug, name) in fieldNames.sorted(by: { $0.key < $1.key }) {
                var page = Page(source: "content/thu-tuc/\(slug)", path: "thu-tuc/\(slug)/", kind: .procedureList, title: "Lĩnh vực \(name)")
                page.data = .procedureField(slug)
                result.append(page)
            }
            var levelsPage = Page(source: "content/thu-tuc", path: "thu-tuc/muc-do/", kind: .section, title: "Theo mức độ trực tuyến")
            levelsPage.order = Int.max - 1
            result.append(levelsPage)
            for level in OnlineLevel.allCases {
                var page = Page(source: "content/thu-tuc", path: "thu-tuc/muc-do/\(level.slug)/", kind: .procedureList, title: level.label)
                page.data = .procedureLevel(level)
                result.append(page)
            }
            for procedure in procedures {
                var page = Page(source: procedure.source, path: procedure.path, kind: .procedure, title: procedure.name)
                page.description = "Mã thủ tục \(procedure.code) · lĩnh vực \(procedure.field)"
                page.updated = procedure.updated ?? procedure.publication?.date
                page.body = procedure.body
                page.bodyLine = procedure.bodyLine
                page.data = .procedure(procedure)
                result.append(page)
            }
        }
        if let fees {
            var page = Page(source: fees.source, path: FeeSchedule.path, kind: .fees, title: fees.title)
            page.updated = fees.updated
            page.order = 4
            page.description = "Mức thu, đối tượng nộp, miễn giảm và văn bản quy định của từng khoản phí, lệ phí."
            result.append(page)
        }
        if hasCatalogue || fees != nil {
            var page = Page(source: "content", path: "du-lieu/", kind: .openData, title: "Dữ liệu mở")
            page.order = 90
            page.description = "Thủ tục hành chính, phí, lệ phí, ngân sách và kết quả cải cách hành chính dưới dạng JSON và CSV."
            result.append(page)
        }
        return result
    }
}

extension CataloguePages {
    /// How many rows each list of the catalogue has (the catalogue, each lĩnh vực, each level,
    /// each fee's procedures); nil for another page. Counted once for all the catalogue's lists
    /// (`ListPages.paginate`).
    public static func listRows(procedures: [Procedure]) -> (Page) -> Int? {
        var byField: [String: Int] = [:], byLevel: [OnlineLevel: Int] = [:]
        for procedure in procedures {
            byField[procedure.fieldSlug, default: 0] += 1
            if let level = procedure.onlineLevel { byLevel[level, default: 0] += 1 }
        }
        let byFee = feeCounts(procedures)
        let total = procedures.count
        return { page in
            switch (page.kind, page.data) {
            case (.catalogue, _): return total
            case let (.procedureList, .procedureField(slug)): return byField[slug] ?? 0
            case let (.procedureList, .procedureLevel(level)): return byLevel[level] ?? 0
            case let (.feeProcedures, .procedureFee(id)): return byFee[id] ?? 0
            default: return nil
            }
        }
    }

    /// How many rows each fee's list has: one per fee a procedure names, as the renderer's
    /// catalogue joins them (a fee named twice by one procedure is two rows there too).
    public static func feeCounts(_ procedures: [Procedure]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for procedure in procedures {
            for id in procedure.feeIDs { counts[id, default: 0] += 1 }
        }
        return counts
    }

    /// `pages` with a list page for each fee of `fees` that some procedure charges
    /// (`phi-le-phi/<id>/`, kind `feeProcedures`): the fee schedule page then shows each fee's
    /// count and links there instead of listing every procedure (one fee charged by thousands
    /// of procedures made it megabytes). A fee without procedures gets none (nothing to list,
    /// and nothing links to it); nor does one whose address the site already has (an editor's
    /// page), which the fee schedule page then lists in full as before.
    public static func feeLists(pages: [Page], procedures: [Procedure], fees: FeeSchedule?) -> [Page] {
        guard let fees, !procedures.isEmpty else { return pages }
        let counts = feeCounts(procedures)
        var taken = Set(pages.map(\.path))
        var result = pages
        for fee in fees.fees where counts[fee.id] != nil {
            guard let path = FeeSchedule.procedureListPath(fee.id), taken.insert(path).inserted else { continue }
            var page = Page(source: fees.source, path: path, kind: .feeProcedures, title: "Thủ tục áp dụng: \(fee.name)")
            page.description = "Các thủ tục hành chính thu khoản “\(fee.name)”: mã, mức độ trực tuyến, thời hạn giải quyết."
            page.data = .procedureFee(fee.id)
            result.append(page)
        }
        return result
    }
}
