import CongKhaiModel

/// What a procedure's page shows wherever the page is (its web page and its notice-board
/// edition under `in/`): made once per procedure and shared by the two (`SharedViews`).
/// Links, which depend on where the page is, are made by `ProcedureView`.
final class ProcedureFacts: @unchecked Sendable {
    let procedure: Procedure
    let feeSummary: String
    let deadlineSummary: String?
    let onlineURL: String?
    let channels: [TemplateNode]
    let legalBasis: [TemplateNode]
    let publication: TemplateNode?
    /// Each form's title and where it is published, relative to the site's root.
    let forms: [(title: String, path: String)]
    let fees: [Fee]

    init(_ procedure: Procedure, catalogue: Catalogue, portalURL: String?) {
        self.procedure = procedure
        feeSummary = catalogue.feeSummary(procedure)
        deadlineSummary = catalogue.deadlineSummary(procedure)
        onlineURL = procedure.onlineLevel != .inPerson ? procedure.onlineURL ?? portalURL : nil
        channels = procedure.channels.map { ChannelItem(label: $0.channel.label, deadline: $0.deadline, fee: $0.fee) }
        legalBasis = procedure.legalBasis.map(DocumentItem.init)
        publication = procedure.publication.map(DocumentItem.init)
        let folder = String(procedure.path.split(separator: "/").dropLast().joined(separator: "/"))
        forms = procedure.forms.map { ($0.title, folder + "/" + CatalogueContext.attachmentName($0.file)) }
        fees = procedure.feeIDs.compactMap { catalogue.feesByID[$0] }
    }
}

/// `procedure` on a procedure's page (docs/templates.md): the keys of a catalogue row and the
/// procedure's own, with links relative to `page`.
final class ProcedureView: TemplateNode, @unchecked Sendable {
    let facts: ProcedureFacts
    let pagePath: String
    /// Each fee with its rates, linked to the fee schedule from this page.
    let fees: [[String: Any]]

    init(facts: ProcedureFacts, pagePath: String, fees: [[String: Any]]) {
        self.facts = facts
        self.pagePath = pagePath
        self.fees = fees
    }

    static let allKeys = ["code", "name", "href", "field", "field_href", "fee_summary", "level_label", "level_slug", "deadline", "level",
                          "partial_reason", "deadline_text", "subjects", "agency", "result", "online_url", "is_free", "channels",
                          "legal_basis", "forms", "publication", "fees"]

    override var keys: [String] { Self.allKeys }

    override func child(_ key: String) -> TemplateValue? {
        let procedure = facts.procedure
        switch key {
        case "code": return .text(procedure.code)
        case "name": return .text(procedure.name)
        case "href": return .text(RelativeURL.href(from: pagePath, to: .page(procedure.path)))
        case "field": return .text(procedure.field)
        case "field_href": return .text(RelativeURL.href(from: pagePath, to: .page("thu-tuc/\(procedure.fieldSlug)/")))
        case "fee_summary": return .text(facts.feeSummary)
        case "level_label": return procedure.onlineLevel.map { .text($0.label) }
        case "level_slug": return procedure.onlineLevel.map { .text($0.slug) }
        case "deadline": return facts.deadlineSummary.map(TemplateValue.text)
        case "level": return procedure.level.map(TemplateValue.text)
        case "partial_reason": return procedure.partialReason.map(TemplateValue.text)
        case "deadline_text": return procedure.deadline.map(TemplateValue.text)
        case "subjects": return procedure.subjects.map(TemplateValue.text)
        case "agency": return procedure.agency.map(TemplateValue.text)
        case "result": return procedure.result.map(TemplateValue.text)
        case "online_url": return facts.onlineURL.map(TemplateValue.text)
        case "is_free": return .flag(procedure.isFree)
        case "channels": return .nodes(facts.channels)
        case "legal_basis": return .nodes(facts.legalBasis)
        case "forms":
            let root = RelativeURL.root(from: pagePath)
            return .nodes(facts.forms.map { FormItem(title: $0.title, href: root + $0.path) })
        case "publication": return facts.publication.map(TemplateValue.node)
        case "fees": return .objects(fees)
        default: return nil
        }
    }
}

/// One way of submitting a procedure's file, with its own deadline and fee.
final class ChannelItem: TemplateNode, @unchecked Sendable {
    let label: String
    let deadline: String?
    let fee: String?

    init(label: String, deadline: String?, fee: String?) {
        self.label = label
        self.deadline = deadline
        self.fee = fee
    }

    static let allKeys = ["label", "deadline", "fee"]

    override var keys: [String] { Self.allKeys }

    override func child(_ key: String) -> TemplateValue? {
        switch key {
        case "label": return .text(label)
        case "deadline": return deadline.map(TemplateValue.text)
        case "fee": return fee.map(TemplateValue.text)
        default: return nil
        }
    }
}

/// A legal document a procedure cites or was published by.
final class DocumentItem: TemplateNode, @unchecked Sendable {
    let document: LegalDocument

    init(_ document: LegalDocument) {
        self.document = document
    }

    static let allKeys = ["number", "title", "date_text", "issuer"]

    override var keys: [String] { Self.allKeys }

    override func child(_ key: String) -> TemplateValue? {
        switch key {
        case "number": return .text(document.number)
        case "title": return document.title.map(TemplateValue.text)
        case "date_text": return document.date.map { .text($0.vietnamese) }
        case "issuer": return document.issuer.map(TemplateValue.text)
        default: return nil
        }
    }
}

/// A form to download from a procedure's page.
final class FormItem: TemplateNode, @unchecked Sendable {
    let title: String
    let href: String

    init(title: String, href: String) {
        self.title = title
        self.href = href
    }

    static let allKeys = ["title", "href"]

    override var keys: [String] { Self.allKeys }

    override func child(_ key: String) -> TemplateValue? {
        switch key {
        case "title": return .text(title)
        case "href": return .text(href)
        default: return nil
        }
    }
}
