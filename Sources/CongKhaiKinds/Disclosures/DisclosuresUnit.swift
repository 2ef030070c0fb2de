import CongKhaiCheck
import CongKhaiLoad
import CongKhaiModel
import CongKhaiRender

/// Other disclosures (`cong-khai/<tên>.md`, Luật 10/2022 Điều 11): one page each under
/// `cong-khai/`, and one checklist item each under its rule. Their pages' values (decision,
/// posting, checklist status) come from the checklist's rendering, which knows the status.
/// Its code: CongKhaiLoad/Checklist (DisclosureLoader, DisclosurePages).
struct DisclosuresUnit: ContentUnit {
    let id = "cong-khai"

    func claim(_ place: ContentPlace) -> ContentClaim? {
        place.ext == "md" && place.folders == ["cong-khai"] && !place.isIndex ? .load(path: "") : nil
    }

    func load(_ source: SourceText, file: ClaimedFile, log: DiagnosticLog) -> UnitItem? {
        DisclosureLoader.load(source, log: log).map { .value($0) }
    }

    func assemble(_ values: [any Sendable], into content: inout SiteContent, log: DiagnosticLog) {
        content.disclosures = values.compactMap { $0 as? Disclosure }
        content.pages = DisclosurePages.assemble(pages: content.pages, disclosures: content.disclosures)
    }

    func addChecklistItems(to evaluation: inout Evaluation) { evaluation.disclosureItems() }

    func rendering(_ content: SiteContent, navigation: Navigation) -> any UnitRendering { DisclosuresRendering() }
}

struct DisclosuresRendering: UnitRendering {
    func values(for page: Page) -> [String: Any] { [:] }

    /// The decision disclosed is the sheet's number when the commune issued it.
    func notice(for page: Page) -> NoticeFacts? {
        guard case let .disclosure(disclosure) = page.data else { return nil }
        return NoticeFacts(number: disclosure.decision?.number, date: disclosure.publishedOn ?? disclosure.decision?.date,
                           posting: disclosure.posting)
    }
}
