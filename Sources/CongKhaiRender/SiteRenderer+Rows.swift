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
    /// `page` (the item's own page, same address) put in place, and the units' views following
    /// `was` → `now`; false, with nothing changed, when a unit cannot follow it in place, or the
    /// edit moves the menu or the site's dates. Hold the renderer once: its navigation, catalogue
    /// and texts then change in place rather than being copied (20,000 pages, 10,000 procedures).
    public mutating func replaceListed(_ page: Page, was: any Sendable, now: any Sendable) -> Bool {
        guard navigation.canReplace(page), let unit = builder.units.indices.first(where: { builder.units[$0].rowRank(page.path) != nil }),
              let old = builder.units[unit].rowRank(page.path) else { return false }
        builder.datasets = []
        guard builder.units[unit].replace(was, with: now), let new = builder.units[unit].rowRank(page.path) else {
            builder.datasets = builder.units.flatMap(\.datasets)
            return false
        }
        builder.datasets = builder.units.flatMap(\.datasets)
        var navigation = self.navigation
        self.navigation = Navigation(pages: [])
        builder.navigation = self.navigation
        navigation.replace(page)
        self.navigation = navigation
        builder.navigation = navigation
        builder.titlesByPath[page.path] = page.title
        var texts = dataTexts
        dataTexts = nil
        if texts?.move(unit: unit, from: old, to: new, units: builder.units) == false { texts = nil }
        dataTexts = texts
        return true
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
    /// site's) with every page of those split into pages (`ListPaging`), their notice-board
    /// editions, and the `in/` index; each with whether it can have the row put in place
    /// (`remade`: web pages whose other values change, with their editions).
    public func listPages(_ webPaths: Set<String>, remade: Set<String>, in pages: [Page]) -> [(page: Page, rowOnly: Bool)] {
        // By index: a filter would copy each of 20,000 pages to look at its address.
        let web = pages.indices.filter { webPaths.contains(pages[$0].paging?.listPath ?? pages[$0].path) }.map { pages[$0] }
        var editionOf: [String: String] = [:]
        for page in web { if let edition = PrintEdition.path(for: page) { editionOf[edition] = page.path } }
        let listed = editions.pages.indices.filter { editions.pages[$0].path == PrintEdition.folder || editionOf[editions.pages[$0].path] != nil }
        return web.map { ($0, !remade.contains($0.paging?.listPath ?? $0.path)) } + listed.map { index in
            let page = editions.pages[index]
            return (page, editionOf[page.path].map { !remade.contains($0) } ?? true)
        }
    }

    /// `page` as `previous` was, with the row `key` made again where it now sorts; nil when the
    /// page cannot be spliced (no rows noted, a layout that reads the pages below it, a row that
    /// cannot be made), then it is rendered whole.
    public func splicingRow(_ key: String, of page: Page, previous: OutputFile) -> RowSplice? {
        guard let rows = previous.rows, case let .bytes(data) = previous.body, let layout = layoutName(of: page),
              !templates.reads("children", layout: layout) else { return nil }
        // One page of a list split into pages: an edit that moves a row onto or off it (a new
        // name sorting across a page boundary) changes which rows it holds, and its headings.
        if page.paging != nil, editions.byPath[page.path] == nil {
            guard let keys = builder.units.lazy.compactMap({ $0.rowKeys(on: page) }).first,
                  Set(keys) == Set(rows.instances.flatMap(\.keys)) else { return nil }
        }
        // A page none of whose lists show the row (the fee schedule's edition lists no procedure).
        // Were a list's rows ever made without `RowLayout.key`, it would be left with the old row:
        // ListSpliceUpdateTests compares every list with a fresh build, and fails then.
        if rows.isComplete, !rows.shows(key) { return .unchanged }
        let isIndex = editions.byPath[page.path].map { if case .index = $0 { true } else { false } } ?? false
        let header = isIndex ? noticeHeader : nil
        let item: (String) -> [String: Any]? = { key in
            if let header {
                return editions.posted.indices.first { editions.posted[$0].path == key }.flatMap { printIndexItem(editions.posted[$0], index: page, header: header) }
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
        let keys = dataset.keys.map(SearchIndex.literal), columns = OpenData.csvColumns(dataset)
        json[dataset.jsonPath] = dataset.cells.map { OpenData.jsonRow($0, keys: keys) }
        csv[dataset.jsonPath] = dataset.cells.map { OpenData.csvRow($0, columns: columns) }
    }

    /// After unit `unit`'s row at `old` moved to `new`: its ranked dataset's and search entry's
    /// texts move, made again; its other datasets are made again whole. False when the counts
    /// do not match what they were made from (then they are all made again when next asked).
    mutating func move(unit: Int, from old: Int, to new: Int, units: [any UnitRendering]) -> Bool {
        let ranked = units[unit].rankedDataset
        for dataset in units[unit].datasets {
            guard dataset.jsonPath == ranked else {
                set(dataset)
                continue
            }
            let path = dataset.jsonPath
            guard json[path]?.count == dataset.count, csv[path]?.count == dataset.count, new < dataset.count else { return false }
            json[path, default: []].remove(at: old)
            json[path, default: []].insert(OpenData.jsonRow(dataset, at: new), at: new)
            csv[path, default: []].remove(at: old)
            csv[path, default: []].insert(OpenData.csvRow(dataset, at: new), at: new)
        }
        let entries = units[unit].searchEntries
        guard unit < searchStarts.count, new < entries.count else { return false }
        search.remove(at: searchStarts[unit] + old)
        search.insert(SearchIndex.line(entries[new]), at: searchStarts[unit] + new)
        return true
    }
}
