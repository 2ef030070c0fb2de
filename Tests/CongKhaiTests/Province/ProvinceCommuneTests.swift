import CongKhaiBuild
import CongKhaiModel
@testable import CongKhaiProvince
import Foundation
import Testing

/// A commune's folder opened on its own inside a province: `check` sees what it inherits and
/// names the real files; `build` and `serve` send the editor to the province's commands.
@Suite struct ProvinceCommuneTests {
    static let asOf = CalendarDate(year: 2026, month: 11, day: 23)!

    static func province() throws -> TestSite {
        try TestSite([
            "tinh.yaml": "ten: Tỉnh B\nxa: [a]\n",
            // `muc_do: nhanh` is not a level: an error at the province's file, line 5.
            "tinh/thu-tuc/ho-tich/1.000656.md": "---\nma: \"1.000656\"\nten: \"Khai tử\"\nlinh_vuc: \"Hộ tịch\"\nmuc_do: nhanh\n---\nNội dung.\n",
            "xa/a/content/site.yaml": SharedProvinceContentTests.commune("A"),
            "xa/a/content/_index.md": SharedProvinceContentTests.home,
            "xa/a/content/tin-tuc/a.md": "---\ntieu_de: Tin\nngay: 2026-13-01\n---\nNội dung.\n",
            // Not listed in tinh.yaml: a site of its own.
            "xa/khac/content/site.yaml": SharedProvinceContentTests.commune("Khác"),
            "xa/khac/content/_index.md": SharedProvinceContentTests.home,
        ], theme: false)
    }

    @Test func aCommuneFolderIsCheckedWithWhatItInheritsAndNamesTheRealFiles() throws {
        let site = try Self.province()
        guard case let .commune(found) = ProvinceCommune.find(site.folder.appendingPathComponent("xa/a"), asOf: Self.asOf) else {
            Issue.record("xa/a was not found as a commune of the province")
            return
        }
        #expect(found.commune.slug == "a")
        let result = Pipeline.run(found.options)
        let shown = found.shown(result.diagnostics)
        let level = try #require(shown.first { $0.key == "procedure.level" }, "\(shown.map(\.formatted))")
        #expect(level.location.path == "../../tinh/thu-tuc/ho-tich/1.000656.md")
        #expect(level.location.line == 5)
        #expect(shown.contains { $0.location.path == "content/tin-tuc/a.md" }, "\(shown.map(\.formatted))")
        // Alone, the same folder has no catalogue at all: the inherited procedure is what was checked.
        let alone = Pipeline.run(BuildOptions(siteFolder: site.folder.appendingPathComponent("xa/a"), asOf: Self.asOf))
        #expect(!alone.diagnostics.contains { $0.key == "procedure.level" })
    }

    @Test func aFolderTheProvinceDoesNotListOrNoProvinceAboveIsASiteOfItsOwn() throws {
        let site = try Self.province()
        guard case .none = ProvinceCommune.find(site.folder.appendingPathComponent("xa/khac"), asOf: Self.asOf) else {
            Issue.record("an unlisted folder was taken for a commune")
            return
        }
        let alone = try TestSite.minimal()
        guard case .none = ProvinceCommune.find(alone.folder, asOf: Self.asOf) else {
            Issue.record("a site outside any province was taken for a commune")
            return
        }
    }

    @Test func aBrokenTinhYAMLAboveIsReportedFromTheCommunesFolder() throws {
        let site = try Self.province()
        try site.write("tinh.yaml", "xa: [a]\n")
        guard case let .provinceProblems(problems, _) = ProvinceCommune.find(site.folder.appendingPathComponent("xa/a"), asOf: Self.asOf) else {
            Issue.record("a tinh.yaml without a name was accepted")
            return
        }
        #expect(problems.contains { $0.severity == .error && $0.location.path == "../../tinh.yaml" }, "\(problems.map(\.formatted))")
    }

    /// The commands themselves, as the editor runs them in the commune's folder.
    @Test func buildAndServeInACommuneFolderPointToTheProvinceAndCheckReportsInheritedFiles() throws {
        let binary = InterruptedBuildTests.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "swift build first")
        let site = try Self.province()
        let commune = site.folder.appendingPathComponent("xa/a")
        func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
            try CommandRun.run(arguments + ["--as-of", "2026-11-23"], in: commune)
        }
        let build = try run(["build"])
        #expect(build.status == 1)
        #expect(build.output.contains("congkhai build --source ../.. --xa a"), "\(build.output)")
        #expect(!FileManager.default.fileExists(atPath: commune.appendingPathComponent("public").path))
        let serve = try run(["serve", "--port", "1"])
        #expect(serve.status == 1)
        #expect(serve.output.contains("congkhai serve --source ../.."), "\(serve.output)")
        let check = try run(["check"])
        #expect(check.status == 1)
        #expect(check.output.contains("../../tinh/thu-tuc/ho-tich/1.000656.md:5"), "\(check.output)")
    }
}
