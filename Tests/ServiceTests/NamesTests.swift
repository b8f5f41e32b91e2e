import FOI
import Foundation
import Hummingbird
@testable import Service
import XCTest

/// Issue 23 at the API, on a live server on 127.0.0.1: names as people write them resolve (and the
/// answer says to what); a body that is not in the database is written to under its nation's law.
final class NamesTests: XCTestCase {
    static func letter(_ c: LiveClient, _ fields: String) async throws -> (HTTPResponse.Status, [String: Any]) {
        let r = try await c.execute(uri: "/v1/letters", method: .post,
                                    body: ByteBuffer(string: #"{"keywords": ["grass cutting"], "max_tokens": 4, "seed": 1, "# + fields + "}"))
        let json = (try? JSONSerialization.jsonObject(with: Data(r.body.readableBytesView))) as? [String: Any] ?? [:]
        return (r.status, json)
    }

    func testNamesResolveAndUnlistedBodiesAreWrittenTo() async throws {
        try await ServiceRig.app().serve { c in
            var (status, j) = try await Self.letter(c, #""authority": "Leeds Council""#)
            XCTAssertEqual(status, .ok, "\(j)")
            XCTAssertEqual(j["authority"] as? String, "Leeds City Council")
            XCTAssertEqual(j["listed"] as? Bool, true)
            XCTAssertEqual(j["note"] as? String, "'Leeds Council' is Leeds City Council (by name form)")
            (status, j) = try await Self.letter(c, #""authority": "Leeds City Council""#)
            XCTAssertNil(j["note"] as? String, "\(j)")

            (status, j) = try await Self.letter(c, #""authority": "Llanfair Community Council", "nation": "Wales", "category": "community council""#)
            XCTAssertEqual(status, .ok, "\(j)")
            XCTAssertEqual(j["authority"] as? String, "Llanfair Community Council")
            XCTAssertEqual(j["listed"] as? Bool, false)
            XCTAssertEqual(j["law"] as? String, "FOIA 2000")
            (status, j) = try await Self.letter(c, #""authority": "Tain Community Council", "nation": "Scotland""#)
            XCTAssertEqual(status, .ok, "\(j)")
            XCTAssertEqual(j["law"] as? String, "FOISA 2002")

            (status, j) = try await Self.letter(c, #""authority": "Llanfair Community Council""#)
            XCTAssertEqual(status, .notFound)
            XCTAssertTrue((j["error"] as? String)?.contains("give its nation") == true, "\(j)")

            let found = try await c.execute(uri: "/v1/authorities?q=West%20Yorkshire%20Constabulary", method: .get)
            let list = ((try JSONSerialization.jsonObject(with: Data(found.body.readableBytesView)) as? [String: Any])?["authorities"] as? [[String: Any]]) ?? []
            XCTAssertEqual(list.first?["name"] as? String, "West Yorkshire Police")

            let csv = "authority,keywords,nation,max_tokens\nLeeds Council,pothole repairs,,4\nTain Community Council,grass cutting,Scotland,4\n"
            let b = try await c.execute(uri: "/v1/batch", method: .post, body: ByteBuffer(string: csv))
            XCTAssertEqual(b.status, .ok)
            let rows = try BatchCSV.read(Data(b.body.readableBytesView)).rows
            XCTAssertEqual(rows.count, 2)
            XCTAssertTrue(rows.allSatisfy { $0.last == "" }, "errors: \(rows.map { $0.last ?? "" })")
        }
    }
}
