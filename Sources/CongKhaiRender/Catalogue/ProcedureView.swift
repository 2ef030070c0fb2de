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
    let fees: [FeeFacts]

    /// `fees`: every fee's facts by its id, made once per render.
    init(_ procedure: Procedure, catalogue: Catalogue, portalURL: String?, fees: [String: FeeFacts]) {
        self.procedure = procedure
        feeSummary = catalogue.feeSummary(procedure)
        deadlineSummary = catalogue.deadlineSummary(procedure)
        onlineURL = procedure.onlineLevel != .inPerson ? procedure.onlineURL ?? portalURL : nil
        channels = procedure.channels.map { ChannelItem(label: $0.channel.label, deadline: $0.deadline, fee: $0.fee) }
        legalBasis = procedure.legalBasis.map(DocumentItem.init)
        publication = procedure.publication.map(DocumentItem.init)
        if procedure.forms.isEmpty {
            forms = []
        } else {
            let folder = String(procedure.path.split(separator: "/").dropLast().joined(separator: "/"))
            forms = procedure.forms.map { ($0.title, folder + "/" + CatalogueContext.attachmentName($0.file)) }
        }
        self.fees = procedure.feeIDs.compactMap { fees[$0] }
    }
}

/// `procedure` on a procedure's page (docs/templates.md): the keys of a catalogue row and the
/// procedure's own, with links relative to `page`.
final class ProcedureView: TemplateNode, @unchecked Sendable {
    let facts: ProcedureFacts
    let pagePath: String
    /// `RelativeURL.root(from: pagePath)`, which every link of the view starts with (made once).
    let root: String
    /// The forms and fees with their links, made when first read (a template reads them more
    /// than once: `{{#fees}}` and `{{^fees}}`). A view is read by its own page's render only.
    private var formItems: [TemplateNode]?
    private var feeItems: [TemplateNode]?

    init(facts: ProcedureFacts, pagePath: String) {
        self.facts = facts
        self.pagePath = pagePath
        root = RelativeURL.root(from: pagePath)
    }

    static let allKeys = ["code", "name", "href", "field", "field_href", "fee_summary", "level_label", "level_slug", "deadline", "level",
                          "partial_reason", "deadline_text", "subjects", "agency", "result", "online_url", "is_free", "channels",
                          "legal_basis", "forms", "publication", "fees"]

    override var keys: [String] { Self.allKeys }

