import Foundation
import Hummingbird
@testable import Service
import XCTest

/// Issue 23: a keywords string is taken as a person types it (or refused saying what is expected),
/// and a route asked with the wrong method answers 405 with Allow, on a real server on 127.0.0.1.
final class MethodAndKeywordTests: XCTestCase {
    static let letter = """
    Dear Leeds City Council,

    Under the Freedom of Information Act 2000, please send me the number of pothole repairs the council \
    completed in each of the last three financial years.

    Yours faithfully,
    Sam Jones
    """

    static func judge(_ c: LiveClient, keywords: String) async throws -> LiveResponse {
        let letter = String(decoding: try JSONEncoder().encode(Self.letter), as: UTF8.self)
        return try await ServiceTests.post(c, "/v1/judge", #"{"authority": "Leeds City Council", "keywords": \#(keywords), "letter": \#(letter)}"#)
    }

    func testKeywordsAsAStringAreSplitLikeAList() async throws {
        try await ServiceRig.app().serve { c in
            let list = try ServiceTests.json(try await Self.judge(c, keywords: #"["pothole repairs", "street lighting"]"#))
            for text in [#""pothole repairs; street lighting""#, #""pothole repairs, street lighting""#] {
                let r = try await Self.judge(c, keywords: text)
                XCTAssertEqual(r.status, .ok, String(buffer: r.body))
                let one = try ServiceTests.json(r)
                XCTAssertEqual(one["score"] as? Int, list["score"] as? Int, text)
                XCTAssertEqual(one["failed_checks"] as? [String], list["failed_checks"] as? [String], text)
            }
            try ServiceTests.assertError(try await Self.judge(c, keywords: "7"), .badRequest,
                                         contains: "expected a list of strings, or one string with the keywords separated by ';' or ','")
            // The letters route reads the same field the same way.
            let r = try await ServiceTests.post(c, "/v1/letters", #"{"authority": "Leeds", "keywords": "pothole repairs; street lighting", "max_tokens": 4}"#)
            XCTAssertEqual(r.status, .ok, String(buffer: r.body))
        }
    }

    func testAKnownPathWithTheWrongMethodIs405WithAllow() async throws {
        try await ServiceRig.app().serve { c in
            for (uri, method, allow) in [("/v1/letters", HTTPRequest.Method.get, "POST"), ("/v1/judge", .get, "POST"),
                                         ("/v1/spin", .post, "GET"), ("/healthz", .delete, "GET, HEAD")] {
                let r = try await c.execute(uri: uri, method: method)
                try ServiceTests.assertError(r, .methodNotAllowed, contains: "not allowed on \(uri)")
                XCTAssertEqual(r.headers[.allow], allow, uri)
            }
            // A path that is no route at all is still 404.
            try ServiceTests.assertError(try await c.execute(uri: "/v1/nothing", method: .get), .notFound, contains: "no such route")
        }
    }
}
