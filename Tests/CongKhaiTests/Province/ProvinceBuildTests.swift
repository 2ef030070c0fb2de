import CongKhaiBuild
import CongKhaiModel
@testable import CongKhaiProvince
import Foundation
import Testing

/// The example province (examples/tinh-mau): hoa-van complete, suoi-da late, tan-lap missing items,
/// as of 23/11/2026 (quarters IV and III of 2026 on the dashboard).
@Suite struct ProvinceBuildTests {
    static let example = TestSite.repositoryRoot.appendingPathComponent("examples/tinh-mau")
    static let asOf = CalendarDate(year: 2026, month: 11, day: 23)!

    @Test func provincePagesEscapeLikeTheCommunePages() {
        // A quote followed by a combining mark is one Character: escaping by Characters let it through.
        #expect(ProvinceHTML.escape("a\"\u{301}<b>&'") == "a&quot;\u{301}&lt;b&gt;&amp;&#39;")
    }

    final class Scratch {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-tinh-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: folder) }
        func url(_ name: String) -> URL { folder.appendingPathComponent(name) }
    }

    func province() throws -> ProvinceConfig {
        let log = DiagnosticLog()
        let loaded = ProvinceLoader.load(Self.example, log: log)
        #expect(log.all.isEmpty, "\(log.all.map(\.formatted))")
        return try #require(loaded)
    }

    func buildAll(into output: URL) throws -> ProvinceBuild.Report {
        let report = ProvinceBuild(province: try province(), outputFolder: output, asOf: Self.asOf).buildAll()
        #expect(report.errorCount == 0, "\(report.diagnostics.map(\.formatted))")
        #expect(report.failure == nil)
        return report
    }

    /// Every file under `folder` with its bytes, by relative path.
    func tree(_ folder: URL) -> [String: Data] {
        let names = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
        var files: [String: Data] = [:]
        for name in names {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[name] = FileManager.default.contents(atPath: url.path)
            }
        }
        return files
    }

    func rows(_ output: URL) throws -> [[String: Any]] {
        let data = try #require(FileManager.default.contents(atPath: output.appendingPathComponent(ProvinceOpenData.jsonPath).path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    func status(_ rows: [[String: Any]], commune: String, rule: String, period: String) -> [String] {
        rows.filter { $0["xa"] as? String == commune && $0["quy_tac"] as? String == rule && $0["ky"] as? String == period }
            .compactMap { $0["trang_thai"] as? String }
    }

    @Test func loadsTheExampleProvinceWithItsThreeCommunesAndSharedTheme() throws {
        let province = try province()
        #expect(province.name == "Tỉnh Lâm Đồng")
        #expect(province.portalURL == "https://lamdong.gov.vn/")
        #expect(province.communes.map(\.slug) == ["hoa-van", "suoi-da", "tan-lap"])
        // No commune has a theme of its own, nor has the province: the embedded theme serves all.
        #expect(province.communes.allSatisfy { !FileManager.default.fileExists(atPath: $0.templates.path) })
        #expect(province.templates.deletingLastPathComponent().path == Self.example.path)
        #expect(province.sharedContent != nil)
    }

    @Test func openDataRowsCarryEachCommunesStatusesComputedFromItsContent() throws {
        let scratch = try Scratch()
        let output = scratch.url("public")
        _ = try buildAll(into: output)
        let rows = try rows(output)
        // Every commune's own checklist rows, each with the commune's id.
        var expected = 0
        for slug in ["hoa-van", "suoi-da", "tan-lap"] {
            let data = try #require(FileManager.default.contents(atPath: output.appendingPathComponent("\(slug)/cong-khai/danh-sach-cong-khai.json").path))
            let own = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
            #expect(own.count == rows.filter { $0["xa"] as? String == slug }.count)
            expected += own.count
        }
        #expect(rows.count == expected)
        // hoa-van posted its third-quarter list on time; suoi-da 20 days late; tan-lap not at all.
        #expect(status(rows, commune: "hoa-van", rule: "danh-sach-quy", period: "2026-q3") == ["dung_han"])
        #expect(status(rows, commune: "suoi-da", rule: "danh-sach-quy", period: "2026-q3") == ["tre_han"])
        #expect(status(rows, commune: "tan-lap", rule: "danh-sach-quy", period: "2026-q3") == ["thieu"])
        #expect(status(rows, commune: "tan-lap", rule: "ns-thuc-hien", period: "2026-q3") == ["thieu"])
        let late = try #require(rows.first { $0["xa"] as? String == "suoi-da" && $0["quy_tac"] as? String == "danh-sach-quy" && $0["ky"] as? String == "2026-q3" })
        #expect(late["so_ngay"] as? Int == 20)
        #expect(late["dia_chi"] as? String == "suoi-da/in/cong-khai-2026-quy-3/index.html")
        let problems: Set<String> = ["tre_han", "thieu", "chua_du_niem_yet", "can_cap_nhat"]
        #expect(rows.filter { $0["xa"] as? String == "hoa-van" && problems.contains($0["trang_thai"] as? String ?? "") && ($0["ky"] as? String ?? "") >= "2026-q3" }.isEmpty)
        let csvData = try #require(FileManager.default.contents(atPath: output.appendingPathComponent(ProvinceOpenData.csvPath).path))
        #expect(Array(csvData.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let csv = String(decoding: csvData.dropFirst(3), as: UTF8.self)
        #expect(csv.hasPrefix("xa,ten_xa,id,ky,"))
        #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == expected + 1)
    }

    @Test func procedureOpenDataListsWhatEachCommunePublishes() throws {
        let scratch = try Scratch()
        let output = scratch.url("public")
        _ = try buildAll(into: output)
        let data = try #require(FileManager.default.contents(atPath: output.appendingPathComponent(ProvinceOpenData.procedureJSONPath).path))
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        for slug in ["hoa-van", "suoi-da", "tan-lap"] {
            let own = try #require(FileManager.default.contents(atPath: output.appendingPathComponent("\(slug)/du-lieu/thu-tuc.json").path))
            let codes = try #require(try JSONSerialization.jsonObject(with: own) as? [[String: Any]]).compactMap { $0["ma"] as? String }
            #expect(!codes.isEmpty)
            #expect(rows.filter { $0["xa"] as? String == slug && $0["so_voi_tinh"] as? String != "thieu" }.compactMap { $0["ma"] as? String } == codes)
        }
        let marriage = try #require(rows.first { $0["xa"] as? String == "suoi-da" && $0["ma"] as? String == "1.000894" })
        #expect(marriage["dia_chi"] as? String == "suoi-da/thu-tuc/ho-tich/1.000894/index.html")
        #expect(marriage["ten_xa"] as? String == "Ủy ban nhân dân xã Suối Đá")
        let csv = try #require(FileManager.default.contents(atPath: output.appendingPathComponent(ProvinceOpenData.procedureCSVPath).path))
        #expect(String(decoding: csv.dropFirst(3), as: UTF8.self).hasPrefix("xa,ten_xa,ma,ten,"))
    }

    @Test func theExamplesDeviationsFromTheProvincesCatalogue() throws {
        let scratch = try Scratch()
        let output = scratch.url("public")
        _ = try buildAll(into: output)
        let data = try #require(FileManager.default.contents(atPath: output.appendingPathComponent(ProvinceOpenData.procedureJSONPath).path))
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        func standing(_ slug: String) -> [String: String] {
            Dictionary(uniqueKeysWithValues: rows.filter { $0["xa"] as? String == slug }.map { ($0["ma"] as! String, $0["so_voi_tinh"] as! String) })
        }
        // hoa-van inherits the whole catalogue; suoi-da keeps an outdated copy of the marriage
        // procedure; tan-lap does not apply 1.001699 and adds 1.001731.
        #expect(Set(standing("hoa-van").values) == ["dung"])
        #expect(standing("suoi-da")["1.000894"] == "can_cu_cu")
        #expect(standing("tan-lap")["1.001699"] == "thieu")
        #expect(standing("tan-lap")["1.001731"] == "thua")
        #expect(standing("hoa-van").count == 4)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("hoa-van/thu-tuc/ho-tich/to-khai-dang-ky-khai-tu.docx").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("tan-lap/thu-tuc/bao-tro-xa-hoi/1.001699/index.html").path))
        // The same deviations as a page for the province's inspection: only those that deviate.
        let page = try String(contentsOf: output.appendingPathComponent(ProvinceDeviationPage.path), encoding: .utf8)
        #expect(page.contains("Chỗ khác danh mục của tỉnh (3)"))
        #expect(page.contains("<a href=\"../../suoi-da/thu-tuc/ho-tich/1.000894/index.html\">Thủ tục đăng ký kết hôn</a></td><td data-label=\"So với danh mục\">Căn cứ cũ</td>"))
        #expect(page.contains("<td data-label=\"So với danh mục\">Thiếu</td><td data-label=\"Ghi chú\">Xã ghi là không áp dụng: "))
        #expect(!page.contains("hoa-van/thu-tuc/ho-tich"))
        #expect(try String(contentsOf: output.appendingPathComponent("tong-hop/index.html"), encoding: .utf8).contains("href=\"../tong-hop/thu-tuc/index.html\""))
    }

    @Test func dashboardFiltersArePagesAndRowsLinkToTheCommunesChecklist() throws {
        let scratch = try Scratch()
        let output = scratch.url("public")
        _ = try buildAll(into: output)
        func page(_ path: String) throws -> String { try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) }
        let all = try page("tong-hop/index.html")
        #expect(all.contains("href=\"../suoi-da/cong-khai/index.html\""))
        #expect(all.contains("href=\"../tong-hop/trang-thai/tre-han/index.html\""))
        #expect(all.contains("href=\"../tong-hop/nghia-vu/danh-sach-quy/index.html\""))
        #expect(!all.contains("<script"))
        // The obligation filter is folded on the dashboard (it pushed the table far down on a
        // phone) and open on an obligation's own page, where the current one is marked.
        #expect(all.contains("<details><summary>Chọn một trong "))
        let obligation = try page("tong-hop/nghia-vu/danh-sach-quy/index.html")
        #expect(obligation.contains("<details open><summary>"))
        #expect(obligation.contains("<strong aria-current=\"page\">danh-sach-quy: "))
        // The "late" filter lists exactly suoi-da's two late items, with the days late.
        let late = try page("tong-hop/trang-thai/tre-han/index.html")
        #expect(late.contains("Chi tiết (2 mục)"))
        #expect(late.contains("<span class=\"ck ck-tre_han\">Trễ 20 ngày</span></td><td data-label=\"Số ngày trễ\">20</td>"))
        #expect(!late.contains("ck-dung_han\">"))
        let missing = try page("tong-hop/trang-thai/thieu/index.html")
        #expect(missing.contains("../../../tan-lap/cong-khai/index.html\">Xã Tân Lập</a></th><td data-label=\"Quý\">Quý III/2026"))
        // Only the current and previous quarters: nothing of 2026-q2 or before.
        #expect(!all.contains("Quý II/2026"))
        #expect(all.contains("Quý IV/2026"))
        let index = try page("index.html")
        #expect(index.contains("Xã Vân Sơn Thượng"))
        #expect(index.contains("href=\"hoa-van/index.html\""))
        #expect(index.contains("<html lang=\"vi\">"))
        // On paper: one section per commune, the commune's name once, not in every row.
        let printed = try page("in/tong-hop/index.html")
        #expect(printed.contains("ban-in"))
        #expect(printed.components(separatedBy: "<h2>Ủy ban nhân dân xã ").count == 4, "\(printed)")
        #expect(printed.contains("Các nghĩa vụ công khai của Xã Suối Đá"))
        #expect(printed.contains("<span class=\"ck ck-tre_han\">Trễ 20 ngày</span>"))
        #expect(!printed.contains("data-label=\"Đơn vị\""))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("assets/style.css").path))
    }

    @Test func sameInputSameBytesAndTheSplitPathMatchesTheSingleBuild() throws {
        let scratch = try Scratch()
        let single = scratch.url("mot-lan")
        _ = try buildAll(into: single)
        let again = scratch.url("lan-hai")
        _ = try buildAll(into: again)
        let reference = tree(single)
        #expect(reference.count > 200)
        #expect(tree(again) == reference)

        // As a CI matrix would: each commune in its own build, then the province pages alone.
        let split = scratch.url("tach")
        let province = try province()
        for commune in province.communes {
            let report = try #require(ProvinceBuild(province: province, outputFolder: split, asOf: Self.asOf).buildOne(commune.slug))
            #expect(report.errorCount == 0 && report.failure == nil)
        }
        let merged = ProvinceBuild(province: province, outputFolder: split, asOf: Self.asOf).mergeOnly()
        #expect(merged.errorCount == 0 && merged.failure == nil)
        let splitTree = tree(split)
        #expect(Set(splitTree.keys) == Set(reference.keys))
        for (path, bytes) in reference where splitTree[path] != bytes {
            Issue.record("\(path) differs between the single build and the split build")
        }
    }

    @Test func mergeWithoutABuiltCommuneSaysWhichToBuild() throws {
        let scratch = try Scratch()
        let output = scratch.url("public")
        let province = try province()
        _ = ProvinceBuild(province: province, outputFolder: output, asOf: Self.asOf).buildOne("hoa-van")
        let merged = ProvinceBuild(province: province, outputFolder: output, asOf: Self.asOf).mergeOnly()
        let notBuilt = merged.diagnostics.filter { $0.key == "province.commune-not-built" }
        #expect(notBuilt.count == 2)
        #expect(notBuilt.first?.hint == "Dựng xã trước bằng: congkhai build --xa suoi-da")
        // Nothing was swapped in: only the commune built so far is there.
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    @Test func aFileNobodyBuiltIsFoundAtAnyDepth() throws {
        let scratch = try Scratch()
        let output = scratch.url("public")
        _ = try buildAll(into: output)
        let province = try province()
        for stranger in ["tong-hop/ghi-chu.txt", "suoi-da/thu-tuc/ghi-chu.txt"] {
            let url = output.appendingPathComponent(stranger)
            try Data("của tôi".utf8).write(to: url)
            #expect(ProvinceBuild(province: province, outputFolder: output, asOf: Self.asOf).buildAll().failure == .notCongKhaiOutput(stranger))
            #expect(ProvinceBuild(province: province, outputFolder: output, asOf: Self.asOf).mergeOnly().failure == .notCongKhaiOutput(stranger))
            #expect(FileManager.default.fileExists(atPath: url.path))
            try FileManager.default.removeItem(at: url)
        }
        // A commune rebuilt alone since (its own marker lists its files) is not a stranger.
        _ = ProvinceBuild(province: province, outputFolder: output, asOf: Self.asOf).buildOne("hoa-van")
        #expect(ProvinceBuild(province: province, outputFolder: output, asOf: Self.asOf).mergeOnly().failure == nil)
    }

    @Test func theSearchPageFindsEveryCommunesProceduresWithOrWithoutDiacritics() throws {
        let scratch = try Scratch()
        let output = scratch.url("public")
        _ = try buildAll(into: output)
        let page = try String(contentsOf: output.appendingPathComponent(ProvinceSearch.page), encoding: .utf8)
        #expect(page.contains("<script src=\"../assets/tim-kiem.js\" defer></script>"))
        #expect(page.contains("data-index=\"../du-lieu/tim-kiem-toan-tinh.js\" data-root=\"../\""))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("assets/tim-kiem.js").path))
        // One entry per commune and procedure it publishes, linked from the province's root, as the
        // browser reads them once the index's script has expanded each commune's part.
        let entries = try Self.expandedIndex(output.appendingPathComponent(ProvinceSearch.indexPath))
        #expect(entries.contains(["1.000656", "Thủ tục đăng ký khai tử", "Xã Hòa Vân · Hộ tịch", "Trực tuyến toàn trình",
                                  "hoa-van/thu-tuc/ho-tich/1.000656/index.html", "1.000656 thu tuc dang ky khai tu xa hoa van · ho tich"]))
        #expect(entries.contains { $0[4] == "tan-lap/thu-tuc/bao-tro-xa-hoi/1.001731/index.html" })
        #expect(!entries.contains { $0[4] == "tan-lap/thu-tuc/bao-tro-xa-hoi/1.001699/index.html" })
        #expect(entries.count == 12)
        // The matcher of assets/tim-kiem.js finds every entry by its code and folded name.
        let check = try Self.node([TestSite.repositoryRoot.appendingPathComponent("scripts/check_search.js").path,
                                   TestSite.repositoryRoot.appendingPathComponent("templates/assets/tim-kiem.js").path,
                                   output.appendingPathComponent(ProvinceSearch.indexPath).path])
        #expect(check.status == 0, "\(check.output)")
    }

    /// The province index's entries as a browser holds them after running its script.
    static func expandedIndex(_ url: URL) throws -> [[String]] {
        let script = "const s={window:{}};require('vm').runInNewContext(require('fs').readFileSync(process.argv[1],'utf8'),s);"
            + "process.stdout.write(JSON.stringify(s.window.CONGKHAI_TIM_KIEM))"
        let run = try node(["-e", script, url.path])
        #expect(run.status == 0, "\(run.output)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String]])
    }

    /// `node` with `arguments` (Node runs the site's scripts in the checks too: scripts/check_search.js).
    static func node(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try CommandRun.run(URL(fileURLWithPath: "/usr/bin/env"), ["node"] + arguments)
    }

    @Test func aFileNobodyBuiltStopsTheProvinceBuild() throws {
        let scratch = try Scratch()
        let output = scratch.url("public")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("của tôi".utf8).write(to: output.appendingPathComponent("ghi-chu.txt"))
        let report = ProvinceBuild(province: try province(), outputFolder: output, asOf: Self.asOf).buildAll()
        #expect(report.failure == .notCongKhaiOutput("ghi-chu.txt"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("ghi-chu.txt").path))
    }
}

