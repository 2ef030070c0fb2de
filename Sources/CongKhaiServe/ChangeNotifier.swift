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
        for folder in folders where inotify_add_watch(descriptor, folder, Self.mask) < 0 {
            // A folder removed meanwhile is no failure; a full watch table is.
            if errno == ENOSPC || errno == ENOMEM { return false }
        }
        return true
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
        while buffer.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress!, $0.count) }) > 0 {}
        state.withLock { state -> CheckedContinuation<Void, Never>? in
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
