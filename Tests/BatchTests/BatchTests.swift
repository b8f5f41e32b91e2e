import FOI
import Foundation
@testable import Service
import TestSupport
import Writer
import XCTest

final class BatchTests: XCTestCase {
    static let world = TinyWorld.shared
    static let writerShared: LetterWriter = try! world.writer()

    var world: TinyWorld { Self.world }

    func engine(cap: Int = 2048) throws -> BatchEngine {
        let dir = try Directory(store: world.store)
        return BatchEngine(writer: Self.writerShared, planner: dir.planner(maxTokensCap: cap))
    }

    static let goodCSV = """
    authority,keywords,style,seed,temperature,max_tokens
    Leeds City Council,pothole repairs; compensation claims,numbered,1,0.7,10
    wyp,stop and search,brief,2,0,8
    "Comhairle nan Eilean Siar","air quality monitoring; agency staff spending",,3,1.0,12
    HARROGATE,compensation claims,,,,9
    Cyngor Gwynedd,"pothole repairs; ""unusual"", quoted, keyword",table,,0.5,10
    Leeds,body-worn cameras,detailed,99,0.9,7

    """

    func run(_ csv: String, batchSize: Int, format: BatchFormat = .csv, output: URL? = nil) throws -> (BatchSummary, Data, URL) {
        let table = try BatchCSV.read(Data(csv.utf8))
        let out = output ?? world.tempFile("out." + format.rawValue)
        let summary = try BatchRun(input: table, output: out, format: format, batchSize: batchSize, resume: false).run(engine: engine())
        return (summary, try Data(contentsOf: out), out)
    }

    func rows(_ data: Data) throws -> [[String: String]] {
        let all = try BatchCSV.records(String(decoding: data, as: UTF8.self))
        let header = all[0]
        // An input `seed` column and the output `seed` share a name: keep the output's (the later one).
        return all.dropFirst().map { r in Dictionary(zip(header, r), uniquingKeysWith: { _, later in later }) }
    }

    func testGoodFileWritesEveryRowWithItsColumns() throws {
        let (summary, data, _) = try run(Self.goodCSV, batchSize: 4)
        XCTAssertEqual(summary, BatchSummary(total: 6, resumed: 0, ok: 6, failed: 0))
        let all = try BatchCSV.records(String(decoding: data, as: UTF8.self))
        XCTAssertEqual(all[0], ["authority", "keywords", "style", "seed", "temperature", "max_tokens",
                                "letter", "score", "failed_checks", "model", "seed", "error"])
        XCTAssertEqual(all.count, 7)
        XCTAssertEqual(all[5][1], "pothole repairs; \"unusual\", quoted, keyword", "input fields are copied as read")
        for r in all.dropFirst() {
            XCTAssertEqual(r.count, 12)
            XCTAssertEqual(r[11], "", "error column empty: \(r)")
            XCTAssertEqual(r[9], "tiny-test")
            let score = try XCTUnwrap(Int(r[7]))
            XCTAssert((0...100).contains(score))
            XCTAssertNotNil(UInt64(r[10]))
        }
        XCTAssertEqual(all[1][10], "1")
        XCTAssertEqual(all[2][10], "2")
        // A row without a seed gets one from its content: the same on every run.
        let (_, again, _) = try run(Self.goodCSV, batchSize: 4)
        XCTAssertEqual(data, again)
        XCTAssertEqual(all[4][10], String(BatchPlanner.defaultSeed(authority: "HARROGATE", keywords: "compensation claims", style: "", temperature: "", maxTokens: "9")))
    }

