import CongKhaiBuild
import CongKhaiModel
import Foundation
import Testing

/// Reports as communes write them: totals without their split, and `so_lieu` figures checked
/// the way people write them. Each class of slip: found, not found when consistent, shown on
/// the page and in the open data.
@Suite("Reform reports: partial figures and stated figures")
struct StatedFigureTests {
    static let path = "content/cchc/2026-quy-1.md"

    /// 1.261 decided without its split, 33 pending without its split, 40 carried over.
    static let front = """
    nam: 2026
    ky: quy_1
    ho_so:
      ton_ky_truoc: 40
      tiep_nhan: { tong: 1254, truc_tuyen: 700 }
      da_giai_quyet: { tong: 1261, qua_han: 11 }
      dang_giai_quyet: 33

    """

    static func site(_ soLieu: String = "", loai: String = "xa", extra: [String: String] = [:]) throws -> TestSite {
        var files = ["content/cchc/2026-quy-1.md": "---\n" + front + soLieu + "---\nNội dung.\n"]
        files["content/site.yaml"] = "ten: Ủy ban nhân dân \(loai == "phuong" ? "phường" : "xã") Thử Nghiệm\nten_ngan: Thử Nghiệm\nloai: \(loai)\ntinh: Tỉnh Lâm Đồng\n"
        files.merge(extra) { _, new in new }
        return try TestSite.minimal(files)
    }

    static func page(_ result: BuildResult) throws -> String {
        try #require(result.text(of: "cchc/2026-quy-1/index.html"))
    }

    @Test func totalsWithoutTheirSplitBuildAndShowNotGiven() throws {
        let result = try Self.site(loai: "phuong").build()
        #expect(result.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
        #expect(result.diagnostics.filter { $0.key.hasPrefix("reform.") }.isEmpty, "\(result.diagnostics.map(\.formatted))")
        let html = try Self.page(result)
        #expect(html.contains("<tr><th scope=\"row\">Đã giải quyết</th><td class=\"number\">1.261</td></tr>"))
        #expect(html.contains("<tr><th scope=\"row\">– trước hạn</th><td class=\"number\">không nêu</td></tr>"))
        #expect(html.contains("<tr><th scope=\"row\">Đang giải quyết</th><td class=\"number\">33</td></tr>"))
        #expect(html.contains("<tr><th scope=\"row\">– trong hạn</th><td class=\"number\">không nêu</td></tr>"))
        #expect(html.contains("Chi tiết hồ sơ toàn phường"))
        #expect(html.contains("<tr><th scope=\"row\">Toàn phường</th>") || !html.contains("cchc-fields"))
        #expect(!html.contains("Toàn xã"))
        #expect(!html.contains("<td class=\"number\">0</td>"))
        // 1.250 of 1.261 in time (quá hạn 11): 99,1%.
        #expect(html.contains("99,1%"))
        let csv = try #require(result.text(of: "du-lieu/cchc.csv"))
        let header = csv.split(separator: "\r\n")[0].split(separator: ",", omittingEmptySubsequences: false)
        let row = csv.split(separator: "\r\n")[1].split(separator: ",", omittingEmptySubsequences: false)
        let early = try #require(header.firstIndex(of: "da_giai_quyet_truoc_han"))
        let decided = try #require(header.firstIndex(of: "da_giai_quyet"))
        #expect(row[early] == "")
        #expect(row[decided] == "1261")
    }

