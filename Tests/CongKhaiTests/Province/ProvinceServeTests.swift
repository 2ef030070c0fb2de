import CongKhaiBuild
import CongKhaiModel
@testable import CongKhaiProvince
import CongKhaiRender
import Foundation
import Testing

/// `serve` on a province (`ProvinceSite`): an edit reaches the communes it concerns and no
/// other, the province pages follow, and after every update the served files are the bytes a
/// fresh `build` of the same folder writes.
@Suite struct ProvinceServeTests {
    static let asOf = CalendarDate(year: 2026, month: 11, day: 23)!

    /// A copy of the example province to edit.
    final class Copy {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-tinh-serve-\(UUID().uuidString)")
        init() throws {
            try FileManager.default.copyItem(at: ProvinceBuildTests.example, to: folder)
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("public"))
        }
        deinit { try? FileManager.default.removeItem(at: folder) }

        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = folder.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            let changed = change(text)
            #expect(changed != text, "the edit of \(path) changed nothing")
            try changed.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    static func served(_ site: ProvinceSite) -> [String: Data] {
        Dictionary(site.outputFiles.compactMap { file in ProvinceSite.bytes(of: file).map { (file.path, $0) } }, uniquingKeysWith: { first, _ in first })
    }

    /// The served province equals `build` of the same folder, file for file and byte for byte.
    static func expectSameAsFreshBuild(_ site: ProvinceSite, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-tinh-fresh-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let province = try #require(ProvinceLoader.load(site.folder, log: DiagnosticLog()))
        let report = ProvinceBuild(province: province, outputFolder: output, asOf: asOf).buildAll()
        #expect(report.errorCount == 0 && report.failure == nil, "\(report.diagnostics.map(\.formatted))", sourceLocation: sourceLocation)
        var built = ProvinceBuildTests().tree(output)
        built = built.filter { !$0.key.hasSuffix(OutputWriter.markerName) }
        let served = served(site)
        #expect(served.keys.sorted() == built.keys.sorted(), sourceLocation: sourceLocation)
        for (path, bytes) in built where served[path] != bytes {
            Issue.record("\(path) differs from a fresh build", sourceLocation: sourceLocation)
        }
    }

    /// A procedure's body is on no province page (they are made from the communes' records):
    /// the edit renders that commune's two pages and leaves the province pages alone.
    @Test func aBodyEditRendersNoProvincePage() throws {
        let copy = try Copy()
        let site = ProvinceSite(folder: copy.folder, asOf: Self.asOf)
        #expect(site.build().errorCount == 0)
        let before = Self.served(site)
        let procedure = "xa/suoi-da/content/thu-tuc/ho-tich/1.000894.md"
        try copy.edit(procedure) { $0 + "\nNgười dân có thể hỏi thêm tại bộ phận một cửa.\n" }
        let update = site.update(changed: [procedure])
        #expect(update.errorCount == 0, "\(update.diagnostics.map(\.formatted))")
        #expect(update.renderedPages == 2, "the procedure's page and its notice-board edition only")
        #expect(!update.provincePagesRemade)
        let after = Self.served(site)
        let changed = Set(after.keys.filter { before[$0] != after[$0] })
        #expect(changed == ["suoi-da/thu-tuc/ho-tich/1.000894/index.html", "suoi-da/in/thu-tuc-ho-tich-1.000894.html"], "\(changed.sorted())")
        try Self.expectSameAsFreshBuild(site)
    }

