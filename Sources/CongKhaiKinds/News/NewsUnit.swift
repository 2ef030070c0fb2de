import CongKhaiCheck
import CongKhaiLoad
import CongKhaiModel
import CongKhaiRender

/// News (`tin-tuc/`): ordinary Markdown pages that must carry their date. The home page's
/// latest news comes from `Navigation.newsItems`.
struct NewsUnit: ContentUnit {
    let id = "tin-tuc"

    /// News files are Markdown pages: the generic rule loads them.
    func claim(_ place: ContentPlace) -> ContentClaim? { nil }

    func load(_ source: SourceText, file: ClaimedFile, log: DiagnosticLog) -> UnitItem? { nil }

    func check(_ content: SiteContent, log: DiagnosticLog) {
        for page in content.pages where page.kind == .page && page.section == "tin-tuc" && page.date == nil {
            log.report(.error("news.no-date", at: SourceLocation(path: page.source, line: 2),
                              "Tin “\(page.title)” chưa có ngày đăng.",
                              hint: "Thêm một dòng `ngay: 2025-09-05` vào phần đầu trang."))
        }
    }

    func rendering(_ content: SiteContent, navigation: Navigation) -> any UnitRendering { NoRendering() }
}
