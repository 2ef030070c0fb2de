import CongKhaiBuild
import CongKhaiModel
@testable import CongKhaiProvince
import Foundation
import Testing

/// `congkhai check` in a province's folder: every commune checked with what it inherits, a shared
/// problem reported once, and per commune its open checklist items and its deviations from the
/// province's catalogue, the same as the build's open data says.
@Suite struct ProvinceCheckTests {
    typealias Shared = SharedProvinceContentTests

    static func province(_ extra: [String: String] = [:]) throws -> TestSite {
        var files = [
            "tinh.yaml": "ten: Tỉnh B\nxa: [a, b]\n",
            "tinh/thu-tuc/ho-tich/1.000656.md": Shared.procedure("1.000656"),
            "tinh/thu-tuc/ho-tich/1.000894.md": Shared.procedure("1.000894"),
            "tinh/thu-tuc/ho-tich/1.001193.md": Shared.procedure("1.001193"),
            "xa/a/content/site.yaml": Shared.commune("A"), "xa/a/content/_index.md": Shared.home,
            // a: its own copy of 1.000894 under an older decision; one procedure of its own.
            "xa/a/content/thu-tuc/ho-tich/1.000894.md": Shared.procedure("1.000894", decision: "0987/QĐ-UBND", date: "2024-04-12"),
            "xa/a/content/thu-tuc/ho-tich/2.000001.md": Shared.procedure("2.000001"),
            "xa/b/content/site.yaml": Shared.commune("B"), "xa/b/content/_index.md": Shared.home,
            // b: does not apply 1.001193; a news item with an impossible date.
            "xa/b/content/thu-tuc/khong-ap-dung.yaml": "khong_ap_dung:\n  - ma: \"1.001193\"\n    ly_do: \"Không có\"\n",
            "xa/b/content/tin-tuc/a.md": "---\ntieu_de: Tin\nngay: 2026-13-01\n---\nNội dung.\n",
        ]
        files.merge(extra) { _, new in new }
        return try TestSite(files, theme: false)
    }

    static func check(_ site: TestSite) throws -> ProvinceCheck.Report {
        let province = try #require(ProvinceLoader.load(site.folder, log: DiagnosticLog()))
        var check = ProvinceCheck(province: province, asOf: Shared.asOf)
        check.parallelCommunes = 2
        return check.run()
    }

