import CongKhaiModel

/// Template values and machine-readable files of the posting checklist.
struct ChecklistContext: Sendable {
    let checklist: Checklist

    init(content: SiteContent) {
        self.checklist = content.checklist
    }

    /// Keys merged into the context of `page`: the checklist pages, and the home page's status box.
    func values(for page: Page) -> [String: Any] {
        [:]
    }

    /// `cong-khai/danh-sach-cong-khai.json` and `.csv`.
    func files() -> [OutputFile] {
        []
    }

    /// Listed on `du-lieu/`.
    var datasets: [OpenData.Dataset] {
        []
    }
}
