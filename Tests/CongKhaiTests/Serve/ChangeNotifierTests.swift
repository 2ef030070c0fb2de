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

    @Test func aWriteInAWatchedFolderWakesTheLoop() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-inotify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
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
}