/// A province of two minimal communes sharing the province's theme.
@Suite struct ProvinceFailureTests {
    static let commune = "ten: Ủy ban nhân dân xã A\nten_ngan: Xã A\nloai: xa\ntinh: Tỉnh B\n"
    static let home = "---\ntieu_de: Trang chủ\n---\nChào mừng.\n"

    @Test func anErrorInOneCommuneLeavesThePreviousOutputWholeAndNamesTheCommunesFile() throws {
        let site = try TestSite(["tinh.yaml": "ten: Tỉnh B\n",
                                 "xa/a/content/site.yaml": Self.commune, "xa/a/content/_index.md": Self.home,
                                 "xa/b/content/site.yaml": Self.commune, "xa/b/content/_index.md": Self.home])
        let log = DiagnosticLog()
        let province = try #require(ProvinceLoader.load(site.folder, log: log))
        let asOf = CalendarDate(year: 2026, month: 11, day: 23)!
        var builder = ProvinceBuild(province: province, asOf: asOf)
        builder.parallelCommunes = 2
        let first = builder.buildAll()
        #expect(first.errorCount == 0 && first.failure == nil, "\(first.diagnostics.map(\.formatted))")
        let output = site.folder.appendingPathComponent("public")
        let before = try String(contentsOf: output.appendingPathComponent("tong-hop/index.html"), encoding: .utf8)
        #expect(before.contains("../b/cong-khai/index.html"))

        try site.write("xa/b/content/site.yaml", "ten: Ủy ban nhân dân xã B\nloai: lang\ntinh: Tỉnh B\n")
        let second = builder.buildAll()
        let errors = second.diagnostics.filter { $0.severity == .error }
        #expect(!errors.isEmpty)
        #expect(errors.allSatisfy { $0.location.path == "xa/b/content/site.yaml" }, "\(errors.map(\.formatted))")
        #expect(try String(contentsOf: output.appendingPathComponent("tong-hop/index.html"), encoding: .utf8) == before)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("b/index.html").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.folder.path).filter { $0.hasPrefix(".public") }
        #expect(leftovers.isEmpty)
    }
}

