import CongKhaiModel
import Foundation

/// One commune's part of each province-wide file, made from its record alone: its rows of both
/// open-data files, its entries of the search index, its rows of the deviation page, and what
/// the province's other pages read of it. `build` joins every commune's share; `serve` keeps
/// them and, after an edit, makes only the edited commune's share again and joins the same way,
/// so a title edit in one of 100 communes does not re-serialise the other 99.
struct CommuneShare: Sendable, Equatable {
    /// Its objects of `cong-khai-toan-tinh.json`, joined by ",\n"; empty without rows.
    var checklistJSON: Data
    /// Its lines of `cong-khai-toan-tinh.csv`, each ending in CRLF.
    var checklistCSV: Data
    var procedureJSON: Data
    var procedureCSV: Data
    /// Its entries of the province search index, joined by ",\n".
    var search: Data
    /// Its `<tr>` rows of the deviation page, and how many.
    var deviationRows: String
    var deviationCount: Int
    /// What the index of communes, the dashboard and the search page show of it.
    var indexInput: IndexInput
    var dashboardInput: DashboardInput
    var searchPageInput: SearchPageInput

    struct IndexInput: Sendable, Equatable {
        var slug, name: String
        var address, phone, email: String?
        var formerUnits: [String]
        var rows: [ChecklistRow]
    }

    struct DashboardInput: Sendable, Equatable {
        var slug, shortName: String
        var rows: [ChecklistRow]
    }

    struct SearchPageInput: Sendable, Equatable {
        var slug, name: String
        var procedureCount: Int
    }

    init(_ commune: CommuneRecord) {
        let checklist = ProvinceOpenData.rows([commune])
        checklistJSON = Data(ProvinceOpenData.jsonObjects(checklist).utf8)
        checklistCSV = Data(ProvinceOpenData.csvLines(checklist, columns: ProvinceOpenData.columns).utf8)
        let procedures = ProvinceOpenData.procedureRows([commune])
        procedureJSON = Data(ProvinceOpenData.jsonObjects(procedures).utf8)
        procedureCSV = Data(ProvinceOpenData.csvLines(procedures, columns: ProvinceOpenData.procedureColumns).utf8)
        search = Data(ProvinceSearch.entries(commune).utf8)
        let deviations = ProvinceDeviationPage.rows(commune)
        deviationRows = ProvinceHTML.tableRows(head: ProvinceDeviationPage.head, rows: deviations)
        deviationCount = deviations.count
        indexInput = IndexInput(slug: commune.slug, name: commune.name, address: commune.address, phone: commune.phone,
                                email: commune.email, formerUnits: commune.formerUnits, rows: commune.rows)
        dashboardInput = DashboardInput(slug: commune.slug, shortName: commune.shortName, rows: commune.rows)
        searchPageInput = SearchPageInput(slug: commune.slug, name: commune.name, procedureCount: commune.procedures.count)
    }

    /// The parts of the province's files that differ between two shares of the same commune.
    func changedParts(from old: CommuneShare) -> Set<ProvincePages.Part> {
        var parts = Set<ProvincePages.Part>()
        if indexInput != old.indexInput { parts.insert(.index) }
        if dashboardInput != old.dashboardInput { parts.insert(.dashboard) }
        if searchPageInput != old.searchPageInput { parts.insert(.searchPage) }
        if deviationRows != old.deviationRows { parts.insert(.deviation) }
        if search != old.search { parts.insert(.searchIndex) }
        if checklistJSON != old.checklistJSON || checklistCSV != old.checklistCSV { parts.insert(.checklistData) }
        if procedureJSON != old.procedureJSON || procedureCSV != old.procedureCSV { parts.insert(.procedureData) }
        return parts
    }

    /// `head`, then the non-empty pieces joined by `separator`, then `tail`: the bytes of a file
    /// whose rows are every commune's share in the province's order.
    static func join(_ pieces: [Data], head: String, separator: String, tail: String) -> Data {
        let kept = pieces.filter { !$0.isEmpty }
        let separatorBytes = Data(separator.utf8)
        var data = Data(head.utf8)
        data.reserveCapacity(data.count + kept.reduce(0) { $0 + $1.count + separatorBytes.count } + tail.utf8.count)
        for (index, piece) in kept.enumerated() {
            if index > 0 { data.append(separatorBytes) }
            data.append(piece)
        }
        data.append(Data(tail.utf8))
        return data
    }
}
