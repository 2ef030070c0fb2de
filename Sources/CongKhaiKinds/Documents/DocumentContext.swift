import CongKhaiModel
import CongKhaiRender

/// Template values for the registry's pages (docs/templates.md, "Documents"): the filtered
/// lists and one page per document. Dates arrive as `05/09/2024`, statuses as words and a
/// badge class the theme already styles, so a template never computes.
struct DocumentContext: Sendable {
    let registry: DocumentRegistry
    let asOf: CalendarDate
    /// Published path of each attachment by its source (`content/van-ban/2026/a.pdf` → `van-ban/2026/a.pdf`).
    let files: [String: Attachment]

    init(registry: DocumentRegistry, asOf: CalendarDate, attachments: [Attachment]) {
        self.registry = registry
        self.asOf = asOf
        self.files = Dictionary(attachments.map { ($0.source, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The theme's three badge looks: in force (filled), partly (amended, not yet in force), no longer (plain).
    static func badge(_ status: OfficialDocument.Status) -> String {
        switch status {
        case .inForce: return "badge-toan-trinh"
        case .amended, .notYetInForce: return "badge-mot-phan"
        case .expired, .replaced: return "badge-truc-tiep"
        }
    }

    // MARK: Lists

    /// `van_ban` on a list page: the filter links (year and kind, each keeping the other), the rows;
    /// `inForceOnly` for the notice board, where replaced and expired documents have no place.
    /// `paging`: the page of a list split into pages, which shows its part of the rows (the
    /// counts stay the whole list's).
    func listing(_ filter: DocumentFilter, from pagePath: String, inForceOnly: Bool = false, paging: ListPaging? = nil) -> [String: Any] {
        let shown = registry.documents.filter { document in
            filter.matches(document) && (!inForceOnly || ![.replaced, .expired].contains(registry.status(of: document, asOf: asOf)))
        }
        let count = { (candidate: DocumentFilter) in registry.documents.filter(candidate.matches).count }
        func link(_ label: String, _ candidate: DocumentFilter) -> [String: Any] {
            let total = count(candidate)
            var values: [String: Any] = ["label": label, "count": VietnameseFormat.integer(total), "current": candidate == filter]
            if total > 0 { values["href"] = RelativeURL.href(from: pagePath, to: .page(candidate.path)) }
            return values
        }
        let years = [link("Tất cả các năm", DocumentFilter(kind: filter.kind))]
            + registry.years.map { link(String($0), DocumentFilter(year: $0, kind: filter.kind)) }
        let kinds = [link("Tất cả các loại", DocumentFilter(year: filter.year))]
            + registry.kinds.map { link($0.label, DocumentFilter(year: filter.year, kind: $0)) }
        return [
            "heading": filter.title,
            "is_filtered": filter != DocumentFilter(),
            "all_href": RelativeURL.href(from: pagePath, to: .page(DocumentFilter.root)),
            "total": VietnameseFormat.integer(registry.documents.count),
            "count": VietnameseFormat.integer(shown.count),
            "years": years,
            "kinds": kinds,
            "documents": shown[paging?.rows(of: shown.count) ?? shown.indices].map { row($0, from: pagePath) },
            "json_href": RelativeURL.href(from: pagePath, to: .file(DocumentOpenData.jsonPath)),
            "csv_href": RelativeURL.href(from: pagePath, to: .file(DocumentOpenData.csvPath)),
        ]
    }

    func row(_ document: OfficialDocument, from pagePath: String) -> [String: Any] {
        let status = registry.status(of: document, asOf: asOf)
        var values: [String: Any] = [
            "number": document.number,
            "subject": document.subject,
            "href": RelativeURL.href(from: pagePath, to: .page(document.path)),
            "status": status.label,
            "status_badge": Self.badge(status),
        ]
        values["kind"] = document.kind?.label
        values["issuer"] = document.issuer?.shortLabel
        values["issued_text"] = document.issued?.vietnamese
        values["issued_iso"] = document.issued?.iso
        values["effective_text"] = document.effective?.vietnamese
        values["effective_iso"] = document.effective?.iso
        values["file_href"] = file(of: document).map { RelativeURL.href(from: pagePath, to: .file($0.path)) }
        return values
    }

    // MARK: One document

    /// `van_ban` on a document's page.
    func page(_ document: OfficialDocument, from pagePath: String) -> [String: Any] {
        var values = row(document, from: pagePath)
        let status = registry.status(of: document, asOf: asOf)
        values["issuer_full"] = document.issuer?.label
        values["expires_text"] = document.expires?.vietnamese
        values["expires_iso"] = document.expires?.iso
        values["signer"] = document.signer
        values["signer_position"] = document.signerPosition
        values["is_replaced"] = status == .replaced
        values["is_no_longer"] = status == .replaced || status == .expired
        values["is_normative"] = DocumentNumber.parse(document.number)?.isNormative ?? false
        values["replaced_by"] = links(registry.replacements(of: document), from: pagePath)
        values["replaces"] = links(registry.replaced(by: document), from: pagePath)
        values["amended_by"] = links(registry.amendments(of: document), from: pagePath)
        values["amends"] = links(registry.amended(by: document), from: pagePath)
        if let attachment = file(of: document) {
            let ext = (attachment.path.split(separator: ".").last.map(String.init) ?? "").uppercased()
            values["file_name"] = document.file
            values["file_type"] = ext
            values["file_size"] = Self.size(attachment.size)
        }
        values["published_text"] = document.publishedOn?.vietnamese
        values["published_iso"] = document.publishedOn?.iso
        if let posting = document.posting {
            var board: [String: Any] = [:]
            board["from_text"] = posting.from?.vietnamese
            board["to_text"] = posting.to?.vietnamese ?? "nay"
            board["place"] = posting.place
            values["posting"] = board
        }
        values["list_href"] = RelativeURL.href(from: pagePath, to: .page(DocumentFilter.root))
        if let year = document.year {
            values["year"] = String(year)
            values["year_href"] = RelativeURL.href(from: pagePath, to: .page(DocumentFilter(year: year).path))
        }
        if let kind = document.kind {
            values["kind_href"] = RelativeURL.href(from: pagePath, to: .page(DocumentFilter(kind: kind).path))
        }
        return values
    }

    /// Found documents link to their page; a number the registry lacks is shown as written.
    func links(_ links: [DocumentRegistry.Link], from pagePath: String) -> [[String: Any]] {
        links.map { link in
            var values: [String: Any] = ["number": link.number]
            if let document = link.document {
                values["href"] = RelativeURL.href(from: pagePath, to: .page(document.path))
                values["title"] = document.title
                values["subject"] = document.subject
                values["status"] = registry.status(of: document, asOf: asOf).label
            }
            return values
        }
    }

    /// `85 KB`, `2,4 MB`: a signed scan is often under a megabyte, where "0,1 MB" says little.
    static func size(_ bytes: Int) -> String {
        bytes < 1024 * 1024 ? VietnameseFormat.integer(max(1, (bytes + 1023) / 1024)) + " KB" : VietnameseFormat.megabytes(bytes) + " MB"
    }

    /// The published attachment `tep` names, when it exists.
    func file(of document: OfficialDocument) -> Attachment? {
        guard let name = document.file, !name.contains("/") else { return nil }
        let folder = document.source.split(separator: "/").dropLast().joined(separator: "/")
        return files[folder + "/" + name]
    }
}

extension DocumentContext: UnitRendering {
    func values(for page: Page) -> [String: Any] {
        guard case let .unit(value) = page.data else { return [:] }
        if let filter = value as? DocumentFilter {
            return ["van_ban": listing(filter, from: page.path, inForceOnly: page.path.hasPrefix(PrintEdition.folder), paging: page.paging)]
        }
        if let document = value as? OfficialDocument { return ["van_ban": self.page(document, from: page.path)] }
        return [:]
    }

    var datasets: [OpenData.Dataset] { DocumentOpenData.datasets(self) }

    var searchEntries: [SearchIndex.Entry] { DocumentOpenData.searchEntries(self) }

    /// The title of `van-ban/` is the menu's (“Văn bản”); on paper the sheet is a list of what
    /// applies, dated the build day, with no number (the commune issues none for it).
    func notice(for page: Page) -> NoticeFacts? {
        guard page.kind == .documentRegistry else { return nil }
        var facts = NoticeFacts()
        facts.heading = ("DANH MỤC", "Văn bản còn hiệu lực và sắp có hiệu lực")
        return facts
    }
}