    func testMixedGoodAndBadRowsEachGetTheirError() throws {
        let csv = """
        authority,keywords,seed,temperature,max_tokens,style,note
        Leeds Town Hall,pothole repairs,1,,5,,typo
        Leeds City Council,,1,,5,,no keywords
        Leeds City Council,pothole repairs,abc,,5,,bad seed
        Leeds City Council,pothole repairs,1,7,5,,hot
        Leeds City Council,pothole repairs,1,,-3,,bad max
        Leeds City Council,pothole repairs,1,,5000,,over cap
        Leeds City Council,pothole repairs,1,,5,sonnet,bad style
        Leeds City Council,pothole repairs,1,,5,,good
        West Yorkshire Police,stop and search,1,,5,brief
        ;;;,pothole repairs
        """
        let (summary, data, _) = try run(csv, batchSize: 3)
        XCTAssertEqual(summary.ok, 2)
        XCTAssertEqual(summary.failed, 8)
        let r = try rows(data)
        XCTAssertEqual(r.count, 10)
        XCTAssertTrue(r[0]["error"]!.contains("unknown authority 'Leeds Town Hall'"), r[0]["error"]!)
        XCTAssertTrue(r[0]["error"]!.contains("did you mean: 'Leeds City Council'"), r[0]["error"]!)
        XCTAssertTrue(r[1]["error"]!.contains("no keywords"))
        XCTAssertTrue(r[2]["error"]!.contains("bad seed 'abc'"))
        XCTAssertTrue(r[3]["error"]!.contains("bad temperature '7'"))
        XCTAssertTrue(r[4]["error"]!.contains("bad max_tokens '-3'"))
        XCTAssertTrue(r[5]["error"]!.contains("over the cap"))
        XCTAssertTrue(r[6]["error"]!.contains("unknown style 'sonnet'"))
        XCTAssertEqual(r[7]["error"], "")
        XCTAssertEqual(r[7]["note"], "good")
        XCTAssertEqual(r[8]["error"], "", "a short row is padded")
        XCTAssertEqual(r[8]["note"], "")
        XCTAssertTrue(r[9]["error"]!.hasPrefix("unknown authority"))
        for bad in r where bad["error"] != "" { XCTAssertEqual(bad["letter"], ""); XCTAssertEqual(bad["score"], "") }
    }

    func testSameSeedSameLetterWhateverTheBatchSize() throws {
        var csv = "authority,keywords,seed,temperature,max_tokens\n"
        let auths = ["Leeds", "WYP", "Gwynedd", "Harrogate", "Western Isles"]
        for i in 0..<11 {
            csv += "\(auths[i % auths.count]),pothole repairs; stop and search,\(i % 3 == 0 ? "" : String(i * 7)),\(["0.7", "0", "1.2"][i % 3]),\(6 + i % 4)\n"
        }
        let (_, one, _) = try run(csv, batchSize: 1)
        let (_, four, _) = try run(csv, batchSize: 4)
        let (_, sixteen, _) = try run(csv, batchSize: 16)
        XCTAssertEqual(String(decoding: one, as: UTF8.self), String(decoding: four, as: UTF8.self))
        XCTAssertEqual(String(decoding: one, as: UTF8.self), String(decoding: sixteen, as: UTF8.self))
        // And the letters are not all the same (the seeds matter).
        XCTAssertGreaterThan(Set(try rows(one).map { $0["letter"]! }).count, 5)
    }

    func testJSONLinesOutput() throws {
        let (summary, data, _) = try run(Self.goodCSV + "Nowhere Council,pothole repairs\n", batchSize: 8, format: .jsonl)
        XCTAssertEqual(summary.failed, 1)
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(lines.count, 7)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        XCTAssertEqual(first["authority"] as? String, "Leeds City Council")
        XCTAssertEqual(first["seed"] as? Int, 1)
        XCTAssertNotNil(first["score"] as? Int)
        XCTAssertNotNil(first["failed_checks"] as? [String])
        XCTAssertTrue(first["error"] is NSNull)
        let last = try JSONSerialization.jsonObject(with: Data(lines[6].utf8)) as! [String: Any]
        XCTAssertTrue((last["error"] as? String)?.hasPrefix("unknown authority 'Nowhere Council'") == true)
        XCTAssertTrue(last["score"] is NSNull)
    }

