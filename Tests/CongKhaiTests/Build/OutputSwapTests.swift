@testable import CongKhaiBuild
import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The output is replaced without a moment where it is missing, and nothing an interrupted
/// build left beside it survives the next build.
@Suite("Output swap")
struct OutputSwapTests {
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-swap-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }

        func make(_ path: String, _ text: String) throws {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }

        func read(_ path: String) -> String? {
            FileManager.default.contents(atPath: url.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
        }

        func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path) }
    }

    @Test func anExistingOutputIsExchangedAtomically() throws {
        let folder = try Folder()
        try folder.make("public/index.html", "cũ")
        try folder.make("staging/index.html", "mới")
        let method = try OutputSwap.replace(folder.url.appendingPathComponent("public"), with: folder.url.appendingPathComponent("staging"),
                                            retiredAt: folder.url.appendingPathComponent("retired"))
        // The test folder is on the same ext4/tmpfs volume as the build's: the exchange must be used there.
        #expect(method == .exchanged)
        #expect(folder.read("public/index.html") == "mới")
        #expect(!folder.exists("staging"))
        #expect(!folder.exists("retired"))
    }

    @Test func theOutputIsPresentThroughoutManySwaps() async throws {
        let folder = try Folder()
        let output = folder.url.appendingPathComponent("public")
        try folder.make("public/index.html", "0")
        let done = Mutex(false)
        let started = Mutex(false)
        let watching = Task.detached { () -> (looks: Int, missing: Int) in
            var looks = 0, missing = 0
            var info = stat()
            started.withLock { $0 = true }
            while !done.withLock({ $0 }) {
                looks += 1
                if stat(output.appendingPathComponent("index.html").path, &info) != 0 { missing += 1 }
            }
            return (looks, missing)
        }
        while !started.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(5)) }
        for round in 1...50 {
            try folder.make("staging/index.html", "\(round)")
            try OutputSwap.replace(output, with: folder.url.appendingPathComponent("staging"), retiredAt: folder.url.appendingPathComponent("retired"))
        }
        done.withLock { $0 = true }
        let seen = await watching.value
        #expect(seen.looks > 0)
        #expect(seen.missing == 0)
        #expect(folder.read("public/index.html") == "50")
    }

    @Test(arguments: [EINVAL, ENOSYS])
    func aFilesystemWithoutTheExchangeFallsBackToTwoRenames(_ code: Int32) throws {
        let folder = try Folder()
        try folder.make("public/index.html", "cũ")
        try folder.make("staging/index.html", "mới")
        let method = try OutputSwap.replace(folder.url.appendingPathComponent("public"), with: folder.url.appendingPathComponent("staging"),
                                            retiredAt: folder.url.appendingPathComponent("retired"), exchanging: { _, _ in code })
        #expect(method == .renamed)
        #expect(folder.read("public/index.html") == "mới")
        #expect(!folder.exists("staging"))
        #expect(!folder.exists("retired"))
    }

    @Test(arguments: [0, EINVAL])
    func keepingTheOldSitePutsItWhereTheStagingFolderWas(_ code: Int32) throws {
        let folder = try Folder()
        try folder.make("public/index.html", "cũ")
        try folder.make("staging/index.html", "mới")
        let method = try OutputSwap.replace(folder.url.appendingPathComponent("public"), with: folder.url.appendingPathComponent("staging"),
                                            retiredAt: folder.url.appendingPathComponent("retired"), keepingOld: true,
                                            exchanging: { code == 0 ? OutputSwap.exchange($0, $1) : code })
        #expect(method == (code == 0 ? .exchanged : .renamed))
        #expect(folder.read("public/index.html") == "mới")
        #expect(folder.read("staging/index.html") == "cũ")
        #expect(!folder.exists("retired"))
    }

    @Test func anotherExchangeErrorLeavesTheOutputAsItWas() throws {
        let folder = try Folder()
        try folder.make("public/index.html", "cũ")
        try folder.make("staging/index.html", "mới")
        #expect(throws: (any Error).self) {
            try OutputSwap.replace(folder.url.appendingPathComponent("public"), with: folder.url.appendingPathComponent("staging"),
                                   retiredAt: folder.url.appendingPathComponent("retired"), exchanging: { _, _ in EACCES })
        }
        #expect(folder.read("public/index.html") == "cũ")
    }

    @Test func aFirstBuildRenamesTheStagingFolder() throws {
        let folder = try Folder()
        try folder.make("staging/index.html", "mới")
        let method = try OutputSwap.replace(folder.url.appendingPathComponent("public"), with: folder.url.appendingPathComponent("staging"),
                                            retiredAt: folder.url.appendingPathComponent("retired"))
        #expect(method == .created)
        #expect(folder.read("public/index.html") == "mới")
    }

    @Test func leftoversOfKilledBuildsAreRemovedAndARunningBuildsAreKept() throws {
        let folder = try Folder()
        let output = folder.url.appendingPathComponent("public")
        try folder.make("public/index.html", "site")
        let dead = deadProcessID()
        try folder.make(".public.dang-dung-\(dead)/index.html", "bản dựng dở")
        try folder.make(".public.cu-\(dead)/index.html", "bản cũ")
        // PID 1 is always running: a build of another process still in progress.
        try folder.make(".public.dang-dung-1/index.html", "đang dựng")
        try folder.make(".khac.dang-dung-\(dead)/index.html", "thư mục khác")
        OutputSwap.removeLeftovers(of: output)
        #expect(!folder.exists(".public.dang-dung-\(dead)"))
        #expect(!folder.exists(".public.cu-\(dead)"))
        #expect(folder.exists(".public.dang-dung-1"))
        #expect(folder.exists(".khac.dang-dung-\(dead)"))
        #expect(folder.read("public/index.html") == "site")
    }

    @Test func anOutputLostBetweenTwoRenamesIsGivenBackItsOldCopy() throws {
        let folder = try Folder()
        let dead = deadProcessID()
        try folder.make(".public.cu-\(dead)/index.html", "bản cũ")
        OutputSwap.removeLeftovers(of: folder.url.appendingPathComponent("public"))
        #expect(folder.read("public/index.html") == "bản cũ")
    }

    @Test func writeLeavesNoStagingOrOldCopyBehind() throws {
        let site = try TestSite.minimal()
        let result = site.build()
        #expect(OutputWriter.write(result.files, to: site.output, force: false) == nil)
        #expect(OutputWriter.write(result.files, to: site.output, force: false) == nil)
        let names = try FileManager.default.contentsOfDirectory(atPath: site.folder.path)
        #expect(!names.contains { $0.hasPrefix(".public.") })
    }

    /// A process ID that is not running: a child that has exited and been reaped.
    func deadProcessID() -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try? process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}
