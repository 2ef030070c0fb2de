import CongKhaiBuild
import CongKhaiModel
import Foundation
import Testing

@Suite("A home page always exists")
struct HomePageTests {
    static let procedure = """
    ---
    ma: "1.001193"
    ten: "Thủ tục đăng ký khai sinh"
    linh_vuc: "Hộ tịch"
    ---
    ## Trình tự thực hiện

    Nộp hồ sơ.
    """

    @Test func siteWithOnlySiteYAMLAndProceduresGetsAHomePageWithTheSearch() throws {
        let site = try TestSite([
            "content/site.yaml": "ten: Ủy ban nhân dân xã Thử Nghiệm\nloai: xa\ntinh: Tỉnh Lâm Đồng\nmo_ta: Trang của xã Thử Nghiệm.\n",
            "content/thu-tuc/ho-tich/1.001193.md": Self.procedure,
        ])
        let result = site.build()
        #expect(result.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
        #expect(result.diagnostics.allSatisfy { $0.key != "section.no-index" })
        let home = try #require(result.text(of: "index.html"))
        #expect(home.contains("<h1>Ủy ban nhân dân xã Thử Nghiệm</h1>"))
        #expect(home.contains("Trang của xã Thử Nghiệm."))
        // The procedure search (header box) and a way into the catalogue.
        #expect(home.contains("role=\"search\""))
        #expect(home.contains("href=\"thu-tuc/index.html\"") || home.contains("href=\"thu-tuc/\""))
    }

    @Test func anEditorsHomePageIsKept() throws {
        let result = try TestSite.minimal(["content/thu-tuc/ho-tich/1.001193.md": Self.procedure]).build()
        let home = try #require(result.text(of: "index.html"))
        #expect(home.contains("Chào mừng."))
        #expect(result.files.filter { $0.path == "index.html" }.count == 1)
    }

    /// A new site's news section has no news yet: the home page says so and sends no one to the
    /// empty list; with a news item it links the section.
    @Test func theHomePageLinksTheNewsOnlyWhenThereIsNews() throws {
        let site = try TestSite.minimal(["content/tin-tuc/_index.md": "---\ntieu_de: Tin tức\n---\n"])
        let empty = try #require(site.build().text(of: "index.html"))
        #expect(empty.contains("Chưa có tin nào."))
        #expect(!empty.contains("Xem tất cả tin tức"))
        try site.write("content/tin-tuc/hop-dan.md", "---\ntieu_de: Họp dân quý IV\nngay: 2026-10-02\n---\nNội dung.\n")
        let news = try #require(site.build().text(of: "index.html"))
        #expect(news.contains("<p class=\"more\"><a href=\"tin-tuc/index.html\">Xem tất cả tin tức</a></p>"))
        #expect(!news.contains("Chưa có tin nào."))
    }
}
