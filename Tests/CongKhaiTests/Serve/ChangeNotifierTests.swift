@testable import CongKhaiServe
import Foundation
import Synchronization
import Testing

/// inotify wakes the watch loop for a file written in a watched folder, and for one written in a
/// folder that appeared later once that folder is watched too; without a change it sleeps.
@Suite("serve: change notifier")
struct ChangeNotifierTests {
    /// Whether `next()` returned within `seconds` (generous: this is no timing test).
    static func woke(_ notifier: ChangeNotifier, within limit: Duration = .seconds(30)) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask { await notifier.next(); return true }
            group.addTask { try? await Task.sleep(for: limit); return false }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    /// Lets the events of one change (create, modify, close) all arrive and be consumed, so the
    /// next wake-up is caused by the next change.
    static func settle(_ notifier: ChangeNotifier) async {
        while await woke(notifier, within: .milliseconds(300)) {}
    }

    /// An empty folder of its own for one test (the caller removes it).
    static func newFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-inotify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func aWriteInAWatchedFolderWakesTheLoop() async throws {
        let folder = try Self.newFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notifier = try #require(ChangeNotifier.make(watching: [folder.path]))
        // The first call returns at once: changes made before the watch are looked for too.
        #expect(await Self.woke(notifier))
        #expect(await !Self.woke(notifier, within: .seconds(1)), "nothing changed")

        try Data("a".utf8).write(to: folder.appendingPathComponent("a.md"))
        #expect(await Self.woke(notifier))
        await Self.settle(notifier)

        let group = folder.appendingPathComponent("ho-tich")
        try FileManager.default.createDirectory(at: group, withIntermediateDirectories: true)
        #expect(await Self.woke(notifier), "a new folder is a change of its parent")
        await Self.settle(notifier)
        notifier.watch([folder.path, group.path])
        try Data("b".utf8).write(to: group.appendingPathComponent("b.md"))
        #expect(await Self.woke(notifier))
    }

    /// A save that goes on (truncated, then written in parts) holds the comparison back until it
    /// stops: the preview never reads the file half written. The writer is a thread of its own
    /// and the quiet time is long, so that a test run's busy task pool cannot make a pause in
    /// the writes that ends the wait early.
    @Test func theLoopWaitsForAWriteInPartsToStop() async throws {
        let folder = try Self.newFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notifier = try #require(ChangeNotifier.make(watching: [folder.path]))
        #expect(await Self.woke(notifier))
        let file = folder.appendingPathComponent("a.md")
        try Data().write(to: file)
        #expect(await Self.woke(notifier))
        let lastWrite = Mutex(ContinuousClock.now)
        let done = DispatchSemaphore(value: 0)
        // About 1.5 s of writing, three times the quiet time.
        let writer = Thread {
            for part in 0..<150 {
                if let handle = try? FileHandle(forWritingTo: file) {
                    _ = try? handle.seekToEnd()
                    try? handle.write(contentsOf: Data("phần \(part)\n".utf8))
                    try? handle.close()
                }
                lastWrite.withLock { $0 = .now }
                Thread.sleep(forTimeInterval: 0.01)
            }
            done.signal()
        }
        writer.start()
        await notifier.settle(quiet: .milliseconds(500), limit: .seconds(60))
        let settled = ContinuousClock.now
        await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                done.wait()
                finished.resume()
            }
        }
        #expect(settled > lastWrite.withLock { $0 }, "the wait ended while the file was still being written")
        #expect(try String(contentsOf: file, encoding: .utf8).hasSuffix("phần 149\n"))
    }

    /// The events name their folders, so the loop compares those and not every file.
    @Test func theNotifierNamesTheFoldersThatChanged() async throws {
        let folder = try Self.newFolder()
        let group = folder.appendingPathComponent("ho-tich")
        try FileManager.default.createDirectory(at: group, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let notifier = try #require(ChangeNotifier.make(watching: [folder.path, group.path]))
        #expect(await Self.woke(notifier))
        #expect(notifier.changedFolders() == nil, "before the first comparison: not known")
        try Data("b".utf8).write(to: group.appendingPathComponent("b.md"))
        #expect(await Self.woke(notifier))
        await Self.settle(notifier)
        #expect(notifier.changedFolders() == [group.path])
        #expect(notifier.changedFolders() == [], "asked again: nothing since")
    }

    /// Comparing only the folders named finds what comparing everything finds: an edited file, a
    /// new folder with its files, a removed folder's files gone; the site's own folder (where a
    /// province's tinh.yaml lies) means everything.
    @Test func rescanningTheNamedFoldersGivesTheWholeSnapshot() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-rescan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        let manager = FileManager.default
        func write(_ path: String, _ text: String) throws {
            let url = site.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try write("content/thu-tuc/ho-tich/a.md", "a")
        try write("content/thu-tuc/ho-tich/b.md", "b")
        try write("content/thu-tuc/dat-dai/c.md", "c")
        try write("content/tin-tuc/d.md", "d")
        let watcher = FileWatcher(siteFolder: site)
        let before = watcher.snapshot()
        try write("content/thu-tuc/ho-tich/a.md", "a, longer")
        try write("content/thu-tuc/moi/e/f.md", "f")
        try manager.removeItem(at: site.appendingPathComponent("content/thu-tuc/dat-dai"))
        let named: Set<String> = ["content/thu-tuc/ho-tich", "content/thu-tuc", "content/thu-tuc/dat-dai"].map { site.appendingPathComponent($0).path }.reduce(into: []) { $0.insert($1) }
        var found: [String] = []
        let after = try #require(watcher.rescan(named, previous: before, folders: &found))
        #expect(after == watcher.snapshot())
        #expect(FileWatcher.changes(from: before, to: after) == ["content/thu-tuc/ho-tich/a.md", "content/thu-tuc/moi/e/f.md", "content/thu-tuc/dat-dai/c.md"])
        #expect(found.contains(site.appendingPathComponent("content/thu-tuc/moi/e").path), "the new folders are watched")
        #expect(after["content/tin-tuc/d.md"] == before["content/tin-tuc/d.md"])
        #expect(watcher.rescan([site.path], previous: before, folders: &found) == nil)
    }
}
