import CongKhaiModel

/// Template values and open-data files for the reform-report pages.
struct ReformContext: Sendable {
    let reports: [ReformReport]

    init(reports: [ReformReport]) {
        self.reports = reports
    }

    /// Keys merged into the context of `page` (empty for pages that are not about reform reports).
    func values(for page: Page) -> [String: Any] {
        [:]
    }

    func files() -> [OutputFile] {
        []
    }
}
