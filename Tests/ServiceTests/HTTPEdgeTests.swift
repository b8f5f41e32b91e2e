import Foundation
import Hummingbird
@testable import Service
import XCTest

/// Issue 26 item 7: HEAD /healthz answers 200; a malformed chunked body is the client's error (400);
/// a connection that sends half a request, or declares a body that never comes, is closed after the
/// idle timeout; HTTP/1.0 and `Connection: close` requests end their connection. And item 5 at the
/// service: a batch body that is not valid CSV is refused naming its lines.
final class HTTPEdgeTests: XCTestCase {
    func testHeadHealthzAnswers200() async throws {
        try await ServiceRig.app().serve { c in
            let r = try await c.execute(uri: "/healthz", method: .head)
            XCTAssertEqual(r.status, .ok)
            XCTAssertEqual(r.body.readableBytes, 0)
        }
    }

    func testMalformedChunkedBodyIs400() async throws {
        try await ServiceRig.app().serve { c in
            let port = c.port
            let request = "POST /v1/judge HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n{\"authority\": 1}\r\n0\r\n\r\n"
            let response = try await Task.detached { try RawHTTP.exchange(port: port, request) }.value
            XCTAssertEqual(RawHTTP.status(response), 400, response)
            // And the server still answers.
            let h = try await c.execute(uri: "/healthz", method: .get).status
            XCTAssertEqual(h, .ok)
        }
    }

    /// Half a request head was held open 55 s and more; now the idle timeout closes it, and it
    /// gets no answer (there is no request to answer).
    func testHalfARequestHeadIsClosedAfterTheIdleTimeout() async throws {
        try await ServiceRig.app(configure: { $0.idleTimeout = .milliseconds(300) }).serve { c in
            let port = c.port
            let (response, closed) = try await Task.detached {
                try RawHTTP.exchangeUntilClose(port: port, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Partial: a")
            }.value
            XCTAssertTrue(closed, "the connection was still open after 10 s")
            XCTAssertEqual(response, "")
            let h = try await c.execute(uri: "/healthz", method: .get).status
            XCTAssertEqual(h, .ok)
        }
    }

    /// `Content-Length: 99999999999` and one byte waited forever; now the stalled body is closed.
    func testADeclaredBodyThatNeverComesIsClosed() async throws {
        try await ServiceRig.app(configure: { $0.idleTimeout = .milliseconds(300) }).serve { c in
            let port = c.port
            for length in ["99999999999", "1000"] {
                let (response, closed) = try await Task.detached {
                    try RawHTTP.exchangeUntilClose(port: port, "POST /v1/judge HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/json\r\nContent-Length: \(length)\r\n\r\n{")
                }.value
                XCTAssertTrue(closed, "Content-Length \(length): still open after 10 s; got \(response)")
                // Whatever was answered before the close is a client error, never a 5xx.
                for head in RawHTTP.heads(response) { XCTAssertLessThan(head.status ?? 0, 500, response) }
            }
        }
    }

    /// The idle timeout counts silence from the client, not the time a response takes: a letter
    /// that is decoded only after several timeouts have passed is still answered.
    func testASlowResponseIsNotCutByTheIdleTimeout() async throws {
        let (app, state) = try ServiceRig.appAndState { $0.idleTimeout = .milliseconds(200) }
        let q = try XCTUnwrap(state.queue)
        try await app.serve { c in
            let hold = AdmissionTests.Hold()
            defer { hold.release() }
            let pending = Task { try await c.execute(uri: "/v1/letters", method: .post,
                                                    body: ByteBuffer(string: #"{"authority": "Leeds", "keywords": ["pothole repairs"], "max_tokens": 3}"#)) }
            // The letter is admitted and held before the timeouts start to pass: the wait below is then the
            // response's own time, whenever the request reached the server.
            while await q.inFlight == 0 { await Task.yield() }
            try await Task.sleep(for: .milliseconds(1000))    // five idle timeouts, all while the letter is held
            hold.release()
            let r = try await pending.value
            XCTAssertEqual(r.status, .ok, ServiceRig.message(r))
        }
    }

    /// HTTP/1.0 connections were kept open, so a client reading to the end waited for its own
    /// timeout. HTTP/1.0 (with or without keep-alive) and `Connection: close` in any case are now
    /// each their connection's last request, said so in the answer; HTTP/1.0 gets an HTTP/1.0 answer.
    func testHTTP10AndConnectionCloseEndTheConnection() async throws {
        // The default idle timeout (30 s) is far beyond the 10 s wait: a close seen here is the rule's.
        try await ServiceRig.app().serve { c in
            let port = c.port
            let cases = [("GET /healthz HTTP/1.0\r\n\r\n", "HTTP/1.0 200"),
                         ("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", "HTTP/1.0 200"),
                         ("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Close\r\n\r\n", "HTTP/1.1 200"),
                         // A kept-alive request answered, then the closing one.
                         ("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nHEAD /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", "HTTP/1.1 200")]
            for (request, first) in cases {
                let (response, closed) = try await Task.detached { try RawHTTP.exchangeUntilClose(port: port, request) }.value
                XCTAssertTrue(closed, "still open after 10 s: \(request)")
                XCTAssertTrue(response.hasPrefix(first), response)
                let heads = RawHTTP.heads(response)
                XCTAssertEqual(heads.map(\.status), request.contains("HEAD") ? [200, 200] : [200], response)
                XCTAssertTrue(heads.last?.headers.contains("connection: close") == true, response)
            }
        }
    }

    func testBatchWithMalformedCSVIs400NamingTheLines() async throws {
        try await ServiceRig.app().serve { c in
            let csv = "authority,keywords\nLeeds,pothole repairs\nLeeds,\"pothole \"repairs\"\nWYP,a,b\n"
            let r = try await c.execute(uri: "/v1/batch", method: .post, body: ByteBuffer(string: csv))
            XCTAssertEqual(r.status, .badRequest)
            let message = ServiceRig.message(r)
            XCTAssertTrue(message.contains("malformed CSV (2 rows): line 3: text after the closing quote"), message)
            XCTAssertTrue(message.contains("line 4: 3 fields, but the header has 2"), message)
        }
    }
}
