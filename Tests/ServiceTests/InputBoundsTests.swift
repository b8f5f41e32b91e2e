import FOI
import Foundation
import Hummingbird
@testable import Service
import XCTest

/// Issue 26 item 1: one oversized field never stalls the server. Every text field is bounded by bytes
/// as well as characters before any lookup, suggestion or tokenizing, and /healthz answers meanwhile.
final class InputBoundsTests: XCTestCase {
    static let longName = String(repeating: "A", count: 20_000)
    /// One Character, 120,001 bytes: passes any character count.
    static let stackedAccents = "e" + String(repeating: "\u{0301}", count: 60_000)

    static func body(authority: String, keyword: String, letter: String? = nil) throws -> String {
        var j: [String: Any] = ["authority": authority, "keywords": [keyword], "max_tokens": 8]
        if let letter { j["letter"] = letter }
        return String(decoding: try JSONSerialization.data(withJSONObject: j), as: UTF8.self)
    }

    func testOversizedFieldsAreRefusedAndHealthzAnswersMeanwhile() async throws {
        XCTAssertEqual(Self.stackedAccents.count, 1)
        let cases: [(String, String, String)] = [
            ("/v1/letters", try Self.body(authority: Self.longName, keyword: "pothole repairs"), "authority"),
            ("/v1/letters", try Self.body(authority: "Leeds City Council", keyword: Self.stackedAccents), "keyword"),
            ("/v1/letters/stream", try Self.body(authority: Self.longName, keyword: "pothole repairs"), "authority"),
            ("/v1/judge", try Self.body(authority: Self.longName, keyword: "pothole repairs", letter: "Dear council"), "authority"),
            ("/v1/judge", try Self.body(authority: "Leeds City Council", keyword: Self.stackedAccents, letter: "Dear council"), "keyword"),
        ]
        try await ServiceRig.app().serve { c in
            for (uri, body, field) in cases {
                // The oversized request and a /healthz on another connection, at the same time: both answer.
                async let big = c.execute(uri: uri, method: .post, body: ByteBuffer(string: body))
                let health = try await c.execute(uri: "/healthz", method: .get).status
                let r = try await big
                XCTAssertEqual(health, .ok)
                XCTAssertEqual(r.status, .badRequest, "\(uri) \(field): \(String(buffer: r.body).prefix(200))")
                let message = ServiceRig.message(r)
                XCTAssertTrue(message.hasPrefix(field) && message.contains("at most"), "\(uri): \(message.prefix(200))")
            }
        }
    }

    /// The same bounds hold for batch rows (CSV), one refused row each, the rest written.
    func testBatchRowsOverTheBoundsAreRefusedPerRow() async throws {
        let csv = "authority,keywords\n\(Self.longName),pothole repairs\nLeeds City Council,\(Self.stackedAccents)\nLeeds City Council,pothole repairs\n"
        try await ServiceRig.app().serve { c in
            let r = try await c.execute(uri: "/v1/batch", method: .post, body: ByteBuffer(string: csv))
            XCTAssertEqual(r.status, .ok)
            let text = String(buffer: r.body)
            XCTAssertTrue(text.contains("authority is 20000 bytes"), String(text.suffix(400)))
            XCTAssertTrue(text.contains("keyword is 120001 bytes"), String(text.suffix(400)))
        }
    }

    /// A limit counts bytes as well as characters, and says which field is over.
    func testLimitsCountBytes() {
        XCTAssertNil(InputLimits.checkKeywords(["pothole repairs"]))
        XCTAssertEqual(InputLimits.checkKeywords([Self.stackedAccents]), "keyword is 120001 bytes; at most 400 bytes (100 characters)")
        XCTAssertEqual(InputLimits.checkAuthority(String(repeating: "é", count: 150)), nil)
        XCTAssertNil(InputLimits.checkAuthority(String(repeating: "€", count: 199)))   // 597 bytes, under 800
        XCTAssertNotNil(InputLimits.checkAuthority(String(repeating: "€", count: 300)))
    }
}
