@testable import CongKhaiBuild
import CongKhaiModel
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `build` makes the next edition in the kept previous one (`StagedFiles`): the result must be
/// the bytes a fresh build writes, removed pages must go, unchanged files must keep their inode,
/// and until the swap the published output must not change at all.
@Suite("Writing into the previous edition", .serialized)
struct InPlaceOutputTests {
    /// Builds like `congkhai build`: rendered pages go into the claimed staging folder.
    @discardableResult
    static func build(_ site: TestSite, to output: URL? = nil, swap: Bool = true) -> (result: BuildResult, failure: OutputWriter.Failure?) {
        var options = site.options(output: output)
        let staging = OutputWriter.claimStaging(for: options.outputFolder)
        options.spoolFolder = staging
        let result = Pipeline.run(options)
        guard swap, result.errorCount == 0 else {
            StagedFiles.release(staging)
            return (result, nil)
        }
        return (result, OutputWriter.write(result.files, to: options.outputFolder, force: false, spooled: true, staging: staging))
    }

    static func inode(_ path: URL) -> UInt64? {
        var info = stat()
        return lstat(path.path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    static let pages = [
        "content/tin-tuc/_index.md": "---\ntieu_de: Tin tức\n---\n",
        "content/tin-tuc/a.md": "---\ntieu_de: Tin A\nngay: 2026-11-01\n---\nMột.\n",
        "content/tin-tuc/b.md": "---\ntieu_de: Tin B\nngay: 2026-11-02\n---\nHai.\n",
        "content/gioi-thieu.md": "---\ntieu_de: Giới thiệu\n---\nXã ở ven sông.\n",
    ]

    @Test func aRebuildIntoTheKeptEditionEqualsAFreshBuildByteForByte() throws {
        let site = try TestSite.minimal(Self.pages)
        let kept = OutputWriter.keptEdition(for: site.output)
        #expect(Self.build(site).failure == nil)
        #expect(!FileManager.default.fileExists(atPath: kept.path), "a first build has no previous edition to keep")
        #expect(Self.build(site).failure == nil)
        #expect(FileManager.default.fileExists(atPath: kept.path))
        let untouched = try #require(Self.inode(site.output.appendingPathComponent("gioi-thieu/index.html")))

        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("content/tin-tuc/b.md"))
        try site.write("content/tin-tuc/a.md", "---\ntieu_de: Tin A đã sửa\nngay: 2026-11-01\n---\nMột.\n")
        try site.write("content/tin-tuc/c.md", "---\ntieu_de: Tin C\nngay: 2026-11-03\n---\nBa.\n")
        #expect(Self.build(site).failure == nil)

        #expect(site.read("tin-tuc/b/index.html") == nil, "a removed page disappears")
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("tin-tuc/b").path))
        #expect(site.read("tin-tuc/a/index.html")?.contains("Tin A đã sửa") == true)
        #expect(site.read("tin-tuc/c/index.html") != nil)
        #expect(Self.inode(site.output.appendingPathComponent("gioi-thieu/index.html")) == untouched, "an unchanged page is not written again")

