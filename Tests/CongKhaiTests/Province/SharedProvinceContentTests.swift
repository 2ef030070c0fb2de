import CongKhaiBuild
import CongKhaiModel
@testable import CongKhaiProvince
import Foundation
import Testing

/// The province's shared content (`tinh/`, `templates/`) in whole-province builds.
@Suite struct SharedProvinceContentTests {
    static let asOf = CalendarDate(year: 2026, month: 11, day: 23)!
    static let home = "---\ntieu_de: Trang chủ\n---\nChào mừng.\n"
    static func commune(_ name: String) -> String { "ten: Ủy ban nhân dân xã \(name)\nten_ngan: Xã \(name)\nloai: xa\ntinh: Tỉnh B\n" }
    static func procedure(_ code: String, decision: String = "1412/QĐ-UBND", date: String = "2025-07-18", bases: [String] = ["60/2014/QH13", "123/2015/NĐ-CP"]) -> String {
        "---\nma: \"\(code)\"\nten: \"Thủ tục \(code)\"\nlinh_vuc: \"Hộ tịch\"\ncap_thuc_hien: \"Cấp xã\"\nphi: mien\n"
            + "can_cu_phap_ly:\n" + bases.map { "  - so_hieu: \"\($0)\"\n" }.joined()
            + "cong_bo:\n  so: \"\(decision)\"\n  ngay: \(date)\n---\n## Trình tự thực hiện\n\nNộp hồ sơ.\n"
    }

    func build(_ files: [String: String]) throws -> (TestSite, ProvinceBuild.Report) {
        var all = ["tinh.yaml": "ten: Tỉnh B\n",
                   "xa/a/content/site.yaml": Self.commune("A"), "xa/a/content/_index.md": Self.home,
                   "xa/b/content/site.yaml": Self.commune("B"), "xa/b/content/_index.md": Self.home]
        all.merge(files) { _, new in new }
        let site = try TestSite(all, theme: false)
        let log = DiagnosticLog()
        let province = try #require(ProvinceLoader.load(site.folder, log: log))
        var builder = ProvinceBuild(province: province, asOf: Self.asOf)
        builder.parallelCommunes = 2
        return (site, builder.buildAll())
    }

    @Test func aProblemInASharedProcedureIsReportedOnceAtTheProvincesFile() throws {
        let (_, report) = try build([
            "tinh/thu-tuc/ho-tich/1.000656.md": "---\nma: \"1.000656\"\nten: \"Khai tử\"\nlinh_vuc: \"Hộ tịch\"\nmuc_do: nhanh\n---\nNội dung.\n",
        ])
        let level = report.diagnostics.filter { $0.key == "procedure.level" }
        #expect(level.count == 1, "\(report.diagnostics.map(\.formatted))")
        #expect(level.first?.location.path == "tinh/thu-tuc/ho-tich/1.000656.md")
        #expect(level.first?.location.line == 5)
    }

