import CongKhaiBuild
@testable import CongKhaiModel
@testable import CongKhaiRender
import Testing

/// Counts the default theme prints are written the Vietnamese way (`1.000 thủ tục`, `Trang
/// 12/1.203`) from their `_text` twins, while the numbers themselves stay numbers for a site's
/// own templates.
@Suite("catalogue: counts written the Vietnamese way")
struct CountTextTests {
    @Test func pageNumbersAndTitlesGroupThousands() {
        let paging = ListPaging(number: 1_200, count: 1_203, listPath: "tin-tuc/", listTitle: "Tin tức")
        #expect(paging.title == "Tin tức — Trang 1.200/1.203")
        let values = ListPagination.values(paging, from: paging.path)
        #expect(values["number"] as? Int == 1_200)
        #expect(values["count"] as? Int == 1_203)
        #expect(values["number_text"] as? String == "1.200")
        #expect(values["count_text"] as? String == "1.203")
        let next = values["next"] as? [String: Any]
        #expect(next?["number_text"] as? String == "1.201")
        #expect(next?["count_text"] as? String == "1.203")
        let items = values["items"] as? [[String: Any]] ?? []
        #expect(items.compactMap { $0["number_text"] as? String } == ["1", "1.199", "1.200", "1.201", "1.202", "1.203"])
        // Below a thousand the title is as it always was.
        #expect(ListPaging(number: 2, count: 14, listPath: "thu-tuc/", listTitle: "Thủ tục hành chính").title == "Thủ tục hành chính — Trang 2/14")
    }

    /// 1,000 procedures in Hộ tịch and one in Chứng thực: every count on the catalogue, the lĩnh
    /// vực's list and the notice-board edition is written with its thousands dot.
    @Test func aThousandProceduresReadOneDotThousand() throws {
        let site = try ProcedureFixtures.site(ProcedureFixtures.many(999))
        let result = site.build()
        #expect(result.errorCount == 0, "\(result.diagnostics.filter { $0.severity == .error })")
        let catalogue = try #require(result.text(of: "thu-tuc/index.html"))
        #expect(catalogue.contains("Có <strong>1.001 thủ tục</strong> thuộc <strong>2 lĩnh vực</strong>"))
        #expect(catalogue.contains("Hộ tịch <span class=\"pill-count\">(1.000)</span>"))
        #expect(catalogue.contains("Trực tuyến toàn trình <span class=\"pill-count\">(1.001)</span>"))
        #expect(catalogue.contains("<p class=\"pagination-status\">Trang 1/11</p>"))
        #expect(!catalogue.contains("1001 thủ tục") && !catalogue.contains("(1000)") && !catalogue.contains("(1001)"))
        let last = try #require(result.text(of: "thu-tuc/trang-11/index.html"))
        #expect(last.contains("<span class=\"field-count\">(1.000 thủ tục)</span>"))
        let field = try #require(result.text(of: "thu-tuc/ho-tich/trang-10/index.html"))
        #expect(field.contains("Xem toàn bộ danh mục (1.001 thủ tục)"))
        #expect(field.contains("Danh sách thủ tục <span class=\"field-count\">(1.000 thủ tục)</span>"))
        #expect(field.contains("<h1>Lĩnh vực Hộ tịch — Trang 10/10</h1>"))
        let edition = try #require(result.text(of: "in/thu-tuc.html"))
        #expect(edition.contains("Gồm 1.001 thủ tục thuộc 2 lĩnh vực"))
        #expect(edition.contains("Lĩnh vực Hộ tịch (1.000 thủ tục)"))
        // The notice board's index: a procedure's edition each, over a thousand in one group.
        let index = try #require(result.text(of: "in/index.html"))
        #expect(index.contains(/<span class="field-count">\(1\.0\d\d\)<\/span>/))
        #expect(!index.contains(/<span class="field-count">\(1\d{3}\)<\/span>/))
    }
}
