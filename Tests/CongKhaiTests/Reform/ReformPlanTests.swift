import CongKhaiBuild
import CongKhaiModel
import Foundation
import Testing

/// The year's plan (`cchc/<nam>-ke-hoach.md`): targets every report of the year is measured
/// against, with at least / above / at most / below / exactly, in % or counts.
@Suite("Reform plans: targets against reports")
struct ReformPlanTests {
    static let plan = """
    ---
    nam: 2026
    so_ke_hoach: "08/KH-UBND"
    chi_tieu:
      - { noi_dung: Giải quyết trước và đúng hạn, chi_so: dung_han, tren: 95% }
      - { noi_dung: Hồ sơ quá hạn, chi_so: qua_han, toi_da: 0 }
      - { noi_dung: Theo dõi trạng thái trên Hệ thống, chi_so: theo_doi_trang_thai, bang: 100% }
      - { noi_dung: Thu ngân sách so với dự toán, chi_so: thu_ngan_sach, it_nhat: 100% }
    nhiem_vu:
      - { noi_dung: Ban hành kế hoạch, chu_tri: Văn phòng, thoi_han: Quý I }
      - { noi_dung: Khảo sát sự hài lòng, thoi_han: Quý IV }
    ---
    Mục đích, yêu cầu.

    """

    /// 19 of 20 in time: exactly 95,0%, which is not "trên 95%".
    static let report = """
    ---
    nam: 2026
    ky: quy_1
    ho_so:
      ton_ky_truoc: 0
      tiep_nhan: { tong: 20 }
      da_giai_quyet: { truoc_han: 10, dung_han: 9, qua_han: 1 }
      dang_giai_quyet: 0
    ke_hoach: { nhiem_vu: 3, hoan_thanh: 1 }
    so_lieu:
      - { noi_dung: Theo dõi trạng thái, dai_luong: theo_doi_trang_thai, ghi: "100%" }
    ---
    Nội dung.

    """

    static func build(plan: String = plan, report: String = report) throws -> BuildResult {
        try TestSite.minimal(["content/cchc/2026-ke-hoach.md": plan, "content/cchc/2026-quy-1.md": report]).build()
    }

    @Test func comparisonsAreExact() {
        let above = PlanTarget(label: "x", measure: "dung_han", comparison: .above, value: .percent(WrittenPercent("95%")!), line: 1)
        #expect(above.isMet(by: .ratio(Ratio(19, of: 20))) == false)
        #expect(above.isMet(by: .ratio(Ratio(191, of: 200))) == true)
        var atLeast = above
        atLeast.comparison = .atLeast
        #expect(atLeast.isMet(by: .ratio(Ratio(19, of: 20))) == true)
        let none = PlanTarget(label: "x", measure: "qua_han", comparison: .atMost, value: .count(0), line: 1)
        #expect(none.isMet(by: .count(0)) == true)
        #expect(none.isMet(by: .count(1)) == false)
        #expect(none.isMet(by: .ratio(Ratio(1, of: 2))) == nil)
        #expect(above.text == "trên 95%")
        #expect(atLeast.text == "từ 95% trở lên")
    }

    @Test func reportPageShowsTargetActualAndVerdict() throws {
        let result = try Self.build()
        let html = try #require(result.text(of: "cchc/2026-quy-1/index.html"))
        // The indicator target comes from the plan, not retyped in the report.
        #expect(html.contains("data-label=\"Tỷ lệ\">95,0%</td><td class=\"number\" data-label=\"Chỉ tiêu\">trên 95%</td><td data-label=\"Đánh giá\"><span class=\"cchc-chua-dat\">Chưa đạt</span>"))
        #expect(html.contains("<tr><th scope=\"row\">Hồ sơ quá hạn</th><td class=\"number\" data-label=\"Kế hoạch\">không quá 0</td><td class=\"number\" data-label=\"Thực hiện\">1</td><td data-label=\"Đánh giá\"><span class=\"cchc-chua-dat\">Chưa đạt</span>"))
        #expect(html.contains("<tr><th scope=\"row\">Theo dõi trạng thái trên Hệ thống</th><td class=\"number\" data-label=\"Kế hoạch\">100%</td><td class=\"number\" data-label=\"Thực hiện\">100%</td><td data-label=\"Đánh giá\"><span class=\"cchc-dat\">Đạt</span>"))
        #expect(html.contains("<td class=\"number\" data-label=\"Thực hiện\">Báo cáo không nêu</td><td data-label=\"Đánh giá\"><span class=\"\">Chưa có số liệu để đánh giá</span>"))
        #expect(result.text(of: "in/cchc-2026-quy-1.html")?.contains("Theo dõi trạng thái trên Hệ thống") == true)
        let planPage = try #require(result.text(of: "cchc/2026-ke-hoach/index.html"))
        #expect(planPage.contains("Khảo sát sự hài lòng"))
        // The overview's charts colour and describe each period against the plan too.
        #expect(result.text(of: "cchc/index.html")?.contains("Chưa đạt (chỉ tiêu trên 95%)") == true)
        #expect(planPage.contains("Quý I 2026</a>: 95,0% (<span class=\"cchc-chua-dat\">Chưa đạt</span>)"))
    }

    @Test func targetWithoutAFigureIsAWarningAtThePlan() throws {
        let result = try Self.build()
        let found = result.diagnostics("reform.target-no-figure")
        #expect(found.count == 1, "\(result.diagnostics.map(\.formatted))")
        #expect(found.first?.location == SourceLocation(path: "content/cchc/2026-ke-hoach.md", line: 8))
        #expect(found.first?.message.contains("thu_ngan_sach") == true)
        let given = Self.report.replacingOccurrences(of: "so_lieu:\n", with: "so_lieu:\n  - { noi_dung: Thu ngân sách, dai_luong: thu_ngan_sach, ghi: \"104%\", tu_so: 104, mau_so: 100 }\n")
        #expect(try Self.build(report: given).diagnostics("reform.target-no-figure").isEmpty)
    }

    @Test func reportCountingOtherTasksThanThePlanIsAWarning() throws {
        let result = try Self.build()
        let found = result.diagnostics("reform.plan-tasks")
        #expect(found.map(\.location) == [SourceLocation(path: "content/cchc/2026-quy-1.md", line: 9)])
        #expect(found.first?.message.contains("liệt kê 2 nhiệm vụ") == true)
        let same = Self.report.replacingOccurrences(of: "nhiem_vu: 3", with: "nhiem_vu: 2")
        #expect(try Self.build(report: same).diagnostics("reform.plan-tasks").isEmpty)
    }

    @Test func targetNeedsExactlyOneLevel() throws {
        let twoLevels = Self.plan.replacingOccurrences(of: "tren: 95% }", with: "tren: 95%, it_nhat: 90% }")
        let result = try Self.build(plan: twoLevels)
        #expect(result.diagnostics("reform.target-bound").map(\.location.line) == [5])
    }

    @Test func aReportTargetWithoutFiguresIsAWarningNotDropped() throws {
        let text = "---\nnam: 2026\nky: quy_1\nho_so: { da_giai_quyet: 10 }\nchi_tieu: { so_hoa: 90 }\n---\nNội dung.\n"
        let result = try TestSite.minimal(["content/cchc/2026-quy-1.md": text]).build()
        let found = result.diagnostics("reform.target-no-figure")
        #expect(found.map(\.location) == [SourceLocation(path: "content/cchc/2026-quy-1.md", line: 5)])
        #expect(found.first?.message.contains("số hóa") == true)
    }
}
