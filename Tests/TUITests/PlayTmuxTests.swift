import FOI
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Store
import Testing

/// End to end: the real `foibandit play` inside a detached tmux session (its own server socket),
/// driven with `send-keys` and read back with `capture-pane`.

let productsDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()

let tmuxPath: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"] {
        let p = "\(dir)/tmux"
        if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    return nil
}()

struct Tmux {
    let socket = "foibandit-test-\(UUID().uuidString.prefix(8))"
    let session = "play"

    /// Runs tmux through posix_spawn and waitpid. (Foundation's `Process` hands its child a socket
    /// to learn of its exit; the tmux server that `new-session` daemonises would inherit it and
    /// `waitUntilExit` would never return.)
    @discardableResult
    func run(_ args: [String], output: Bool = false) throws -> String {
        let outPath = output ? FileManager.default.temporaryDirectory
            .appendingPathComponent("\(socket)-\(UUID().uuidString).txt").path : "/dev/null"
        defer { if output { unlink(outPath) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([tmuxPath!, "-L", socket] + args).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid = pid_t()
        let rc = posix_spawn(&pid, tmuxPath!, &actions, nil, argv, environ)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return output ? ((try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "") : ""
    }

    func screen() throws -> String { try run(["capture-pane", "-p", "-t", session], output: true) }
    func keys(_ literal: String) throws { try run(["send-keys", "-t", session, "-l", literal]) }
    func key(_ name: String) throws { try run(["send-keys", "-t", session, name]) }

    /// Polls the screen until `ok` holds; fails with the last screen after `timeout` seconds.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 10, _ ok: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if ok(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for \(what); screen:\n\(last)")
        throw CancellationError()
    }
}

/// The reels on the payline row (between ▶ and ◀).
func payline(_ screen: String) -> [String] {
    guard let row = screen.split(separator: "\n").first(where: { $0.hasPrefix("▶") }) else { return [] }
    return row.dropFirst().split(separator: "│").map {
        $0.replacingOccurrences(of: "◀", with: "").trimmingCharacters(in: .whitespaces)
    }
}

/// The letter pane's text, unwrapped.
func letterText(_ screen: String) -> String {
    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
    guard let top = lines.firstIndex(where: { $0.hasPrefix("┌─ Letter") }) else { return "" }
    var words: [String] = []
    for line in lines[(top + 1)...] {
        if line.hasPrefix("└") { break }
        words.append(line.trimmingCharacters(in: CharacterSet(charactersIn: "│ ▌")))
    }
    return words.joined(separator: " ").split(separator: " ").joined(separator: " ")
}

/// The letter is finished and judged: the meter shows a score.
func letterDone(_ s: String, pulls: Int) -> Bool {
    s.contains("pulls \(pulls) ") && s.split(separator: "\n").contains { $0.contains("SCORE") && $0.contains("/100") }
}

@Suite(.serialized) struct PlayTmuxTests {
    @Test(.enabled(if: tmuxPath != nil, "tmux is not installed (`make deps` installs it)"))
    func playsInTmux() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("foibandit-tmux-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("play.sqlite").path
        let exe = productsDirectory.appendingPathComponent("foibandit").path
        let tmux = Tmux()
        let command = "env LANG=C.UTF-8 LC_ALL=C.UTF-8 FOIBANDIT_DB='\(db)' FOIBANDIT_COMPOSER_DELAY_MS=1 "
            + "'\(exe)' play --composer --seed 11 2>'\(dir.path)/stderr.txt'; echo FOIBANDIT_EXIT=$?; sleep 30"
        // The composer writes the letters here: this tests the machine, whose letters must name the
        // shown authority; how often the model's do is the model's eval (foibandit eval), not this test.
        let cmd = command
        try tmux.run(["new-session", "-d", "-s", tmux.session, "-x", "100", "-y", "40", "-c", dir.path, cmd])
        defer {
            // The pane's shell may ignore SIGHUP (inherited): end it first, then the server.
            if let pid = Int32((try? tmux.run(["display-message", "-p", "-t", tmux.session, "#{pane_pid}"], output: true))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") { kill(pid, SIGKILL) }
            _ = try? tmux.run(["kill-server"])
        }

        // The machine opens (the first run imports the seed data into the new database).
        try tmux.waitFor("the machine", timeout: 20) { $0.contains("FOI BANDIT") && $0.contains("Quit") }

        // A pull lands the reels and a letter addressed to the shown authority streams in.
        try tmux.keys(" ")
        var s = try tmux.waitFor("the first letter", timeout: 15) { letterDone($0, pulls: 1) }
        var reels = payline(s)
        #expect(reels.count == 3 && reels.allSatisfy { !$0.isEmpty }, "payline: \(reels)")
        let store = try FOIStore(path: db)
        let shown = reels[0].replacingOccurrences(of: "…", with: "")
        let authority = try #require(try store.allAuthorities().first { $0.name.hasPrefix(shown) })
        let letter = letterText(s)
        #expect(letter.contains(authority.name) || letter.contains(authority.shortName),
                "letter does not name \(authority.name): \(letter)")
        #expect(s.contains("● ") || s.contains("○ "), "judge lamps lit or unlit")

        // Holding reel 2 keeps it across a pull.
        try tmux.keys("2")
        // A hold costs on top of the pull, and the title says so.
        try tmux.waitFor("HELD") { $0.contains("2 KEYWORD HELD") && $0.contains("pull costs 15") }
        let held = reels[1]
        try tmux.keys(" ")
        s = try tmux.waitFor("the second letter", timeout: 15) { letterDone($0, pulls: 2) }
        reels = payline(s)
        #expect(reels[1] == held)

        // A rating lands in the SQLite file.
        try tmux.keys("+")
        try tmux.waitFor("the rating") { $0.contains("Rated +1") }
        #expect(try store.ratings().count == 1)
        #expect(try store.ratings().first?.value == 1)

        // Welsh and Gaelic names render: search for an authority and fix it on reel 1.
        try tmux.keys("/")
        try tmux.keys("Ynys")
        try tmux.waitFor("the search result") { $0.contains("Isle of Anglesey County Council (Cyngor Sir Ynys Môn)") }
        try tmux.key("Enter")
        s = try tmux.waitFor("Anglesey fixed") { payline($0).first?.hasPrefix("Isle of Anglesey") == true && $0.contains("FIXED") }
        s = try tmux.waitFor("the Anglesey letter", timeout: 15) { $0.contains("Letter to Cyngor Sir Ynys Môn") && letterDone($0, pulls: 2) }
        try tmux.keys("/")
        try tmux.keys("Comhairle")
        try tmux.waitFor("the Gaelic search result") { $0.contains("▸ Comhairle nan Eilean Siar") }
        try tmux.key("Enter")
        s = try tmux.waitFor("the Gaelic letter", timeout: 15) {
            payline($0).first == "Comhairle nan Eilean Siar" && letterDone($0, pulls: 2)
        }
        // The pane's title names the body (the letter itself may open "I am writing to make a request …" and, scrolled
        // to its end, show no name).
        #expect(letterText(s).contains("Comhairle nan Eilean Siar") || s.contains("Letter to Western Isles")
                || s.contains("Letter to Comhairle nan Eilean Siar"), "\(s)")

        // Resize: a too-small terminal gets a message, a large one the machine again.
        try tmux.run(["resize-window", "-t", tmux.session, "-x", "60", "-y", "20"])
        try tmux.waitFor("the too-small message") { $0.contains("terminal too small (need 80×24)") }
        try tmux.run(["resize-window", "-t", tmux.session, "-x", "90", "-y", "30"])
        s = try tmux.waitFor("the machine after resize") { $0.contains("FOI BANDIT") && $0.contains("Quit") }
        #expect(s.split(separator: "\n").contains { $0.hasPrefix("╔") && $0.count == 90 })

        // q quits with status 0 and gives the screen back.
        try tmux.keys("q")
        s = try tmux.waitFor("the exit") { $0.contains("FOIBANDIT_EXIT=") }
        #expect(s.contains("FOIBANDIT_EXIT=0"))
        #expect(!s.contains("FOI BANDIT") && !s.contains("SCORE"), "screen not restored:\n\(s)")
        let err = (try? String(contentsOfFile: dir.path + "/stderr.txt", encoding: .utf8)) ?? ""
        #expect(!err.contains("Fatal error"), "stderr: \(err)")
    }

    @Test func withoutATerminalItPointsElsewhereAndExits2() throws {
        let p = Process()
        p.executableURL = productsDirectory.appendingPathComponent("foibandit")
        p.arguments = ["play"]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = Pipe()
        try p.run()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        _ = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 2)
        #expect(String(decoding: e, as: UTF8.self).contains("foibandit needs a terminal for the slot machine; try `foibandit spin` or `foibandit generate`"))
    }
}