        let fresh = site.folder.appendingPathComponent("fresh")
        #expect(Self.build(site, to: fresh).failure == nil)
        #expect(try OutputTests.checksums(site.output) == OutputTests.checksums(fresh))
        // Private while it is not the site, so a web root above the output does not serve it.
        var info = stat()
        #expect(lstat(kept.path, &info) == 0 && info.st_mode & 0o777 == 0o700)
        #expect(lstat(site.output.path, &info) == 0 && info.st_mode & 0o777 == 0o755)
    }

    @Test func untilTheSwapThePublishedOutputIsNotChanged() throws {
        let site = try TestSite.minimal(Self.pages)
        Self.build(site)
        Self.build(site)
        let before = try OutputTests.checksums(site.output)
        let inodes = before.keys.reduce(into: [String: UInt64]()) { $0[$1] = Self.inode(site.output.appendingPathComponent($1)) }
        // Every page changes (the site's name is on each), but the build stops before the swap.
        try site.write("content/site.yaml", "ten: Ủy ban nhân dân xã Đổi Tên\nten_ngan: Xã Đổi Tên\nloai: xa\ntinh: Tỉnh Lâm Đồng\n")
        Self.build(site, swap: false)
        #expect(try OutputTests.checksums(site.output) == before)
        for (path, inode) in inodes { #expect(Self.inode(site.output.appendingPathComponent(path)) == inode, "\(path)") }
        // The half-made edition left behind is brought up to date by the next build.
        #expect(Self.build(site).failure == nil)
        #expect(site.read("index.html")?.contains("Đổi Tên") == true)
        let fresh = site.folder.appendingPathComponent("fresh")
        #expect(Self.build(site, to: fresh).failure == nil)
        #expect(try OutputTests.checksums(site.output) == OutputTests.checksums(fresh))
    }

    @Test func whatStandsInTheKeptEditionIsReplacedNotFollowed() throws {
        let site = try TestSite.minimal(Self.pages)
        Self.build(site)
        Self.build(site)
        let kept = OutputWriter.keptEdition(for: site.output)
        let outside = site.folder.appendingPathComponent("ngoai")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        // A page's folder swapped for a link out, a file where a folder belongs, a stray file.
        try FileManager.default.removeItem(at: kept.appendingPathComponent("gioi-thieu"))
        try FileManager.default.createSymbolicLink(at: kept.appendingPathComponent("gioi-thieu"), withDestinationURL: outside)
        try FileManager.default.removeItem(at: kept.appendingPathComponent("tin-tuc/a"))
        try Data("x".utf8).write(to: kept.appendingPathComponent("tin-tuc/a"))
        try Data("lạ".utf8).write(to: kept.appendingPathComponent("la.txt"))
        #expect(Self.build(site).failure == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        let fresh = site.folder.appendingPathComponent("fresh")
        #expect(Self.build(site, to: fresh).failure == nil)
        #expect(try OutputTests.checksums(site.output) == OutputTests.checksums(fresh))
    }

    @Test func aKeptFileChangedInPlaceSinceItWasListedIsWrittenAgain() throws {
        let site = try TestSite.minimal(Self.pages)
        let kept = OutputWriter.keptEdition(for: site.output)
        // Pauses: an entry is listed only once it is older than the file system's clock tick.
        // Four builds: a file's first listing is dropped while it is that recent (the fresh
        // edition, then the links made from it), and the kept edition is two builds old.
        for _ in 0..<4 {
            #expect(Self.build(site).failure == nil)
            usleep(250_000)
        }
        let keptIdentity = try #require(EditionManifest.identity(of: kept.path))
        let listed = EditionManifest.load(for: site.output).first { $0.inode == keptIdentity.inode }
        let entry = try #require(listed?.entries["gioi-thieu/index.html"], "the kept edition's files are listed")
        let path = kept.appendingPathComponent("gioi-thieu/index.html").path
        var bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(bytes.count == Int(entry.size))
        // Same size, same inode, other bytes: only the times tell.
        let index = try #require(bytes.firstRange(of: Data("Xã ở ven sông".utf8))?.lowerBound)
        bytes[index] = UInt8(ascii: "Y")
        let descriptor = open(path, O_WRONLY)
        #expect(descriptor >= 0)
        _ = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress!, $0.count, 0) }
        close(descriptor)
        #expect(Self.inode(URL(fileURLWithPath: path)) == entry.inode)
        #expect(Self.build(site).failure == nil)
        let fresh = site.folder.appendingPathComponent("fresh")
        #expect(Self.build(site, to: fresh).failure == nil)
        #expect(try OutputTests.checksums(site.output) == OutputTests.checksums(fresh))
    }

    @Test func aKeptEditionHeldByAnotherBuildIsNotShared() throws {
        let site = try TestSite.minimal()
        Self.build(site)
        let first = OutputWriter.claimStaging(for: site.output)
        #expect(OutputWriter.isKeptEdition(first, of: site.output))
        let second = OutputWriter.claimStaging(for: site.output)
        #expect(second == OutputWriter.stagingFolder(for: site.output))
        StagedFiles.release(first)
        let third = OutputWriter.claimStaging(for: site.output)
        #expect(OutputWriter.isKeptEdition(third, of: site.output))
        StagedFiles.release(third)
    }

    @Test func aFolderOfThatNameCongKhaiDidNotMakeIsLeftAlone() throws {
        let site = try TestSite.minimal()
        let kept = OutputWriter.keptEdition(for: site.output)
        try FileManager.default.createDirectory(at: kept, withIntermediateDirectories: true)
        try Data("của người dùng".utf8).write(to: kept.appendingPathComponent("ghi-chu.txt"))
        #expect(OutputWriter.claimStaging(for: site.output) == OutputWriter.stagingFolder(for: site.output))
        Self.build(site)
        Self.build(site)
        #expect(FileManager.default.contents(atPath: kept.appendingPathComponent("ghi-chu.txt").path) == Data("của người dùng".utf8))
    }
}
