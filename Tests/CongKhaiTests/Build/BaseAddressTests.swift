import CongKhaiBuild
import CongKhaiModel
import Foundation
import Testing

/// `--base-url` lands in feed.xml, the sitemap and canonical links: held to `url_goc`'s rule.
@Suite("Build: --base-url")
struct BaseAddressTests {
    @Test(arguments: ["javascript:alert(1)", "JavaScript://x.vn/%0Aalert(1)", "data:text/html,<script>", "ftp://x.vn/", "//x.vn/",
                      "https://", "https://x.vn/\"><script>alert(1)</script>", "https://x.vn/ a", "hoaphong.lamdong.gov.vn"])
    func refused(_ value: String) {
        #expect(BaseAddress.problem(value) != nil)
    }

    @Test(arguments: ["https://hoaphong.lamdong.gov.vn/", "http://127.0.0.1:8080/thu/", "https://xa.vn"])
    func accepted(_ value: String) {
        #expect(BaseAddress.problem(value) == nil)
    }

    @Test func aScriptAddressNeverReachesTheFeed() throws {
        let site = try TestSite.minimal(["content/tin-tuc/a.md": "---\ntieu_de: Tin A\nngay: 2026-11-01\n---\nNội dung.\n"])
        var options = site.options()
        options.baseURL = "javascript:alert(document.domain)//"
        let result = Pipeline.run(options)
        let refused = result.diagnostics.filter { $0.key == "build.base-url" }
        #expect(refused.map(\.severity) == [.error])
        #expect(refused.first?.location.path == "--base-url")
        #expect(result.errorCount > 0)
        for file in result.files {
            guard case let .bytes(data) = file.body else { continue }
            #expect(data.range(of: Data("javascript:".utf8)) == nil, "\(file.path)")
        }
    }
}
