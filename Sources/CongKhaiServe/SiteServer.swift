import CongKhaiBuild
import CongKhaiModel
import CongKhaiRender
import FlyingFox
import Foundation

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
    public static func run(options: BuildOptions, port: UInt16, pollInterval: Duration = .milliseconds(200), reporter: Reporter) async throws {
        let verbose = options.verbose
        let session = ServeSession(site: SiteBuild(options: options))
        let hub = LiveReload()
        let watcher = FileWatcher(siteFolder: options.siteFolder)
        var stamps = watcher.snapshot()
        let first = await session.build()
        reporter.diagnostics(first.diagnostics)
        reporter.info("Đã dựng \(first.pageCount) trang trong bộ nhớ · \(first.errorCount) lỗi · \(first.warningCount) cảnh báo · \(total(first)) ms")
        // A page opened now must show the errors the first build found, not only later ones.
        await hub.announce(errors: first.diagnostics.filter { $0.severity == .error })

        let address: sockaddr_in
        do {
            address = try .inet(ip4: options.bindAddress, port: port)
        } catch {
            throw Failure.cannotListen(port: port, reason: "\(error)")
        }
        let server = HTTPServer(address: address, logger: .disabled)
        await server.appendRoute(HTTPRoute("GET \(LiveReload.socketPath)"), to: .webSocket(LiveReloadSocket(hub: hub)))
        await server.appendRoute(HTTPRoute("GET \(LiveReload.scriptPath)")) { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .init("Cache-Control"): "no-store"],
                         body: Data(LiveReload.script.utf8))
        }
        await server.appendRoute("GET *") { request in
            await session.respond(to: request.target.path())
        }
        await server.appendRoute("HEAD *") { request in
            await session.respond(to: request.target.path())
        }

        let watching = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: pollInterval)
                let now = watcher.snapshot()
                let changed = FileWatcher.changes(from: stamps, to: now)
                guard !changed.isEmpty else { continue }
                stamps = now
                let result = await session.update(changed)
                let names = changed.sorted().prefix(3).joined(separator: ", ") + (changed.count > 3 ? ", …" : "")
                reporter.diagnostics(result.diagnostics.filter { $0.severity == .error })
                reporter.info("Đã sửa \(names): dựng lại \(result.renderedPages) trang trong \(total(result)) ms · \(result.errorCount) lỗi · \(result.warningCount) cảnh báo")
                if verbose { reporter.info(result.timings.map { "\($0.step) \($0.milliseconds) ms" }.joined(separator: " · ")) }
                await hub.announce(errors: result.diagnostics.filter { $0.severity == .error })
            }
        }
        defer { watching.cancel() }
        let announcing = Task {
            try await server.waitUntilListening(timeout: 10)
            let host = options.bindAddress == "0.0.0.0" ? "127.0.0.1" : options.bindAddress
            reporter.info("Xem trang tại http://\(host):\(port)/ (trang tự tải lại khi sửa content/ hoặc templates/; Ctrl+C để dừng)")
        }
        do {
            try await server.run()
        } catch {
            announcing.cancel()
            throw Failure.cannotListen(port: port, reason: "\(error)")
        }
    }

    static func total(_ result: BuildResult) -> Int {
        result.timings.map(\.milliseconds).reduce(0, +)
    }
}

/// The in-memory site behind the server; one update or request at a time.
actor ServeSession {
    let site: SiteBuild

    init(site: SiteBuild) {
        self.site = site
    }

    func build() -> BuildResult { site.build() }

    func update(_ changed: Set<String>) -> BuildResult { site.update(changed: changed) }

    func respond(to requestPath: String) -> HTTPResponse {
        switch ServeRoute.resolve(requestPath, exists: { self.site.output($0) != nil }) {
        case let .file(path):
            guard let file = site.output(path), let body = Self.bytes(of: file) else { return notFound() }
            return Self.answer(path: path, body: body, status: .ok)
        case let .redirect(location):
            return HTTPResponse(statusCode: .movedPermanently, headers: [.location: location])
        case .notFound:
            return notFound()
        }
    }

    private func notFound() -> HTTPResponse {
        let body = site.output("404.html").flatMap(Self.bytes) ?? Data("Không tìm thấy trang.".utf8)
        return Self.answer(path: "404.html", body: body, status: .notFound)
    }

    static func bytes(of file: OutputFile) -> Data? {
        switch file.body {
        case let .bytes(data): return data
        case let .copy(source): return FileManager.default.contents(atPath: source.path)
        }
    }

    static func answer(path: String, body: Data, status: HTTPStatusCode) -> HTTPResponse {
        var body = body
        let type = ServeRoute.contentType(of: path)
        if type.hasPrefix("text/html") { body = ServeRoute.injectingReloadScript(into: body) }
        return HTTPResponse(statusCode: status, headers: [.contentType: type, .init("Cache-Control"): "no-store"], body: body)
    }
}

/// How a request path maps onto the built files; pure, so it is tested without a server.
public enum ServeRoute: Equatable {
    case file(String)
    case redirect(String)
    case notFound

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
        case "pdf": return "application/pdf"
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
