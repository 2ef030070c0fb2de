@testable import CongKhaiBuild
import CongKhaiRender
import Foundation
import Testing

/// With a spool folder (`congkhai build`), the site-wide files (search index, open data) are
/// written there as soon as they are made, like the pages, rather than held in memory until the
/// write: the result refers to them, with the bytes an in-memory build (`serve`) gives.
@Suite("Site-wide files spooled")
struct SpooledSiteWideTests {
    static func bytes(_ file: OutputFile) -> Data? {
        switch file.body {
        case let .bytes(data): return data
        case let .copy(url): return FileManager.default.contents(atPath: url.path)
        }
    }

    @Test func theSiteWideFilesGoToTheSpoolWithTheBytesOfAnInMemoryBuild() throws {
        let site = try TestSite.minimal(["content/thu-tuc/ho-tich/1.001193.md": ProcedureFixtures.procedure(fees: "mien")])
        let inMemory = Pipeline.run(site.options())
        var options = site.options()
        let staging = OutputWriter.claimStaging(for: options.outputFolder)
        defer { StagedFiles.release(staging) }
        options.spoolFolder = staging
        let spooled = Pipeline.run(options)
        #expect(spooled.errorCount == 0, "\(spooled.diagnostics.map(\.formatted))")

        let siteWide = ["du-lieu/tim-kiem.js", "du-lieu/thu-tuc.json", "du-lieu/thu-tuc.csv"]
        let files = Dictionary(spooled.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let expected = Dictionary(inMemory.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for path in siteWide {
            let file = try #require(files[path], "\(path) is missing")
            guard case let .copy(url) = file.body else {
                Issue.record("\(path) waited in memory")
                continue
            }
            #expect(url.standardizedFileURL.path == staging.appendingPathComponent(path).standardizedFileURL.path)
            let memory = try #require(expected[path])
            guard case .bytes = memory.body else {
                Issue.record("without a spool folder \(path) is in memory")
                continue
            }
            #expect(Self.bytes(file) == Self.bytes(memory), "\(path) differs from the in-memory build")
        }
    }
}
