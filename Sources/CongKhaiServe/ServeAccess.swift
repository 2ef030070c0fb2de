import Foundation
import Synchronization

/// Who `serve` answers. Any web page the editor opens can make the browser send requests to
/// 127.0.0.1, and a DNS-rebinding page can make them same-origin under its own name: so the
/// `Host` must be the address the preview was opened at, and a live-reload socket is opened
/// only for a page of that origin.
public final class ServeAccess: Sendable {
    private let hosts: Mutex<Set<String>>

    /// `bound`: the address the server listens on (127.0.0.1, or the one `--bind` gave).
    public init(bound: String = "127.0.0.1", port: Int) {
        hosts = Mutex(Self.names(bound: bound, port: port))
    }

    /// After binding: the port actually listened on (the system's choice for port 0) replaces
    /// the one asked for.
    public func listening(bound: String, port: Int) {
        hosts.withLock { hosts in
            let asked = Set(hosts.compactMap { $0.split(separator: ":").last.flatMap { Int($0) } })
            guard !asked.contains(port) else { return }
            hosts = Self.names(bound: bound, port: port)
        }
    }

    /// Adds another name the preview may be reached at, such as a LAN address given to `--bind`.
    public func allow(host: String, port: Int) {
        hosts.withLock { $0.formUnion(Self.names(bound: host, port: port)) }
    }

    static func names(bound: String, port: Int) -> Set<String> {
        var names: Set<String> = []
        let loopback = ["127.0.0.1", "localhost", "[::1]"]
        let wildcard = bound == "0.0.0.0" || bound == "::"
        for name in (wildcard || loopback.contains(bound) ? loopback : []) + (wildcard ? [] : [bound.contains(":") && !bound.hasPrefix("[") ? "[\(bound)]" : bound]) {
            names.insert("\(name.lowercased()):\(port)")
            if port == 80 { names.insert(name.lowercased()) }
        }
        return names
    }

    /// Whether a request's `Host` header names this preview.
    public func allows(host: String?) -> Bool {
        guard let host = host?.trimmingCharacters(in: .whitespaces).lowercased(), !host.isEmpty else { return false }
        return hosts.withLock { $0.contains(host) }
    }

    /// Whether a WebSocket's `Origin` is a page of this preview (browsers always send it).
    public func allows(origin: String?, host: String?) -> Bool {
        guard allows(host: host), let origin = origin?.trimmingCharacters(in: .whitespaces).lowercased(),
              origin.hasPrefix("http://") else { return false }
        let named = String(origin.dropFirst("http://".count))
        return hosts.withLock { $0.contains(named) }
    }
}

/// The request line and headers of one request, read before any parser sees them, with a cap on
/// each: a page can send megabytes of request line to 127.0.0.1, and the old server's parser
/// took quadratic time over them. Fed incrementally, so a client sending one byte per packet
/// costs one step per byte.
struct RequestHeadLimit {
    static let maximumRequestLine = 8 * 1024
    static let maximumHead = 32 * 1024

    enum Verdict: Equatable {
        case needMore
        /// The whole head (request line, headers, blank line) is `count` bytes long.
        case complete(count: Int)
        case uriTooLong
        case headersTooLarge
    }

    private var count = 0
    private var lineEnded = false
    /// The last four bytes, to see `\r\n\r\n` (or a bare `\n\n`) without looking back.
    private var lastFour: UInt32 = 0

    /// Takes the next bytes of the request; the verdict once one is reached.
    mutating func feed(_ bytes: some Sequence<UInt8>) -> Verdict {
        for byte in bytes {
            count += 1
            lastFour = lastFour << 8 | UInt32(byte)
            if byte == UInt8(ascii: "\n") {
                if lineEnded, lastFour & 0xFFFF == 0x0A0A || lastFour == 0x0D0A_0D0A { return .complete(count: count) }
                lineEnded = true
            } else if !lineEnded, count > Self.maximumRequestLine {
                return .uriTooLong
            }
            if count > Self.maximumHead { return lineEnded ? .headersTooLarge : .uriTooLong }
        }
        return .needMore
    }

    /// The verdict on a whole buffer at once.
    static func judge(_ head: some Sequence<UInt8>) -> Verdict {
        var limit = RequestHeadLimit()
        return limit.feed(head)
    }
}
