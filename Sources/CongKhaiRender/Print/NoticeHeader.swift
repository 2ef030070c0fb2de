import CongKhaiModel
import Foundation

/// The parts of a notice-board page that NĐ 30/2020/NĐ-CP fixes: the issuing unit's name,
/// the number and the place-and-date line, and what the foot says about the posting.
/// Everything is formatted here; the `in/` templates only place it.
struct NoticeHeader: Sendable {
    let config: SiteConfig
    let asOf: CalendarDate?
    let checklist: Checklist
    let baseURL: String?
    /// The units' views: the one whose page it is says what its edition shows.
    let units: [any UnitRendering]
    /// `ỦY BAN NHÂN DÂN` / `XÃ HÒA VÂN`: the unit name is printed in capitals, the body's
    /// kind on its own line as on every commune document. Made once: every edition prints it.
    let unitLines: [String]
    /// The same, as every edition's `print.unit_lines` reads them (made once).
    let unitLineItems: [TemplateNode]
    /// `placeName`, made once: every edition's date line starts with it.
    private let place: String

    init(config: SiteConfig, asOf: CalendarDate?, checklist: Checklist, baseURL: String?, units: [any UnitRendering]) {
        self.config = config
        self.asOf = asOf
        self.checklist = checklist
        self.baseURL = baseURL
        self.units = units
        unitLines = Self.unitLines(config)
        unitLineItems = unitLines.map(TextItem.init)
        place = Self.placeName(config)
    }

    func facts(of page: Page) -> NoticeFacts? {
        for unit in units {
            if let facts = unit.notice(for: page) { return facts }
        }
        return nil
    }

    static func unitLines(_ config: SiteConfig) -> [String] {
        let name = config.name.trimmingWhitespace()
        let prefix = "ủy ban nhân dân "
        let folded = name.lowercased()
        if folded.hasPrefix(prefix) || folded.hasPrefix("uỷ ban nhân dân ") {
            return ["ỦY BAN NHÂN DÂN", capitals(String(name.dropFirst(prefix.count)))]
        }
        return [capitals(name)]
    }

    /// `Hòa Vân` from `Xã Hòa Vân`: the place name the date line starts with.
    var placeName: String { place }

    static func placeName(_ config: SiteConfig) -> String {
        let short = config.shortName.trimmingWhitespace()
        let label = config.kind.label + " "
        return short.lowercased().hasPrefix(label.lowercased()) ? String(short.dropFirst(label.count)) : short
    }

    /// `Hòa Vân, ngày 05 tháng 01 năm 2026`: NĐ 30 writes days below 10 and months 1 and 2 with a leading zero.
    func placeDate(_ date: CalendarDate) -> String {
        let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        let month = date.month < 3 ? "0\(date.month)" : "\(date.month)"
        return "\(placeName), ngày \(day) tháng \(month) năm \(date.year)"
    }

    /// The headquarters' board: where standing items (procedures, fees) are posted.
    var headquarters: String {
        config.postingPlaces.first?.name ?? "Trụ sở \(config.name)"
    }

    /// The sheet's number when the content gives one the commune itself issued (`12/BC-UBND`,
    /// `15/QĐ-UBND`); a resolution of the council or the province's decision on procedures is
    /// the basis of the notice, not its number: the sheet then has no "Số:" line at all (an
    /// empty one printed on 66 of 81 editions).
    func number(of page: Page) -> String? {
        number(facts: facts(of: page))
    }

    /// `number(of:)` from the page's facts, already asked for (an edition asks for them once).
    func number(facts: NoticeFacts?) -> String? {
        facts?.number.flatMap { $0.uppercased().hasSuffix("UBND") ? $0 : nil }
    }

    /// The date the sheet carries: when the content was published, else the build date.
    func date(of page: Page) -> CalendarDate? {
        date(of: page, facts: facts(of: page))
    }

