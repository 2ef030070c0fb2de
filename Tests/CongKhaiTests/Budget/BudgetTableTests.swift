import CongKhaiModel
import Testing

@Suite("Budget: nesting, totals, rates and amounts")
struct BudgetTableTests {
    static let nested = """
    stt,noi_dung,du_toan,thuc_hien,ty_le
    I,Tổng chi,,,
    1,Chi thường xuyên,,,
    1.1,Quản lý hành chính,,,
    a,Quản lý nhà nước,600,300,
    b,Đảng,400,100,
    1.2,Y tế,1.000,500,
    2,Dự phòng,100,,
    Tổng cộng,Tổng chi ngân sách,2.100,,

    """

    @Test func levelsFollowTheNumbering() {
        #expect(BudgetRow.level(ofSTT: "IV", content: "") == 1)
        #expect(BudgetRow.level(ofSTT: "12", content: "") == 2)
        #expect(BudgetRow.level(ofSTT: "2.10", content: "") == 3)
        #expect(BudgetRow.level(ofSTT: "c", content: "") == 4)
        #expect(BudgetRow.level(ofSTT: "TỔNG", content: "") == 0)
        #expect(BudgetRow.level(ofSTT: "Tổng cộng", content: "") == 0)
        #expect(BudgetRow.level(ofSTT: "", content: "Tổng số chi") == 0)
        #expect(BudgetRow.level(ofSTT: "", content: "Ghi chú") == nil)
        #expect(BudgetRow.level(ofSTT: "1.a", content: "") == nil)
    }

    @Test func parentsAreTheSumOfTheirDirectChildren() throws {
        let result = try BudgetFixtures.site(csv: Self.nested).build()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        let page = try #require(result.text(of: "ngan-sach/2026/bao-cao/index.html"))
        // 1.1 = a + b; 1 = 1.1 + 1.2; I = 1 + 2 (the grand total also checks I).
        #expect(page.contains(">1.000<span class=\"tu-tinh\"><span aria-hidden=\"true\">*</span>"))
        #expect(page.contains(">2.000<span class=\"tu-tinh\"><span aria-hidden=\"true\">*</span>"))
        #expect(page.contains("\">2.100</td>"), "typed total kept unmarked")
        #expect(page.contains("class=\"cap-4\"") && page.contains("class=\"cap-3 budget-parent\""))
        #expect(page.contains("<th scope=\"row\"><strong>Quản lý hành chính</strong></th>"))
        #expect(page.contains("40,0%"), "1.1: 400 / 1.000")
    }

    @Test func grandTotalIsChecked() throws {
        let csv = Self.nested.replacingOccurrences(of: "Tổng cộng,Tổng chi ngân sách,2.100", with: "Tổng cộng,Tổng chi ngân sách,2.200")
        let result = try BudgetFixtures.site(csv: csv).build()
        let total = try #require(result.diagnostics("budget.total").first)
        #expect(result.diagnostics("budget.total").count == 1)
        #expect(total.message == "Tổng của tổng cộng (cột du_toan) là 2.200 nhưng cộng các dòng con được 2.100.")
        #expect(total.location == SourceLocation(path: "content/ngan-sach/2026/bao-cao.csv", line: 9, column: 30))
    }

    @Test func typedRateIsComparedAtItsOwnPrecision() {
        let computed = 846.0 * 100 / 1_000.3 // 84,57…
        #expect(TypedRate.parse("84,6")!.agrees(with: computed))
        #expect(TypedRate.parse("84.6%")!.agrees(with: computed))
        #expect(TypedRate.parse("85")!.agrees(with: computed))
        #expect(!TypedRate.parse("86")!.agrees(with: 84.6))
        // Reports cut as often as they round: 84,5 is 84,57 cut; 84,4 is neither.
        #expect(TypedRate.parse("84,5")!.agrees(with: computed))
        #expect(!TypedRate.parse("84,4")!.agrees(with: computed))
        #expect(TypedRate.parse("161")!.agrees(with: 161.83))
        #expect(TypedRate.parse("84,6a") == nil)
        #expect(TypedRate.parse("84,6")!.decimals == 1)
    }

    @Test func rateWithinRoundingIsQuietAndBeyondItWarns() throws {
        let csv = "stt,noi_dung,du_toan,thuc_hien,ty_le\n1,Chi A,1.000.300,846.000,\"84,6\"\n2,Chi B,1.000,846,86\n"
        let result = try BudgetFixtures.site(csv: csv).build()
        let warnings = result.diagnostics("budget.rate-mismatch")
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.location.line == 3)
        #expect(warnings.first?.message == "Tỷ lệ ở dòng 2 (cột ty_le) ghi 86% nhưng tính từ thuc_hien / du_toan được 84,6%.")
    }

    @Test func amountsInEveryAcceptedForm() throws {
        #expect(AmountParser.parse("5.621.772.766") == 5_621_772_766)
        #expect(AmountParser.parse("5621772766") == 5_621_772_766)
        #expect(AmountParser.parse("5 621 772 766") == 5_621_772_766)
        #expect(AmountParser.parse("12.3a4") == nil)
        let csv = "stt,noi_dung,du_toan,thuc_hien,ty_le\nI,Tổng,,,\n1,A,5.621.772.766,5621772766,\n2,B,5 621 772 766,1,\n3,C,\"1,5\",,\n"
        let result = try BudgetFixtures.site(csv: csv).build()
        let errors = result.diagnostics("budget.amount")
        #expect(errors.count == 1)
        #expect(errors.first?.location == SourceLocation(path: "content/ngan-sach/2026/bao-cao.csv", line: 5, column: 5))
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.formatted))")
    }

    @Test func headerMustMatchTheSchema() throws {
        let csv = "stt,noi_dung,du_toan,thuc_hien,ghi_chu\n1,A,1,1,x\n"
        let result = try BudgetFixtures.site(csv: csv).build()
        let header = result.diagnostics("budget.csv-header")
        #expect(header.count == 2)
        #expect(header.allSatisfy { $0.location.line == 1 })
        #expect(header.contains { $0.message.contains("ty_le") } && header.contains { $0.message.contains("ghi_chu") && $0.location.column == 32 })
    }
}

@Suite("Budget: the CSV quoting problems the import reports, at the same lines")
struct BudgetCSVQuoteTests {
    @Test func everyQuotingProblemIsAnErrorAtItsLineAndColumn() throws {
        let csv = """
        stt,noi_dung,du_toan,thuc_hien,ty_le
        1,Chi "thường xuyên",600,300,
        2,"Y tế" và giáo dục,400,100,
        3,"Dự phòng,100,50,
        4,Chi khác,50,25,

        """
        let result = try BudgetFixtures.site(csv: csv).build()
        let quotes = result.diagnostics.filter { $0.key == "budget.csv-quote" }
        #expect(quotes.map { "\($0.location.line):\($0.location.column)" } == ["2:7", "2:20", "3:9", "4:3"])
        #expect(quotes.allSatisfy { $0.severity == .error && $0.location.path == "content/ngan-sach/2026/bao-cao.csv" })
        #expect(quotes.last?.message.hasPrefix("Dấu ngoặc kép mở ở cột 3 không được đóng") == true)
    }
}
