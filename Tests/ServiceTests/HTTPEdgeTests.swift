import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Service
import XCTest

/// Issue 26 item 7: HEAD /healthz answers 200, and a malformed chunked body is the client's error (400).
final class HTTPEdgeTests: XCTestCase {
    func testHeadHealthzAnswers200() async throws {
        try await ServiceRig.app().test(.live) { c in
            let r = try await c.execute(uri: "/healthz", method: .head)
            XCTAssertEqual(r.status, .ok)
            XCTAssertEqual(r.body.readableBytes, 0)
        }
    }

    func testMalformedChunkedBodyIs400() async throws {
        try await ServiceRig.app().test(.live) { c in
            let port = try XCTUnwrap(c.port)
            let request = "POST /v1/judge HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n{\"authority\": 1}\r\n0\r\n\r\n"
            let response = try await Task.detached { try RawHTTP.exchange(port: port, request) }.value
            XCTAssertEqual(RawHTTP.status(response), 400, response)
            // And the server still answers.
            let h = try await ServiceRig.onSecondConnection(c) { try await $0.execute(.init("/healthz", method: .get)).status }
            XCTAssertEqual(h, .ok)
        }
    }
}
