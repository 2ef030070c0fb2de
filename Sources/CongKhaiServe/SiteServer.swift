import CongKhaiBuild
import CongKhaiModel
import CongKhaiRender
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `congkhai serve`: the site built in memory by the same `SiteBuild` as `build`, answered
/// on 127.0.0.1, rebuilt as files change, with open pages reloaded through a WebSocket.
public enum SiteServer {
    /// How `serve` talks to the terminal (the CLI owns the formatting).
    public struct Reporter: Sendable {
        public var diagnostics: @Sendable ([Diagnostic]) -> Void
        public var info: @Sendable (String) -> Void

        public init(diagnostics: @escaping @Sendable ([Diagnostic]) -> Void, info: @escaping @Sendable (String) -> Void) {
            self.diagnostics = diagnostics
            self.info = info
        }
    }

    public enum Failure: Error {
        case cannotListen(port: UInt16, reason: String)
    }

    /// Runs until the process is stopped. `pollInterval` is how often files are compared.
    /// `bind` is the address listened on; requests must name it (or localhost) as their Host,
    /// or one of `otherHosts` (the names a LAN address is reached by when binding 0.0.0.0).
    public static func run(options: BuildOptions, port: UInt16, bind: String = "127.0.0.1", otherHosts: [String] = [],
                           pollInterval: Duration = .milliseconds(200), reporter: Reporter) async throws {
        let verbose = options.verbose
        let session = ServeSession(site: SiteBuild(options: options))
        let hub = LiveReload()
        let watcher = FileWatcher(siteFolder: options.siteFolder)
        let stamps = watcher.snapshot()
        let first = await session.build()
        reporter.diagnostics(first.diagnostics)
        reporter.info("Đã dựng \(first.pageCount) trang trong bộ nhớ · \(first.errorCount) lỗi · \(first.warningCount) cảnh báo · \(total(first)) ms")
        // A page opened now must show the errors the first build found, not only later ones.
        await hub.announce(errors: first.diagnostics.filter { $0.severity == .error })

        let listener: PreviewListener
        let access = ServeAccess(bound: bind, port: Int(port))
        for host in otherHosts { access.allow(host: host, port: Int(port)) }
        do {
            listener = try await PreviewListener.start(host: bind, port: Int(port), session: session, hub: hub, access: access)
        } catch {
            throw Failure.cannotListen(port: port, reason: "\(error)")
        }
        let loop = WatchLoop.watching({ folders in watcher.snapshot(folders: &folders) },
                                      rescan: { changed, previous, folders in watcher.rescan(changed, previous: previous, folders: &folders) }, stamps: stamps,
                                      interval: pollInterval, reporter: reporter, verbose: verbose)
        let watching = Task {
            await loop.run { changed in
                let result = await session.update(changed)
                let names = changed.sorted().prefix(3).joined(separator: ", ") + (changed.count > 3 ? ", …" : "")
                reporter.diagnostics(result.diagnostics.filter { $0.severity == .error })
                reporter.info("Đã sửa \(names): dựng lại \(result.renderedPages) trang trong \(total(result)) ms · \(result.errorCount) lỗi · \(result.warningCount) cảnh báo")
                if verbose { reporter.info(result.timings.map { "\($0.step) \($0.milliseconds) ms" }.joined(separator: " · ")) }
                await hub.announce(errors: result.diagnostics.filter { $0.severity == .error })
                // An update's transient memory (the site assembled again, long list pages, the
                // search index) is freed in the arenas of the rendering threads, which glibc keeps:
                // without giving it back, resident memory climbed ~6 MB an edit at 10,000 procedures.
                ReturnFreedMemory.now()
            }
        }
        defer { watching.cancel() }
        let shown = bind == "0.0.0.0" || bind == "::" ? "127.0.0.1" : (bind.contains(":") ? "[\(bind)]" : bind)
        reporter.info("Xem trang tại http://\(shown):\(listener.port)/ (trang tự tải lại khi sửa content/ hoặc templates/; Ctrl+C để dừng)")
        try await listener.waitUntilClosed()
    }

    static func total(_ result: BuildResult) -> Int {
        result.timings.map(\.milliseconds).reduce(0, +)
    }
}

/// Compares the files every `interval` and hands each set of changes to `update`. One failing
/// update (a thrown error) is reported and the loop goes on: the preview never stops by itself.
struct WatchLoop: Sendable {
    var interval: Duration
    var stamps: [String: FileWatcher.Stamp]
    var snapshot: @Sendable () -> [String: FileWatcher.Stamp]
    var reporter: SiteServer.Reporter
    /// Returns when the files are worth comparing again; nil: after `interval`.
    var wait: (@Sendable () async -> Void)? = nil
    /// The stamps now from the stamps before, comparing only what changed (the folders inotify
    /// named); nil: `snapshot`, every file.
    var refresh: (@Sendable ([String: FileWatcher.Stamp]) -> [String: FileWatcher.Stamp])? = nil