@Suite struct ProvinceLoaderTests {
    func load(_ files: [String: String]) throws -> (ProvinceConfig?, [Diagnostic]) {
        let site = try TestSite(files, theme: false)
        let log = DiagnosticLog()
        let config = ProvinceLoader.load(site.folder, log: log)
        return (config, log.all)
    }

    static let commune = "ten: Ủy ban nhân dân xã A\nten_ngan: Xã A\nloai: xa\ntinh: Tỉnh B\n"

    @Test func errorsNameTinhYamlAndTheLine() throws {
        let (config, diagnostics) = try load([
            "tinh.yaml": "# tỉnh\nurl_cong: lamdong.gov.vn\nxa:\n  - co-that\n  - Xã Sai\n  - khong-co\nten_tinh: x\n",
            "xa/co-that/content/site.yaml": Self.commune,
            "xa/co-that/templates/layouts/base.mustache": "",
        ])
        #expect(config == nil)
        let byKey = Dictionary(grouping: diagnostics, by: \.key)
        #expect(byKey["field.missing"]?.first?.location.path == "tinh.yaml")
        #expect(byKey["province.portal-url"]?.first?.location.line == 2)
        #expect(byKey["field.unknown"]?.first?.location.line == 7)
        #expect(byKey["province.commune-slug"]?.first?.message.contains("Xã Sai") == true)
        #expect(byKey["province.commune-slug"]?.first?.location.line == 5)
        let missing = try #require(byKey["province.commune-missing"]?.first)
        // Reported at the entry's own line in tinh.yaml.
        #expect(missing.location.path == "tinh.yaml" && missing.location.line == 6)
        #expect(missing.message.contains("xa/khong-co/content/site.yaml"))
    }