    @Test func fieldTableShowsOnlyTheColumnsTheReportGives() throws {
        let fields = """
        theo_linh_vuc:
          - linh_vuc: Hộ tịch
            ho_so: { tiep_nhan: 800, da_giai_quyet: 790 }
          - linh_vuc: Đất đai
            ho_so: { tiep_nhan: 454, da_giai_quyet: 471 }

        """
        let result = try Self.site(fields).build()
        #expect(result.diagnostics.filter { $0.key.hasPrefix("reform.") }.isEmpty, "\(result.diagnostics.map(\.formatted))")
        let html = try Self.page(result)
        #expect(html.contains("<tr><th scope=\"col\">Lĩnh vực</th><th scope=\"col\">Tiếp nhận mới</th><th scope=\"col\">Đã giải quyết</th></tr>"))
        #expect(html.contains("<tr><th scope=\"row\">Đất đai</th><td class=\"number\" data-label=\"Tiếp nhận mới\">454</td><td class=\"number\" data-label=\"Đã giải quyết\">471</td></tr>"))
        // A lĩnh vực total that does not add up is still found.
        let wrong = try Self.site(fields.replacingOccurrences(of: "tiep_nhan: 454", with: "tiep_nhan: 450")).build()
        #expect(wrong.diagnostics("reform.field-sum").first?.message.contains("“tiep_nhan”: các lĩnh vực cộng lại 1.250") == true)
    }