    override func child(_ key: String, known: TemplateKey?) -> TemplateValue? {
        guard let known else { return nil }
        let procedure = facts.procedure
        switch known {
        case .code: return .text(procedure.code)
        case .name: return .text(procedure.name)
        case .href: return .text(root + procedure.path + "index.html")
        case .field: return .text(procedure.field)
        case .fieldHref: return .text(root + "thu-tuc/" + procedure.fieldSlug + "/index.html")
        case .feeSummary: return .text(facts.feeSummary)
        case .levelLabel: return procedure.onlineLevel.map { .text($0.label) }
        case .levelSlug: return procedure.onlineLevel.map { .text($0.slug) }
        case .deadline: return facts.deadlineSummary.map(TemplateValue.text)
        case .level: return procedure.level.map(TemplateValue.text)
        case .partialReason: return procedure.partialReason.map(TemplateValue.text)
        case .deadlineText: return procedure.deadline.map(TemplateValue.text)
        case .subjects: return procedure.subjects.map(TemplateValue.text)
        case .agency: return procedure.agency.map(TemplateValue.text)
        case .result: return procedure.result.map(TemplateValue.text)
        case .onlineUrl: return facts.onlineURL.map(TemplateValue.text)
        case .isFree: return .flag(procedure.isFree)
        case .channels: return .nodes(facts.channels)
        case .legalBasis: return .nodes(facts.legalBasis)
        case .forms:
            if let formItems { return .nodes(formItems) }
            let items: [TemplateNode] = facts.forms.map { FormItem(title: $0.title, href: root + $0.path) }
            formItems = items
            return .nodes(items)
        case .publication: return facts.publication.map(TemplateValue.node)
        case .fees:
            if let feeItems { return .nodes(feeItems) }
            // Each fee with its rates, linked to the fee schedule from this page.
            let schedule = root + "phi-le-phi/index.html#"
            let items: [TemplateNode] = facts.fees.map { FeeView(facts: $0, href: schedule + $0.fee.id) }
            feeItems = items
            return .nodes(items)
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

    override func child(_ key: String, known: TemplateKey?) -> TemplateValue? {
        guard let known else { return nil }
        switch known {
        case .label: return .text(label)
        case .deadline: return deadline.map(TemplateValue.text)
        case .fee: return fee.map(TemplateValue.text)
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

    override func child(_ key: String, known: TemplateKey?) -> TemplateValue? {
        guard let known else { return nil }
        switch known {
        case .number: return .text(document.number)
        case .title: return document.title.map(TemplateValue.text)
        case .dateText: return document.date.map { .text($0.vietnamese) }
        case .issuer: return document.issuer.map(TemplateValue.text)
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

    override func child(_ key: String, known: TemplateKey?) -> TemplateValue? {
        guard let known else { return nil }
        switch known {
        case .title: return .text(title)
        case .href: return .text(href)
        default: return nil
        }
    }
}

/// A fee as a procedure's page shows it (without the fee's own list of procedures), made
/// once per render: thousands of procedures may charge it.
final class FeeFacts: @unchecked Sendable {
    let fee: Fee
    let summary: String
    let rates: [TemplateNode]
    let exemptions: [TemplateNode]
    let document: TemplateNode?
    let procedureCount: Int

    init(_ fee: Fee, procedureCount: Int) {
        self.fee = fee
        summary = fee.summary
        rates = fee.rates.map { RateItem(amountText: $0.amount == 0 ? "Miễn phí" : VietnameseFormat.money($0.amount), condition: $0.condition) }
        exemptions = fee.exemptions.map(TextItem.init)
        document = fee.legalDocument.map(DocumentItem.init)
        self.procedureCount = procedureCount
    }
}

/// `CatalogueContext.fee(_:from:listingProcedures: false)`, typed: the href is the page's own.
final class FeeView: TemplateNode, @unchecked Sendable {
    let facts: FeeFacts
    let href: String

    init(facts: FeeFacts, href: String) {
        self.facts = facts
        self.href = href
    }

    static let allKeys = ["id", "name", "summary", "href", "rates", "exemptions", "has_exemptions", "kind_label", "unit", "method", "payer",
                          "effective_text", "document", "procedure_count"]

    override var keys: [String] { Self.allKeys }

    override func child(_ key: String, known: TemplateKey?) -> TemplateValue? {
        guard let known else { return nil }
        let fee = facts.fee
        switch known {
        case .id: return .text(fee.id)
        case .name: return .text(fee.name)
        case .summary: return .text(facts.summary)
        case .href: return .text(href)
        case .rates: return .nodes(facts.rates)
        case .exemptions: return .nodes(facts.exemptions)
        case .hasExemptions: return .flag(!fee.exemptions.isEmpty)
        case .kindLabel: return fee.kind.map { .text($0.label) }
        case .unit: return fee.unit.map(TemplateValue.text)
        case .method: return fee.collectionMethod.map(TemplateValue.text)
        case .payer: return fee.payer.map(TemplateValue.text)
        case .effectiveText: return fee.effectiveFrom.map { .text($0.vietnamese) }
        case .document: return facts.document.map(TemplateValue.node)
        case .procedureCount: return .number(facts.procedureCount)
        default: return nil
        }
    }
}

/// One rate of a fee.
final class RateItem: TemplateNode, @unchecked Sendable {
    let amountText: String
    let condition: String?

    init(amountText: String, condition: String?) {
        self.amountText = amountText
        self.condition = condition
    }

    static let allKeys = ["amount_text", "condition"]

    override var keys: [String] { Self.allKeys }

    override func child(_ key: String, known: TemplateKey?) -> TemplateValue? {
        guard let known else { return nil }
        switch known {
        case .amountText: return .text(amountText)
        case .condition: return condition.map(TemplateValue.text)
        default: return nil
        }
    }
}

/// A line of text in a list (`{{text}}`).
final class TextItem: TemplateNode, @unchecked Sendable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    override var keys: [String] { ["text"] }

    override func child(_ key: String, known: TemplateKey?) -> TemplateValue? {
        known == .text ? .text(text) : nil
    }
}
