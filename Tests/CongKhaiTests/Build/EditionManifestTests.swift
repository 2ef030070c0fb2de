@testable import CongKhaiBuild
import CongKhaiLoad
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The list of each edition's files (`EditionManifest`) lets a rebuild keep a file without
/// reading it back, but only while the file is exactly the one recorded: anything else is
/// compared by its bytes, and the published output is never written to.
@Suite("Edition file lists")
struct EditionManifestTests {
    typealias Folder = OutputSwapTests.Folder

    static func stat(_ path: String) throws -> stat {
        var info = Glibc.stat()
        try #require(lstat(path, &info) == 0)
        return info
    }

    static func hash(_ text: String) -> UInt64 { XXHash64.hash(Array(text.utf8)) }

    @Test func aFileWhoseIdentityIsRecordedIsKeptWithoutReadingIt() throws {
        let folder = try Folder()
        try folder.make("staging/a/index.html", "cũ!!")
        let path = folder.url.appendingPathComponent("staging/a/index.html").path
        // The list vouches for bytes the file does not hold: only a store that trusts the
        // list without reading the file can keep it.
        let ledger = EditionLedger(staged: ["a/index.html": .init(try Self.stat(path), hash: Self.hash("mới"))])
        let outcome = try StagedFiles.store(Data("mới".utf8), at: "a/index.html", staging: folder.url.appendingPathComponent("staging").path,
                                            published: nil, ledger: ledger)
        #expect(outcome == .kept)
        #expect(folder.read("staging/a/index.html") == "cũ!!")
    }

    @Test func aFileChangedBehindTheListsBackIsComparedByItsBytes() throws {
        let folder = try Folder()
        try folder.make("staging/a/index.html", "mới")
        let path = folder.url.appendingPathComponent("staging/a/index.html").path
        let recorded = EditionManifest.Entry(try Self.stat(path), hash: Self.hash("mới"))
        // Rewritten in place with other bytes of the same size: the inode stays, the times move.
        usleep(20_000)
        let descriptor = open(path, O_WRONLY | O_TRUNC)
        #expect(descriptor >= 0)
        _ = Array("cũ!!".utf8).withUnsafeBytes { write(descriptor, $0.baseAddress!, $0.count) }
        close(descriptor)
        #expect(try Self.stat(path).st_ino == recorded.inode)
        let ledger = EditionLedger(staged: ["a/index.html": recorded])
        let outcome = try StagedFiles.store(Data("mới".utf8), at: "a/index.html", staging: folder.url.appendingPathComponent("staging").path,
                                            published: nil, ledger: ledger)
        #expect(outcome == .written)
        #expect(folder.read("staging/a/index.html") == "mới")
    }

    @Test func aPublishedFileIsLinkedOnlyWhileItIsTheOneRecorded() throws {
        let folder = try Folder()
        try folder.make("public/a/index.html", "mới")
        try folder.make("staging/.congkhai", "x")
        let published = folder.url.appendingPathComponent("public").path, staging = folder.url.appendingPathComponent("staging").path
        let recorded = EditionManifest.Entry(try Self.stat(published + "/a/index.html"), hash: Self.hash("mới"))
        let ledger = EditionLedger(published: ["a/index.html": recorded])
        #expect(try StagedFiles.store(Data("mới".utf8), at: "a/index.html", staging: staging, published: published, ledger: ledger) == .linked)
        #expect(try Self.stat(staging + "/a/index.html").st_ino == recorded.inode)
        // The link moved that inode's times: what the build learnt is saved for both folders.
        let before = try String(contentsOfFile: published + "/a/index.html", encoding: .utf8)
        #expect(before == "mới", "the published file is not written to")

        // A published file that differs from its record is read: other bytes are not linked.
        try folder.make("public/b/index.html", "khác")
        let stale = EditionLedger(published: ["b/index.html": .init(size: 6, inode: 1, modified: 0, changed: 0, hash: Self.hash("mới"))])
        #expect(try StagedFiles.store(Data("mới".utf8), at: "b/index.html", staging: staging, published: published, ledger: stale) == .written)
        #expect(folder.read("staging/b/index.html") == "mới")
        #expect(folder.read("public/b/index.html") == "khác")
    }

    @Test func aNameTakenInAFreshEditionIsReplaced() throws {
        let folder = try Folder()
        try folder.make("staging/a/index.html", "cũ")
        let staging = folder.url.appendingPathComponent("staging").path
        #expect(try StagedFiles.store(Data("mới".utf8), at: "a/index.html", staging: staging, published: nil, fresh: true) == .written)
        #expect(folder.read("staging/a/index.html") == "mới")
        #expect(try StagedFiles.store(Data("mới".utf8), at: "b/c/index.html", staging: staging, published: nil, fresh: true) == .written)
        #expect(folder.read("staging/b/c/index.html") == "mới")
    }

