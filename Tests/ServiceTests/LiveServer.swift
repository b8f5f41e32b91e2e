#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
@testable import Service
import XCTest

/// An application not yet running: `serve` runs it in this process on 127.0.0.1 at a free port, hands
/// `body` a client for it, and stops it. Every test talks to a real server over real sockets, with our own
/// small client (HummingbirdTesting would bring in an HTTP client library and TLS, minutes of CI build).
struct LiveApp {
    let config: ServiceConfig
    let state: ServiceState
    let logger: Logger

    func serve<T: Sendable>(_ body: @Sendable (LiveClient) async throws -> T) async throws -> T {
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let app = try buildApplication(config: config, state: state, logger: logger) { channel in
            portSink.yield(channel.localAddress?.port ?? 0)
            portSink.finish()
        }
        // Stopped as `serve` stops on SIGTERM: a graceful shutdown of its service group.
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let server = Task {
            defer { portSink.finish() }    // a server that fails to start ends the wait for its port
            try await group.run()
        }
        defer { server.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            _ = try await server.value
            throw RawHTTP.Failure(description: "the server did not start")
        }
        do {
            let result = try await body(LiveClient(port: port))
            await group.triggerGracefulShutdown()
            try await server.value
            return result
        } catch {
            await group.triggerGracefulShutdown()
            _ = try? await server.value
            throw error
        }
    }
}

/// One answer: status, headers and the whole body (chunked bodies joined).
struct LiveResponse: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: ByteBuffer
}

/// An HTTP/1.1 client for the live server: each request on its own connection (`Connection: close`),
/// read to the end on its own thread, so that many may wait at once without holding the tasks' threads.
struct LiveClient: Sendable {
    let port: Int

    func execute(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil) async throws -> LiveResponse {
        var head = "\(method.rawValue) \(uri) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for field in headers { head += "\(field.name.rawName): \(field.value)\r\n" }
        let bytes = body.map { Array($0.readableBytesView) } ?? []
        if body != nil || method == .post || method == .put { head += "Content-Length: \(bytes.count)\r\n" }
        let request = Array((head + "\r\n").utf8) + bytes
        let port = port
        let raw: [UInt8] = try await withCheckedThrowingContinuation { done in
            Thread.detachNewThread {
                done.resume(with: Result { try RawHTTP.exchangeToClose(port: port, request) })
            }
        }
        return try Self.parse(raw, head: method == .head)
    }

    /// Splits a response read to its close into status, headers and body.
    static func parse(_ raw: [UInt8], head: Bool) throws -> LiveResponse {
        let crlf2: [UInt8] = [13, 10, 13, 10]
        guard let end = raw.indices.first(where: { raw[$0...].starts(with: crlf2) }) else {
            throw RawHTTP.Failure(description: "no response head in \(String(decoding: raw, as: UTF8.self))")
        }
        let lines = String(decoding: raw[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        guard let code = RawHTTP.status(lines[0]) else { throw RawHTTP.Failure(description: "bad status line \(lines[0])") }
        var headers = HTTPFields()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), let name = HTTPFields.Element.Name(String(line[..<colon])) else { continue }
            headers.append(.init(name: name, value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        var body = Array(raw[(end + 4)...])
        if head { body = [] } else if headers[.transferEncoding]?.lowercased() == "chunked" { body = try unchunked(body) }
        return LiveResponse(status: HTTPResponse.Status(code: code), headers: headers, body: ByteBuffer(bytes: body))
    }

    /// A chunked body's data: each chunk is a hex length line, the bytes and CRLF; a zero length ends it.
    static func unchunked(_ b: [UInt8]) throws -> [UInt8] {
        var out = [UInt8](), i = 0
        while i < b.count {
            guard let lineEnd = b[i...].firstIndex(of: 13) else { break }
            let sizeText = String(decoding: b[i..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw RawHTTP.Failure(description: "bad chunk size \(sizeText)")
            }
            if size == 0 { break }
            let start = lineEnd + 2
            guard start + size <= b.count else { throw RawHTTP.Failure(description: "a chunk was cut short") }
            out += b[start..<(start + size)]
            i = start + size + 2
        }
        return out
    }
}