    @Test func everyCommuneIsCheckedWithItsDeviationsAndOpenItems() throws {
        let site = try Self.province()
        let report = try Self.check(site)
        #expect(report.communes.map(\.slug) == ["a", "b"])
        let a = try #require(report.communes.first)
        let b = try #require(report.communes.last)
        #expect(a.name == "Ủy ban nhân dân xã A")
        #expect(a.deviations == ProvinceCheck.Deviations(missing: 0, notApplied: 0, extra: 1, outdated: 1))
        #expect(a.errorCount == 0, "\(a.diagnostics.map(\.formatted))")
        // b's news date is an error at b's own file, named from the province's folder; b cannot be
        // published, so its deviations are not counted.
        #expect(b.diagnostics.contains { $0.severity == .error && $0.location.path == "xa/b/content/tin-tuc/a.md" }, "\(b.diagnostics.map(\.formatted))")
        #expect(b.deviations == nil)
        // A commune without any report or budget has open checklist items, counted by status.
        #expect(!a.problems.isEmpty && a.problems.allSatisfy { [.late, .missing, .shortPosting, .needsUpdate].contains($0.status.kind) })
        #expect(report.pageCount == a.pageCount + b.pageCount && a.pageCount > 0)
        // Nothing is written.
        #expect(!FileManager.default.fileExists(atPath: site.folder.appendingPathComponent("public").path))

        try site.write("xa/b/content/tin-tuc/a.md", "---\ntieu_de: Tin\nngay: 2026-11-01\n---\nNội dung.\n")
        let fixed = try Self.check(site)
        #expect(fixed.communes.last?.deviations == ProvinceCheck.Deviations(missing: 0, notApplied: 1, extra: 0, outdated: 0))
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("xa/b/content/thu-tuc/khong-ap-dung.yaml"))
        #expect(try Self.check(site).communes.last?.deviations == ProvinceCheck.Deviations(missing: 0, notApplied: 0, extra: 0, outdated: 0))
    }

    @Test func aSharedProblemIsReportedOnceAtTheProvincesFile() throws {
        let site = try Self.province(["tinh/thu-tuc/ho-tich/1.000656.md": Shared.procedure("1.000656").replacingOccurrences(of: "phi: mien\n", with: "phi: mien\nmuc_do: nhanh\n")])
        let report = try Self.check(site)
        let level = report.diagnostics.filter { $0.key == "procedure.level" }
        #expect(level.count == 1, "\(report.diagnostics.map(\.formatted))")
        #expect(level.first?.location.path == "tinh/thu-tuc/ho-tich/1.000656.md")
    }

    @Test func theCountsAgreeWithTheBuiltOpenData() throws {
        let site = try Self.province(["xa/b/content/tin-tuc/a.md": "---\ntieu_de: Tin\nngay: 2026-11-01\n---\nNội dung.\n"])
        let report = try Self.check(site)
        let province = try #require(ProvinceLoader.load(site.folder, log: DiagnosticLog()))
        let built = ProvinceBuild(province: province, asOf: Shared.asOf).buildAll()
        #expect(built.errorCount == 0 && built.failure == nil, "\(built.diagnostics.map(\.formatted))")
        let data = try #require(FileManager.default.contents(atPath: site.folder.appendingPathComponent("public/du-lieu/thu-tuc-toan-tinh.json").path))
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        for commune in report.communes {
            let standings = rows.filter { $0["xa"] as? String == commune.slug }.compactMap { $0["so_voi_tinh"] as? String }
            let deviations = try #require(commune.deviations)
            #expect(standings.filter { $0 == "thieu" }.count == deviations.missing + deviations.notApplied, "\(commune.slug)")
            #expect(standings.filter { $0 == "thua" }.count == deviations.extra, "\(commune.slug)")
            #expect(standings.filter { $0 == "can_cu_cu" }.count == deviations.outdated, "\(commune.slug)")
        }
    }

    @Test func aCommuneFolderLeftOutOfAnExplicitListIsPointedOut() throws {
        let site = try Self.province(["tinh.yaml": "ten: Tỉnh B\nxa: [a]\n"])
        let log = DiagnosticLog()
        let province = try #require(ProvinceLoader.load(site.folder, log: log))
        #expect(province.communes.map(\.slug) == ["a"])
        let unlisted = try #require(log.all.first { $0.key == "province.commune-unlisted" }, "\(log.all.map(\.formatted))")
        #expect(unlisted.severity == .warning && unlisted.location.path == "tinh.yaml" && unlisted.location.line == 2)
        #expect(unlisted.message.contains("“b”") && unlisted.hint?.contains("xa: [a, b]") == true)
        // A folder without a site is not a commune.
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("xa/b/content/site.yaml"))
        let quiet = DiagnosticLog()
        _ = ProvinceLoader.load(site.folder, log: quiet)
        #expect(!quiet.all.contains { $0.key == "province.commune-unlisted" })
    }

    @Test func aCIMatrixThatNoLongerListsTheCommunesIsFoundAtItsLine() throws {
        let site = try Self.province()
        let province = try #require(ProvinceLoader.load(site.folder, log: DiagnosticLog()))
        for file in ProvinceRecipes.files(province) { try site.write(file.path, file.text) }
        #expect(ProvinceRecipes.staleMatrices(province).isEmpty)
        // Order does not matter to a matrix.
        try site.write(ProvinceRecipes.gitlabPath, ProvinceRecipes.files(province)[1].text.replacingOccurrences(of: "XA: [a, b]", with: "XA: [b, a]"))
        #expect(ProvinceRecipes.staleMatrices(province).isEmpty)
        // A commune added to tinh.yaml, not to the workflow.
        try site.write("tinh.yaml", "ten: Tỉnh B\nxa: [a, b, c]\n")
        try site.write("xa/c/content/site.yaml", Shared.commune("C"))
        try site.write("xa/c/content/_index.md", Shared.home)
        let grown = try #require(ProvinceLoader.load(site.folder, log: DiagnosticLog()))
        let stale = ProvinceRecipes.staleMatrices(grown)
        #expect(stale.map(\.location.path) == [ProvinceRecipes.githubPath, ProvinceRecipes.gitlabPath])
        let github = try #require(stale.first)
        let text = try #require(try String(contentsOf: site.folder.appendingPathComponent(ProvinceRecipes.githubPath), encoding: .utf8))
        let line = text.split(separator: "\n", omittingEmptySubsequences: false)[github.location.line - 1]
        #expect(line.contains("xa: [a, b]"))
        #expect(github.message.contains("thiếu c"))
        #expect(github.hint == "Sửa dòng này thành: xa: [a, b, c]")
        #expect(try Self.check(site).diagnostics.filter { $0.key == "province.ci-matrix" }.count == 2)
    }

    /// The command as an IT helper runs it in the province's folder.
    @Test func checkInTheProvincesFolderListsEveryCommuneAndFailsOnAnError() throws {
        let binary = InterruptedBuildTests.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "swift build first")
        let site = try Self.province()
        func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
            try CommandRun.run(["check"] + arguments + ["--as-of", "2026-11-23"], in: site.folder)
        }
        let broken = try run([])
        #expect(broken.status == 1)
        #expect(broken.output.contains("xa/b/content/tin-tuc/a.md:3"), "\(broken.output)")
        #expect(broken.output.contains("Đã kiểm tra 2 xã"), "\(broken.output)")
        #expect(broken.output.contains("a  Ủy ban nhân dân xã A: 0 lỗi"), "\(broken.output)")
        #expect(broken.output.contains("thủ tục so với danh mục của tỉnh: 1 riêng của xã, 1 căn cứ cũ"), "\(broken.output)")
        try site.write("xa/b/content/tin-tuc/a.md", "---\ntieu_de: Tin\nngay: 2026-11-01\n---\nNội dung.\n")
        let fixed = try run([])
        #expect(fixed.status == 0, "\(fixed.output)")
        #expect(fixed.output.contains("b  Ủy ban nhân dân xã B: 0 lỗi"), "\(fixed.output)")
        #expect(fixed.output.contains("1 không áp dụng"), "\(fixed.output)")
        // Open checklist items make --strict fail, as for one commune.
        #expect(try run(["--strict"]).status == 1)
        #expect(!FileManager.default.fileExists(atPath: site.folder.appendingPathComponent("public").path))
    }
}
