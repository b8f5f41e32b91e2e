import Foundation
import Testing

/// Issue 23: after `make install` the README's commands work from a folder outside the repository; the
/// shipped data, models and eval sets come from where the program is installed, not the current folder.
/// (`install-files` is `make install` without its release build: it installs this test build.)
@Suite struct InstallWalkTests {
    static let make = ["/usr/bin/make", "/bin/make"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: RequesterTests.shipped && make != nil)) func readmeCommandsFromAnotherFolder() throws {
        let tmp = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: tmp) }
        let prefix = tmp.appendingPathComponent("prefix"), walk = tmp.appendingPathComponent("walk")
        try FileManager.default.createDirectory(at: walk, withIntermediateDirectories: true)
        let install = try run(URL(fileURLWithPath: Self.make!), ["-s", "install-files", "PREFIX=\(prefix.path)",
                                                                "BIN=\(productsDirectory.appendingPathComponent("foibandit").path)"], in: repoRoot)
        #expect(install.status == 0, "\(install.stderr)")
        let exe = prefix.appendingPathComponent("bin/foibandit")
        #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/foibandit/models/foibandit-small/model.safetensors").path))

        try "Dear FOI Officer,\n\nPlease provide the number of potholes repaired in 2023.\n\nYours faithfully,\nTest Person\n"
            .write(to: walk.appendingPathComponent("letter.txt"), atomically: true, encoding: .utf8)
        try "authority,keywords,max_tokens\nLeeds Council,pothole repairs,40\n".write(to: walk.appendingPathComponent("in.csv"), atomically: true, encoding: .utf8)
        try "authority,title,body\nMet Police,Stop and search,\"Dear FOI Officer,\n\nPlease provide the number of stops in 2023.\n\nKind regards,\nTest Person\"\n"
            .write(to: walk.appendingPathComponent("history.csv"), atomically: true, encoding: .utf8)
        let handwritten = try String(contentsOf: repoRoot.appendingPathComponent("evalsets/handwritten.jsonl"), encoding: .utf8)
        try (handwritten.split(separator: "\n").first.map(String.init)! + "\n").write(to: walk.appendingPathComponent("one.jsonl"), atomically: true, encoding: .utf8)
        let fixtures = repoRoot.appendingPathComponent("Tests/FilingsTests/Fixtures/announcements")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("agm-failed-resolution.txt"), to: walk.appendingPathComponent("filing.txt"))

        // Each README command, run in `walk`, with what its output must hold.
        let steps: [([String], String)] = [
            (["--help"], "generate"),
            (["db", "init"], "authorities.csv:"),
            (["db", "stats"], "authorities"),
            (["spin", "--plain", "--seed", "1"], "|"),
            (["config", "requester", "Test Person"], "Test Person"),
            (["authorities", "search", "the Home Office"], "Home Office\t"),
            (["keywords", "list", "--themes"], "highways"),
            (["keywords", "show", "pothole repairs"], "theme: highways"),
            (["compose", "--authority", "Swansea Council", "--keywords", "pothole repairs; compensation claims"], "City and County of Swansea Council"),
            (["judge", "letter.txt", "--authority", "Leeds Council", "--keywords", "pothole repairs"], "score:"),
            (["judge", "--calibrate"], "good letters valid"),
            (["generate", "--authority", "Met Police", "--keywords", "stop and search", "--seed", "1", "--max-tokens", "60"], "judge score"),
            (["batch", "in.csv", "-o", "out.csv"], ""),
            (["history", "import", "history.csv"], ""),
            (["eval", "--compare", "models/foibandit-small"], "perplexity"),
            (["eval", "--letters", "one.jsonl", "--out", "e.json"], "perplexity one"),
            (["export", "--gguf", "x.gguf"], "wrote x.gguf"),
            (["filings", "process", "filing.txt", "--summary-model", "models/foibandit-filings", "--no-store", "--tries", "1"], "issuer"),
        ]
        for (args, want) in steps {
            let r = try run(exe, args, in: walk, env: ["XDG_DATA_HOME": walk.appendingPathComponent("xdg").path, "HOME": walk.path])
            #expect(r.status == 0, "foibandit \(args.joined(separator: " ")): \(r.stderr)")
            #expect(want.isEmpty || r.stdout.contains(want), "foibandit \(args.joined(separator: " ")): \(r.stdout.prefix(400))")
        }
        #expect(FileManager.default.fileExists(atPath: walk.appendingPathComponent("out.csv").path))
        #expect(!FileManager.default.fileExists(atPath: walk.appendingPathComponent("authorities").path))
    }

    /// A program run with no FOIBANDIT_* variables, outside the repository, in `dir`.
    func run(_ exe: URL, _ args: [String], in dir: URL, env: [String: String] = [:]) throws -> CLIResult {
        let p = Process()
        p.executableURL = exe
        p.arguments = args
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("FOIBANDIT_") && $0.key != "MAKEFLAGS" }
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        p.currentDirectoryURL = dir
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return CLIResult(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}
