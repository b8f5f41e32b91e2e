import FOI
import Filings
import Foundation
import Hummingbird
import Logging
@testable import Service
import TestSupport
import Writer
import XCTest

final class ServiceTests: XCTestCase {
    static let world = TinyWorld.shared
    static let writer: LetterWriter = try! world.writer()
    static let directory: Directory = try! Directory(store: world.store)

    func app(token: String? = nil, model: Bool = true, configure: (inout ServiceConfig) -> Void = { _ in }) throws -> LiveApp {
        var config = ServiceConfig()
        config.port = 0
        config.token = token
        config.maxBodyBytes = 64 * 1024
        config.maxTokensCap = 64
        config.maxBatchRows = 10
        configure(&config)
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let state = ServiceState(directory: Self.directory, writer: model ? Self.writer : nil, config: config, logger: logger)
        try config.validate()
        return LiveApp(config: config, state: state, logger: logger)
    }

    static func json(_ r: LiveResponse) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.body.readableBytesView)) as? [String: Any], String(buffer: r.body))
    }

    static func post(_ c: LiveClient, _ uri: String, _ body: String, headers: HTTPFields = [:]) async throws -> LiveResponse {
        try await c.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    static func status(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], on c: LiveClient) async throws -> HTTPResponse.Status {
        try await c.execute(uri: uri, method: method, headers: headers).status
    }

    /// The 4xx shape: a JSON object with one string `error`.
    static func assertError(_ r: LiveResponse, _ status: HTTPResponse.Status, contains text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(r.status, status, String(buffer: r.body), file: file, line: line)
        XCTAssertEqual(r.headers[.contentType], "application/json; charset=utf-8", file: file, line: line)
        let msg = try json(r)["error"] as? String
        XCTAssertTrue(msg?.contains(text) == true, "\(msg ?? "nil") lacks \(text)", file: file, line: line)
    }

    func testHealthzAndOpenAPI() async throws {
        try await app().serve { c in
            let h = try await c.execute(uri: "/healthz", method: .get)
            XCTAssertEqual(h.status, .ok)
            XCTAssertEqual(try Self.json(h)["status"] as? String, "ok")
            XCTAssertEqual(try Self.json(h)["model"] as? String, "tiny-test")
            let o = try await c.execute(uri: "/openapi.yaml", method: .get)
            XCTAssertEqual(o.status, .ok)
            XCTAssertTrue(String(buffer: o.body).hasPrefix("openapi: 3."))
        }
    }

    /// Every route is in the document, and every documented path and method is a route.
    func testOpenAPIDocumentsEveryRouteAndNothingElse() async throws {
        var documented = Set<String>()
        var path: String?
        var inPaths = false
        for line in OpenAPI.document.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "paths:" { inPaths = true; continue }
            guard inPaths else { continue }
            if !line.hasPrefix(" ") && !line.isEmpty { inPaths = false; continue }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") { path = String(line.dropFirst(2).dropLast()); continue }
            let t = line.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("    "), !line.hasPrefix("     "), ["get:", "head:", "post:", "put:", "delete:", "patch:"].contains(t), let path {
                documented.insert("\(t.dropLast().uppercased()) \(path)")
            }
        }
        let routes = Set(Routes.all.map { "\($0.method.rawValue) \($0.path)" })
        XCTAssertEqual(documented, routes)
        XCTAssertEqual(routes.count, 11)
        // And each route answers (not 404) in the app.
        try await app().serve { c in
            for r in Routes.all {
                let resp = try await c.execute(uri: r.path, method: r.method, body: ByteBuffer(string: "{}"))
                XCTAssertNotEqual(resp.status, .notFound, "\(r.method) \(r.path)")
                XCTAssertNotEqual(resp.status, .methodNotAllowed, "\(r.method) \(r.path)")
            }
        }
    }

    func testLetter() async throws {
        try await app().serve { c in
            let body = #"{"authority": "leeds", "keywords": ["pothole repairs", "compensation claims"], "seed": 42, "max_tokens": 12}"#
            let r = try await Self.post(c, "/v1/letters", body)
            XCTAssertEqual(r.status, .ok, String(buffer: r.body))
            let j = try Self.json(r)
            XCTAssertEqual(j["authority"] as? String, "Leeds City Council")
            XCTAssertEqual(j["seed"] as? Int, 42)
            XCTAssertEqual(j["model"] as? String, "tiny-test")
            XCTAssertNotNil(j["letter"] as? String)
            XCTAssert((0...100).contains(j["score"] as? Int ?? -1))
            let checks = try XCTUnwrap(j["checks"] as? [[String: Any]])
            XCTAssertEqual(checks.count, JudgeCheck.allCases.count)
            XCTAssertLessThanOrEqual(j["tokens"] as? Int ?? 99, 12)
            // Same seed, same letter.
            let again = try Self.json(try await Self.post(c, "/v1/letters", body))
            XCTAssertEqual(again["letter"] as? String, j["letter"] as? String)
        }
    }

    /// The judge over HTTP, on a real server: every check with its reason; a defect makes the letter invalid.
    func testJudge() async throws {
        let good = """
        Dear Leeds City Council,\n\nUnder the Freedom of Information Act 2000, please tell me how many pothole repairs the \
        council completed in each of the financial years 2022/23 and 2023/24, as a spreadsheet.\n\nYours faithfully,\nJo Smith
        """
        try await app().serve { c in
            let body = { (letter: String) in
                let l = String(decoding: try JSONEncoder().encode(letter), as: UTF8.self)
                return #"{"authority": "Leeds City Council", "keywords": ["pothole repairs"], "letter": \#(l)}"#
            }
            let ok = try Self.json(try await Self.post(c, "/v1/judge", try body(good)))
            XCTAssertEqual(ok["valid"] as? Bool, true, "\(ok)")
            XCTAssertGreaterThanOrEqual(ok["score"] as? Int ?? 0, 80)
            let wrong = try Self.json(try await Self.post(c, "/v1/judge", try body(good.replacingOccurrences(of: "how many pothole repairs the", with: "how many pothole repairs the college completed, and the"))))
            do {
                let r = wrong
                XCTAssertEqual(r["valid"] as? Bool, false, "\(r)")
                XCTAssertTrue((r["failed_checks"] as? [String])?.contains("body") == true, "\(r)")
                let checks = r["checks"] as? [[String: Any]] ?? []
                XCTAssertTrue(checks.contains { $0["id"] as? String == "body" && ($0["reason"] as? String)?.contains("the college") == true && $0["critical"] as? Bool == true })
            }
            try Self.assertError(try await Self.post(c, "/v1/judge", #"{"authority": "Nowhere Council", "keywords": ["x"], "letter": "Dear"}"#), .notFound, contains: "unknown authority")
            try Self.assertError(try await Self.post(c, "/v1/judge", #"{"authority": "Leeds City Council", "keywords": ["x"]}"#), .badRequest, contains: "missing field 'letter'")
        }
    }

    func testEvery4xxPathAnswersJSON() async throws {
        try await app().serve { c in
            let ok = #""keywords": ["pothole repairs"], "max_tokens": 4"#
            try Self.assertError(try await Self.post(c, "/v1/letters", #"{"authority": "Leeds Town Hall", \#(ok)}"#), .notFound,
                                 contains: "did you mean: 'Leeds City Council'")
            try Self.assertError(try await Self.post(c, "/v1/letters", "{not json"), .badRequest, contains: "bad JSON")
            try Self.assertError(try await Self.post(c, "/v1/letters", ""), .badRequest, contains: "empty body")
            try Self.assertError(try await Self.post(c, "/v1/letters", #"{"keywords": ["x"]}"#), .badRequest, contains: "missing field 'authority'")
            try Self.assertError(try await Self.post(c, "/v1/letters", #"{"authority": 3, "keywords": ["x"]}"#), .badRequest, contains: "wrong type for 'authority'")
            try Self.assertError(try await Self.post(c, "/v1/letters", #"{"authority": "Leeds", "keywords": []}"#), .badRequest, contains: "at least one keyword")
            try Self.assertError(try await Self.post(c, "/v1/letters", #"{"authority": "Leeds", "keywords": ["x"], "max_tokens": 65}"#), .badRequest, contains: "over the cap of 64")
            try Self.assertError(try await Self.post(c, "/v1/letters", #"{"authority": "Leeds", "keywords": ["x"], "max_tokens": 0}"#), .badRequest, contains: "positive")
            try Self.assertError(try await Self.post(c, "/v1/letters", #"{"authority": "Leeds", "keywords": ["x"], "temperature": 9}"#), .badRequest, contains: "temperature")
            try Self.assertError(try await Self.post(c, "/v1/letters", #"{"authority": "Leeds", "keywords": ["x"], "style": "haiku"}"#), .badRequest, contains: "unknown style")
            try Self.assertError(try await Self.post(c, "/v1/letters", #"{"authority": "Leeds", "keywords": ["x"], "seed": "x"}"#), .badRequest, contains: "wrong type for 'seed'")
            let huge = #"{"authority": "Leeds", "keywords": [""# + String(repeating: "a", count: 70 * 1024) + #""]}"#
            try Self.assertError(try await Self.post(c, "/v1/letters", huge), .contentTooLarge, contains: "too large")
            var invalid = ByteBuffer(string: #"{"authority": "Lee"#)
            invalid.writeBytes([0xFF, 0xFE, 0xC3])
            invalid.writeString(#"", "keywords": ["x"]}"#)
            let r = try await c.execute(uri: "/v1/letters", method: .post, body: invalid)
            try Self.assertError(r, .badRequest, contains: "bad JSON")
            try Self.assertError(try await Self.post(c, "/v1/letters/stream", #"{"authority": "Nowhere", \#(ok)}"#), .notFound, contains: "unknown authority")
            try Self.assertError(try await c.execute(uri: "/v1/nothing", method: .get), .notFound, contains: "no such route")
            try Self.assertError(try await c.execute(uri: "/v1/spin?seed=x", method: .get), .badRequest, contains: "seed")
            try Self.assertError(try await c.execute(uri: "/v1/spin?chaos=maybe", method: .get), .badRequest, contains: "chaos")
            try Self.assertError(try await c.execute(uri: "/v1/spin?category=Zoos", method: .get), .notFound, contains: "unknown category")
            try Self.assertError(try await c.execute(uri: "/v1/authorities?limit=1000", method: .get), .badRequest, contains: "limit")
            try Self.assertError(try await c.execute(uri: "/v1/authorities?q=" + String(repeating: "x", count: 300), method: .get), .badRequest, contains: "longer than")
            try Self.assertError(try await c.execute(uri: "/v1/keywords?theme=highway", method: .get), .notFound, contains: "did you mean: 'highways'")
            try Self.assertError(try await Self.post(c, "/v1/batch", ""), .badRequest, contains: "no header")
            try Self.assertError(try await Self.post(c, "/v1/batch", "name,topics\nLeeds,x\n"), .badRequest, contains: "no 'authority' column")
            let many = "authority,keywords\n" + String(repeating: "Leeds,pothole repairs\n", count: 11)
            try Self.assertError(try await Self.post(c, "/v1/batch", many), .contentTooLarge, contains: "at most 10 rows")
            // Still serving.
            do { let st = try await Self.status(uri: "/healthz", method: .get, on: c); XCTAssertEqual(st, .ok) }
        }
    }

    func testBusyQueueAnswers503() async throws {
        try await app(configure: { $0.maxPending = 0 }).serve { c in
            try Self.assertError(try await Self.post(c, "/v1/letters", #"{"authority": "Leeds", "keywords": ["x"], "max_tokens": 2}"#), .serviceUnavailable, contains: "busy")
            try Self.assertError(try await Self.post(c, "/v1/batch", "authority,keywords\nLeeds,x\n"), .serviceUnavailable, contains: "busy")
        }
    }

    func testNoModelAnswers503ButTheRestWorks() async throws {
        try await app(model: false).serve { c in
            try Self.assertError(try await Self.post(c, "/v1/letters", #"{"authority": "Leeds", "keywords": ["x"]}"#), .serviceUnavailable, contains: "no model")
            do { let st = try await Self.status(uri: "/v1/spin", method: .get, on: c); XCTAssertEqual(st, .ok) }
        }
    }

    /// SSE framing: `event: token` blocks whose text adds up to the letter, then one `event: done`.
    func testStreamFraming() async throws {
        try await app().serve { c in
            let body = #"{"authority": "WYP", "keywords": ["stop and search"], "seed": 7, "max_tokens": 16}"#
            let r = try await Self.post(c, "/v1/letters/stream", body)
            XCTAssertEqual(r.status, .ok)
            XCTAssertEqual(r.headers[.contentType], "text/event-stream; charset=utf-8")
            let text = String(buffer: r.body)
            XCTAssertTrue(text.hasSuffix("\n\n"))
            let events = text.dropLast(2).components(separatedBy: "\n\n")
            XCTAssertGreaterThan(events.count, 1)
            var streamed = ""
            for (i, e) in events.enumerated() {
                let lines = e.split(separator: "\n", omittingEmptySubsequences: false)
                XCTAssertEqual(lines.count, 2, "one event line and one data line: \(e)")
                XCTAssertTrue(lines[1].hasPrefix("data: "))
                let data = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines[1].dropFirst(6).utf8)) as? [String: Any])
                if i < events.count - 1 {
                    XCTAssertEqual(lines[0], "event: token")
                    streamed += try XCTUnwrap(data["text"] as? String)
                } else {
                    XCTAssertEqual(lines[0], "event: done")
                    XCTAssertNotNil(data["score"] as? Int)
                    XCTAssertNotNil(data["checks"] as? [[String: Any]])
                    XCTAssertEqual(data["letter"] as? String, streamed.trimmingCharacters(in: .whitespacesAndNewlines))
                }
            }
            // The streamed letter is the one /v1/letters writes for the same seed.
            let plain = try Self.json(try await Self.post(c, "/v1/letters", body))
            XCTAssertEqual(plain["letter"] as? String, streamed.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    func testSpinAuthoritiesKeywords() async throws {
        try await app().serve { c in
            let s1 = try Self.json(try await c.execute(uri: "/v1/spin?seed=5", method: .get))
            let s2 = try Self.json(try await c.execute(uri: "/v1/spin?seed=5", method: .get))
            XCTAssertEqual(s1["authority"] as? String, s2["authority"] as? String)
            XCTAssertEqual(s1["keywords"] as? [String], s2["keywords"] as? [String])
            XCTAssertEqual((s1["keywords"] as? [String])?.count, 2)
            let police = try Self.json(try await c.execute(uri: "/v1/spin?category=police%20forces&seed=1", method: .get))
            XCTAssertEqual(police["authority"] as? String, "West Yorkshire Police")
            XCTAssertEqual(police["seed"] as? Int, 1)

            let a = try Self.json(try await c.execute(uri: "/v1/authorities?q=leeds", method: .get))
            XCTAssertEqual((a["authorities"] as? [[String: Any]])?.first?["name"] as? String, "Leeds City Council")
            XCTAssertEqual((a["authorities"] as? [[String: Any]])?.first?["short_name"] as? String, "Leeds")
            let all = try Self.json(try await c.execute(uri: "/v1/authorities?limit=3", method: .get))
            XCTAssertEqual((all["authorities"] as? [Any])?.count, 3)
            for q in ["'; DROP TABLE authority; --", "\"unbalanced", "a OR b NEAR(c)", "*", "%00", "council%27%29%3B"] {
                let r = try await c.execute(uri: "/v1/authorities?q=" + (q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? q), method: .get)
                XCTAssertEqual(r.status, .ok, "\(q): \(String(buffer: r.body))")
            }
            let survived = try Self.json(try await c.execute(uri: "/v1/authorities?q=leeds", method: .get))
            XCTAssertEqual((survived["authorities"] as? [Any])?.count, 1, "the table survived")

            let k = try Self.json(try await c.execute(uri: "/v1/keywords?theme=Policing", method: .get))
            XCTAssertEqual(Set(((k["keywords"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }), ["stop and search", "body-worn cameras"])
            let everything = try Self.json(try await c.execute(uri: "/v1/keywords", method: .get))
            XCTAssertEqual((everything["keywords"] as? [Any])?.count, 6)
        }
    }

    func testBatchCSVInCSVOut() async throws {
        try await app().serve { c in
            let csv = "authority,keywords,seed,max_tokens\nLeeds,pothole repairs,1,6\nNowhere,x,2,6\nWYP,stop and search,,6\n"
            let r = try await Self.post(c, "/v1/batch", csv, headers: [.contentType: "text/csv"])
            XCTAssertEqual(r.status, .ok, String(buffer: r.body))
            XCTAssertEqual(r.headers[.contentType], "text/csv; charset=utf-8")
            let rows = try BatchCSV.records(String(buffer: r.body))
            XCTAssertEqual(rows.count, 4)
            XCTAssertEqual(rows[0], ["authority", "keywords", "seed", "max_tokens", "letter", "score", "failed_checks", "model", "seed", "error"])
            XCTAssertEqual(rows[1][9], "")
            XCTAssertEqual(rows[1][8], "1")
            XCTAssertTrue(rows[2][9].hasPrefix("unknown authority 'Nowhere'"))
            XCTAssertEqual(rows[3][9], "")
            // The service writes what the CLI's engine writes for the same rows.
            let table = try BatchCSV.read(Data(csv.utf8))
            let engine = BatchEngine(writer: Self.writer, planner: Self.directory.planner(maxTokensCap: 64))
            XCTAssertEqual(String(buffer: r.body), String(decoding: BatchCSV.document(engine.run(rows: table.rows, layout: table.layout), layout: table.layout), as: UTF8.self))
        }
    }

    func testTokenRule() async throws {
        var config = ServiceConfig()
        config.host = "0.0.0.0"
        XCTAssertThrowsError(try config.validate())
        config.token = "s3cret"
        XCTAssertNoThrow(try config.validate())
        config.token = nil
        for h in ["127.0.0.1", "localhost", "::1", "127.0.0.2"] { config.host = h; XCTAssertNoThrow(try config.validate(), h) }

        try await app(token: "s3cret").serve { c in
            do { let st = try await Self.status(uri: "/healthz", method: .get, on: c); XCTAssertEqual(st, .ok, "healthz needs no token") }
            for r in Routes.all where r.path != "/healthz" {
                let resp = try await c.execute(uri: r.path, method: r.method, body: ByteBuffer(string: "{}"))
                try Self.assertError(resp, .unauthorized, contains: "missing bearer token")
                XCTAssertEqual(resp.headers[.wwwAuthenticate], "Bearer")
            }
            try Self.assertError(try await c.execute(uri: "/v1/spin", method: .get, headers: [.authorization: "Bearer nope"]), .unauthorized, contains: "wrong")
            try Self.assertError(try await c.execute(uri: "/v1/spin", method: .get, headers: [.authorization: "s3cret"]), .unauthorized, contains: "wrong")
            do { let st = try await Self.status(uri: "/v1/spin", method: .get, headers: [.authorization: "Bearer s3cret"], on: c); XCTAssertEqual(st, .ok) }
            do { let st = try await Self.status(uri: "/openapi.yaml", method: .get, headers: [.authorization: "Bearer s3cret"], on: c); XCTAssertEqual(st, .ok) }
        }
    }

    /// Concurrent requests are decoded together, and each letter is the one it would be alone.
    func testConcurrentRequestsShareDecodes() async throws {
        var config = ServiceConfig()
        config.batchWindow = .milliseconds(30)
        let state = ServiceState(directory: Self.directory, writer: Self.writer, config: config)
        let q = try XCTUnwrap(state.queue)
        let planner = Self.directory.planner()
        let layout = try BatchLayout(header: ["authority", "keywords", "seed", "max_tokens"])
        let requests = try (0..<8).map { i in
            try planner.request(row: [["Leeds", "WYP", "Gwynedd"][i % 3], "pothole repairs", "\(i)", "\(5 + i)"], layout: layout).get()
        }
        // The decode thread is held until all 8 are queued, so however slowly the tasks start they are
        // concurrent for the queue (the window alone left that to the machine's timing).
        let hold = AdmissionTests.Hold()
        defer { hold.release() }
        let together = await withTaskGroup(of: (Int, WrittenLetter).self) { g in
            for (i, r) in requests.enumerated() { g.addTask { (i, await q.write(r)) } }
            while await q.inFlight < 8 { await Task.yield() }
            hold.release()
            var out = [WrittenLetter?](repeating: nil, count: 8)
            for await (i, w) in g { out[i] = w }
            return out.map { $0! }
        }
        let batches = await q.batches
        XCTAssertLessThan(batches, 8, "requests were batched")
        for (i, r) in requests.enumerated() {
            XCTAssertEqual(together[i].letter, Self.writer.write([r])[0].letter, "request \(i)")
        }
    }

    /// The same app on a real socket on 127.0.0.1.
    func testLive() async throws {
        try await app().serve { c in
            do { let st = try await Self.status(uri: "/healthz", method: .get, on: c); XCTAssertEqual(st, .ok) }
            let r = try await Self.post(c, "/v1/letters", #"{"authority": "Gwynedd", "keywords": ["pothole repairs"], "seed": 3, "max_tokens": 8}"#)
            XCTAssertEqual(r.status, .ok, String(buffer: r.body))
            let s = try await Self.post(c, "/v1/letters/stream", #"{"authority": "Gwynedd", "keywords": ["pothole repairs"], "seed": 3, "max_tokens": 8}"#)
            XCTAssertTrue(String(buffer: s.body).contains("event: done"))
            try Self.assertError(try await Self.post(c, "/v1/letters", "{oops"), .badRequest, contains: "bad JSON")
        }
    }

    func testFilings() async throws {
        try await app().serve { c in
            let composed = FilingsComposer().compose(.holdings, seed: 3)
            let r = try await c.execute(uri: "/v1/filings?filename=holdings.html", method: .post, headers: [.contentType: "text/html"],
                                        body: ByteBuffer(string: composed.document))
            XCTAssertEqual(r.status, .ok, String(buffer: r.body))
            let j = try Self.json(r)
            XCTAssertEqual(j["filename"] as? String, "holdings.html")
            XCTAssertNotNil(j["type"] as? String)
            XCTAssertNotNil(j["type_title"] as? String)
            XCTAssertNotNil(j["fields"] as? [String: String])
            XCTAssertNotNil(j["summary"] as? String)
            // An inline XBRL account is read from its facts.
            let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("FilingsTests/Fixtures/account_6.xhtml")
            if let x = try? Data(contentsOf: fixture) {
                let a = try Self.json(try await c.execute(uri: "/v1/filings?filename=account_6.xhtml", method: .post, body: ByteBuffer(bytes: x)))
                XCTAssertEqual(a["format"] as? String, "ixbrl")
                XCTAssertEqual(a["classifier"] as? String, "ixbrl-facts")
            }
            try Self.assertError(try await c.execute(uri: "/v1/filings", method: .post, body: ByteBuffer(string: "")), .badRequest, contains: "empty")
            try Self.assertError(try await c.execute(uri: "/v1/filings", method: .post, body: ByteBuffer(bytes: [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0, 0, 0xFF])),
                                 .badRequest, contains: "upload.txt")
        }
    }
}
