import Foundation
import TestSupport
@testable import Service
import XCTest

/// `foibandit batch` as a process: exit codes, and runs stopped mid-way (SIGKILL, SIGINT, SIGTERM) that resume
/// to exactly what an uninterrupted run writes.
final class BatchCLITests: XCTestCase {
    static let world = TinyWorld.shared
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("foibandit")

    func process(_ args: [String]) -> Process {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = args + ["--db", Self.world.dbPath, "--model", Self.world.modelDir.path]
        var env = ProcessInfo.processInfo.environment
        env["FOIBANDIT_SEED_DIR"] = Self.world.root.path
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        return p
    }

    func run(_ args: [String]) throws -> (status: Int32, stderr: String) {
        let p = process(args)
        let err = Pipe()
        p.standardError = err
        try p.run()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: e, as: UTF8.self))
    }

    /// Until the lead registers `Batch` in the root command, the subcommand does not exist.
    func requireCommand() throws {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = ["--help"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let help = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        if !help.contains("  batch ") { throw XCTSkip("`foibandit batch` is not registered in this build") }
    }

    func input(_ csv: String) throws -> URL {
        let u = Self.world.tempFile("in.csv")
        try csv.write(to: u, atomically: true, encoding: .utf8)
        return u
    }

    func testExitCodes() throws {
        try requireCommand()
        let good = try input("authority,keywords,max_tokens\nLeeds,pothole repairs,4\nWYP,stop and search,4\n")
        let out = Self.world.tempFile("o.csv")
        var r = try run(["batch", good.path, "-o", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("2 ok, 0 failed of 2 rows"), r.stderr)
        let mixed = try input("authority,keywords,max_tokens\nLeeds,pothole repairs,4\nNowhere,stop and search,4\n")
        r = try run(["batch", mixed.path, "-o", out.path])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("1 ok, 1 failed of 2 rows"), r.stderr)
        r = try run(["batch", "/nonexistent/in.csv", "-o", out.path])
        XCTAssertEqual(r.status, 2, r.stderr)
        let noHeader = try input("")
        XCTAssertEqual(try run(["batch", noHeader.path, "-o", out.path]).status, 2)
        let latin1 = Self.world.tempFile("latin1.csv")
        try Data("authority,keywords\nCaf\u{E9} Council,x\n".data(using: .isoLatin1)!).write(to: latin1)
        r = try run(["batch", latin1.path, "-o", out.path])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("not UTF-8"), r.stderr)
    }

    /// Issue 26 items 5 and 6 as a person meets them: malformed rows named by line on stderr and not
    /// written (exit 1, as for failed rows); a resume over a reordered input refused (exit 2).
    func testMalformedRowsAndAReorderedResume() throws {
        try requireCommand()
        let bad = try input("authority,keywords,max_tokens\nLeeds,pothole repairs,4\nWYP,\"stop \"and\" search\",4\nLeeds,a,4,extra\nWYP,stop and search,4\n")
        let out = Self.world.tempFile("o.csv")
        var r = try run(["batch", bad.path, "-o", out.path])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("\(bad.path):3: text after the closing quote of field 2"), r.stderr)
        XCTAssertTrue(r.stderr.contains("\(bad.path):4: 4 fields, but the header has 3"), r.stderr)
        XCTAssertTrue(r.stderr.contains("2 ok, 0 failed of 2 rows; 2 malformed CSV rows refused"), r.stderr)
        XCTAssertEqual(try BatchCSV.records(String(decoding: try Data(contentsOf: out), as: UTF8.self)).map { $0[0] },
                       ["authority", "Leeds", "WYP"])

        let reordered = try input("authority,keywords,max_tokens\nWYP,stop and search,4\nLeeds,pothole repairs,4\n")
        let before = try Data(contentsOf: out)
        r = try run(["batch", reordered.path, "-o", out.path, "--resume"])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("cannot resume: output row 1 was not written for input line 2"), r.stderr)
        XCTAssertEqual(try Data(contentsOf: out), before)
    }

    func testKilledMidwayThenResumedEqualsAnUninterruptedRun() throws {
        try requireCommand()
        var csv = "authority,keywords,seed,max_tokens\n"
        for i in 0..<36 { csv += "\(["Leeds", "WYP", "Gwynedd"][i % 3]),pothole repairs; stop and search,\(i),60\n" }
        let inURL = try input(csv)
        // One uninterrupted run per format: the two CSV cases compare against the same one.
        var cleanRuns: [String: Data] = [:]
        for (ext, sig) in [("csv", SIGKILL), ("jsonl", SIGINT), ("csv", SIGTERM)] {
            if cleanRuns[ext] == nil {
                let clean = Self.world.tempFile("clean.\(ext)")
                XCTAssertEqual(try run(["batch", inURL.path, "-o", clean.path, "--batch-size", "1"]).status, 0)
                cleanRuns[ext] = try Data(contentsOf: clean)
            }
            let expected = cleanRuns[ext]!

            let out = Self.world.tempFile("killed.\(ext)")
            let p = process(["batch", inURL.path, "-o", out.path, "--batch-size", "1"])
            p.standardError = FileHandle.nullDevice
            try p.run()
            let deadline = Date().addingTimeInterval(60)
            let table = try BatchCSV.read(Data(csv.utf8))
            while Date() < deadline {
                if let d = FileManager.default.contents(atPath: out.path),
                   let (rows, _, _) = try? BatchCSV.completeRows(in: d, format: BatchFormat(path: out.path), layout: table.layout), rows >= 3 { break }
                usleep(2_000)
            }
            kill(p.processIdentifier, sig)
            p.waitUntilExit()
            if sig != SIGKILL {
                XCTAssertEqual(p.terminationStatus, 128 + sig, "exit status after signal \(sig)")
            }
            let partial = try Data(contentsOf: out)
            XCTAssertLessThan(partial.count, expected.count, "killed before the end (\(ext))")
            XCTAssertEqual(partial, expected.prefix(partial.count), "what was written is a prefix of the clean run (\(ext))")

            let r = try run(["batch", inURL.path, "-o", out.path, "--batch-size", "4", "--resume"])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stderr.contains("already done, resumed"), r.stderr)
            XCTAssertEqual(try Data(contentsOf: out), expected, "\(ext), signal \(sig)")
        }
    }
}