    @Test func discoversCommuneFoldersInNameOrderAndFallsBackToTheProvinceTheme() throws {
        let (config, diagnostics) = try load([
            "tinh.yaml": "ten: Tỉnh B\n",
            "xa/b-xa/content/site.yaml": Self.commune,
            "xa/a-xa/content/site.yaml": Self.commune,
            "xa/a-xa/templates/layouts/base.mustache": "",
            "templates/layouts/base.mustache": "",
        ])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.formatted))")
        let communes = try #require(config).communes
        #expect(communes.map(\.slug) == ["a-xa", "b-xa"])
        // Each commune's own theme, file by file over the province's.
        #expect(communes[0].templates.path.hasSuffix("xa/a-xa/templates"))
        #expect(communes[1].templates.path.hasSuffix("xa/b-xa/templates"))
        #expect(try #require(config).templates.path.hasSuffix("/templates") && !(try #require(config)).templates.path.contains("/xa/"))
    }

    @Test func aCommuneWithoutAnyThemeUsesTheProvinceFolderWhichMayBeAbsent() throws {
        let (config, diagnostics) = try load(["tinh.yaml": "ten: Tỉnh B\n", "xa/a/content/site.yaml": Self.commune])
        #expect(diagnostics.isEmpty)
        #expect(try #require(config).communes.first?.templates.lastPathComponent == "templates")
    }
}
