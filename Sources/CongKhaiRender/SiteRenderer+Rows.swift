import CongKhaiModel
import Foundation

/// What became of a list page after an edit of one of its rows.
public enum RowSplice: Sendable {
    /// The page does not show the row.
    case unchanged
    /// The page with the row made again (and moved).
    case spliced(OutputFile)
}

/// `serve`'s edit of an item its lists show (a procedure's name, deadline or fees): the kept
/// renderer follows the edit, and each list page that shows the item has that one row made
/// again in its kept HTML (`RowLayout`) instead of being rendered whole.
extension SiteRenderer {
    /// This renderer with `page` (the item's own page, same address) and the units' views
    /// following `was` → `now`; nil when a unit cannot follow it in place, or the edit moves
    /// the menu or the site's dates.
    public func replacingListed(_ page: Page, was: any Sendable, now: any Sendable) -> SiteRenderer? {
        guard let navigation = navigation.replacing(page) else { return nil }
        var next = self
        var replaced = 0
        for index in builder.units.indices {
            guard let unit = builder.units[index].replacing(was, with: now) else { continue }
            next.builder.units[index] = unit
            replaced += 1
        }
        guard replaced == 1, let unit = builder.units.firstIndex(where: { $0.rowRank(page.path) != nil }),
              let old = builder.units[unit].rowRank(page.path), let new = next.builder.units[unit].rowRank(page.path) else { return nil }
        next.navigation = navigation
        next.builder.navigation = navigation
        next.builder.datasets = next.builder.units.flatMap(\.datasets)
        next.dataTexts = dataTexts?.moving(unit: unit, from: old, to: new, units: next.builder.units, before: builder.units)
        return next
    }

    /// The open data and the search index alone (`serve`, after an edit its lists show: the
    /// feed, sitemap and the units' other files read nothing such an edit changes). Each row's
    /// text is kept, so the next edit remakes only its own.
    public mutating func dataFiles() -> [OutputFile] {
        let texts = dataTexts ?? DataTexts(units: builder.units)
        dataTexts = texts
        var files: [OutputFile] = []
        for dataset in builder.datasets {
            guard let json = texts.json[dataset.jsonPath], let csv = texts.csv[dataset.jsonPath] else {
                files += OpenData.files([dataset])
                continue
            }
            files.append(OutputFile(path: dataset.jsonPath, text: OpenData.json(rows: json)))
            files.append(OutputFile(path: dataset.csvPath, text: OpenData.csv(dataset, rows: csv)))
        }
        if !texts.search.isEmpty { files.append(SearchIndex.file(lines: texts.search)) }
        return files
    }

    /// The pages that list the row of an edited item: those at `webPaths` among `pages` (the
    /// site's), their notice-board editions, and the `in/` index; each with whether it can have
    /// the row put in place (`remade`: web pages whose other values change, with their editions).
    public func listPages(_ webPaths: Set<String>, remade: Set<String>, in pages: [Page]) -> [(page: Page, rowOnly: Bool)] {
        let web = pages.filter { webPaths.contains($0.path) }
        var editionOf: [String: String] = [:]
        for page in web { if let edition = PrintEdition.path(for: page) { editionOf[edition] = page.path } }
        return web.map { ($0, !remade.contains($0.path)) } + editions.pages.compactMap { page in
            if page.path == PrintEdition.folder { return (page, true) }
            return editionOf[page.path].map { (page, !remade.contains($0)) }
        }
    }

