import CongKhaiModel
import CongKhaiProvince
import CongKhaiRender
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `congkhai serve` in a province's folder: the province (its pages and every commune under
/// `/<slug>/`) built by `ProvinceSite`, answered like a commune's preview, and updated commune by
/// commune as files change, with open pages reloaded.
public enum ProvinceServer {
    /// Runs until the process is stopped. The communes' pages are spooled to a temporary folder
    /// (removed when serve ends), so memory holds each commune's content, not its 500 pages.
    public static func run(folder: URL, asOf: CalendarDate, port: UInt16, bind: String = "127.0.0.1", otherHosts: [String] = [],
                           pollInterval: Duration = .milliseconds(200), verbose: Bool = false, reporter: SiteServer.Reporter) async throws {
        let spool = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-serve-\(getpid())")
        let cleanup = SpoolCleanup(spool)
        defer { withExtendedLifetime(cleanup) { try? FileManager.default.removeItem(at: spool) } }
        let site = ProvinceSite(folder: folder, asOf: asOf, spoolFolder: spool)
        let session = ProvinceServeSession(site: site)
        let hub = LiveReload()
        let first = await session.build()
        reporter.diagnostics(first.diagnostics)
        reporter.info("Đã dựng \(first.communesUpdated.count) xã và các trang của tỉnh (\(first.pageCount) trang) · \(first.errorCount) lỗi · \(first.warningCount) cảnh báo · \(first.milliseconds) ms")
        await hub.announce(errors: first.diagnostics.filter { $0.severity == .error })

        let watcher = await session.watcher()
        let stamps = Self.snapshot(watcher, folder: folder)
        let listener: PreviewListener
        let access = ServeAccess(bound: bind, port: Int(port))
        for host in otherHosts { access.allow(host: host, port: Int(port)) }
        do {
            listener = try await PreviewListener.start(host: bind, port: Int(port), session: session, hub: hub, access: access)
        } catch {
            throw SiteServer.Failure.cannotListen(port: port, reason: "\(error)")
        }
        let loop = WatchLoop.watching({ folders in Self.snapshot(watcher, folder: folder, found: &folders) },
                                      rescan: { changed, previous, folders in watcher.rescan(changed, previous: previous, folders: &folders) }, stamps: stamps,
                                      interval: pollInterval, reporter: reporter, verbose: verbose)
        let watching = Task {
            await loop.run { changed in
                let result = await session.update(changed)
                let names = changed.sorted().prefix(3).joined(separator: ", ") + (changed.count > 3 ? ", …" : "")
                reporter.diagnostics(result.diagnostics.filter { $0.severity == .error })
                let communes = result.communesUpdated.isEmpty ? "không xã nào" : "\(result.communesUpdated.count) xã (\(result.communesUpdated.prefix(3).joined(separator: ", "))\(result.communesUpdated.count > 3 ? ", …" : ""))"
                reporter.info("Đã sửa \(names): dựng lại \(communes)\(result.provincePagesRemade ? " và trang của tỉnh" : ""), \(result.renderedPages) trang trong \(result.milliseconds) ms · \(result.errorCount) lỗi · \(result.warningCount) cảnh báo")
                if verbose {
                    reporter.info((result.timings.map { "\($0.step) \($0.milliseconds) ms" } + ["CPU \(result.cpuMilliseconds) ms"]).joined(separator: " · "))
                }
                await hub.announce(errors: result.diagnostics.filter { $0.severity == .error })
                ReturnFreedMemory.now()
            }
        }
        defer { watching.cancel() }
        let shown = bind == "0.0.0.0" || bind == "::" ? "127.0.0.1" : (bind.contains(":") ? "[\(bind)]" : bind)
        reporter.info("Xem các trang của tỉnh tại http://\(shown):\(listener.port)/ (mỗi xã tại /<tên-xã>/; trang tự tải lại khi sửa tinh.yaml, tinh/, templates/ hoặc tệp của một xã; Ctrl+C để dừng)")
        try await listener.waitUntilClosed()
    }

