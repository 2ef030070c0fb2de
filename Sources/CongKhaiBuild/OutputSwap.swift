import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Puts a finished staging folder in place of the output without a moment where the output
/// is missing, and clears what interrupted builds left beside it (hidden full copies of the
/// site that a web root would serve).
public enum OutputSwap {
    public enum Method: Equatable, Sendable {
        /// No output existed: one rename.
        case created
        /// `renameat2(RENAME_EXCHANGE)`: both names always exist; the old site ends up in staging.
        case exchanged
        /// The filesystem has no atomic exchange: two renames, the old site restored on failure.
        case renamed
    }

    struct Failure: LocalizedError {
        var reason: String
        var errorDescription: String? { reason }
    }

    /// `exchanging` is `exchange` except in tests of the fallback. `keepingOld`: the old site
    /// ends up at `staging`'s name (the kept edition the next build starts from), not removed.
    @discardableResult
    static func replace(_ output: URL, with staging: URL, retiredAt retired: URL, keepingOld: Bool = false,
                        exchanging: (String, String) -> Int32 = exchange) throws -> Method {
        var info = stat()
        guard lstat(output.path, &info) == 0 else {
            guard rename(staging.path, output.path) == 0 else { throw Failure(reason: String(cString: strerror(errno))) }
            return .created
        }
        let code = exchanging(staging.path, output.path)
        if code == 0 {
            if !keepingOld { try? FileManager.default.removeItem(at: staging) }
            return .exchanged
        }
        // Only a kernel or filesystem without the exchange falls back to two renames.
        guard code == EINVAL || code == ENOSYS || code == ENOTSUP else { throw Failure(reason: String(cString: strerror(code))) }
        let manager = FileManager.default
        try manager.moveItem(at: output, to: retired)
        do {
            try manager.moveItem(at: staging, to: output)
        } catch {
            try? manager.moveItem(at: retired, to: output)
            throw error
        }
        if !keepingOld || rename(retired.path, staging.path) != 0 { try? manager.removeItem(at: retired) }
        return .renamed
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
    private static let renameExchange: UInt32 = 1 << 1

    /// glibc declares renameat2 only under _GNU_SOURCE, which Swift's Glibc module does not
    /// set, so it is looked up at run time. 0 on success, else the errno (ENOSYS without it).
    static func exchange(_ first: String, _ second: String) -> Int32 {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return ENOSYS }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0 ? 0 : errno
    }

    /// Removes staging folders and old copies that builds of `output` left when they were
    /// killed (their process is gone); a build still running keeps its own. An output missing
    /// because a build died between the two renames is first given back its old copy.
    public static func removeLeftovers(of output: URL) {
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        guard let siblings = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for sibling in siblings.sorted() {
            for infix in [OutputWriter.stagingInfix, OutputWriter.retiredInfix] {
                let prefix = "." + name + infix
                let rest = sibling.dropFirst(prefix.count)
                guard sibling.hasPrefix(prefix), let pid = Int32(rest.hasSuffix("-xoa") ? rest.dropLast(4) : rest), !isRunning(pid) else { continue }
                let leftover = parent.appendingPathComponent(sibling)
                var info = stat()
                if infix == OutputWriter.retiredInfix, lstat(output.path, &info) != 0, rename(leftover.path, output.path) == 0 { continue }
                try? FileManager.default.removeItem(at: leftover)
            }
        }
    }

    static func isRunning(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        if pid == getpid() { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}

/// Removes the staging folder when the build is stopped with Ctrl+C or `kill`, so a stopped
/// build leaves nothing behind; the output itself is either the old or the new site.
public final class StagingCleanup {
    private let sources: [any DispatchSourceSignal]

    /// `keeping`: `staging` is the kept edition, left for the next build (it is not the output).
    public init(staging: URL, output: URL, keeping: Bool = false) {
        let retired = OutputWriter.retiredFolder(for: output)
        let queue = DispatchQueue(label: "congkhai.staging-cleanup")
        sources = [SIGINT, SIGTERM].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler {
                OutputWriter.stopping.store(true, ordering: .releasing)
                var info = stat()
                // Stopped between the two renames of the fallback swap: the old site goes back.
                if lstat(output.path, &info) != 0 { _ = rename(retired.path, output.path) }
                // Renamed first, so a file a rendering thread is finishing lands in the folder
                // being removed rather than in a new staging folder.
                let trash = staging.deletingLastPathComponent().appendingPathComponent(staging.lastPathComponent + "-xoa")
                if keeping { chmod(staging.path, 0o700) }
                for _ in 0..<3 where !keeping && lstat(staging.path, &info) == 0 {
                    _ = rename(staging.path, trash.path)
                    try? FileManager.default.removeItem(at: trash)
                }
                try? FileManager.default.removeItem(at: trash)
                try? FileManager.default.removeItem(at: retired)
                _exit(128 + signalNumber)
            }
            source.resume()
            return source
        }
    }

    /// While a signal's cleanup runs, the build's own thread must not exit first (a failed
    /// write would end the process with the staging folder half removed): it waits here until
    /// the handler ends the process.
    public static func holdWhileStopping() {
        var waited = 0
        while OutputWriter.stopping.load(ordering: .acquiring), waited < 600 {
            usleep(100_000)
            waited += 1
        }
    }

    deinit {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