    /// A run cut short (here: the file as a kill would leave it, with a torn last row) resumes to
    /// exactly the file an uninterrupted run writes.
    func testResumeAfterATornWrite() throws {
        for format in [BatchFormat.csv, .jsonl] {
            let (_, full, _) = try run(Self.goodCSV, batchSize: 2, format: format)
            // Keep the header (CSV) and the first three rows, then half of the fourth.
            let text = String(decoding: full, as: UTF8.self)
            let table = try BatchCSV.read(Data(Self.goodCSV.utf8))
            let (rows, bytes, _) = try BatchCSV.completeRows(in: full, format: format, layout: table.layout)
            XCTAssertEqual(rows, 6)
            XCTAssertEqual(bytes, full.count)
            // Records, not lines: letters hold newlines inside quoted CSV fields.
            let records: [Data] = format == .csv
                ? try BatchCSV.records(text).map(BatchCSV.encode)
                : text.split(separator: "\n").map { Data(($0 + "\n").utf8) }
            XCTAssertEqual(records.reduce(Data(), +), full)
            let keep = format == .csv ? 4 : 3
            var cut = records.prefix(keep).reduce(Data(), +)
            cut.append(records[keep].prefix(records[keep].count / 2))
            let out = world.tempFile("resume." + format.rawValue)
            try cut.write(to: out)
            let summary = try BatchRun(input: table, output: out, format: format, batchSize: 2, resume: true).run(engine: engine())
            XCTAssertEqual(summary.resumed, 3, "\(format)")
            XCTAssertEqual(summary.ok, 6)
            XCTAssertEqual(String(decoding: try Data(contentsOf: out), as: UTF8.self), text, "\(format)")
            // Resuming a finished file does nothing.
            let again = try BatchRun(input: table, output: out, format: format, batchSize: 2, resume: true).run(engine: engine())
            XCTAssertEqual(again.resumed, 6)
            XCTAssertEqual(try Data(contentsOf: out), full)
        }
    }

    func testResumeRefusesAnotherFilesOutput() throws {
        let (_, _, out) = try run(Self.goodCSV, batchSize: 6)
        let other = try BatchCSV.read(Data("authority,keywords,extra\nLeeds,pothole repairs,1\n".utf8))
        XCTAssertThrowsError(try BatchRun(input: other, output: out, format: .csv, batchSize: 1, resume: true).run(engine: engine())) {
            guard case BatchInputError.outputMismatch = $0 else { return XCTFail("\($0)") }
        }
    }

    func testUnusableInput() throws {
        XCTAssertThrowsError(try BatchCSV.read(Data([0x61, 0x75, 0xFF, 0xFE, 0x0A]))) { XCTAssertEqual($0 as? BatchInputError, .notUTF8) }
        XCTAssertThrowsError(try BatchCSV.read(Data())) { XCTAssertEqual($0 as? BatchInputError, .noHeader) }
        XCTAssertThrowsError(try BatchCSV.read(Data("authority,topics\nLeeds,x\n".utf8))) {
            XCTAssertEqual($0 as? BatchInputError, .missingColumn("keywords"))
        }
        XCTAssertThrowsError(try BatchCSV.read(contentsOf: URL(fileURLWithPath: "/nonexistent/in.csv"))) {
            guard case BatchInputError.unreadable = $0 else { return XCTFail("\($0)") }
        }
        // A byte-order mark and CRLF line ends are fine.
        let t = try BatchCSV.read(Data([0xEF, 0xBB, 0xBF]) + Data("Authority , KEYWORDS\r\nLeeds,pothole repairs\r\n".utf8))
        XCTAssertEqual(t.rows, [["Leeds", "pothole repairs"]])
    }

    func testProgressLine() {
        let p = BatchProgress(done: 10, total: 40, failed: 2, elapsed: 5)
        XCTAssertEqual(p.line, "10/40 rows (2 failed), 2.00 rows/s, ETA 0:15")
        XCTAssertEqual(BatchProgress(done: 40, total: 40, failed: 0, elapsed: 3725).line, "40/40 rows, 0.01 rows/s, 1:02:05")
    }
}
