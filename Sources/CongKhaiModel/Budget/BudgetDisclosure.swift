/// One budget disclosure (dự toán, thực hiện, quyết toán): a sidecar YAML plus its CSV table.
public struct BudgetDisclosure: Sendable {
    /// The sidecar, `content/ngan-sach/2026/du-toan.yaml`.
    public var source: String
    /// Output folder, `ngan-sach/2026/du-toan/`.
    public var path: String
    public var year: Int
    public var title: String

    public init(source: String, path: String, year: Int, title: String) {
        self.source = source
        self.path = path
        self.year = year
        self.title = title
    }
}
