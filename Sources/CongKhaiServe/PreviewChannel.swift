import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// The preview's listening socket, answered with SwiftNIO: each connection's request head is
/// capped before NIO's parser (llhttp, linear in the input) reads it, then answered once and
/// closed, or upgraded to the live-reload WebSocket when its Host and Origin are the preview's.
public final class PreviewListener: Sendable {
    let channel: any Channel
    /// The port listened on (the one the system chose when asked for port 0).
    public let port: Int

    init(channel: any Channel) {
        self.channel = channel
        port = channel.localAddress?.port ?? 0
    }

    static func start(host: String, port: Int, session: any PreviewResponder, hub: LiveReload, access: ServeAccess) async throws -> PreviewListener {
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try PreviewChannel.configure(channel, session: session, hub: hub, access: access)
                }
            }
        let channel = try await bootstrap.bind(host: host, port: port).get()
        let listener = PreviewListener(channel: channel)
        access.listening(bound: host, port: listener.port)
        return listener
    }

    public func waitUntilClosed() async throws {
        try await channel.closeFuture.get()
    }

    public func stop() async {
        try? await channel.close()
    }
}

enum PreviewChannel {
    static let httpHandlerName = "congkhai-http"

    static func configure(_ channel: any Channel, session: any PreviewResponder, hub: LiveReload, access: ServeAccess) throws {
        let upgrader = NIOWebSocketServerUpgrader(
            maxFrameSize: 1 << 14,
            shouldUpgrade: { channel, head in
                let host = head.headers.first(name: "host")
                let allowed = head.uri == LiveReload.socketPath && access.allows(origin: head.headers.first(name: "origin"), host: host)
                return channel.eventLoop.makeSucceededFuture(allowed ? HTTPHeaders() : nil)
            },
            upgradePipelineHandler: { channel, _ in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(LiveReloadSocket(hub: hub))
                }
            })
        let pipeline = channel.pipeline.syncOperations
        try pipeline.addHandler(HeadLimitHandler())
        try pipeline.configureHTTPServerPipeline(
            withServerUpgrade: (upgraders: [upgrader], completionHandler: { context in
                context.pipeline.removeHandler(name: httpHandlerName, promise: nil)
            }))
        try pipeline.addHandler(PreviewHTTPHandler(session: session, access: access), name: httpHandlerName)
    }
}

/// Holds back the bytes of a request until its head is complete and within the caps; answers
/// 414 or 431 itself otherwise, so no parser ever holds a megabyte of request line. After the
/// head, an upgrade's WebSocket frames pass through; anything else (a pipelined second request)
/// is dropped, since every answer closes the connection.
final class HeadLimitHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var head: [UInt8] = []
    private var limit = RequestHeadLimit()
    private enum State { case readingHead, passing, dropping }
    private var state = State.readingHead
    /// A connection that never finishes its request (head, or a body nobody reads) would hold
    /// a socket for ever; every answer is written well within this time.
    static let headTimeout = TimeAmount.seconds(30)

    func handlerAdded(context: ChannelHandlerContext) {
        let channel = context.channel
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        context.eventLoop.scheduleTask(in: Self.headTimeout) {
            if handler.value.state != .passing { channel.close(promise: nil) }
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        switch state {
        case .passing:
            context.fireChannelRead(data)
        case .dropping:
            return
        case .readingHead:
            let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
            let verdict = limit.feed(bytes)
            head.append(contentsOf: bytes)
            switch verdict {
            case .needMore:
                return
            case .uriTooLong:
                refuse(context, status: "414 URI Too Long", text: "Địa chỉ yêu cầu quá dài.")
            case .headersTooLarge:
                refuse(context, status: "431 Request Header Fields Too Large", text: "Phần đầu yêu cầu quá lớn.")
            case let .complete(count):
                let text = String(decoding: head.prefix(count), as: UTF8.self).lowercased()
                state = text.contains("\nupgrade:") ? .passing : .dropping
                var forwarded = context.channel.allocator.buffer(capacity: head.count)
                // An upgrade's first frames may have come in the same read as its head.
                forwarded.writeBytes(state == .passing ? head[...] : head.prefix(count))
                head = []
                context.fireChannelRead(wrapInboundOut(forwarded))
            }
        }
    }

    private func refuse(_ context: ChannelHandlerContext, status: String, text: String) {
        state = .dropping
        head = []
        let body = Array(text.utf8)
        let response = "HTTP/1.1 \(status)\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        var buffer = context.channel.allocator.buffer(capacity: response.utf8.count + body.count)
        buffer.writeString(response)
        buffer.writeBytes(body)
        context.writeAndFlush(wrapOutboundOut(buffer)).whenComplete { [channel = context.channel] _ in
            channel.close(promise: nil)
        }
    }
}