    @Test func onlineRateOverAllCasesIsALegitimateDefinition() throws {
        // 700 online: 55,8% of 1.254 new, 54,1% of 1.294 incl. carried over; 53% is neither.
        let agreeing = try Self.site("so_lieu:\n  - { noi_dung: Tỷ lệ trực tuyến, dai_luong: ty_le_truc_tuyen, ghi: \"54,1%\" }\n  - { noi_dung: Tỷ lệ trực tuyến (mục II), dai_luong: ty_le_truc_tuyen, ghi: \"55,8%\" }\n").build()
        #expect(agreeing.diagnostics("reform.stated-rate").isEmpty)
        let wrong = try Self.site("so_lieu:\n  - { noi_dung: Tỷ lệ trực tuyến, dai_luong: ty_le_truc_tuyen, ghi: \"53%\" }\n").build()
        let found = wrong.diagnostics("reform.stated-rate")
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(path: Self.path, line: 10))
        #expect(found.first?.message.contains("55,8%") == true)
        #expect(found.first?.message.contains("54,1%") == true)
        let html = try Self.page(wrong)
        #expect(html.contains("Số liệu trong báo cáo đã ký: 53%; tính lại từ số liệu: 55,8%."))
    }

    @Test func ratioOfTwoCountsMatchesRoundedOrCut() throws {
        let figures = """
        so_lieu:
          - { noi_dung: Thu ngân sách so với dự toán, ghi: "161%", tu_so: 16183, mau_so: 10000 }
          - { noi_dung: Hiến máu vượt chỉ tiêu, ghi: "9,15%", tu_so: 10915, mau_so: 10000, cach_tinh: vuot }
          - { noi_dung: Thu ngân sách đạt dự toán, ghi: "86%", tu_so: 8455, mau_so: 10000 }

        """
        let result = try Self.site(figures).build()
        let found = result.diagnostics("reform.stated-rate")
        #expect(found.map(\.location.line) == [12], "\(result.diagnostics.map(\.formatted))")
        #expect(found.first?.message.contains("84,6%") == true)
        #expect(try Self.page(result).contains("Số liệu trong báo cáo đã ký: 86%; tính lại từ số liệu: 84,6%."))
        let json = try #require(result.text(of: "du-lieu/cchc-so-lieu.json"))
        #expect(json.contains("\"so_lieu_bao_cao\" : \"86%\""))
        #expect(json.contains("\"tinh_lai\" : \"84,6%\""))
        #expect(json.contains("\"danh_gia\" : \"sai_lech\""))
    }

    @Test func sharesOfOneWholeOverHundredAreASlip() throws {
        let over = try Self.site("so_lieu:\n  - { noi_dung: Hồ sơ điện tử toàn trình và song song bản giấy, phan: [\"100%\", \"0,2%\"] }\n").build()
        let found = over.diagnostics("reform.shares-over")
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message.contains("100,2%") == true)
        #expect(try Self.page(over).contains("các phần cộng lại 100,2%, vượt 100%"))
        let fine = try Self.site("so_lieu:\n  - { noi_dung: Hồ sơ điện tử toàn trình và song song bản giấy, phan: [\"99,8%\", \"0,2%\"] }\n").build()
        #expect(fine.diagnostics("reform.shares-over").isEmpty)
        #expect(try !Self.page(fine).contains("Số liệu cần đính chính"))
    }

    @Test func sameQuantityStatedTwiceAndTheCatalogueCount() throws {
        let figures = """
        so_lieu:
          - { noi_dung: Số TTHC thuộc thẩm quyền (mục I), dai_luong: so_thu_tuc, ghi: 148 }
          - { noi_dung: Số TTHC thuộc thẩm quyền (mục III), dai_luong: so_thu_tuc, ghi: 166 }
          - { noi_dung: Số TTHC thuộc thẩm quyền (phụ lục), dai_luong: so_thu_tuc, ghi: 148 }

        """
        let result = try Self.site(figures).build()
        let twice = result.diagnostics("reform.stated-twice")
        #expect(twice.map(\.location.line) == [11])
        #expect(twice.first?.message.contains("148 ở dòng 10") == true)
        // The minimal site has no catalogue: nothing to compare the count with.
        #expect(result.diagnostics("reform.stated-catalogue").isEmpty)
        let html = try Self.page(result)
        #expect(html.contains("Số liệu trong báo cáo đã ký: 166; chỗ khác trong báo cáo ghi: 148."))

        let same = try Self.site(figures.replacingOccurrences(of: "ghi: 166", with: "ghi: 148")).build()
        #expect(same.diagnostics("reform.stated-twice").isEmpty)
    }

    @Test func procedureCountIsComparedWithTheCatalogue() throws {
        let procedure = try String(contentsOf: TestSite.repositoryRoot.appendingPathComponent("content/thu-tuc/ho-tich/1.000656.md"), encoding: .utf8)
        let extra = ["content/thu-tuc/ho-tich/1.000656.md": procedure]
        let wrong = try Self.site("so_lieu:\n  - { noi_dung: Số TTHC thuộc thẩm quyền, dai_luong: so_thu_tuc, ghi: 148 }\n", extra: extra).build()
        let found = wrong.diagnostics("reform.stated-catalogue")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("có 1 thủ tục") == true)
        #expect(try Self.page(wrong).contains("danh mục thủ tục công khai trên trang này: 1."))
        let right = try Self.site("so_lieu:\n  - { noi_dung: Số TTHC thuộc thẩm quyền, dai_luong: so_thu_tuc, ghi: 1 }\n", extra: extra).build()
        #expect(right.diagnostics("reform.stated-catalogue").isEmpty)
    }

    @Test func statedTotalThatDisagreesIsShownBesideTheComputedOne() throws {
        let wrong = try Self.site("so_lieu:\n  - { noi_dung: Tổng số hồ sơ tiếp nhận, dai_luong: tong_tiep_nhan, ghi: \"1.300\" }\n").build()
        #expect(wrong.diagnostics("reform.stated-total").map(\.location.line) == [10])
        #expect(try Self.page(wrong).contains("Số liệu trong báo cáo đã ký: 1.300; tính lại từ số liệu: 1.294."))
        let right = try Self.site("so_lieu:\n  - { noi_dung: Tổng số hồ sơ tiếp nhận, dai_luong: tong_tiep_nhan, ghi: \"1.294\" }\n").build()
        #expect(right.diagnostics.filter { $0.key.hasPrefix("reform.") }.isEmpty)
    }

    @Test func unreadableFigureIsAnErrorAtItsLine() throws {
        let result = try Self.site("so_lieu:\n  - { noi_dung: Tỷ lệ, ghi: \"chín mươi\" }\n").build()
        #expect(result.diagnostics("reform.stated-format").map(\.location.line) == [10])
    }
}
