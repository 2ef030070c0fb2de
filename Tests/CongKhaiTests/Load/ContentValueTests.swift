import CongKhaiBuild
import CongKhaiModel
import Foundation
import Testing

/// Issue 12, classes 1 and 2: numbers and dates from content that used to crash (trap on
/// overflow or a force-unwrapped date) or hang the build. Each now ends as a `Diagnostic` at
/// the value's file and line, and the value is not used to build the site.
@Suite("Values from content: ranges, no crash, no hang")
struct ContentValueTests {
    static let caseFront = """
    ky: quy_1
    ho_so:
      ton_ky_truoc: 2
      tiep_nhan: { truc_tiep: 6, truc_tuyen: 4 }
      da_giai_quyet: { truoc_han: 5, dung_han: 4, qua_han: 1 }
      dang_giai_quyet: { trong_han: 2 }

    """

    static func report(year: String, extra: String = "") -> String {
        "---\nnam: \(year)\n" + caseFront + extra + "---\nNội dung.\n"
    }

    @Test(arguments: ["0", "-1", "1999", "2101", "99999999999999999999"])
    func reportYearOutOfRangeIsAnErrorAndNoReport(year: String) throws {
        let result = try TestSite.minimal(["content/cchc/2026-quy-1.md": Self.report(year: year)]).build()
        let found = result.diagnostics("field.range")
        #expect(found.map(\.location.path) == ["content/cchc/2026-quy-1.md"])
        #expect(found.first?.location.line == 2)
        #expect(!result.files.contains { $0.path.hasPrefix("cchc/") && $0.path.contains("quy-1") })
    }

    @Test func reportYearAfterNextYearIsLeftOut() throws {
        let result = try TestSite.minimal(["content/cchc/2090-quy-1.md": Self.report(year: "2090")]).build()
        #expect(result.diagnostics("content.future-year").map(\.location.line) == [2])
        #expect(!result.files.contains { $0.path.hasPrefix("cchc/2090") })
    }

    @Test(arguments: ["9223372036854775807", "99999999999999999999", "1000000000000001", "-5"])
    func caseCountOutOfRangeIsAnError(count: String) throws {
        let text = Self.report(year: "2026").replacingOccurrences(of: "ton_ky_truoc: 2", with: "ton_ky_truoc: \(count)")
        let result = try TestSite.minimal(["content/cchc/2026-quy-1.md": text]).build()
        let found = result.diagnostics.filter { $0.severity == .error && $0.location.path == "content/cchc/2026-quy-1.md" }
        #expect(found.contains { $0.location.line == 5 && ($0.key == "field.range" || $0.key == "reform.negative") }, "\(found.map(\.formatted))")
    }

    @Test func countsNearTheLimitAddUpWithoutOverflow() throws {
        let big = "1000000000000000"
        var text = Self.report(year: "2026", extra: """
        theo_linh_vuc:
          - linh_vuc: A
            ho_so: { ton_ky_truoc: \(big), tiep_nhan: { truc_tiep: \(big), truc_tuyen: \(big), buu_chinh: \(big) } }

        """)
        text = text.replacingOccurrences(of: "ton_ky_truoc: 2", with: "ton_ky_truoc: \(big)")
        let result = try TestSite.minimal(["content/cchc/2026-quy-1.md": text]).build()
        #expect(result.diagnostics("field.range").isEmpty)
    }

    @Test(arguments: ["1e19", ".inf", "inf", "-inf", "nan", "1e308", "3651", "-1"])
    func procedureDeadlineOutOfRangeIsAnError(value: String) throws {
        let text = ProcedureFixtures.procedure().replacingOccurrences(of: "thoi_han_ngay: 0", with: "thoi_han_ngay: \(value)")
        let result = try ProcedureFixtures.site(["content/thu-tuc/ho-tich/1.001193.md": text]).build()
        let found = result.diagnostics.filter { $0.location.path == "content/thu-tuc/ho-tich/1.001193.md" && $0.severity == .error }
        #expect(found.map(\.key).contains { $0 == "field.range" || $0 == "field.type" }, "\(found.map(\.formatted))")
        #expect(found.allSatisfy { $0.location.line == 12 }, "\(found.map(\.formatted))")
    }

    static func rules(_ deadline: String) -> String {
        "quy_tac:\n  dieu-11-k8:\n    han: { \(deadline) }\n"
    }

    @Test(arguments: ["ngay: 999999999999", "ngay: -3", "ngay_lam_viec: 99999999", "ngay_lam_viec: -1",
                      "ngay_lam_viec: 9223372036854775807", "ngay_trong_thang: 0", "ngay_trong_thang: 99999999999"])
    func ruleDeadlineOutOfRangeIsAnErrorAtItsLine(deadline: String) throws {
        let result = try TestSite.minimal(["content/quy-tac.yaml": Self.rules(deadline)]).build()
        let found = result.diagnostics("field.range")
        #expect(found.map(\.location.path) == ["content/quy-tac.yaml"])
        #expect(found.first?.location.line == 3)
        #expect(result.diagnostics("checklist.deadline").isEmpty)
    }

    @Test func negativeMinimumPostingDaysIsAnError() throws {
        let result = try TestSite.minimal(["content/quy-tac.yaml": "quy_tac:\n  dieu-11-k8:\n    niem_yet_toi_thieu: -30\n"]).build()
        #expect(result.diagnostics("field.range").map(\.location.line) == [3])
    }

    static func budget(year: String) -> String {
        BudgetFixtures.sidecar(kind: "du_toan", period: nil).replacingOccurrences(of: "nam: 2026", with: "nam: \(year)")
    }

    @Test(arguments: ["202", "20266", "0000", "1999"])
    func budgetFolderThatIsNotAYearIsOneErrorAtTheFolder(folder: String) throws {
        let result = try TestSite.minimal([
            "content/ngan-sach/\(folder)/du-toan.yaml": BudgetFixtures.sidecar(kind: "du_toan", period: nil).replacingOccurrences(of: "nam: 2026\n", with: ""),
            "content/ngan-sach/\(folder)/du-toan.csv": "STT,Nội dung,Dự toán năm\n1,Thu,100\n",
        ]).build()
        #expect(result.diagnostics("budget.folder-year").map(\.location.path) == ["content/ngan-sach/\(folder)/"])
        // No disclosure from it, so no checklist of every budget since year 202.
        #expect(result.checklist.items.allSatisfy { $0.year >= 2000 })
        #expect(result.checklist.items.count < 50)
    }

    @Test(arguments: ["0", "202", "-2026", "99999"])
    func budgetYearOutOfRangeIsAnErrorAtItsLine(year: String) throws {
        let result = try TestSite.minimal([
            "content/ngan-sach/2026/du-toan.yaml": Self.budget(year: year),
            "content/ngan-sach/2026/du-toan.csv": "STT,Nội dung,Dự toán năm\n1,Thu,100\n",
        ]).build()
        #expect(result.diagnostics("field.range").map(\.location.description) == ["content/ngan-sach/2026/du-toan.yaml:2:6"])
        #expect(result.checklist.items.allSatisfy { $0.year >= 2000 })
    }
}
