import CongKhaiBuild
import CongKhaiModel
import Foundation
import Testing

@Suite("Writing the site: deterministic and atomic")
struct OutputTests {
    static func checksums(_ folder: URL) throws -> [String: Data] {
        var sums: [String: Data] = [:]
        let names = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
        for name in names {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                sums[name] = try Data(contentsOf: url)
            }
        }
        return sums
    }

    @Test func twoBuildsOfTheExampleSiteAreByteIdentical() throws {
        let root = TestSite.repositoryRoot
        let first = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-det-\(UUID().uuidString)")
        let second = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-det-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        let asOf = CalendarDate(year: 2026, month: 11, day: 23)!
        for output in [first, second] {
            let result = Pipeline.run(BuildOptions(siteFolder: root, outputFolder: output, asOf: asOf))
            #expect(result.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
            // The only warnings are the slips of signed reports the example site shows with their corrections.
            let deliberate: Set<String> = ["reform.stated-rate", "reform.stated-total", "reform.stated-twice", "reform.shares-over",
                                           "reform.stated-catalogue", "budget.stated-mismatch"]
            #expect(result.diagnostics.allSatisfy { deliberate.contains($0.key) }, "\(result.diagnostics.map(\.formatted))")
            #expect(OutputWriter.write(result.files, to: output, force: false) == nil)
        }
        let a = try Self.checksums(first), b = try Self.checksums(second)
        #expect(a.count > 10)
        #expect(a == b)
    }

    @Test func failedBuildLeavesThePreviousOutputUntouched() throws {
        let site = try TestSite.minimal(["content/a.md": "---\ntieu_de: A\n---\nMột\n"])
        #expect(site.buildAndWrite().errorCount == 0)
        let before = try Self.checksums(site.output)
        #expect(before["a/index.html"] != nil)
        try site.write("content/a.md", "---\ntieu_de: [không đóng\n---\nMột\n")
        let result = site.buildAndWrite()
        #expect(result.errorCount > 0)
        #expect(try Self.checksums(site.output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.folder.path).filter { $0.hasPrefix(".public") }
        #expect(leftovers.isEmpty)
    }

    @Test func successfulBuildReplacesTheOutputCompletely() throws {
        let site = try TestSite.minimal(["content/a.md": "---\ntieu_de: A\n---\n"])
        site.buildAndWrite()
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("content/a.md"))
        try site.write("content/b.md", "---\ntieu_de: B\n---\n")
        #expect(site.buildAndWrite().errorCount == 0)
        #expect(site.read("a/index.html") == nil)
        #expect(site.read("b/index.html") != nil)
        #expect(site.read(OutputWriter.markerName) != nil)
    }

    @Test func refusesToReplaceAFolderCongKhaiDidNotWrite() throws {
        let site = try TestSite.minimal()
        try site.write("public/luan-van.docx", "quan trọng")
        let result = site.build()
        #expect(OutputWriter.write(result.files, to: site.output, force: false) == .notCongKhaiOutput("luan-van.docx"))
        #expect(site.read("luan-van.docx") == "quan trọng")
        #expect(OutputWriter.write(result.files, to: site.output, force: true) == nil)
        #expect(site.read("luan-van.docx") == nil)
    }

    @Test func keepsGitkeepInTheOutput() throws {
        let site = try TestSite.minimal()
        try site.write("public/.gitkeep", "")
        site.buildAndWrite()
        #expect(site.read(".gitkeep") == "")
        #expect(site.read("index.html") != nil)
    }

    @Test func buildDateComesFromAsOfOrSourceDateEpoch() {
        #expect(BuildClock.asOf(argument: "05/09/2024", environment: [:]) == .success(CalendarDate(year: 2024, month: 9, day: 5)!))
        // 2024-09-04T17:00:00Z is already 5 September in Vietnam.
        #expect(BuildClock.asOf(argument: nil, environment: ["SOURCE_DATE_EPOCH": "1725469200"]) == .success(CalendarDate(year: 2024, month: 9, day: 5)!))
        #expect(BuildClock.asOf(argument: "31/02/2024", environment: [:]) == .failure(.invalidAsOf("31/02/2024")))
    }
}