    /// Until the task is cancelled, or for `rounds` rounds (tests).
    func run(rounds: Int? = nil, update: @Sendable (Set<String>) async throws -> Void) async {
        var stamps = stamps
        var round = 0
        while !Task.isCancelled, rounds.map({ round < $0 }) ?? true {
            round += 1
            if let wait { await wait() } else { try? await Task.sleep(for: interval) }
            let now = refresh?(stamps) ?? snapshot()
            let changed = FileWatcher.changes(from: stamps, to: now)
            guard !changed.isEmpty else { continue }
            stamps = now
            do {
                try await update(changed)
            } catch {
                reporter.info("Không dựng lại được sau khi sửa \(changed.sorted().prefix(3).joined(separator: ", ")) (\(error)); trang vẫn hiện bản dựng gần nhất.")
            }
        }
    }
}

extension WatchLoop {
    /// A loop woken by inotify on the folders `scan` finds (kept up to date as folders come and
    /// go), or comparing every `interval` where inotify is not available. After a wake-up it
    /// waits until the events have stopped for 25 ms (up to a second) for the editor's write to
    /// finish (many save through a temporary file and a rename, others truncate and write in
    /// place) before comparing.
    /// `rescan` compares only the folders inotify named (the watcher's `rescan`), so an edit in
    /// a province of 20,000 files stats one folder's files, not all of them; where it cannot
    /// (a folder outside the watched ones, an overflow, polling), `scan` compares everything.
    static func watching(_ scan: @escaping @Sendable (inout [String]) -> [String: FileWatcher.Stamp],
                         rescan: (@Sendable (Set<String>, [String: FileWatcher.Stamp], inout [String]) -> [String: FileWatcher.Stamp]?)? = nil,
                         stamps: [String: FileWatcher.Stamp], interval: Duration,
                         reporter: SiteServer.Reporter, verbose: Bool) -> WatchLoop {
        var folders: [String] = []
        _ = scan(&folders)
        let notifier = ChangeNotifier.make(watching: folders)
        if verbose { reporter.info(notifier == nil ? "Theo dõi tệp: so sánh định kỳ" : "Theo dõi tệp: inotify") }
        let snapshot: @Sendable () -> [String: FileWatcher.Stamp] = {
            var folders: [String] = []
            let stamps = scan(&folders)
            notifier?.watch(folders)
            return stamps
        }
        // The folders named by the events that woke the loop, for the comparison that follows.
        let named = Mutex<Set<String>?>(nil)
        let wait: @Sendable () async -> Void = {
            guard let notifier else {
                try? await Task.sleep(for: interval)
                return
            }
            await notifier.next()
            await notifier.settle()
            let folders = notifier.changedFolders()
            named.withLock { $0 = folders }
        }
        var refresh: (@Sendable ([String: FileWatcher.Stamp]) -> [String: FileWatcher.Stamp])?
        if let rescan, let notifier {
            refresh = { previous in
                var folders: [String] = []
                guard let changed = named.withLock({ $0 }), let stamps = rescan(changed, previous, &folders) else { return snapshot() }
                notifier.watch(folders)
                return stamps
            }
        }
        return WatchLoop(interval: interval, stamps: stamps, snapshot: snapshot, reporter: reporter, wait: wait, refresh: refresh)
    }
}

/// What `serve` answers to one request.
struct ServeResponse: Sendable, Equatable {
    var status: Int
    var contentType: String
    var body: Data
    var location: String?

    static func plain(_ status: Int, _ text: String) -> ServeResponse {
        ServeResponse(status: status, contentType: "text/plain; charset=utf-8", body: Data(text.utf8))
    }
}

