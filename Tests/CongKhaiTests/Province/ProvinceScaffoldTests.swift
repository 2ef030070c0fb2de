import CongKhaiBuild
import CongKhaiImport
import CongKhaiModel
@testable import CongKhaiProvince
import Foundation
import Testing

/// A province started from nothing, as an IT helper following the README would: `new tinh`,
/// then `new site` per commune inside it, then the province's catalogue imported into `tinh/`.
@Suite struct ProvinceScaffoldTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 30)!

    static func emptyProvince() throws -> TestSite {
        let site = try TestSite([:], theme: false)
        for file in ProvinceScaffold.provinceFiles(name: "Tỉnh Đồng Nai", today: today) { try site.write(file.path, file.text) }
        return site
    }

    @Test func aCommuneMadeInAProvinceInheritsInsteadOfCopyingAndTheProvinceBuilds() throws {
        let site = try Self.emptyProvince()
        // No commune yet: the province cannot load, but what `new site` needs of it can be read.
        #expect(ProvinceLoader.load(site.folder, log: DiagnosticLog()) == nil)
        let header = try #require(ProvinceScaffold.province(source: site.folder, cwd: site.folder))
        #expect(header.name == "Tỉnh Đồng Nai" && header.communesFolder == "xa" && header.listLine == nil)
        let unit = try SiteScaffold.unit(name: "Xã Tân Phú", province: try #require(header.name), kind: nil).get()
        let folder = ProvinceScaffold.communeFolder(unit, in: header)
        #expect(folder.path == site.folder.appendingPathComponent("xa/tan-phu").path)
        let files = ProvinceScaffold.files(unit, today: Self.today, province: header)
        let paths = Set(files.map(\.path))
        // The province's fee schedule is inherited; its CI files and .gitignore are the province's.
        #expect(!paths.contains("content/phi-le-phi.yaml") && !paths.contains(".gitignore"))
        #expect(!paths.contains { $0.hasPrefix(".github") || $0.hasPrefix(".gitlab") })
        #expect(paths.contains("content/site.yaml") && paths.contains("content/thu-tuc/_index.md"))
        _ = try SiteScaffold.write(files, in: folder).get()

        // The province's catalogue, imported at the province's folder into tinh/thu-tuc/.
        let log = DiagnosticLog()
        let record = ImportSite.fixture("dvc-real/bo-tu-phap__1.004884.json")
        let report = Importer.run(kind: .dvc, files: [record], siteFolder: site.folder, contentName: "tinh", log: log)
        #expect(!log.hasErrors, "\(log.all.map(\.formatted))")
        #expect(report.created.count == 1 && report.created.allSatisfy { $0.hasPrefix("tinh/thu-tuc/") }, "\(report.created)")
        #expect(!FileManager.default.fileExists(atPath: site.folder.appendingPathComponent("content").path))

        let province = try #require(ProvinceLoader.load(site.folder, log: DiagnosticLog()))
        #expect(province.communes.map(\.slug) == ["tan-phu"])
        var builder = ProvinceBuild(province: province, asOf: Self.today)
        builder.parallelCommunes = 1
        let built = builder.buildAll()
        #expect(built.errorCount == 0 && built.failure == nil, "\(built.diagnostics.map(\.formatted))")
        // The inherited procedure is the commune's own page.
        let code = try #require(report.created.first.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent })
        let field = try #require(report.created.first?.split(separator: "/").dropLast().last)
        #expect(FileManager.default.fileExists(atPath: site.folder.appendingPathComponent("public/tan-phu/thu-tuc/\(field)/\(code)/index.html").path))
    }

    @Test func theCommunesFolderOfAProvinceIsFoundFromInsideIt() throws {
        let site = try Self.emptyProvince()
        try site.write("tinh.yaml", "ten: \"Tỉnh Đồng Nai\"\nthu_muc_xa: \"don-vi\"\nxa: [a]\n")
        let inside = site.folder.appendingPathComponent("don-vi")
        try FileManager.default.createDirectory(at: inside, withIntermediateDirectories: true)
        let header = try #require(ProvinceScaffold.province(source: inside, cwd: inside))
        #expect(header.communesFolder == "don-vi" && header.listLine == 3 && header.listed == ["a"])
        #expect(ProvinceScaffold.provinceArgument(header, from: inside.appendingPathComponent("b")) == "../..")
        // A folder elsewhere is a site of its own.
        let elsewhere = site.folder.appendingPathComponent("khac")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        #expect(ProvinceScaffold.province(source: elsewhere, cwd: elsewhere) == nil)
    }

    /// The commands as the README gives them, from an empty folder.
    @Test func fromAnEmptyFolderToABuiltProvinceWithTheCommands() throws {
        let binary = InterruptedBuildTests.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "swift build first")
        let site = try TestSite([:], theme: false)
        func run(_ arguments: [String], in folder: String = "tinh-dong-nai") throws -> (status: Int32, output: String) {
            try CommandRun.run(arguments, in: site.folder.appendingPathComponent(folder))
        }
        let start = try run(["new", "tinh", "Tỉnh Đồng Nai"], in: ".")
        #expect(start.status == 0, "\(start.output)")
        let commune = try run(["new", "site", "Xã Tân Phú"])
        #expect(commune.status == 0, "\(commune.output)")
        #expect(commune.output.contains("xa/tan-phu/"), "\(commune.output)")
        #expect(commune.output.contains("congkhai serve --source ../.."), "\(commune.output)")
        let imported = try run(["import", "dvc", ImportSite.fixture("dvc-real/bo-tu-phap__1.004884.json").url.path])
        #expect(imported.status == 0, "\(imported.output)")
        #expect(imported.output.contains("tinh/thu-tuc/"), "\(imported.output)")
        let check = try run(["check", "--as-of", "2026-11-30"])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("tan-phu  Ủy ban nhân dân xã Tân Phú: 0 lỗi"), "\(check.output)")
        // With an explicit list in tinh.yaml, the next commune must be added to it: said at once.
        #expect(try run(["new", "ci-tinh"]).status == 0)
        let yaml = site.folder.appendingPathComponent("tinh-dong-nai/tinh.yaml")
        try (try String(contentsOf: yaml, encoding: .utf8) + "xa: [tan-phu]\n").write(to: yaml, atomically: true, encoding: .utf8)
        let second = try run(["new", "site", "Phường Hố Nai"])
        #expect(second.output.contains("thêm “ho-nai” vào danh sách xa: trong tinh.yaml (dòng 8)"), "\(second.output)")
        #expect(!second.output.contains("province.ci-matrix"))
        let build = try run(["build", "--as-of", "2026-11-30"])
        #expect(build.status == 0, "\(build.output)")
        #expect(FileManager.default.fileExists(atPath: site.folder.appendingPathComponent("tinh-dong-nai/public/tan-phu/index.html").path))
    }
}
