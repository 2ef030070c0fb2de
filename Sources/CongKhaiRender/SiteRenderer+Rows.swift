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
        guard replaced == 1 else { return nil }
        next.navigation = navigation
        next.builder.navigation = navigation
        next.builder.datasets = next.builder.units.flatMap(\.datasets)
        return next
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