    /// A procedure's title is in the province's procedure open data and search index, not on its
    /// dashboard: the edit makes again that commune's share alone and splices it into those
    /// files, whose other communes' lines stay as they were. Suối Đá publishes this procedure in
    /// its own version under an older decision, so it is on the deviation page too.
    @Test func aTitleEditSplicesOneCommunesShareIntoTheProvinceFiles() throws {
        let copy = try Copy()
        let site = ProvinceSite(folder: copy.folder, asOf: Self.asOf)
        let first = site.build()
        #expect(first.errorCount == 0)
        #expect(first.sharesRendered == 3)
        let before = Self.served(site)
        let procedure = "xa/suoi-da/content/thu-tuc/ho-tich/1.000894.md"
        try copy.edit(procedure) { $0.replacingOccurrences(of: "ten: \"Thủ tục đăng ký kết hôn\"", with: "ten: \"Thủ tục đăng ký kết hôn (sửa)\"") }
        let update = site.update(changed: [procedure])
        #expect(update.errorCount == 0, "\(update.diagnostics.map(\.formatted))")
        #expect(update.sharesRendered == 1)
        let spliced = [ProvinceOpenData.procedureCSVPath, ProvinceOpenData.procedureJSONPath, ProvinceSearch.indexPath, ProvinceDeviationPage.path]
        #expect(update.provinceFilesRemade == spliced.sorted(), "\(update.provinceFilesRemade)")
        let after = Self.served(site)
        let changed = Set(after.keys.filter { before[$0] != after[$0] && !$0.hasPrefix("suoi-da/") })
        #expect(changed == Set(spliced), "\(changed.sorted())")
        for path in spliced {
            let new = try #require(after[path]).string
            #expect(new.contains("Thủ tục đăng ký kết hôn (sửa)"), "\(path)")
            // Every row of the other communes as it was, in the same order.
            #expect(try Self.othersRows(path, new) == Self.othersRows(path, try #require(before[path]).string), "\(path)")
        }
        try Self.expectSameAsFreshBuild(site)

        // Back to the title it had: the same bytes as before the edit.
        try copy.edit(procedure) { $0.replacingOccurrences(of: " (sửa)\"", with: "\"") }
        #expect(site.update(changed: [procedure]).sharesRendered == 1)
        let restored = Self.served(site)
        for path in spliced { #expect(restored[path] == before[path], "\(path)") }
    }

    @Test func anEditInOneCommuneUpdatesThatCommuneAndItsDashboardRowOnly() throws {
        let copy = try Copy()
        let site = ProvinceSite(folder: copy.folder, asOf: Self.asOf)
        let first = site.build()
        #expect(first.errorCount == 0, "\(first.diagnostics.map(\.formatted))")
        #expect(first.communesUpdated == ["hoa-van", "suoi-da", "tan-lap"])
        let before = Self.served(site)
        // Tân Lập's report of citizens' reception, published six weeks later: late.
        let report = "xa/tan-lap/content/cong-khai/ket-qua-tiep-cong-dan-quy-3-2026.md"
        try copy.edit(report) { $0.replacingOccurrences(of: "ngay_cong_khai: 2026-10-08", with: "ngay_cong_khai: 2026-11-20") }
        let update = site.update(changed: [report])
        #expect(update.errorCount == 0, "\(update.diagnostics.map(\.formatted))")
        #expect(update.communesUpdated == ["tan-lap"])
        // Its checklist reaches the index, the dashboard and the checklist's open data, not the
        // procedures' files, the search index or the search page.
        #expect(update.sharesRendered == 1)
        #expect(update.provinceFilesRemade.contains(ProvincePages.dashboard) && update.provinceFilesRemade.contains(ProvinceOpenData.csvPath))
        #expect(!update.provinceFilesRemade.contains { [ProvinceSearch.indexPath, ProvinceSearch.page, ProvinceOpenData.procedureCSVPath].contains($0) },
                "\(update.provinceFilesRemade)")
        let after = Self.served(site)
        let changed = Set(after.keys.filter { before[$0] != after[$0] })
        #expect(changed.contains { $0.hasPrefix("tan-lap/") })
        #expect(!changed.contains { $0.hasPrefix("hoa-van/") || $0.hasPrefix("suoi-da/") }, "\(changed.sorted())")
        // The dashboard's row of Tân Lập: one more late item; the other communes' rows as they were.
        let dashboard = try #require(after[ProvincePages.dashboard]).string
        let old = try #require(before[ProvincePages.dashboard]).string
        #expect(dashboard != old)
        for other in ["Xã Hòa Vân", "Xã Suối Đá"] {
            #expect(Self.row(of: other, in: dashboard) == Self.row(of: other, in: old))
        }
        #expect(Self.row(of: "Xã Tân Lập", in: dashboard) != Self.row(of: "Xã Tân Lập", in: old))
        #expect(before[ProvinceOpenData.csvPath] != after[ProvinceOpenData.csvPath])
        try Self.expectSameAsFreshBuild(site)
    }

