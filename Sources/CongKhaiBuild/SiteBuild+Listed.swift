import CongKhaiKinds
import CongKhaiLoad
import CongKhaiModel
import CongKhaiRender
import Foundation

/// `serve`'s update of one item edited in what its lists show (a procedure's name, fee,
/// deadline): the item is put in place in the kept site (`LoadingUnit.spliceListed`), the kept
/// renderer follows it, the item's own pages are rendered, and each list page that shows it gets
/// just that row made again in its kept HTML (`RowLayout`). The derive stage is kept (nothing it
/// reads changed); the item's unit checks again what the edit can change (`CheckingUnit.recheck`),
/// so the findings are a fresh build's.
extension SiteBuild {
    /// assemble, for a single changed file whose item `spliceListed` takes; nil otherwise.
    func spliceListed(_ run: Pipeline.Run) -> (ListedSplice, SiteRenderer)? {
        guard let changes = run.changes, !changes.templatesChanged, changes.sources.count == 1, let path = changes.sources.first,
              let old = run.previous[path], let new = loaded[path], var site = content, var renderer else { return nil }
        // As in `splice`: held once, changed in place; a refusal is followed by a full assemble.
        // The renderer too (its navigation and catalogue); a refusal leaves it as it was.
        content = nil
        self.renderer = nil
        defer { content = site }
        guard let listed = ContentLoader.spliceListed(old, new, into: &site, units: Units.loading(units)), listed.pages.count == 1,
              renderer.replaceListed(listed.pages[0], was: listed.was, now: listed.now) else {
            self.renderer = renderer
            return nil
        }
        return (listed, renderer)
    }

    /// check, for a listed splice: the unit of the edited item checks what the edit can change
    /// and keeps the rest of the last run's findings (`CheckingUnit.recheck`). False: run every check.
    func recheckListed(_ listed: ListedSplice, site: SiteContent, log: DiagnosticLog) -> Bool {
        let previous = stageDiagnostics[.check] ?? []
        return Units.checking(units).contains { $0.recheck(listed.was, listed.now, in: site, previous: previous, log: log) }
    }

    /// render, for a listed splice: the item's pages whole, the lists' rows in place.
    func renderListed(_ run: inout Pipeline.Run) {
        guard let listed = run.listed, var renderer = run.listedRenderer, let site = content else { return }
        // Held once, so that its editions and indexes change in place rather than being copied.
        run.listedRenderer = nil
        self.renderer = nil
        let own = renderer.replace(listed.pages)
        var whole = own
        for (page, rowOnly) in renderer.listPages(listed.lists, remade: listed.remade, in: site.pages) {
            let path = SiteRenderer.outputPath(of: page)
            // The page's findings (its body's links) stay those of its last render.
            switch rowOnly ? pageOutputs[path].flatMap({ renderer.splicingRow(listed.rowKey, of: page, previous: $0) }) : nil {
            case .unchanged?: break
            case let .spliced(file)?:
                pageOutputs[path] = file
                run.splicedPaths.append(path)
            case nil: whole.append(page)
            }
        }
        store(renderer.renderPages(whole, store: spoolStore()))
        run.renderedCount = whole.count
        run.renderedPaths = whole.map(SiteRenderer.outputPath(of:)).sorted()
        run.splicedPaths.sort()
        replaceOthers(renderer.dataFiles())
        self.renderer = renderer
    }
}
