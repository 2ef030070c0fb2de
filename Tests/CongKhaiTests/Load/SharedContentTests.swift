import CongKhaiBuild
import CongKhaiKinds
import CongKhaiLoad
import CongKhaiModel
import Foundation
import Testing

/// A province's `tinh/` layered under a commune's `content/`, file by file.
@Suite struct SharedContentTests {
    static func procedure(_ code: String, _ name: String, decision: String = "1412/QĐ-UBND") -> String {
        "---\nma: \"\(code)\"\nten: \"\(name)\"\nlinh_vuc: \"Hộ tịch\"\ncong_bo:\n  so: \"\(decision)\"\n  ngay: 2025-07-18\n---\n## Trình tự thực hiện\n\nNộp hồ sơ.\n"
    }

    static let site = "ten: Ủy ban nhân dân xã A\nten_ngan: Xã A\nloai: xa\ntinh: Tỉnh B\n"

    /// A province folder with `tinh/` and one commune at `xa/a/`; removed when `body` returns.
    func province<T>(_ files: [String: String], _ body: (SharedContent, URL) throws -> T) throws -> T {
        var all = ["tinh.yaml": "ten: Tỉnh B\n", "xa/a/content/site.yaml": Self.site]
        all.merge(files) { _, new in new }
        let site = try TestSite(all, theme: false)
        return try withExtendedLifetime(site) {
            try body(SharedContent(provinceFolder: site.folder), site.folder.appendingPathComponent("xa/a"))
        }
    }

    @Test func inheritedFilesTakeTheirPlaceInTheCommunesTreeUnlessTheCommuneHasItsOwn() throws {
        try province([
            "tinh/thu-tuc/ho-tich/1.000656.md": Self.procedure("1.000656", "Khai tử"),
            "tinh/thu-tuc/ho-tich/1.000894.md": Self.procedure("1.000894", "Kết hôn"),
            "tinh/thu-tuc/ho-tich/1.001193.md": Self.procedure("1.001193", "Khai sinh"),
            "tinh/phi-le-phi.yaml": "tieu_de: Phí\nphi: []\n",
            "tinh/quy-tac.yaml": "quy_tac: {}\n",
            // Replaced at the same place, and by code from another field folder.
            "xa/a/content/phi-le-phi.yaml": "tieu_de: Phí của xã\nphi: []\n",
            "xa/a/content/thu-tuc/khac/1.000894.md": Self.procedure("1.000894", "Kết hôn (bản của xã)"),
            "xa/a/content/thu-tuc/khong-ap-dung.yaml": "khong_ap_dung:\n  - ma: \"1.001193\"\n    ly_do: \"Làm ở xã bên\"\n",
        ]) { shared, commune in
            let log = DiagnosticLog()
            let scan = try #require(shared.scan(siteFolder: commune, units: Units.loading(Units.all), log: log))
            #expect(log.all.isEmpty, "\(log.all.map(\.formatted))")
            #expect(scan.inherited == ["content/thu-tuc/ho-tich/1.000656.md", "content/quy-tac.yaml"])
            let places = scan.files.map(\.displayPath)
            #expect(places == ["content/phi-le-phi.yaml", "content/quy-tac.yaml", "content/site.yaml",
                               "content/thu-tuc/ho-tich/1.000656.md", "content/thu-tuc/khac/1.000894.md"])
            #expect(scan.files.first { $0.displayPath == "content/phi-le-phi.yaml" }?.url.path.contains("/xa/a/") == true)
            #expect(scan.files.first { $0.displayPath == "content/quy-tac.yaml" }?.url.path.hasSuffix("/tinh/quy-tac.yaml") == true)
            #expect(scan.exclusions.map(\.code) == ["1.001193"])
            #expect(scan.exclusions.first?.reason == "Làm ở xã bên")
        }
    }

    @Test func anExclusionOutsideTheCatalogueIsReportedAtItsLine() throws {
        try province([
            "tinh/thu-tuc/ho-tich/1.000656.md": Self.procedure("1.000656", "Khai tử"),
            "xa/a/content/thu-tuc/khong-ap-dung.yaml": "# danh sách\nkhong_ap_dung:\n  - ma: \"1.000656\"\n  - ma: \"9.999999\"\n",
        ]) { shared, commune in
            let log = DiagnosticLog()
            let scan = try #require(shared.scan(siteFolder: commune, units: Units.loading(Units.all), log: log))
            #expect(scan.inherited.isEmpty)
            let unknown = try #require(log.all.first { $0.key == "province.exclusion-unknown" })
            #expect(unknown.location.path == "content/thu-tuc/khong-ap-dung.yaml" && unknown.location.line == 4)
            #expect(unknown.message.contains("9.999999"))
            // Read as the exclusion list, never "unused file".
            #expect(!log.all.contains { $0.key == "file.unused" })
        }
    }

    @Test func aSiteYAMLInTinhIsRefused() throws {
        try province(["tinh/site.yaml": Self.site]) { shared, commune in
            let log = DiagnosticLog()
            let scan = try #require(shared.scan(siteFolder: commune, units: Units.loading(Units.all), log: log))
            #expect(!scan.inherited.contains("content/site.yaml"))
            #expect(log.all.first { $0.key == "province.shared-site" }?.location.path == "tinh/site.yaml")
        }
    }

    @Test func aCommuneBuildPublishesInheritedProceduresAndFormsAsItsOwn() throws {
        try province([
            "tinh/thu-tuc/ho-tich/1.000656.md": Self.procedure("1.000656", "Khai tử").replacingOccurrences(
                of: "---\n## Trình", with: "mau_don:\n  - ten: Tờ khai\n    tep: to-khai.pdf\n---\n## Trình"),
            "tinh/thu-tuc/ho-tich/to-khai.pdf": "%PDF-1.4 tờ khai",
            "xa/a/content/_index.md": "---\ntieu_de: Trang chủ\n---\nChào.\n",
        ]) { shared, commune in
            var options = BuildOptions(siteFolder: commune, asOf: CalendarDate(year: 2026, month: 11, day: 23)!)
            options.sharedContent = shared
            let result = Pipeline.run(options)
            #expect(result.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
            let page = try #require(result.text(of: "thu-tuc/ho-tich/1.000656/index.html"))
            #expect(page.contains("Khai tử"))
            #expect(page.contains("to-khai.pdf"))
            let form = try #require(result.files.first { $0.path == "thu-tuc/ho-tich/to-khai.pdf" })
            guard case let .copy(url) = form.body else { Issue.record("the form is not copied from tinh/"); return }
            #expect(url.path.hasSuffix("/tinh/thu-tuc/ho-tich/to-khai.pdf"))
        }
    }
}