    /// `page` as `previous` was, with the row `key` made again where it now sorts; nil when the
    /// page cannot be spliced (no rows noted, a layout that reads the pages below it, a row that
    /// cannot be made), then it is rendered whole.
    public func splicingRow(_ key: String, of page: Page, previous: OutputFile) -> RowSplice? {
        guard let rows = previous.rows, case let .bytes(data) = previous.body, let layout = layoutName(of: page),
              !templates.reads("children", layout: layout) else { return nil }
        if rows.isComplete, !rows.shows(key) { return .unchanged }
        let isIndex = editions.byPath[page.path].map { if case .index = $0 { true } else { false } } ?? false
        let header = isIndex ? noticeHeader : nil
        let item: (String) -> [String: Any]? = { key in
            if let header {
                return editions.posted.first { $0.path == key }.flatMap { printIndexItem($0, index: page, header: header) }
            }
            return builder.units.lazy.compactMap { $0.row(key, on: page) }.first
        }
        guard let ranked = builder.units.first(where: { $0.rowRank(key) != nil }) else { return nil }
        // The index lists editions in site order, which an edit in place does not change.
        let position: ([String]) -> Int? = { keys in
            if isIndex { return nil }
            guard let rank = ranked.rowRank(key) else { return -1 }
            var low = 0, high = keys.count
            while low < high {
                let middle = (low + high) / 2
                guard let other = ranked.rowRank(keys[middle]) else { return -1 }
                if other < rank { low = middle + 1 } else { high = middle }
            }
            return low
        }
        guard let (bytes, layoutAfter) = rows.splicing(data, key: key, partials: templates.compiled, item: item, position: position) else { return nil }
        var file = OutputFile(path: previous.path, bytes: bytes)
        file.rows = layoutAfter
        return .spliced(file)
    }

    /// The layout `page` renders with (a web page's, an edition's or the index's).
    func layoutName(of page: Page) -> String? {
        switch editions.byPath[page.path] {
        case .index?: return "layouts/in/index"
        case .notice?: return "layouts/in/" + page.kind.rawValue
        case nil: return templates.layout(for: page, log: DiagnosticLog())
        }
    }
}

/// The text of each open-data row (JSON and CSV, by the dataset's JSON path) and of each search
/// entry (all units', with where each unit's begin), as the site-wide files write them.
struct DataTexts {
    var json: [String: [String]] = [:]
    var csv: [String: [String]] = [:]
    var search: [String] = []
    var searchStarts: [Int] = []

    init(units: [any UnitRendering]) {
        for unit in units {
            for dataset in unit.datasets { set(dataset) }
            searchStarts.append(search.count)
            search += unit.searchEntries.map(SearchIndex.line)
        }
    }

    mutating func set(_ dataset: OpenData.Dataset) {
        json[dataset.jsonPath] = dataset.rows.map(OpenData.jsonRow)
        csv[dataset.jsonPath] = dataset.rows.map { OpenData.csvRow($0, columns: dataset.columns) }
    }

    /// After unit `unit`'s row at `old` moved to `new`: its ranked dataset's and search entry's
    /// texts move, made again; its other datasets are made again whole. Nil when the counts
    /// do not match what they were made from.
    func moving(unit: Int, from old: Int, to new: Int, units: [any UnitRendering], before: [any UnitRendering]) -> DataTexts? {
        var next = self
        let ranked = units[unit].rankedDataset
        for dataset in units[unit].datasets {
            guard dataset.jsonPath == ranked else {
                next.set(dataset)
                continue
            }
            guard var json = next.json[dataset.jsonPath], var csv = next.csv[dataset.jsonPath], json.count == dataset.rows.count, new < json.count else { return nil }
            next.json[dataset.jsonPath] = nil
            next.csv[dataset.jsonPath] = nil
            json.remove(at: old)
            json.insert(OpenData.jsonRow(dataset.rows[new]), at: new)
            csv.remove(at: old)
            csv.insert(OpenData.csvRow(dataset.rows[new], columns: dataset.columns), at: new)
            next.json[dataset.jsonPath] = json
            next.csv[dataset.jsonPath] = csv
        }
        let entries = units[unit].searchEntries
        guard unit < searchStarts.count, new < entries.count else { return nil }
        let start = searchStarts[unit]
        next.search.remove(at: start + old)
        next.search.insert(SearchIndex.line(entries[new]), at: start + new)
        return next
    }
}
