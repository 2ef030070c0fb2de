/// Where the checklist's outputs live.
public enum ChecklistPaths {
    public static let page = "cong-khai/"
    /// The quarter's list exists only as a notice-board sheet, with the other print editions.
    public static func sheet(year: Int, quarter: Int) -> String { "in/cong-khai-\(year)-quy-\(quarter)/" }
    public static let json = "cong-khai/danh-sach-cong-khai.json"
    public static let csv = "cong-khai/danh-sach-cong-khai.csv"
}