    @Test func deviationsFromTheCatalogueAreComputedFromContent() throws {
        let (site, report) = try build([
            "tinh/thu-tuc/ho-tich/1.000656.md": Self.procedure("1.000656"),
            "tinh/thu-tuc/ho-tich/1.000894.md": Self.procedure("1.000894"),
            "tinh/thu-tuc/ho-tich/1.001193.md": Self.procedure("1.001193"),
            // a: its own copy of 1.000894 under an older decision and one basis fewer; one of its own.
            "xa/a/content/thu-tuc/ho-tich/1.000894.md": Self.procedure("1.000894", decision: "0987/QĐ-UBND", date: "2024-04-12", bases: ["60/2014/QH13"]),
            "xa/a/content/thu-tuc/ho-tich/2.000001.md": Self.procedure("2.000001"),
            // b: does not apply 1.001193; its own copy of 1.000656 is the province's, word for word.
            "xa/b/content/thu-tuc/khong-ap-dung.yaml": "khong_ap_dung:\n  - ma: \"1.001193\"\n    ly_do: \"Không có\"\n",
            "xa/b/content/thu-tuc/ho-tich/1.000656.md": Self.procedure("1.000656"),
        ])
        #expect(report.errorCount == 0 && report.failure == nil, "\(report.diagnostics.map(\.formatted))")
        let data = try #require(FileManager.default.contents(atPath: site.folder.appendingPathComponent("public/du-lieu/thu-tuc-toan-tinh.json").path))
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        func row(_ commune: String, _ code: String) -> [String: Any]? {
            rows.first { $0["xa"] as? String == commune && $0["ma"] as? String == code }
        }
        #expect(row("a", "1.000656")?["so_voi_tinh"] as? String == "dung")
        #expect(row("a", "1.000656")?["nguon"] as? String == "tinh")
        let outdated = try #require(row("a", "1.000894"))
        #expect(outdated["so_voi_tinh"] as? String == "can_cu_cu")
        #expect(outdated["nguon"] as? String == "xa")
        #expect((outdated["ghi_chu"] as? String)?.contains("0987/QĐ-UBND") == true)
        #expect((outdated["ghi_chu"] as? String)?.contains("123/2015/NĐ-CP") == true)
        #expect(row("a", "2.000001")?["so_voi_tinh"] as? String == "thua")
        let missing = try #require(row("b", "1.001193"))
        #expect(missing["so_voi_tinh"] as? String == "thieu")
        #expect(missing["dia_chi"] is NSNull)
        #expect((missing["ghi_chu"] as? String)?.contains("Không có") == true)
        #expect(row("b", "1.000656")?["so_voi_tinh"] as? String == "dung")
        #expect(row("b", "1.000656")?["nguon"] as? String == "xa")
        // Inherited pages are the commune's own pages; the excluded procedure is not published.
        #expect(FileManager.default.fileExists(atPath: site.folder.appendingPathComponent("public/a/thu-tuc/ho-tich/1.001193/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: site.folder.appendingPathComponent("public/b/thu-tuc/ho-tich/1.001193/index.html").path))
    }

    @Test func aSharedFileIsLoadedOnceForAllTheCommunesAndAgainWhenItChanges() throws {
        let site = try TestSite([
            "tinh.yaml": "ten: Tỉnh B\n",
            "tinh/thu-tuc/ho-tich/1.000656.md": Self.procedure("1.000656"),
            "tinh/thu-tuc/ho-tich/1.000894.md": Self.procedure("1.000894"),
            "xa/a/content/site.yaml": Self.commune("A"), "xa/a/content/_index.md": Self.home,
            "xa/b/content/site.yaml": Self.commune("B"), "xa/b/content/_index.md": Self.home,
            "xa/c/content/site.yaml": Self.commune("C"), "xa/c/content/_index.md": Self.home,
        ], theme: false)
        let province = try #require(ProvinceLoader.load(site.folder, log: DiagnosticLog()))
        let shared = try #require(province.sharedContent)
        let report = ProvinceBuild(province: province, asOf: Self.asOf).buildAll()
        #expect(report.errorCount == 0, "\(report.diagnostics.map(\.formatted))")
        // Three communes inherit two procedures: two loads, not six (nor a seventh for the catalogue).
        #expect(shared.loads.count == 2)
        let page = try String(contentsOf: site.folder.appendingPathComponent("public/c/thu-tuc/ho-tich/1.000656/index.html"), encoding: .utf8)
        #expect(page.contains("Thủ tục 1.000656"))
        // An edited file (another size) is loaded again, not answered from the earlier load.
        try site.write("tinh/thu-tuc/ho-tich/1.000656.md", Self.procedure("1.000656").replacingOccurrences(of: "Thủ tục 1.000656", with: "Đăng ký khai tử"))
        let again = ProvinceBuild(province: province, asOf: Self.asOf).buildAll()
        #expect(again.errorCount == 0)
        let edited = try String(contentsOf: site.folder.appendingPathComponent("public/a/thu-tuc/ho-tich/1.000656/index.html"), encoding: .utf8)
        #expect(edited.contains("Đăng ký khai tử"))
    }