    /// The rows of a province-wide file that are not Suối Đá's: JSON objects by their `xa`, search
    /// entries (expanded as a browser does) by their address, other lines by the commune's folder.
    static func othersRows(_ path: String, _ text: String) throws -> [String] {
        if path == ProvinceSearch.indexPath {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-index-\(UUID().uuidString).js")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(text.utf8).write(to: file)
            return try ProvinceBuildTests.expandedIndex(file).filter { !$0[4].hasPrefix("suoi-da/") }.map { $0.joined(separator: "|") }
        }
        guard path.hasSuffix(".json") else { return text.components(separatedBy: "\n").filter { !$0.contains("suoi-da") } }
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        return try objects.filter { $0["xa"] as? String != "suoi-da" }
            .map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: .sortedKeys), as: UTF8.self) }
    }

    /// The dashboard summary's row of the commune named `name`.
    static func row(of name: String, in html: String) -> String? {
        html.components(separatedBy: "<tr>").first { $0.contains(">\(name)</a>") }
    }

    @Test func aSharedFileEditReachesTheCommunesThatInheritItAndNotOneThatOverridesIt() throws {
        let site = try TestSite([
            "tinh.yaml": "ten: Tỉnh B\n",
            "tinh/thu-tuc/ho-tich/1.000656.md": SharedProvinceContentTests.procedure("1.000656"),
            "xa/a/content/site.yaml": SharedProvinceContentTests.commune("A"), "xa/a/content/_index.md": SharedProvinceContentTests.home,
            "xa/b/content/site.yaml": SharedProvinceContentTests.commune("B"), "xa/b/content/_index.md": SharedProvinceContentTests.home,
            "xa/b/content/thu-tuc/ho-tich/1.000656.md": SharedProvinceContentTests.procedure("1.000656").replacingOccurrences(of: "Thủ tục 1.000656", with: "Khai tử của xã B"),
            "xa/c/content/site.yaml": SharedProvinceContentTests.commune("C"), "xa/c/content/_index.md": SharedProvinceContentTests.home,
        ], theme: false)
        let province = ProvinceSite(folder: site.folder, asOf: Self.asOf)
        province.parallelCommunes = 2
        #expect(province.build().errorCount == 0)
        let before = Self.served(province)
        let page = "thu-tuc/ho-tich/1.000656/index.html"
        try site.write("tinh/thu-tuc/ho-tich/1.000656.md", SharedProvinceContentTests.procedure("1.000656").replacingOccurrences(of: "Thủ tục 1.000656", with: "Đăng ký khai tử"))
        let update = province.update(changed: ["tinh/thu-tuc/ho-tich/1.000656.md"])
        #expect(update.errorCount == 0, "\(update.diagnostics.map(\.formatted))")
        #expect(update.communesUpdated == ["a", "c"])
        // B's own version is compared with the renamed procedure as before: its share is kept.
        #expect(update.sharesRendered == 2)
        let after = Self.served(province)
        #expect(after["a/" + page]?.string.contains("Đăng ký khai tử") == true)
        #expect(after["c/" + page]?.string.contains("Đăng ký khai tử") == true)
        #expect(after["b/" + page]?.string.contains("Khai tử của xã B") == true)
        #expect(!after.keys.contains { $0.hasPrefix("b/") && before[$0] != after[$0] })
        #expect(after[ProvinceOpenData.procedureCSVPath]?.string.contains("a,Ủy ban nhân dân xã A,1.000656,Đăng ký khai tử") == true)
        try Self.expectSameAsFreshBuild(province)

        // The province's theme reaches every commune without its own copy of the file.
        try site.write("xa/c/templates/partials/page-end.mustache", "")
        #expect(province.update(changed: ["xa/c/templates/partials/page-end.mustache"]).communesUpdated == ["c"])
        try site.write("templates/partials/page-end.mustache", "<!-- cuoi-trang-cua-tinh -->\n")
        let themed = province.update(changed: ["templates/partials/page-end.mustache"])
        #expect(themed.communesUpdated == ["a", "b"])
        #expect(Self.served(province)["a/index.html"]?.string.contains("cuoi-trang-cua-tinh") == true)
        try Self.expectSameAsFreshBuild(province)
    }

    @Test func anErrorInOneCommuneIsReportedAndTheOthersKeepUpdating() throws {
        let site = try TestSite([
            "tinh.yaml": "ten: Tỉnh B\n",
            "xa/a/content/site.yaml": SharedProvinceContentTests.commune("A"), "xa/a/content/_index.md": SharedProvinceContentTests.home,
            "xa/b/content/site.yaml": SharedProvinceContentTests.commune("B"), "xa/b/content/_index.md": SharedProvinceContentTests.home,
        ], theme: false)
        let province = ProvinceSite(folder: site.folder, asOf: Self.asOf)
        #expect(province.build().errorCount == 0)
        try site.write("xa/a/content/site.yaml", "ten: [\n")
        let broken = province.update(changed: ["xa/a/content/site.yaml"])
        #expect(broken.errorCount > 0)
        #expect(broken.diagnostics.contains { $0.severity == .error && $0.location.path == "xa/a/content/site.yaml" },
                "\(broken.diagnostics.map(\.formatted))")
        // Commune B still updates, and the index still lists A from its last good build.
        try site.write("xa/b/content/_index.md", "---\ntieu_de: Trang chủ\n---\nXin chào xã B.\n")
        let other = province.update(changed: ["xa/b/content/_index.md"])
        #expect(other.communesUpdated == ["b"])
        #expect(Self.served(province)["b/index.html"]?.string.contains("Xin chào xã B.") == true)
        #expect(Self.served(province)["index.html"]?.string.contains("a/index.html") == true)
        try site.write("xa/a/content/site.yaml", SharedProvinceContentTests.commune("A"))
        #expect(province.update(changed: ["xa/a/content/site.yaml"]).errorCount == 0)
        try Self.expectSameAsFreshBuild(province)
    }
}

private extension Data {
    var string: String { String(decoding: self, as: UTF8.self) }
}
