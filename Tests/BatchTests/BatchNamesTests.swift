import FOI
import Foundation
import TestSupport
@testable import Service
import XCTest

/// Issue 23 in batch: rows name authorities as people write them (the one resolver), and a body that is
/// not in the database is written to when the row gives its nation, under that nation's law.
final class BatchNamesTests: XCTestCase {
    static let world = TinyWorld.shared

    static let csv = """
    authority,keywords,nation,category,seed,max_tokens
    Leeds Council,pothole repairs,,,1,6
    West Yorkshire Constabulary,stop and search,,,2,6
    Harogate District Council,compensation claims,,,3,6
    Gwynedd Council,pothole repairs,,,4,6
    Llanfair Community Council,grass cutting; councillor allowances,Wales,community council,5,6
    Tain Community Council,grass cutting,Scotland,,6,6
    Tain Community Council,air quality monitoring,scotland,,7,6
    Llanfair Community Council,grass cutting,,,8,6
    Llanfair Community Council,grass cutting,Atlantis,,9,6

    """

    /// The planner that `foibandit batch` and `POST /v1/batch` share.
    func testRowsResolveAndUnlistedBodiesTakeTheirNationsLaw() throws {
        let table = try BatchCSV.read(Data(Self.csv.utf8))
        let planner = try Directory(store: Self.world.store).planner()
        let plans = table.rows.map { planner.request(row: $0, layout: table.layout) }
        let names = plans.map { (try? $0.get())?.authority.name ?? "" }
        XCTAssertEqual(Array(names.prefix(4)), ["Leeds City Council", "West Yorkshire Police", "Harrogate District Council", "Cyngor Gwynedd"])
        let wales = try plans[4].get(), scot = try plans[5].get(), scotEnv = try plans[6].get()
        XCTAssertEqual(wales.authority.nation, .wales)
        XCTAssertEqual(wales.prompt.jurisdiction, "FOIA 2000")
        XCTAssertEqual(scot.prompt.jurisdiction, "FOISA 2002")
        XCTAssertEqual(scotEnv.prompt.jurisdiction, "EISR 2004")
        XCTAssertEqual(BodyProfile.of(wales.authority).reference, "the council")
        XCTAssertTrue(planner.note(row: table.rows[0], layout: table.layout)?.contains("'Leeds Council' is Leeds City Council") == true)
        XCTAssertTrue(planner.note(row: table.rows[4], layout: table.layout)?.contains("not in the database") == true)
        guard case .failure(let noNation) = plans[7], case .failure(let badNation) = plans[8] else { return XCTFail("rows 8, 9 should fail") }
        XCTAssertTrue(noNation.message.contains("give its nation"), noNation.message)
        XCTAssertTrue(badNation.message.contains("unknown nation 'Atlantis'"), badNation.message)
    }

    /// The command: every row but the two without a usable nation is written; each resolution is told once.
    func testTheCommandSaysWhatNamesResolvedTo() throws {
        let input = Self.world.tempFile("names.csv"), out = Self.world.tempFile("names-out.csv")
        try Self.csv.write(to: input, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("foibandit")
        p.arguments = ["batch", input.path, "-o", out.path, "--db", Self.world.dbPath, "--model", Self.world.modelDir.path]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 1, stderr)
        XCTAssertTrue(stderr.contains("7 ok, 2 failed of 9 rows"), stderr)
        XCTAssertTrue(stderr.contains("note: 'West Yorkshire Constabulary' is West Yorkshire Police"), stderr)
        XCTAssertTrue(stderr.contains("note: 'Harogate District Council' is Harrogate District Council (by spelling)"), stderr)
        XCTAssertEqual(stderr.components(separatedBy: "'Llanfair Community Council' is not in the database").count, 2, stderr)
        XCTAssertTrue(stderr.contains("to add it to the database: foibandit authorities add 'Llanfair Community Council' --nation 'Wales' --category 'community council'"), stderr)
    }
}
