import CongKhaiBuild
import CongKhaiModel
@testable import CongKhaiServe
import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("serve: request caps, Host and Origin")
struct ServeAccessTests {
    @Test func aRequestLineOverTheCapIsRefusedBeforeItEnds() {
        let line = Array("GET /".utf8) + Array(repeating: UInt8(ascii: "a"), count: RequestHeadLimit.maximumRequestLine)
        #expect(RequestHeadLimit.judge(line) == .uriTooLong)
        #expect(RequestHeadLimit.judge(Array(repeating: UInt8(ascii: "a"), count: 1 << 20)) == .uriTooLong)
    }

    @Test func bytesFedOneAtATimeAreJudgedAsTheyCome() {
        var limit = RequestHeadLimit()
        var verdicts: [RequestHeadLimit.Verdict] = []
        for byte in Array("GET /".utf8) + Array(repeating: UInt8(ascii: "a"), count: 20_000) {
            let verdict = limit.feed(CollectionOfOne(byte))
            if verdict != .needMore { verdicts.append(verdict); break }
        }
        #expect(verdicts == [.uriTooLong])
        var whole = RequestHeadLimit()
        var verdict = RequestHeadLimit.Verdict.needMore
        for byte in Array("GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8) where verdict == .needMore { verdict = whole.feed(CollectionOfOne(byte)) }
        #expect(verdict == .complete(count: 27))
    }

    @Test func headersOverTheCapAreRefused() {
        var head = Array("GET / HTTP/1.1\r\n".utf8)
        while head.count <= RequestHeadLimit.maximumHead { head += Array("X-Dem: \(String(repeating: "b", count: 100))\r\n".utf8) }
        #expect(RequestHeadLimit.judge(head) == .headersTooLarge)
    }

    @Test func aCompleteHeadIsMeasured() {
        let head = Array("GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n".utf8)
        #expect(RequestHeadLimit.judge(head + Array("tiếp".utf8)) == .complete(count: head.count))
        #expect(RequestHeadLimit.judge(Array("GET / HTTP/1.1\r\nHost: x".utf8)) == .needMore)
    }

    @Test func onlyTheBoundAddressIsAnswered() {
        let access = ServeAccess(port: 8080)
        for host in ["127.0.0.1:8080", "localhost:8080", "LOCALHOST:8080", "[::1]:8080"] { #expect(access.allows(host: host), "\(host)") }
        for host in [nil, "", "evil.example:8080", "127.0.0.1:8081", "127.0.0.1", "attacker.127.0.0.1.nip.io:8080"] { #expect(!access.allows(host: host), "\(host ?? "nil")") }
        access.allow(host: "192.168.1.20", port: 8080)
        #expect(access.allows(host: "192.168.1.20:8080"))
        #expect(ServeAccess(bound: "192.168.1.20", port: 80).allows(host: "192.168.1.20"))
    }

    @Test func theLiveReloadSocketOnlyForThePreviewsOwnPages() {
        let access = ServeAccess(port: 8080)
        #expect(access.allows(origin: "http://127.0.0.1:8080", host: "127.0.0.1:8080"))
        #expect(access.allows(origin: "http://localhost:8080", host: "127.0.0.1:8080"))
        #expect(!access.allows(origin: nil, host: "127.0.0.1:8080"))
        #expect(!access.allows(origin: "null", host: "127.0.0.1:8080"))
        #expect(!access.allows(origin: "http://evil.example", host: "127.0.0.1:8080"))
        #expect(!access.allows(origin: "https://127.0.0.1:8080", host: "127.0.0.1:8080"))
        #expect(!access.allows(origin: "http://127.0.0.1:8080", host: "evil.example:8080"))
    }
}

@Suite("serve: what is served after an update")
struct ServeSessionTests {
    @Test func aPageWhoseSourceNowHasAnErrorKeepsItsLastGoodVersion() async throws {
        let site = try TestSite.minimal(["content/thong-bao.md": "---\ntieu_de: Thông báo họp dân\n---\nNội dung cũ.\n"])
        let session = ServeSession(site: SiteBuild(options: site.options()))
        #expect(await session.build().errorCount == 0)
        try site.write("content/thong-bao.md", "---\ntieu_de: [Thông báo\n---\nNội dung mới.\n")
        let update = await session.update(["content/thong-bao.md"])
        #expect(update.errorCount > 0)
        let response = await session.respond(to: "/thong-bao/")
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self).contains("Nội dung cũ."))
        // Once the error is fixed, the page is the new one.
        try site.write("content/thong-bao.md", "---\ntieu_de: Thông báo họp dân\n---\nNội dung mới.\n")
        #expect(await session.update(["content/thong-bao.md"]).errorCount == 0)
        #expect(String(decoding: await session.respond(to: "/thong-bao/").body, as: UTF8.self).contains("Nội dung mới."))
    }

    @Test func anAttachmentSwappedForALinkOutsideIsNotServed() async throws {
        let site = try TestSite.minimal(["content/tai-lieu.pdf": "%PDF-1.4 công khai", "bi-mat.txt": "mật khẩu của xã"])
        let session = ServeSession(site: SiteBuild(options: site.options()))
        #expect(await session.build().errorCount == 0)
        #expect(await session.respond(to: "/tai-lieu.pdf").status == 200)
        let attachment = site.folder.appendingPathComponent("content/tai-lieu.pdf")
        try FileManager.default.removeItem(at: attachment)
        try FileManager.default.createSymbolicLink(at: attachment, withDestinationURL: site.folder.appendingPathComponent("bi-mat.txt"))
        let update = await session.update(["content/tai-lieu.pdf"])
        #expect(update.diagnostics.contains { $0.key == "path.outside" && $0.location.path == "content/tai-lieu.pdf" })
        let response = await session.respond(to: "/tai-lieu.pdf")
        #expect(response.status == 404)
        #expect(!String(decoding: response.body, as: UTF8.self).contains("mật khẩu"))
    }

    @Test func aFileLinkedOutsideBetweenTwoUpdatesIsNotRead() async throws {
        let site = try TestSite.minimal(["content/tai-lieu.pdf": "%PDF-1.4 công khai", "bi-mat.txt": "mật khẩu của xã"])
        let session = ServeSession(site: SiteBuild(options: site.options()))
        #expect(await session.build().errorCount == 0)
        // No update has run yet: the file is checked as it is served.
        let attachment = site.folder.appendingPathComponent("content/tai-lieu.pdf")
        try FileManager.default.removeItem(at: attachment)
        try FileManager.default.createSymbolicLink(at: attachment, withDestinationURL: site.folder.appendingPathComponent("bi-mat.txt"))
        #expect(await session.respond(to: "/tai-lieu.pdf").status == 404)
    }

    @Test func aFailingUpdateDoesNotEndTheWatchLoop() async throws {
        let counter = Mutex(0)
        let reported = Mutex<[String]>([])
        let loop = WatchLoop(interval: .milliseconds(1), stamps: [:],
                             snapshot: { counter.withLock { $0 += 1; return ["content/a.md": FileWatcher.Stamp(seconds: $0, nanoseconds: 0, size: 1)] } },
                             reporter: SiteServer.Reporter(diagnostics: { _ in }, info: { text in reported.withLock { $0.append(text) } }))
        let updates = Mutex(0)
        struct Broken: Error {}
        await loop.run(rounds: 3) { _ in
            let count = updates.withLock { $0 += 1; return $0 }
            if count == 1 { throw Broken() }
        }
        #expect(updates.withLock { $0 } == 3)
        #expect(reported.withLock { $0.count } == 1)
    }
}

/// A real listener on 127.0.0.1 with a raw client socket, bounded in time.
@Suite("serve: loopback")
struct ServeLoopbackTests {
    final class Preview {
        let site: TestSite
        let session: ServeSession
        let listener: PreviewListener
        init(_ site: TestSite? = nil) async throws {
            self.site = try site ?? TestSite.minimal()
            session = ServeSession(site: SiteBuild(options: self.site.options()))
            _ = await session.build()
            listener = try await PreviewListener.start(host: "127.0.0.1", port: 0, session: session, hub: LiveReload(), access: ServeAccess(port: 0))
        }
        var port: Int { listener.port }
    }

