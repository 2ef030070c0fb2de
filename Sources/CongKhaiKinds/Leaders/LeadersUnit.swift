import CongKhaiCheck
import CongKhaiLoad
import CongKhaiModel
import CongKhaiRender

/// Leaders and introduction: `lanh-dao.yaml` in any folder becomes that folder's
/// `lanh-dao/` page with each leader's position and duties (NĐ 224/2026 Điều 9 k1 c).
/// The introduction itself (`gioi-thieu/*.md`) is ordinary Markdown pages.
struct LeadersUnit: ContentUnit {
    let id = "lanh-dao"

    func claim(_ place: ContentPlace) -> ContentClaim? {
        place.ext == "yaml" && place.stem == "lanh-dao" ? .load(path: place.folderPath + "lanh-dao/") : nil
    }

    /// A placeholder name is obvious on the page itself; the file is published as it is.
    var holdsBackUnwritten: Bool { false }

    func load(_ source: SourceText, file: ClaimedFile, log: DiagnosticLog) -> UnitItem? {
        LeadersLoader.load(source, path: file.path, log: log).map(UnitItem.page)
    }

    func rendering(_ content: SiteContent, navigation: Navigation) -> any UnitRendering { LeadersRendering() }
}

struct LeadersRendering: UnitRendering {
    func values(for page: Page) -> [String: Any] {
        guard case let .unit(value) = page.data, let leaders = value as? [Leader] else { return [:] }
        return ["leaders": leaders.map(Self.leader)]
    }

    static func leader(_ leader: Leader) -> [String: Any] {
        var values: [String: Any] = [
            "ho_ten": leader.name,
            "chuc_vu": leader.position,
            "nhiem_vu": leader.duties.map { ["text": $0] },
        ]
        values["tom_tat"] = leader.biography
        values["dien_thoai"] = leader.phone
        values["dien_thoai_href"] = leader.phone.map(Telephone.href)
        values["email"] = leader.email
        return values
    }
}
