import FOI
import Foundation
@testable import Service
import TestSupport
import Writer
import XCTest

/// Issue 26 item 6: `--resume` checks that every finished row of the output was written for the
/// input row at its place. It used to trust the row count: after the input was reordered it
/// reported success while the output held duplicates and missed rows.
final class ResumeIdentityTests: XCTestCase {
    static let world = TinyWorld.shared
    static let writer: LetterWriter = try! world.writer()

    func engine() throws -> BatchEngine {
        BatchEngine(writer: Self.writer, planner: try Directory(store: Self.world.store).planner(maxTokensCap: 2048))
    }

    static let header = "authority,keywords,seed,max_tokens\n"
    static let rows = (0..<6).map { "\(["Leeds", "WYP", "Gwynedd"][$0 % 3]),pothole repairs,\($0),4\n" }

    /// Writes `csv` in full, then keeps the first `keep` rows of the output (as an interrupted run leaves it).
    func interrupted(_ csv: String, format: BatchFormat, keep: Int) throws -> URL {
        let out = Self.world.tempFile("resume." + format.rawValue)
        _ = try BatchRun(input: try BatchCSV.read(Data(csv.utf8)), output: out, format: format, batchSize: 3, resume: false).run(engine: engine())
        let text = String(decoding: try Data(contentsOf: out), as: UTF8.self)
        // Records, not lines: CSV letters hold newlines inside quoted fields.
        let records: [Data] = format == .csv
            ? try BatchCSV.records(text).map(BatchCSV.encode)
            : text.split(separator: "\n").map { Data(($0 + "\n").utf8) }
        try records.prefix((format == .csv ? 1 : 0) + keep).reduce(Data(), +).write(to: out)
        return out
    }

    func resume(_ csv: String, _ out: URL, format: BatchFormat) throws -> BatchSummary {
        try BatchRun(input: try BatchCSV.read(Data(csv.utf8)), output: out, format: format, batchSize: 3, resume: true).run(engine: engine())
    }

    func testResumeRefusesAReorderedInput() throws {
        let original = Self.header + Self.rows.joined()
        let reordered = Self.header + Self.rows.reversed().joined()
        for format in [BatchFormat.csv, .jsonl] {
            let out = try interrupted(original, format: format, keep: 3)
            let before = try Data(contentsOf: out)
            XCTAssertThrowsError(try resume(reordered, out, format: format), "\(format)") {
                guard case BatchInputError.outputMismatch(let why) = $0 else { return XCTFail("\($0)") }
                XCTAssertTrue(why.contains("output row 1 was not written for input line 2"), why)
                XCTAssertTrue(why.contains("reordered or edited"), why)
            }
            XCTAssertEqual(try Data(contentsOf: out), before, "a refused resume leaves the output as it was (\(format))")
        }
    }

    func testResumeRefusesAnEditedFinishedRowButNotAnEditedPendingOne() throws {
        let original = Self.header + Self.rows.joined()
        var rows = Self.rows
        rows[1] = "WYP,stop and search,1,4\n"
        let editedDone = Self.header + rows.joined()
        rows = Self.rows
        rows[4] = "WYP,stop and search,4,4\n"
        let editedPending = Self.header + rows.joined()
        for format in [BatchFormat.csv, .jsonl] {
            let out = try interrupted(original, format: format, keep: 3)
            XCTAssertThrowsError(try resume(editedDone, out, format: format), "\(format)") {
                guard case BatchInputError.outputMismatch(let why) = $0 else { return XCTFail("\($0)") }
                XCTAssertTrue(why.contains("output row 2 was not written for input line 3"), why)
            }
            // Rows not yet written may change: resuming writes them as they now are.
            let summary = try resume(editedPending, out, format: format)
            XCTAssertEqual(summary.resumed, 3)
            XCTAssertEqual(summary.ok, 6)
            let whole = Self.world.tempFile("whole." + format.rawValue)
            _ = try BatchRun(input: try BatchCSV.read(Data(editedPending.utf8)), output: whole, format: format, batchSize: 3, resume: false).run(engine: engine())
            XCTAssertEqual(try Data(contentsOf: out), try Data(contentsOf: whole), "\(format)")
        }
    }

    /// Refused rows are never written, so they take no place in the output: a run interrupted
    /// after them resumes to exactly the uninterrupted file.
    func testMalformedRowsDoNotShiftAResume() throws {
        let csv = Self.header + Self.rows[0] + "Leeds,\"pothole \"repairs\",9,4\n" + Self.rows[1...].joined()
        for format in [BatchFormat.csv, .jsonl] {
            let whole = Self.world.tempFile("whole." + format.rawValue)
            _ = try BatchRun(input: try BatchCSV.read(Data(csv.utf8)), output: whole, format: format, batchSize: 3, resume: false).run(engine: engine())
            let out = try interrupted(csv, format: format, keep: 2)
            let summary = try resume(csv, out, format: format)
            XCTAssertEqual(summary, BatchSummary(total: 6, resumed: 2, ok: 6, failed: 0, malformed: 1))
            XCTAssertEqual(try Data(contentsOf: out), try Data(contentsOf: whole), "\(format)")
        }
    }

    /// A JSON Lines output written before rows carried their key cannot be matched, so it is refused.
    func testAJSONLinesOutputWithoutKeysIsRefused() throws {
        let csv = Self.header + Self.rows.joined()
        let out = try interrupted(csv, format: .jsonl, keep: 2)
        let text = String(decoding: try Data(contentsOf: out), as: UTF8.self)
        let stripped = text.replacingOccurrences(of: #","input_key":"[0-9a-f]{16}""#, with: "", options: .regularExpression)
        XCTAssertNotEqual(stripped, text)
        try Data(stripped.utf8).write(to: out)
        XCTAssertThrowsError(try resume(csv, out, format: .jsonl)) {
            guard case BatchInputError.outputMismatch(let why) = $0 else { return XCTFail("\($0)") }
            XCTAssertTrue(why.contains("has no input_key"), why)
        }
    }
}