    static func get(_ path: String, port: Int) async -> String {
        await onThread { exchange(port: port, Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8)) }
    }

    /// A catalogue split into pages is served page by page; an edited name shows on the page
    /// its row is on, and a name sorting onto the next page moves it there.
    @Test func aListSplitIntoPagesIsServedAndFollowsAnEdit() async throws {
        let preview = try await Preview(ProcedureFixtures.site(ProcedureFixtures.many(150)))
        let listener = preview.listener
        defer { Task { await listener.stop() } }
        let port = preview.port
        let second = await Self.get("/thu-tuc/trang-2/", port: port)
        #expect(second.hasPrefix("HTTP/1.1 200"))
        #expect(second.contains("<nav class=\"pagination\" aria-label=\"Phân trang\">"))
        #expect(second.contains("Thủ tục hành chính — Trang 2/2"))
        let bare = await Self.get("/thu-tuc/trang-2", port: port)
        #expect(bare.hasPrefix("HTTP/1.1 30"))

        let path = "content/thu-tuc/ho-tich/1.001193.md"
        try preview.site.write(path, ProcedureFixtures.procedure(name: "Thủ tục đăng ký khai sinh (sửa)"))
        _ = await preview.session.update([path])
        #expect(await Self.get("/thu-tuc/", port: port).contains("Thủ tục đăng ký khai sinh (sửa)"))
        try preview.site.write(path, ProcedureFixtures.procedure(name: "Thủ tục thử A 999"))
        _ = await preview.session.update([path])
        #expect(await Self.get("/thu-tuc/trang-2/", port: port).contains("Thủ tục thử A 999"))
        #expect(!(await Self.get("/thu-tuc/", port: port)).contains("Thủ tục thử A 999"))
    }