/// One request: Host checked, then answered from the in-memory site by `ServeSession`.
final class PreviewHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let session: any PreviewResponder
    let access: ServeAccess
    private var head: HTTPRequestHead?

    init(session: any PreviewResponder, access: ServeAccess) {
        self.session = session
        self.access = access
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case let .head(requestHead):
            // Answered at once: a body would never reach the parser (bytes after the head are dropped).
            guard requestHead.method == .GET || requestHead.method == .HEAD else {
                head = nil
                return PreviewResponse.send(.plain(405, "Trang xem thử chỉ nhận yêu cầu GET."), head: requestHead, on: context.channel)
            }
            head = requestHead
        case .body:
            return
        case .end:
            guard let request = head else { return }
            head = nil
            answer(request, channel: context.channel)
        }
    }

    private func answer(_ request: HTTPRequestHead, channel: any Channel) {
        let host = request.headers.first(name: "host")
        guard access.allows(host: host) else {
            return PreviewResponse.send(.plain(421, "Trang xem thử chỉ trả lời tại địa chỉ đã mở (127.0.0.1 hoặc localhost)."), head: request, on: channel)
        }
        if request.uri.split(separator: "?").first.map(String.init) == LiveReload.socketPath {
            // Reached only when the upgrader refused: a page of another origin.
            return PreviewResponse.send(.plain(403, "Kết nối tải lại chỉ dành cho trang xem thử."), head: request, on: channel)
        }
        if request.uri == LiveReload.scriptPath {
            return PreviewResponse.send(ServeResponse(status: 200, contentType: "text/javascript; charset=utf-8", body: Data(LiveReload.script.utf8)), head: request, on: channel)
        }
        Task { [session] in
            let response = await session.respond(to: request.uri)
            PreviewResponse.send(response, head: request, on: channel)
        }
    }

}

enum PreviewResponse {
    static func send(_ response: ServeResponse, head request: HTTPRequestHead, on channel: any Channel) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: response.contentType)
        headers.add(name: "Content-Length", value: String(response.body.count))
        headers.add(name: "Cache-Control", value: "no-store")
        headers.add(name: "X-Content-Type-Options", value: "nosniff")
        headers.add(name: "Connection", value: "close")
        if let location = response.location { headers.add(name: "Location", value: location) }
        let responseHead = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        channel.write(HTTPServerResponsePart.head(responseHead), promise: nil)
        if request.method != .HEAD, !response.body.isEmpty {
            channel.write(HTTPServerResponsePart.body(.byteBuffer(ByteBuffer(bytes: response.body))), promise: nil)
        }
        channel.writeAndFlush(HTTPServerResponsePart.end(nil)).whenComplete { _ in
            channel.close(promise: nil)
        }
    }
}

/// One live-reload client: it receives what `LiveReload` announces; what it sends is ignored
/// except the protocol's ping and close.
final class LiveReloadSocket: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    let hub: LiveReload
    let id = UUID()

    init(hub: LiveReload) {
        self.hub = hub
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let channel = context.channel
        let hub = hub
        let id = id
        Task {
            await hub.connect(id) { text in
                let frame = WebSocketFrame(fin: true, opcode: .text, data: channel.allocator.buffer(string: text))
                channel.writeAndFlush(frame, promise: nil)
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        let hub = hub
        let id = id
        Task { await hub.disconnect(id) }
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .connectionClose:
            let close = WebSocketFrame(fin: true, opcode: .connectionClose, data: context.channel.allocator.buffer(capacity: 0))
            context.writeAndFlush(wrapOutboundOut(close)).whenComplete { [channel = context.channel] _ in channel.close(promise: nil) }
        case .ping:
            let pong = WebSocketFrame(fin: true, opcode: .pong, data: frame.data)
            context.writeAndFlush(wrapOutboundOut(pong), promise: nil)
        default:
            return
        }
    }
}

/// What answers the preview's requests: one commune's site (`ServeSession`) or a province's.
protocol PreviewResponder: Actor {
    func respond(to requestPath: String) -> ServeResponse
}

extension ServeSession: PreviewResponder {}
