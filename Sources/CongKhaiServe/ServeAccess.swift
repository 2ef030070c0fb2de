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
/// took quadratic time over them.
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

    /// Judges the bytes received so far; `head` starts at the request line.
    static func judge(_ head: some Collection<UInt8>) -> Verdict {
        var index = 0
        var lineEnd: Int?
        var previous: [UInt8] = []
        for byte in head {
            index += 1
            if lineEnd == nil {
                if byte == UInt8(ascii: "\n") { lineEnd = index } else if index > maximumRequestLine { return .uriTooLong }
            }
            previous.append(byte)
            if previous.count > 4 { previous.removeFirst() }
            if byte == UInt8(ascii: "\n"), previous.suffix(2) == [10, 10] || previous.suffix(4) == [13, 10, 13, 10] {
                return .complete(count: index)
            }
            if index > maximumHead { return lineEnd == nil ? .uriTooLong : .headersTooLarge }
        }
        return .needMore
    }
}