    /// The client's blocking socket calls run on a thread of their own: on the cooperative pool
    /// (two threads on a two-core machine) they would starve the server they are talking to.
    static func onThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: work()) }.start()
        }
    }

    static func timed(_ work: () -> String) -> (String, Duration) {
        let start = ContinuousClock.now
        let answer = work()
        return (answer, ContinuousClock.now - start)
    }

    /// Sends `request` (in chunks, stopping when the server answers) and returns what came back.
    static func exchange(port: Int, _ request: [UInt8]) -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return "" }
        defer { close(fd) }
        // Pages are answered from a task on the shared pool, which a full test run keeps busy:
        // a generous bound, still a bound.
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return "" }
        var offset = 0
        while offset < request.count {
            var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&ready, 1, 0) > 0 { break }
            let chunk = min(64 * 1024, request.count - offset)
            let sent = request.withUnsafeBytes { send(fd, $0.baseAddress! + offset, chunk, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { break }
            offset += sent
        }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            answer += buffer[0..<count]
        }
        return String(decoding: answer, as: UTF8.self)
    }

    @Test func aPageIsServedToTheBoundHost() async throws {
        let preview = try await Preview()
        let listener = preview.listener
        defer { Task { await listener.stop() } }
        let port = preview.port
        let answer = await Self.onThread { Self.exchange(port: port, Array("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8)) }
        #expect(answer.hasPrefix("HTTP/1.1 200"))
        #expect(answer.contains("/_congkhai/tai-lai.js"))
    }

    @Test func twoMegabyteRequestLinesAreAnswered414Quickly() async throws {
        let preview = try await Preview()
        let listener = preview.listener
        defer { Task { await listener.stop() } }
        let port = preview.port
        let line = Array("GET /".utf8) + Array(repeating: UInt8(ascii: "a"), count: 1 << 20) + Array(" HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8)
        // Timed on the client threads: the awaiting test task may wait for a busy test pool.
        async let first = Self.onThread { Self.timed { Self.exchange(port: port, line) } }
        async let second = Self.onThread { Self.timed { Self.exchange(port: port, line) } }
        for (answer, elapsed) in await [first, second] {
            #expect(answer.hasPrefix("HTTP/1.1 414"), "\(answer.prefix(80))")
            #expect(elapsed < .seconds(30))  // linear: the old parser took minutes; 30 s leaves room for a loaded machine
        }
        // And the server still answers.
        let after = await Self.onThread { Self.exchange(port: port, Array("GET / HTTP/1.1\r\nHost: localhost:\(port)\r\n\r\n".utf8)) }
        #expect(after.hasPrefix("HTTP/1.1 200"))
    }

    @Test func hugeHeadersAreAnswered431() async throws {
        let preview = try await Preview()
        let listener = preview.listener
        defer { Task { await listener.stop() } }
        let port = preview.port
        let request = Array("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nCookie: \(String(repeating: "c", count: 64 * 1024))\r\n\r\n".utf8)
        let answer = await Self.onThread { Self.exchange(port: port, request) }
        #expect(answer.hasPrefix("HTTP/1.1 431"))
    }

    @Test func anotherHostIsRefused() async throws {
        let preview = try await Preview()
        let listener = preview.listener
        defer { Task { await listener.stop() } }
        let port = preview.port
        let answer = await Self.onThread { Self.exchange(port: port, Array("GET / HTTP/1.1\r\nHost: rebind.example:\(port)\r\n\r\n".utf8)) }
        #expect(answer.hasPrefix("HTTP/1.1 421"))
        #expect(!answer.contains("<html"))
    }

    @Test func aPostWithABodyIsAnsweredAtOnce() async throws {
        let preview = try await Preview()
        let listener = preview.listener
        defer { Task { await listener.stop() } }
        let port = preview.port
        let request = Array("POST / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: 100000\r\n\r\nabc".utf8)
        let (answer, elapsed) = await Self.onThread { Self.timed { Self.exchange(port: port, request) } }
        #expect(answer.hasPrefix("HTTP/1.1 405"))
        #expect(elapsed < .seconds(30))  // linear: the old parser took minutes; 30 s leaves room for a loaded machine
    }

    static func upgrade(port: Int, origin: String) -> [UInt8] {
        Array("GET /_congkhai/ws HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: \(origin)\r\n\r\n".utf8)
    }

    @Test func aWebSocketFromAnotherOriginIsRefused() async throws {
        let preview = try await Preview()
        let listener = preview.listener
        defer { Task { await listener.stop() } }
        let port = preview.port
        let answer = await Self.onThread { Self.exchange(port: port, Self.upgrade(port: port, origin: "http://evil.example")) }
        #expect(answer.hasPrefix("HTTP/1.1 403"))
    }

    @Test func aWebSocketFromThePreviewIsUpgradedAndToldTheState() async throws {
        let preview = try await Preview()
        let listener = preview.listener
        defer { Task { await listener.stop() } }
        let port = preview.port
        let answer = await Self.onThread { () -> String in
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var timeout = timeval(tv_sec: 120, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
            let request = Self.upgrade(port: port, origin: "http://127.0.0.1:\(port)")
            _ = request.withUnsafeBytes { send(fd, $0.baseAddress!, request.count, Int32(MSG_NOSIGNAL)) }
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !String(decoding: received, as: UTF8.self).contains("\"type\"") {
                let count = recv(fd, &buffer, buffer.count, 0)
                if count <= 0 { break }
                received += buffer[0..<count]
            }
            return String(decoding: received, as: UTF8.self)
        }
        #expect(answer.hasPrefix("HTTP/1.1 101"))
        #expect(answer.contains("{\"type\":\"ok\"}"))
    }
}
