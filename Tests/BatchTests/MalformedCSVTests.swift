import FOI
import Foundation
@testable import Service
import TestSupport
import Writer
import XCTest

/// Issue 26 item 5: rows that are not valid CSV are refused with their line numbers; nothing lands
/// in the wrong column and the other rows are still written. CSV.swift, which read batch input
/// before, kept extra fields (shifting the letter into another column), dropped a stray quote's
/// character, and let an unbalanced quote swallow the following rows.
final class MalformedCSVTests: XCTestCase {
    static let world = TinyWorld.shared

    static let csv = """
    authority,keywords,seed,max_tokens
    Leeds City Council,pothole repairs,1,4
    West Yorkshire Police,stop and search,2,4,zqxsurplus,more
    Leeds City Council,"pothole "repairs",3,4
    Leeds City Council,pothole "repairs",3,4
    Cyngor Gwynedd,"pothole repairs,4,4
    Harrogate,compensation claims,5,4
    Leeds,"pothole repairs;
    compensation claims",6,4

    """

    func testEachMalformedRowIsRefusedWithItsLineAndTheRestAreRead() throws {
        let table = try BatchCSV.read(Data(Self.csv.utf8))
        XCTAssertEqual(table.rows, [["Leeds City Council", "pothole repairs", "1", "4"],
                                    ["Harrogate", "compensation claims", "5", "4"],
                                    ["Leeds", "pothole repairs;\ncompensation claims", "6", "4"]],
                       "well-formed rows, a quoted field over two lines among them, are kept as written")
        XCTAssertEqual(table.lines, [2, 7, 8])
        XCTAssertEqual(table.malformed.map(\.line), [3, 4, 5, 6])
        guard table.malformed.count == 4 else { return }
        let reasons = table.malformed.map(\.reason)
        XCTAssertTrue(reasons[0].contains("6 fields, but the header has 4"), reasons[0])
        XCTAssertTrue(reasons[1].contains("after the closing quote of field 2"), reasons[1])
        XCTAssertTrue(reasons[2].contains("stray quote in unquoted field 2"), reasons[2])
        XCTAssertTrue(reasons[3].contains("unbalanced quote"), reasons[3])
    }

    func testABadHeaderMakesTheInputUnusable() {
        XCTAssertThrowsError(try BatchCSV.read(Data("authority,\"keywords\n".utf8))) {
            guard case BatchInputError.malformed(let why) = $0 else { return XCTFail("\($0)") }
            XCTAssertTrue(why.contains("line 1"), why)
        }
    }

    /// Line numbers count the lines of the file: CRLF ends, a byte-order mark and blank lines.
    func testLineNumbersCountEveryLine() throws {
        let text = "\u{FEFF}authority,keywords\r\n\r\nLeeds,pothole repairs\r\nLeeds,x\"y\r\n\"WYP\",\"stop\r\nand search\"\r\nWYP,a,b\r\n"
        let table = try BatchCSV.read(Data(text.utf8))
        XCTAssertEqual(table.rows, [["Leeds", "pothole repairs"], ["WYP", "stop\r\nand search"]])
        XCTAssertEqual(table.lines, [3, 5])
        XCTAssertEqual(table.malformed.map(\.line), [4, 7])
    }

    /// The run writes the good rows in their columns and only them, and counts the refused ones.
    func testARunWritesOnlyTheWellFormedRows() throws {
        let dir = try Directory(store: Self.world.store)
        let engine = BatchEngine(writer: try Self.world.writer(), planner: dir.planner(maxTokensCap: 2048))
        let table = try BatchCSV.read(Data(Self.csv.utf8))
        for format in [BatchFormat.csv, .jsonl] {
            let out = Self.world.tempFile("malformed." + format.rawValue)
            let summary = try BatchRun(input: table, output: out, format: format, batchSize: 2, resume: false).run(engine: engine)
            XCTAssertEqual(summary, BatchSummary(total: 3, resumed: 0, ok: 3, failed: 0, malformed: 4))
            XCTAssertTrue(summary.line.contains("4 malformed CSV rows refused"), summary.line)
            let text = String(decoding: try Data(contentsOf: out), as: UTF8.self)
            if format == .csv {
                let records = try BatchCSV.records(text)
                XCTAssertEqual(records.count, 4, text)
                for r in records { XCTAssertEqual(r.count, 10, "every row as wide as the header: \(r)") }
                XCTAssertEqual(records.dropFirst().map { $0[0] }, ["Leeds City Council", "Harrogate", "Leeds"])
                for r in records.dropFirst() {
                    XCTAssertNotNil(Int(r[5]), "the score column holds a score: \(r)")
                    XCTAssertEqual(r[9], "", "no error: \(r)")
                }
            } else {
                let objects = try text.split(separator: "\n").map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
                XCTAssertEqual(objects.map { $0["authority"] as? String }, ["Leeds City Council", "Harrogate", "Leeds"])
            }
            XCTAssertFalse(text.contains("zqxsurplus"), "nothing of a refused row is written")
        }
    }
}
