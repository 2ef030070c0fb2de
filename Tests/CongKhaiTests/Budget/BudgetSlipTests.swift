import CongKhaiModel
import Testing

@Suite("Budget: the slip fixture reports each slip once, where it is")
struct BudgetSlipTests {
    @Test func eachSlipExactlyOnceAndNothingElse() throws {
        let site = try TestSite(try BudgetFixtures.slipFiles())
        let result = site.build()
        let csv = "content/ngan-sach/2026/thuc-hien-quy-1.csv"
        let found = result.diagnostics.map { "\($0.severity.rawValue) \($0.key) \($0.location.path):\($0.location.line):\($0.location.column)" }.sorted()
        let severities = (error: Severity.error.rawValue, warning: Severity.warning.rawValue)
        #expect(found == [
            "\(severities.error) budget.amount \(csv):7:30",
            "\(severities.error) budget.csv-cells \(csv):8:1",
            "\(severities.error) budget.total \(csv):4:20",
            "\(severities.warning) budget.rate-mismatch \(csv):6:42",
        ].sorted())
        let total = try #require(result.diagnostics("budget.total").first)
        #expect(total.message == "Tổng của dòng 2 (cột du_toan) là 5.000.000 nhưng cộng các dòng con được 5.100.000.")
        let rate = try #require(result.diagnostics("budget.rate-mismatch").first)
        #expect(rate.message.contains("86%") && rate.message.contains("21,5%"))
        #expect(result.diagnostics("budget.amount").first?.message.contains("12.3a4") == true)
    }
}