    /// The watched files: the folders of `watcher` plus `tinh.yaml` itself; `found` also collects
    /// the province's own folder, where inotify reports `tinh.yaml` being saved.
    static func snapshot(_ watcher: FileWatcher, folder: URL, found: inout [String]) -> [String: FileWatcher.Stamp] {
        var stamps = watcher.snapshot(folders: &found)
        found.insert(folder.path, at: 0)
        var info = stat()
        if stat(folder.appendingPathComponent(ProvinceConfig.fileName).path, &info) == 0 {
            stamps[ProvinceConfig.fileName] = FileWatcher.Stamp(seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec, size: Int(info.st_size))
        }
        return stamps
    }

    static func snapshot(_ watcher: FileWatcher, folder: URL) -> [String: FileWatcher.Stamp] {
        var ignored: [String] = []
        return snapshot(watcher, folder: folder, found: &ignored)
    }
}

/// The province behind the server; one update or request at a time.
actor ProvinceServeSession: PreviewResponder {
    let site: ProvinceSite
    /// Files of earlier builds, kept while the current one has errors (as `ServeSession` does).
    private var lastGood: [String: OutputFile] = [:]

    init(site: ProvinceSite) {
        self.site = site
    }

    func build() -> ProvinceSite.Result { remember(site.build()) }

    func update(_ changed: Set<String>) -> ProvinceSite.Result { remember(site.update(changed: changed)) }

    /// What to watch: the province's shared content and theme, and the communes' folder.
    func watcher() -> FileWatcher {
        var watcher = FileWatcher(siteFolder: site.folder)
        watcher.folders = site.watchedFolders
        return watcher
    }

    private func remember(_ result: ProvinceSite.Result) -> ProvinceSite.Result {
        if result.errorCount == 0 {
            lastGood = [:]
        } else {
            // Only while errors stand: holding every file of 100 communes costs memory.
            for file in site.outputFiles { lastGood[file.path] = file }
        }
        return result
    }

    private func file(_ path: String) -> OutputFile? {
        site.output(path) ?? lastGood[path]
    }

    func respond(to requestPath: String) -> ServeResponse {
        ServeRoute.respond(to: requestPath, file: file, bytes: bytes, notFound: { notFound(requestPath) })
    }

    /// Below `/<slug>/`, that commune's 404 page (made to be answered there); elsewhere a line of text.
    private func notFound(_ requestPath: String) -> ServeResponse {
        let first = requestPath.split(separator: "/").first.map(String.init) ?? ""
        if let page = file(first + "/404.html"), site.province?.communes.contains(where: { $0.slug == first }) == true, let body = bytes(of: page) {
            return ServeSession.answer(path: "404.html", body: body, status: 404)
        }
        return ServeSession.answer(path: "404.html", body: Data("Không tìm thấy trang.".utf8), status: 404)
    }

    /// A copied file is read only while it still resolves inside the province's sources or the spool.
    func bytes(of file: OutputFile) -> Data? {
        switch file.body {
        case let .bytes(data): return data
        case let .copy(source):
            let folders = site.servedFolders.map { $0.resolvingSymlinksInPath().path }
            guard ServeSession.isConfined(source, to: folders) else { return nil }
            return FileManager.default.contents(atPath: source.path)
        }
    }
}

/// Removes the spool folder when serve is stopped with Ctrl+C or `kill`.
final class SpoolCleanup {
    private let sources: [any DispatchSourceSignal]

    init(_ spool: URL) {
        let queue = DispatchQueue(label: "congkhai.serve-cleanup")
        sources = [SIGINT, SIGTERM].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler {
                try? FileManager.default.removeItem(at: spool)
                _exit(128 + signalNumber)
            }
            source.resume()
            return source
        }
    }

    deinit {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
