@testable import CongKhaiRender
import Foundation
import Testing

/// NĐ 224/2026: the page-rating form (Điều 10 k3 b) and the metadata for sharing (Điều 11 k5);
/// and 404.html, which a web server answers at any depth.
@Suite("Page metadata, rating form and 404")
struct PageMetaTests {
    static let withAddresses = "ten: Ủy ban nhân dân xã Thử Nghiệm\nten_ngan: Xã Thử Nghiệm\nloai: xa\ntinh: Tỉnh Lâm Đồng\n"
        + "url_goc: https://thunghiem.gov.vn/xa/\nphan_hoi_url: https://khaosat.tinh.gov.vn/danh-gia\nmo_ta: Trang của xã.\n"

    @Test func ratingFormAndOpenGraphWhenAddressesAreKnown() throws {
        let result = try TestSite.minimal(["content/site.yaml": Self.withAddresses,
                                           "content/gioi-thieu/_index.md": "---\ntieu_de: Giới thiệu\n---\nXã.\n"]).build()
        let page = try #require(result.text(of: "gioi-thieu/index.html"))
        #expect(page.contains("<form class=\"phan-hoi\" action=\"https://khaosat.tinh.gov.vn/danh-gia\" method=\"post\">"))
        #expect(page.contains("<legend>Thông tin này có hữu ích không?</legend>"))
        #expect(page.contains("<input type=\"hidden\" name=\"trang\" value=\"gioi-thieu/\">"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://thunghiem.gov.vn/xa/gioi-thieu/\">"))
        #expect(page.contains("<meta property=\"og:title\" content=\"Giới thiệu\">"))
        #expect(page.contains("<meta property=\"og:description\" content=\"Trang của xã.\">"))
        #expect(page.contains("<meta property=\"og:image\" content=\"https://thunghiem.gov.vn/xa/assets/emblem.svg\">"))
        let checklist = try #require(result.text(of: "cong-khai/danh-sach-cong-khai.json"))
        #expect(checklist.contains("web-danh-gia"))
        // 404: links start at the site's path on its own host; the stylesheet is inline.
        let missing = try #require(result.text(of: "404.html"))
        #expect(missing.contains("href=\"/xa/index.html\""))
        #expect(missing.contains("<style>") && !missing.contains("rel=\"stylesheet\""))
        #expect(!missing.contains("https://thunghiem.gov.vn/xa/assets"))
    }

    @Test func withoutAddressesNoFormNoMetadataAndTheChecklistSaysMissing() throws {
        let result = try TestSite.minimal(["content/gioi-thieu/_index.md": "---\ntieu_de: Giới thiệu\n---\nXã.\n"]).build()
        let page = try #require(result.text(of: "gioi-thieu/index.html"))
        #expect(!page.contains("phan-hoi"))
        #expect(!page.contains("og:title") && !page.contains("rel=\"canonical\""))
        let checklist = try #require(result.text(of: "cong-khai/danh-sach-cong-khai.json"))
        let items = try #require(try JSONSerialization.jsonObject(with: Data(checklist.utf8)) as? [[String: Any]])
        let rating = try #require(items.first { $0["quy_tac"] as? String == "web-danh-gia" })
        #expect(rating["trang_thai"] as? String == "thieu")
        let missing = try #require(result.text(of: "404.html"))
        #expect(missing.contains("href=\"/index.html\""))
        #expect(missing.contains("<style>"))
    }

    @Test func sitePathOfTheBaseURL() {
        #expect(PageMeta.sitePath(nil) == "/")
        #expect(PageMeta.sitePath("https://xa.gov.vn/") == "/")
        #expect(PageMeta.sitePath("https://xa.gov.vn") == "/")
        #expect(PageMeta.sitePath("https://ubnd.gov.vn/xa-hoa-van") == "/xa-hoa-van/")
    }
}
