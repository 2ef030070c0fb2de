@testable import CongKhaiBuild
import CongKhaiModel
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The build record's picture of the output comes from what the writer knows
/// (`OutputSnapshot`) instead of a walk: it must be exactly the walk, entry for entry (folders
/// too, with mode, size, times, inode and device), after a fresh build and after a rebuild into
/// the kept edition that keeps most files, links some, writes a few and removes one.
@Suite("The writer's snapshot of the output", .serialized)
struct OutputSnapshotTests {
    static let pages = [
        "content/tin-tuc/_index.md": "---\ntieu_de: Tin tức\n---\n",
        "content/tin-tuc/a.md": "---\ntieu_de: Tin A\nngay: 2026-11-01\n---\nMột.\n",
        "content/tin-tuc/b.md": "---\ntieu_de: Tin B\nngay: 2026-11-02\n---\nHai.\n",
        "content/gioi-thieu.md": "---\ntieu_de: Giới thiệu\n---\nXã ở ven sông.\n",
        "content/gioi-thieu/lich-su.md": "---\ntieu_de: Lịch sử\n---\nXưa.\n",
        // Copied, not stored from bytes: the writer learns nothing of it while writing.
        "content/tai-lieu/bao-cao.pdf": "%PDF-1.4 nội dung\n",
    ]

    /// Builds like `congkhai build`; returns the writer's snapshot.
    static func build(_ site: TestSite) throws -> OutputSnapshot {
        var options = site.options()
        let staging = OutputWriter.claimStaging(for: options.outputFolder)
        options.spoolFolder = staging
        let result = Pipeline.run(options)
        #expect(result.errorCount == 0)
        let written = OutputWriter.writeForRecord(result.files, to: options.outputFolder, force: false, spooled: true, staging: staging)
        #expect(written.failure == nil)
        return try #require(written.snapshot)
    }

    static func expectSameAsWalk(_ snapshot: OutputSnapshot, _ output: URL, _ comment: Comment) throws {
        let walked = try #require(TreeSnapshot.walk(output.path)).entries
        #expect(snapshot.root == output.path)
        #expect(snapshot.entries.count == walked.count, comment)
        for (made, seen) in zip(snapshot.entries, walked) where made != seen {
            Issue.record("\(comment): \(String(decoding: made.path, as: UTF8.self)) made \(made), walked \(seen)")
            break
        }
        #expect(walked.contains { $0.kind == .folder && $0.path == Array("gioi-thieu/lich-su".utf8) }, "folders are entries")
        #expect(walked.contains { $0.path == Array("tai-lieu/bao-cao.pdf".utf8) })
    }

    @Test func theSnapshotIsTheWalkAfterAFreshBuildAndARebuild() throws {
        let site = try TestSite.minimal(Self.pages)
        try Self.expectSameAsWalk(Self.build(site), site.output, "fresh")
        // A file the writer keeps from the output it replaces (`keptNames`), copied each time.
        try site.write("public/.gitkeep", "")
        try Self.expectSameAsWalk(Self.build(site), site.output, "second build: everything linked from the output")
        try site.write("content/tin-tuc/a.md", "---\ntieu_de: Tin A đã sửa\nngay: 2026-11-01\n---\nMột.\n")
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("content/tin-tuc/b.md"))
        try site.write("content/tin-tuc/c.md", "---\ntieu_de: Tin C\nngay: 2026-11-03\n---\nBa.\n")
        try Self.expectSameAsWalk(Self.build(site), site.output, "third build: most files kept in place, one page gone, one new")
        #expect(site.read("tin-tuc/b/index.html") == nil)
        try Self.expectSameAsWalk(Self.build(site), site.output, "fourth build: nothing changed")
    }

    @Test func aRecordMadeFromTheSnapshotStillSeesEveryChangeToTheOutput() throws {
        let site = try TestSite.minimal(Self.pages)
        _ = UnchangedBuildTests.build(site)
        #expect(UnchangedBuildTests.build(site).replayed != nil)
        let page = site.output.appendingPathComponent("tin-tuc/a/index.html")
        // Touched with the same bytes: its times moved.
        var times = [timespec(tv_sec: 1_700_000_000, tv_nsec: 0), timespec(tv_sec: 1_700_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, page.path, &times, 0) == 0)
        #expect(UnchangedBuildTests.build(site).replayed == nil, "a touched page")
        #expect(UnchangedBuildTests.build(site).replayed != nil)
        try FileManager.default.createDirectory(at: site.output.appendingPathComponent("tin-tuc/moi"), withIntermediateDirectories: false)
        #expect(UnchangedBuildTests.build(site).replayed == nil, "a folder added")
        #expect(UnchangedBuildTests.build(site).replayed != nil)
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("tai-lieu/bao-cao.pdf"))
        #expect(UnchangedBuildTests.build(site).replayed == nil, "a copied file removed")
    }

    /// `OutputWriter.ownership` takes the output's names from the last build's record instead of
    /// walking it, while every folder still has its recorded stat (else, or when a folder changed
    /// close to the record, it lists or walks): a file added by hand is still a stranger.
    @Test func ownershipTrustsTheRecordOnlyWhileNoFolderMoved() throws {
        let site = try TestSite.minimal(Self.pages)
        _ = UnchangedBuildTests.build(site)
        var record = try #require(BuildRecord.load(for: site.output))
        // Recorded long after every folder's times: none is listed, their stats alone vouch.
        record.outputStamp = .max
        record.save(for: site.output)
        let files = try #require(TreeSnapshot.filesWithUnmovedFolders(site.output.path, record.output, racyFrom: .max))
        #expect(files.contains(Array("tin-tuc/a/index.html".utf8)))
        #expect(!files.contains(Array("tin-tuc/a".utf8)), "files only")
        #expect(OutputWriter.ownership(of: site.output) == .ours)

        try site.write("public/tin-tuc/a/ghi-chu.txt", "của người dùng")
        #expect(TreeSnapshot.filesWithUnmovedFolders(site.output.path, record.output, racyFrom: .max) == nil, "its folder moved")
        #expect(TreeSnapshot.filesWithUnmovedFolders(site.output.path, record.output, racyFrom: .min) == nil, "and its listing")
        #expect(OutputWriter.ownership(of: site.output) == .foreign("tin-tuc/a/ghi-chu.txt"))
    }

    @Test func theOrderIsTheWalksDepthFirstByBytes() {
        let paths = ["a-b", "a/z", "a", "", "a/z/0", "a.b", "b", "a/y-1", "a/y"].map { Array($0.utf8) }
        let entries = paths.map { TreeEntry(path: $0, kind: .file) }
        #expect(OutputSnapshot.inWalkOrder(entries).map { String(decoding: $0.path, as: UTF8.self) }
            == ["", "a", "a/y", "a/y-1", "a/z", "a/z/0", "a-b", "a.b", "b"])
    }
}
