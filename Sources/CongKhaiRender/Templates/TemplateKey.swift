/// The names CongKhai's own view models answer, known when a template is compiled: a node
/// switches over this enum (a jump) instead of comparing the name with each of its keys in
/// turn, which for a procedure's twenty-odd keys was most of a lookup. A name that is none of
/// these (a site template's own, another unit's value) is still found by its text.
enum TemplateKey: String, CaseIterable, Sendable {
    case root
    case site
    case page
    case nav
    case breadcrumbs
    case feedHref = "feed_href"
    case cssHref = "css_href"
    case jsHref = "js_href"
    case generator
    case lang
    case children
    case latestNews = "latest_news"
    case quickLinks = "quick_links"
    case datasets
    case title
    case contentHtml = "content_html"
    case isHome = "is_home"
    case kind
    case address
    case description
    case author
    case dateText = "date_text"
    case dateIso = "date_iso"
    case updatedText = "updated_text"
    case updatedIso = "updated_iso"
    case sectionTitle = "section_title"
    case href
    case current
    case code
    case name
    case field
    case fieldHref = "field_href"
    case feeSummary = "fee_summary"
    case levelLabel = "level_label"
    case levelSlug = "level_slug"
    case deadline
    case level
    case partialReason = "partial_reason"
    case deadlineText = "deadline_text"
    case subjects
    case agency
    case result
    case onlineUrl = "online_url"
    case isFree = "is_free"
    case channels
    case legalBasis = "legal_basis"
    case forms
    case publication
    case fees
    case label
    case fee
    case number
    case issuer
    case id
    case summary
    case rates
    case exemptions
    case hasExemptions = "has_exemptions"
    case kindLabel = "kind_label"
    case unit
    case method
    case payer
    case effectiveText = "effective_text"
    case document
    case procedureCount = "procedure_count"
    case amountText = "amount_text"
    case condition
    case text
    case indexHref = "index_href"
    case scriptHref = "script_href"
    case catalogueHref = "catalogue_href"
    case pdfHref = "pdf_href"
    case canonical
    case siteName = "site_name"
    case image
    case unitLines = "unit_lines"
    case posting
    case webAddress = "web_address"
    case isLandscape = "is_landscape"
    case heading
    case subject
    case placeDate = "place_date"
    case webHref = "web_href"
    case place
    case fromText = "from_text"
    case fromIso = "from_iso"
    case toText = "to_text"
    case toIso = "to_iso"
    case isWindow = "is_window"
    case isStanding = "is_standing"
    case isBlank = "is_blank"
    case search
    case procedure
    case meta
    case printEdition = "print_edition"
    case printValues = "print"

    private static let byName: [String: TemplateKey] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    /// The key named `name`, by one hash lookup (`init(rawValue:)` compares with every case).
    static func named(_ name: String) -> TemplateKey? { byName[name] }
}
