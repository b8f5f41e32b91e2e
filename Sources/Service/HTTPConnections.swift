import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// Hummingbird's HTTP/1 server with two connection rules it leaves to the application.
///
/// - An idle timeout. Without one a client that sends half a request head, or declares a huge
///   `Content-Length` and sends nothing, holds its connection (and a file descriptor) forever.
///   Hummingbird's connection state handler closes a connection when nothing has been read for
///   `idleTimeout`: while its head is incomplete (no part has been read, so trickling a header a
///   byte at a time does not reset it), while its body stalls, and between requests; never while a
///   response is being written, so a long letter or stream is not cut.
/// - `LastRequestHandler`: HTTP/1.0 and `Connection: close` requests end the connection.
struct ServiceHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value
    let base: HTTP1Channel

    init(responder: @escaping HTTPChannelHandler.Responder, idleTimeout: Duration) {
        base = HTTP1Channel(responder: responder, configuration: .init(idleTimeout: TimeAmount(idleTimeout)))
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            // Between the HTTP/1 decoder and Hummingbird's conversion to version-less HTTP types: the
            // last place a request's version can be seen.
            let ops = channel.pipeline.syncOperations
            let decoder = try ops.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try ops.addHandler(LastRequestHandler(), position: .after(decoder))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }

    static func builder(idleTimeout: Duration) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in ServiceHTTP1Channel(responder: responder, idleTimeout: idleTimeout) }
    }
}

/// Makes an HTTP/1.0 request (keep-alive or not: this server keeps only HTTP/1.1 connections) or a
/// request with `Connection: close` the last on its connection. Hummingbird's types carry no HTTP
/// version, so it kept HTTP/1.0 connections open, and an HTTP/1.0 client reading to the end of the
/// response waited until its own timeout. Here such a request's `Connection` header is set to
/// exactly `close`, which Hummingbird's connection loop checks after the response to close the
/// connection; its response says `Connection: close`, and to an HTTP/1.0 client it is an HTTP/1.0
/// response, so a body of unknown length is sent plain and ended by the close rather than in the
/// chunked coding HTTP/1.0 does not have.
final class LastRequestHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// The requests read whose final response has not started, in order (HTTP/1 answers in order).
    private var pending: [(version: HTTPVersion, last: Bool)] = []

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else { return context.fireChannelRead(data) }
        let old = head.version.major < 1 || (head.version.major == 1 && head.version.minor == 0)
        let last = old || !head.isKeepAlive
        if last { head.headers.replaceOrAdd(name: "connection", value: "close") }
        pending.append((head.version, last))
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        // An interim 1xx response (100 Continue) is not the request's answer.
        guard case .head(var head) = unwrapOutboundIn(data), head.status.code >= 200 || head.status.code == 101,
              !pending.isEmpty else { return context.write(data, promise: promise) }
        let request = pending.removeFirst()
        if request.last {
            head.headers.replaceOrAdd(name: "connection", value: "close")
            if request.version.major < 1 || (request.version.major == 1 && request.version.minor == 0) {
                head.version = .http1_0
            }
        }
        context.write(wrapOutboundOut(.head(head)), promise: promise)
    }
}
