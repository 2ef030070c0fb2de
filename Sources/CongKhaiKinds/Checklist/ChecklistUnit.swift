import CongKhaiCheck
import CongKhaiLoad
import CongKhaiModel
import CongKhaiRender

/// The posting checklist (Luật 10/2022 Điều 13 k2): the rules (national profile, overridden
/// by `quy-tac.yaml`), the quarterly lists and the website's standing items, the `cong-khai/`
/// page, the home page's status box, each quarter's sheet and the list as open data.
/// Its code: CongKhaiLoad/Checklist, CongKhaiCheck/Checklist, CongKhaiRender/Checklist.
struct ChecklistUnit: ContentUnit {
    let id = "quy-tac"

    func claim(_ place: ContentPlace) -> ContentClaim? {
        place.ext == "yaml" && place.stem == "quy-tac" && place.folders.isEmpty ? .load(path: "") : nil
    }

    /// A rule changed can change every item's status.
    var wholeSiteFiles: Set<String> { ["content/quy-tac.yaml"] }

    /// The rules are settings, not a disclosure: never held back.
    var holdsBackUnwritten: Bool { false }

    /// The national profile with every unit's own rules (`LoadingUnit.checklistRules`): what
    /// `quy-tac.yaml` changes, and what applies without one. Read once.
    static let profile = NationalProfile.rules(adding: Units.loading(Units.all))

    func load(_ source: SourceText, file: ClaimedFile, log: DiagnosticLog) -> UnitItem? {
        RuleOverridesLoader.load(source, base: Self.profile, log: log).map { .value($0) }
    }

    func assemble(_ values: [any Sendable], into content: inout SiteContent, log: DiagnosticLog) {
        content.ruleOverrides = values.compactMap { $0 as? RuleOverrides }.last
            ?? RuleOverrides(source: NationalProfile.path, rules: Self.profile)
    }

    func checklistYears(in content: SiteContent) -> [Int] {
        content.disclosures.compactMap { $0.effectiveRuleID == "danh-sach-quy" ? $0.period.flatMap { Int($0.prefix(4)) } : nil }
    }

    func addChecklistItems(to evaluation: inout Evaluation) {
        evaluation.quarterlyLists()
        evaluation.websiteItems()
    }

    func rendering(_ content: SiteContent, navigation: Navigation) -> any UnitRendering { ChecklistContext(content: content) }
}