/// The in-memory site behind the server; one update or request at a time.
actor ServeSession {
    let site: SiteBuild
    /// Files of earlier builds, kept while the current build has errors: a page whose source
    /// now has an error keeps being served as it last was, under the error overlay.
    private var lastGood: [String: OutputFile] = [:]
    /// Served files copied from disk must still lie in these folders (resolved) when read.
    private let confinedTo: [String]

    init(site: SiteBuild) {
        self.site = site
        let folder = site.options.siteFolder
        confinedTo = ["content", "templates"].map { folder.appendingPathComponent($0).resolvingSymlinksInPath().path }
    }

    func build() -> BuildResult { remember(site.build()) }

    func update(_ changed: Set<String>) -> BuildResult { remember(site.update(changed: changed)) }

    /// The files of the last build without errors, as it handed them over: they become
    /// `lastGood` only when a build with errors follows, not after every edit (20,000 entries
    /// at 10,000 procedures).
    private var goodFiles: [OutputFile] = []

    private func remember(_ result: BuildResult) -> BuildResult {
        if result.errorCount == 0 {
            lastGood = [:]
            goodFiles = result.files
            return result
        }
        for file in goodFiles { lastGood[file.path] = file }
        goodFiles = []
        for file in result.files { lastGood[file.path] = file }
        return result
    }

    /// The current file at `path`, else its last good version.
    private func file(_ path: String) -> OutputFile? {
        site.output(path) ?? lastGood[path]
    }

    func respond(to requestPath: String) -> ServeResponse {
        ServeRoute.respond(to: requestPath, file: file, bytes: bytes, notFound: notFound)
    }

    private func notFound() -> ServeResponse {
        let body = file("404.html").flatMap(bytes) ?? Data("Không tìm thấy trang.".utf8)
        return Self.answer(path: "404.html", body: body, status: 404)
    }

    /// A copied file is read only while it still resolves inside content/ or templates/: it
    /// may have been swapped for a link to elsewhere since the build looked at it.
    func bytes(of file: OutputFile) -> Data? {
        switch file.body {
        case let .bytes(data): return data
        case let .copy(source):
            guard Self.isConfined(source, to: confinedTo) else { return nil }
            return FileManager.default.contents(atPath: source.path)
        }
    }

    static func isConfined(_ source: URL, to folders: [String]) -> Bool {
        guard let resolved = realpath(source.path, nil) else { return false }
        defer { free(resolved) }
        let path = String(cString: resolved)
        return folders.contains { path.hasPrefix($0 + "/") }
    }

    static func answer(path: String, body: Data, status: Int) -> ServeResponse {
        var body = body
        let type = ServeRoute.contentType(of: path)
        if type.hasPrefix("text/html") { body = ServeRoute.injectingReloadScript(into: body) }
        return ServeResponse(status: status, contentType: type, body: body)
    }
}

/// How a request path maps onto the built files; pure, so it is tested without a server.
public enum ServeRoute: Equatable {
    case file(String)
    case redirect(String)
    case notFound

    /// The answer to a request, from a server's current (or last good) files: a file, the
    /// redirect to a folder's address, or the server's own not-found answer.
    static func respond(to requestPath: String, file: (String) -> OutputFile?, bytes: (OutputFile) -> Data?,
                        notFound: () -> ServeResponse) -> ServeResponse {
        switch resolve(requestPath, exists: { file($0) != nil }) {
        case let .file(path):
            guard let found = file(path), let body = bytes(found) else { return notFound() }
            return ServeSession.answer(path: path, body: body, status: 200)
        case let .redirect(location):
            return ServeResponse(status: 301, contentType: "text/plain; charset=utf-8", body: Data(), location: location)
        case .notFound:
            return notFound()
        }
    }

    /// `/` → `index.html`; `/thu-tuc/` → `thu-tuc/index.html`; `/thu-tuc` → redirect to
    /// `/thu-tuc/` (relative links need the slash); nothing outside the built files.
    public static func resolve(_ requestPath: String, exists: (String) -> Bool) -> ServeRoute {
        let raw = requestPath.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        let decoded = (raw.removingPercentEncoding ?? raw).nfc
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .notFound }
        var path = segments.joined(separator: "/")
        if decoded.hasSuffix("/") || path.isEmpty {
            path += path.isEmpty ? "index.html" : "/index.html"
        }
        if exists(path) { return .file(path) }
        if !decoded.hasSuffix("/"), exists(path + "/index.html") { return .redirect("/" + path + "/") }
        return .notFound
    }

    public static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "pdf": return "application/pdf"
        case "mp3": return "audio/mpeg"
        case "m4a": return "audio/mp4"
        case "wav": return "audio/wav"
        case "ogg": return "audio/ogg"
        case "mp4": return "video/mp4"
        case "webm": return "video/webm"
        default: return "application/octet-stream"
        }
    }

    /// The reload script goes before the last `</body>`, only in what `serve` answers.
    public static func injectingReloadScript(into html: Data) -> Data {
        let marker = Data("</body>".utf8)
        guard let range = html.range(of: marker, options: .backwards) else { return html + Data(LiveReload.scriptTag.utf8) }
        var result = html
        result.replaceSubrange(range.lowerBound..<range.lowerBound, with: Data(LiveReload.scriptTag.utf8))
        return result
    }
}

/// glibc's `malloc_trim`: returns free pages of every malloc arena to the system. Looked up at
/// run time, since Swift's Glibc module does not include <malloc.h> (and another libc has none).
enum ReturnFreedMemory {
    private typealias Trim = @convention(c) (Int) -> Int32
    private static let trim: Trim? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim").map { unsafeBitCast($0, to: Trim.self) }

    static func now() {
        _ = trim?(0)
    }
}