    func date(of page: Page, facts: NoticeFacts?) -> CalendarDate? {
        guard let facts else { return page.lastChanged ?? asOf }
        return facts.date ?? asOf
    }

    enum Posting {
        case window(PostingWindow)
        /// Posted for as long as it is in force (procedures, fees: Luật 10/2022 Điều 12).
        case standing
        /// Nothing known: the clerk fills the line in by hand.
        case blank
    }

    /// Where and how long `page` (the web page) is posted: its own window, else the one the
    /// checklist found for it.
    func posting(of page: Page) -> Posting {
        posting(of: page, facts: facts(of: page))
    }

    func posting(of page: Page, facts: NoticeFacts?) -> Posting {
        if let facts {
            if let window = facts.posting { return .window(window) }
            if facts.isStanding { return .standing }
        }
        if let window = checklist.items.first(where: { $0.pagePath == page.path && $0.posting != nil })?.posting { return .window(window) }
        return .blank
    }

    func postingValues(of page: Page) -> [String: Any] {
        postingNode(of: page).dictionary
    }

    /// `postingValues`, typed (an edition's page reads it).
    func postingNode(of page: Page) -> FieldsNode {
        postingNode(of: page, facts: facts(of: page))
    }

    func postingNode(of page: Page, facts: NoticeFacts?) -> FieldsNode {
        switch posting(of: page, facts: facts) {
        case let .window(window):
            let values = FieldsNode([(.place, .text(window.place ?? headquarters))])
            values.add(.fromText, window.from?.vietnamese)
            values.add(.fromIso, window.from?.iso)
            values.add(.toText, window.to?.vietnamese)
            values.add(.toIso, window.to?.iso)
            values.add(.isWindow, .flag(true))
            values.add(.summary, "Niêm yết" + (window.from.map { " từ \($0.vietnamese)" } ?? "") + (window.to.map { " đến \($0.vietnamese)" } ?? ""))
            return values
        case .standing:
            return FieldsNode([(.place, .text(headquarters)), (.isStanding, .flag(true)), (.summary, .text("Niêm yết thường xuyên"))])
        case .blank:
            return FieldsNode([(.isBlank, .flag(true)), (.summary, .text("Chưa ghi thời gian niêm yết"))])
        }
    }

    /// The address of the online version, absolute when the site's address is known.
    func webAddress(of path: String) -> String {
        if let baseURL { return baseURL + path }
        if let domain = config.domain { return "https://\(domain)/\(path)" }
        return "/" + path
    }

    /// Document types a title may start with; NĐ 30 prints the type in capitals on its own line
    /// and the subject (trích yếu) below it.
    static let documentTypes = ["Báo cáo", "Danh mục", "Danh sách", "Kế hoạch", "Quyết định", "Thông báo", "Nghị quyết"]
    /// Each type with the lowercased prefix a title starting with it has (`báo cáo `), made once.
    static let loweredDocumentTypes = documentTypes.map { (type: $0, prefix: $0.lowercased() + " ") }

    /// `(heading, subject)`: `("BÁO CÁO", "Kết quả cải cách hành chính quý I năm 2026")`.
    func heading(of page: Page) -> (heading: String, subject: String?) {
        heading(of: page, facts: facts(of: page))
    }

    func heading(of page: Page, facts: NoticeFacts?) -> (heading: String, subject: String?) {
        let title = page.title.trimmingWhitespace()
        let folded = title.lowercased()
        for (type, prefix) in Self.loweredDocumentTypes where folded.hasPrefix(prefix) {
            let rest = title.dropFirst(type.count + 1)
            return (capitals(type), rest.prefix(1).uppercased() + rest.dropFirst())
        }
        return facts?.heading ?? ("THÔNG BÁO", title)
    }

    func capitals(_ text: String) -> String {
        Self.capitals(text)
    }

    static func capitals(_ text: String) -> String {
        text.uppercased().precomposedStringWithCanonicalMapping
    }
}