    @Test func entriesTooRecentToTrustAreNotSaved() throws {
        let folder = try Folder()
        let output = folder.url.appendingPathComponent("public")
        try folder.make("public/index.html", "x")
        let identity = try #require(EditionManifest.identity(of: output.path))
        let now = UnchangedBuild.now()
        let old = EditionManifest.Entry(size: 1, inode: 7, modified: now - 10_000_000_123, changed: now - 10_000_000_123, hash: 1)
        let recent = EditionManifest.Entry(size: 1, inode: 8, modified: now - 1_000_123, changed: now - 1_000_123, hash: 2)
        // Whole seconds: a file system that may tick every 2 s, so 1.5 s ago is still too recent.
        let coarse = EditionManifest.Entry(size: 1, inode: 9, modified: (now / 1_000_000_000 - 1) * 1_000_000_000,
                                           changed: (now / 1_000_000_000 - 1) * 1_000_000_000, hash: 3)
        EditionManifest.save([EditionManifest(device: identity.device, inode: identity.inode,
                                              entries: ["old": old, "recent": recent, "coarse": coarse])], for: output)
        let loaded = EditionManifest.load(for: output)
        #expect(loaded.count == 1)
        #expect(loaded.first?.entries == ["old": old])
    }

    @Test func aDamagedListIsIgnored() throws {
        let manifests = [EditionManifest(device: 1, inode: 2, entries: ["a/index.html": .init(size: 3, inode: 4, modified: 5, changed: 6, hash: 7)]),
                         EditionManifest(device: 1, inode: 9, entries: [:])]
        let bytes = EditionManifest.encode(manifests)
        #expect(EditionManifest.decode(bytes) == manifests)
        for cut in [0, 10, bytes.count / 2, bytes.count - 1] {
            #expect(EditionManifest.decode(Array(bytes[..<cut])) == nil)
        }
        var flipped = bytes
        flipped[bytes.count / 2] ^= 1
        #expect(EditionManifest.decode(flipped) == nil)
    }
}

/// The marker is read byte by byte (it lists every file: 20,000 lines at 10,000 procedures);
/// what it vouches for must be what the line-by-line reading always accepted, or less.
@Suite("Output marker")
struct OutputMarkerTests {
    static func listed(_ lines: String) -> Set<String>? {
        var paths = Set<String>()
        let bytes = Array((OutputWriter.markerText + lines).utf8)
        return OutputWriter.forEachListed(bytes, { paths.insert(String(decoding: $0, as: UTF8.self)) }) ? paths : nil
    }

    @Test func aMarkerListsItsPaths() {
        #expect(Self.listed("index.html\nthu-tuc/hộ-tịch/index.html\n") == ["index.html", "thu-tuc/hộ-tịch/index.html"])
    }

    @Test(arguments: ["", "index.html", "index.html\n\nb\n", "/etc/passwd\n", "a/../../b\n", "..\n", "a\u{0}b\n", "a\r\nb\n", "a\r\n"])
    func anythingElseVouchesForNothing(_ lines: String) {
        #expect(Self.listed(lines) == nil)
    }

    @Test func invalidUTF8VouchesForNothing() {
        let bytes = Array(OutputWriter.markerText.utf8) + [0x61, 0xFF, 0x0A]
        #expect(!OutputWriter.forEachListed(bytes) { _ in })
    }
}

/// `ownership` walks the output by descriptor with readdir's types; what counts as a stranger
/// is what it always was.
@Suite("Output ownership walk")
struct OutputOwnershipTests {
    @Test func strangersAreFoundDeepAndLinksToFoldersAreNot() throws {
        let folder = try OutputSwapTests.Folder()
        let output = folder.url.appendingPathComponent("public")
        try folder.make("public/.congkhai", OutputWriter.markerText + "index.html\na/b/index.html\n")
        try folder.make("public/index.html", "x")
        try folder.make("public/a/b/index.html", "x")
        try folder.make("public/.gitkeep", "")
        try folder.make("ngoai/tep.txt", "x")
        try FileManager.default.createSymbolicLink(atPath: output.path + "/a/lien-ket", withDestinationPath: folder.url.path + "/ngoai")
        #expect(OutputWriter.ownership(of: output) == .ours, "a link to a folder is a folder, and is not followed")
        try FileManager.default.createSymbolicLink(atPath: output.path + "/a/b/tep", withDestinationPath: folder.url.path + "/ngoai/tep.txt")
        try folder.make("public/a/b/z/ghi-chu.txt", "x")
        #expect(OutputWriter.ownership(of: output) == .foreign("a/b/tep"), "the first stranger in path order")
        try FileManager.default.removeItem(atPath: output.path + "/a/b/tep")
        #expect(OutputWriter.ownership(of: output) == .foreign("a/b/z/ghi-chu.txt"))
    }
}
