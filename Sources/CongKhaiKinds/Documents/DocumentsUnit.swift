import CongKhaiCheck
import CongKhaiLoad
import CongKhaiModel
import CongKhaiRender

extension PageKind {
    /// `van-ban/`: every document with the year and kind filters; its notice-board edition lists
    /// the documents in force.
    static let documentRegistry = PageKind("danh-sach-van-ban", noticeBoard: .documents)
    /// One pre-built filter: `van-ban/2026/`, `van-ban/nghi-quyet/`, `van-ban/nghi-quyet/2026/`.
    static let documentFilter = PageKind("danh-sach-van-ban-loc")
    /// One document. Made from many files: a document that replaces it changes its page.
    static let document = PageKind("van-ban")
}

extension NoticeBoardGroup {
    static let documents = NoticeBoardGroup("Văn bản", rank: 55)
}

/// The commune's document registry (`van-ban/<năm>/<ten>.md`): resolutions of the council,
/// decisions, plans and notices of the committee and its chairman, with their status and the
/// links between them (README, “Văn bản”; docs/add-a-kind.md walks through this unit).
struct DocumentsUnit: ContentUnit {
    let id = "van-ban"

    /// `van-ban/<năm>/<ten>.md`; the signed files beside them are ordinary attachments.
    func claim(_ place: ContentPlace) -> ContentClaim? {
        guard place.folders.count == 2, place.folders[0] == "van-ban", place.ext == "md", !place.isIndex else { return nil }
        return .load(path: place.folders[1])
    }

    /// `vb-qppl` and `vb-hanh-chinh` (`DocumentRules`), joined to the national profile.
    var checklistRules: String { DocumentRules.yaml }

    func load(_ source: SourceText, file: ClaimedFile, log: DiagnosticLog) -> UnitItem? {
        DocumentLoader.load(source, yearFolder: file.path, log: log).map { .value($0) }
    }

    func assemble(_ values: [any Sendable], into content: inout SiteContent, log: DiagnosticLog) {
        let registry = DocumentRegistry(values.compactMap { $0 as? OfficialDocument })
        content.units[id] = registry
        guard !registry.isEmpty else { return }
        for filter in DocumentFilter.all(in: registry) {
            let kind: PageKind = filter == DocumentFilter() ? .documentRegistry : .documentFilter
            // The editor's `_index.md` of the folder (title, introduction) becomes the list.
            if let index = content.pages.firstIndex(where: { $0.path == filter.path }) {
                content.pages[index].kind = kind
                content.pages[index].data = .unit(filter)
                continue
            }
            var page = Page(source: "content/\(filter.path)_index.md", path: filter.path, kind: kind, title: filter.title)
            if kind == .documentRegistry { page.order = 4 }
            page.data = .unit(filter)
            content.pages.append(page)
        }
        for document in registry.documents {
            var page = Page(source: document.source, path: document.path, kind: .document, title: document.title)
            page.description = document.subject
            page.date = document.issued
            page.body = document.body
            page.bodyLine = document.bodyLine
            page.data = .unit(document)
            content.pages.append(page)
        }
    }

    /// Every document the filter of a list page matches (the web list; the notice board's
    /// edition, of those in force only, is never split).
    func listRows(of page: Page, in content: SiteContent) -> Int? {
        guard case let .unit(value) = page.data, let filter = value as? DocumentFilter,
              let registry = content.unit(id, as: DocumentRegistry.self) else { return nil }
        return registry.documents.reduce(0) { $0 + (filter.matches($1) ? 1 : 0) }
    }

    func check(_ content: SiteContent, log: DiagnosticLog) {
        guard let registry = content.unit(id, as: DocumentRegistry.self), !registry.isEmpty, let asOf = content.checklist.asOf else { return }
        DocumentChecks.run(registry, attachments: Set(content.attachments.map(\.source)), asOf: asOf, log: log)
    }

    func addChecklistItems(to evaluation: inout Evaluation) {
        guard let registry = evaluation.content.unit(id, as: DocumentRegistry.self) else { return }
        DocumentRules.addItems(registry.documents, to: &evaluation)
    }

    func rendering(_ content: SiteContent, navigation: Navigation) -> any UnitRendering {
        let registry = content.unit(id, as: DocumentRegistry.self) ?? DocumentRegistry([])
        return DocumentContext(registry: registry, asOf: content.checklist.asOf ?? CalendarDate(year: 2000, month: 1, day: 1)!,
                               attachments: content.attachments)
    }
}
