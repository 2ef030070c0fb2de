import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Wakes `serve`'s watch loop when Linux reports a change in a watched folder (inotify), so an
/// idle preview costs no CPU instead of comparing every file five times a second. The loop
/// still finds what changed by comparing stamps, so a missed or merged event costs nothing but
/// a moment. Where inotify is missing or its watch limit is reached, `make` returns nil and
/// the loop polls as before.
/// Unchecked: `source` is set once and a dispatch source may be used from any thread; the rest is behind `state`.
final class ChangeNotifier: @unchecked Sendable {
    private struct State {
        var pending = false
        var waiter: CheckedContinuation<Void, Never>?
        /// The folders events named since `changedFolders()` was last asked; nil when unknown
        /// (before the first comparison, after the kernel's queue overflowed).
        var folders: Set<String>? = nil
        /// Each watch's folder, by the descriptor inotify gave it.
        var watched: [Int32: String] = [:]
    }

    private let descriptor: Int32
    private let source: any DispatchSourceRead
    private let state = Mutex(State())
    static let mask = UInt32(IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE
        | IN_DELETE_SELF | IN_MOVE_SELF)

    private init(descriptor: Int32) {
        self.descriptor = descriptor
        source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: DispatchQueue(label: "congkhai.inotify"))
    }

    /// nil when the kernel offers no inotify or refuses a watch (then polling is the fallback).
    static func make(watching folders: [String]) -> ChangeNotifier? {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        let notifier = ChangeNotifier(descriptor: descriptor)
        // A change made before the folders were watched is found by the first comparison.
        notifier.state.withLock { $0.pending = true }
        guard notifier.watch(folders) else {
            close(descriptor)
            return nil
        }
        notifier.source.setEventHandler { [weak notifier] in notifier?.drain() }
        notifier.source.setCancelHandler { close(descriptor) }
        notifier.source.resume()
        return notifier
    }

    /// Watches `folders` (again: the kernel keeps one watch per folder, so folders that appeared
    /// since are added and the rest cost a call each); false when one is refused.
    @discardableResult
    func watch(_ folders: [String]) -> Bool {
        var added: [(Int32, String)] = []
        defer { state.withLock { state in for (watch, folder) in added { state.watched[watch] = folder } } }
        for folder in folders {
            let watch = inotify_add_watch(descriptor, folder, Self.mask)
            if watch >= 0 {
                added.append((watch, folder))
                continue
            }
            // A folder removed meanwhile is no failure; a full watch table is.
            if errno == ENOSPC || errno == ENOMEM { return false }
        }
        return true
    }

    /// The folders whose entries changed since the last call (a file written, added, removed or
    /// renamed in them, or the folder itself removed); nil when that is not known and every
    /// watched folder must be compared.
    func changedFolders() -> Set<String>? {
        state.withLock { state in
            defer { state.folders = [] }
            return state.folders
        }
    }

    /// Returns once no event has come for `quiet` (or `limit` after the call, for a file that
    /// never stops changing). An editor that saves in place truncates the file and then writes
    /// it; on a busy machine more than a moment can pass between the two, and a comparison in
    /// between read an empty file and showed the citizen-facing preview its error.
    func settle(quiet: Duration = .milliseconds(25), limit: Duration = .seconds(1)) async {
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: limit)
        repeat {
            try? await Task.sleep(for: quiet)
        } while takePending() && clock.now < end
    }

    /// Whether an event came since `next()` or this last returned; it is then consumed, the
    /// comparison that follows looking at every folder the events named.
    private func takePending() -> Bool {
        state.withLock { state in
            defer { state.pending = false }
            return state.pending
        }
    }

    /// Returns at the next change (at once if one came since the last call).
    func next() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = state.withLock { state -> Bool in
                    if state.pending || Task.isCancelled {
                        state.pending = false
                        return true
                    }
                    state.waiter = continuation
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            state.withLock { state -> CheckedContinuation<Void, Never>? in
                let waiter = state.waiter
                state.waiter = nil
                return waiter
            }?.resume()
        }
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var watches = Set<Int32>()
        var overflowed = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            guard count > 0 else { break }
            // Records of `struct inotify_event`: wd, mask, cookie, len, then `len` bytes of name.
            var offset = 0
            let header = 16
            while offset + header <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                }
                if mask & UInt32(IN_Q_OVERFLOW) != 0 { overflowed = true } else if mask & UInt32(IN_IGNORED) == 0 { watches.insert(watch) }
                offset += header + Int(length)
            }
        }
        state.withLock { state -> CheckedContinuation<Void, Never>? in
            if overflowed {
                state.folders = nil
            } else if state.folders != nil {
                for watch in watches {
                    guard let folder = state.watched[watch] else {
                        state.folders = nil
                        break
                    }
                    state.folders?.insert(folder)
                }
            }
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.pending = true
            return nil
        }?.resume()
    }

    deinit {
        source.cancel()
    }
}
