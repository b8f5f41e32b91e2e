import FOI
import Foundation
@testable import Service
import TestSupport
import Writer
import XCTest

/// `--resume` writes again the rows that failed: after the input is fixed they come out right, and
/// the good rows around them are kept byte for byte (not decoded again).
final class ResumeRetryTests: XCTestCase {
    static let world = TinyWorld.shared
    static let writer: LetterWriter = try! world.writer()

    func engine() throws -> BatchEngine {
        BatchEngine(writer: Self.writer, planner: try Directory(store: Self.world.store).planner(maxTokensCap: 2048))
    }

    static let broken = """
    authority,keywords,seed,max_tokens
    Leeds City Council,pothole repairs,1,6
    Nowhere Council,pothole repairs,2,6
    wyp,stop and search,3,6
    Nowhere Else,stop and search,4,6
    Harrogate,compensation claims,5,6

    """
    static let fixed = broken.replacingOccurrences(of: "Nowhere Council", with: "Cyngor Gwynedd")
        .replacingOccurrences(of: "Nowhere Else", with: "West Yorkshire Police")

    func run(_ csv: String, to out: URL, format: BatchFormat, resume: Bool) throws -> BatchSummary {
        try BatchRun(input: try BatchCSV.read(Data(csv.utf8)), output: out, format: format, batchSize: 2, resume: resume)
            .run(engine: engine())
    }

    func testResumeRetriesFailedRowsOnceTheInputIsFixed() throws {
        for format in [BatchFormat.csv, .jsonl] {
            let out = Self.world.tempFile("retry." + format.rawValue)
            let first = try run(Self.broken, to: out, format: format, resume: false)
            XCTAssertEqual(first, BatchSummary(total: 5, resumed: 0, ok: 3, failed: 2), "\(format)")
            let before = try BatchCSV.completeRowSpans(in: try Data(contentsOf: out), format: format,
                                                       layout: try BatchCSV.read(Data(Self.broken.utf8)).layout)
            XCTAssertEqual(before.rows.map(\.failed), [false, true, false, true, false])

            // Unchanged input: the failed rows are tried again (and fail again), the others kept.
            let again = try run(Self.broken, to: out, format: format, resume: true)
            XCTAssertEqual(again, BatchSummary(total: 5, resumed: 3, ok: 3, failed: 2), "\(format)")

            // Fixed input: the two rows are written as they now are, in their places.
            let retried = try run(Self.fixed, to: out, format: format, resume: true)
            XCTAssertEqual(retried, BatchSummary(total: 5, resumed: 3, ok: 5, failed: 0), "\(format)")
            let fresh = Self.world.tempFile("fresh." + format.rawValue)
            _ = try run(Self.fixed, to: fresh, format: format, resume: false)
            XCTAssertEqual(String(decoding: try Data(contentsOf: out), as: UTF8.self),
                           String(decoding: try Data(contentsOf: fresh), as: UTF8.self), "\(format)")
            // Nothing left to do.
            XCTAssertEqual(try run(Self.fixed, to: out, format: format, resume: true).resumed, 5)
        }
    }

    func testAnEditedGoodRowIsStillRefused() throws {
        let out = Self.world.tempFile("edited.csv")
        _ = try run(Self.broken, to: out, format: .csv, resume: false)
        let edited = Self.broken.replacingOccurrences(of: "wyp,stop and search", with: "wyp,body-worn cameras")
        XCTAssertThrowsError(try run(edited, to: out, format: .csv, resume: true)) {
            guard case BatchInputError.outputMismatch = $0 else { return XCTFail("\($0)") }
        }
    }
}