    @Test func theProvincePagesWearTheProvincesStylesheetNotTheFirstCommunes() throws {
        let (site, report) = try build([
            "xa/a/templates/assets/style.css": "body { color: #800000; } /* của xã A */\n",
        ])
        #expect(report.errorCount == 0 && report.failure == nil, "\(report.diagnostics.map(\.formatted))")
        func css(_ path: String) throws -> String { try String(contentsOf: site.folder.appendingPathComponent("public/" + path), encoding: .utf8) }
        #expect(try css("a/assets/style.css").contains("#800000"))
        let province = try css("assets/style.css")
        #expect(!province.contains("#800000"))
        // The embedded stylesheet, minified as a commune build publishes it.
        #expect(province == (try css("b/assets/style.css")))
        let (themed, themedReport) = try build([
            "templates/assets/style.css": "main { color: #003366; }\n",
        ])
        #expect(themedReport.errorCount == 0)
        #expect(try String(contentsOf: themed.folder.appendingPathComponent("public/assets/style.css"), encoding: .utf8)
                == CSSMinifier.minify("main { color: #003366; }\n"))
    }

    @Test func theProvincesThemeAppliesFileByFileUnderACommunesOwn() throws {
        let marker = "<!-- giao diện của tỉnh -->"
        let (site, report) = try build([
            "templates/partials/footer.mustache": "<footer>\(marker)</footer>",
            "xa/b/templates/partials/footer.mustache": "<footer><!-- của xã B --></footer>",
        ])
        #expect(report.errorCount == 0 && report.failure == nil, "\(report.diagnostics.map(\.formatted))")
        let a = try String(contentsOf: site.folder.appendingPathComponent("public/a/index.html"), encoding: .utf8)
        let b = try String(contentsOf: site.folder.appendingPathComponent("public/b/index.html"), encoding: .utf8)
        #expect(a.contains(marker))
        #expect(b.contains("của xã B") && !b.contains(marker))
        // Everything else is still the embedded theme's.
        #expect(a.contains("assets/style.css") && b.contains("assets/style.css"))
    }

    @Test func aCommunes404PageLinksFromItsFolderUnlessItHasItsOwnAddress() throws {
        let (site, report) = try build(["xa/b/content/site.yaml": Self.commune("B") + "url_goc: \"https://b.example.gov.vn/\"\n"])
        #expect(report.errorCount == 0, "\(report.diagnostics.map(\.formatted))")
        // a has no url_goc: a web server answers its 404 page anywhere below /a/ of the province's host.
        let a = try String(contentsOf: site.folder.appendingPathComponent("public/a/404.html"), encoding: .utf8)
        #expect(a.contains("<a class=\"brand\" href=\"/a/index.html\">"))
        #expect(!a.contains("href=\"/index.html\""))
        // b is published at its own address too, where its root is /.
        let b = try String(contentsOf: site.folder.appendingPathComponent("public/b/404.html"), encoding: .utf8)
        #expect(b.contains("<a class=\"brand\" href=\"/index.html\">"))
    }

    @Test func aBrokenThemeFileIsNamedWhereItIsTheProvincesOnceAndTheCommunesWithItsFolder() throws {
        let (_, report) = try build([
            "templates/partials/footer.mustache": "<footer>{{#chua_dong}}</footer>",
            "xa/b/templates/partials/header.mustache": "<header>{{#chua_dong}}</header>",
        ])
        let paths = report.diagnostics.filter { $0.severity == .error }.map(\.location.path)
        #expect(paths.filter { $0 == "templates/partials/footer.mustache" }.count == 1, "\(report.diagnostics.map(\.formatted))")
        #expect(paths.contains("xa/b/templates/partials/header.mustache"))
        #expect(!paths.contains("xa/a/templates/partials/footer.mustache"))
    }

    @Test func theProvincesRuleProfileIsInheritedUnlessACommuneHasItsOwn() throws {
        let (site, report) = try build([
            "tinh/quy-tac.yaml": "quy_tac:\n  web-ban-do:\n    khong_ap_dung: true\n",
            "xa/b/content/quy-tac.yaml": "quy_tac: {}\n",
        ])
        #expect(report.errorCount == 0, "\(report.diagnostics.map(\.formatted))")
        let data = try #require(FileManager.default.contents(atPath: site.folder.appendingPathComponent("public/du-lieu/cong-khai-toan-tinh.json").path))
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let map = rows.filter { $0["quy_tac"] as? String == "web-ban-do" }
        #expect(map.filter { $0["xa"] as? String == "a" }.allSatisfy { $0["trang_thai"] as? String == "khong_ap_dung" })
        #expect(!map.filter { $0["xa"] as? String == "a" }.isEmpty)
        #expect(map.filter { $0["xa"] as? String == "b" }.allSatisfy { $0["trang_thai"] as? String != "khong_ap_dung" })
    }
}
