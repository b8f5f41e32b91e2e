import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Issue 23 in the slot machine: its search box reads names through the one resolver (as generate, batch
/// and the API do), and takes a body that is not in the database given as "name, nation".
@Suite(.serialized) struct SearchNamesTmuxTests {
    @Test(.enabled(if: tmuxPath != nil, "tmux is not installed (`make deps` installs it)"))
    func searchResolvesNamesAndTakesUnlistedBodies() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("foibandit-tmux-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let exe = productsDirectory.appendingPathComponent("foibandit").path
        let tmux = Tmux()
        let command = "env LANG=C.UTF-8 LC_ALL=C.UTF-8 FOIBANDIT_DB='\(dir.path)/play.sqlite' FOIBANDIT_COMPOSER_DELAY_MS=0 "
            + "'\(exe)' play --composer --seed 5 2>/dev/null; echo FOIBANDIT_EXIT=$?; sleep 30"
        try tmux.run(["new-session", "-d", "-s", tmux.session, "-x", "110", "-y", "40", "-c", dir.path, command])
        defer {
            if let pid = Int32((try? tmux.run(["display-message", "-p", "-t", tmux.session, "#{pane_pid}"], output: true))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") { kill(pid, SIGKILL) }
            _ = try? tmux.run(["kill-server"])
        }
        try tmux.waitFor("the machine", timeout: 20) { $0.contains("FOI BANDIT") && $0.contains("Quit") }

        // "Durham Police" is Durham Constabulary (not the commissioner), as everywhere else.
        try tmux.keys("/")
        try tmux.keys("Durham Police")
        try tmux.waitFor("the resolved name") { $0.contains("▸ Durham Constabulary") }
        try tmux.key("Enter")
        try tmux.waitFor("Durham fixed") { payline($0).first?.hasPrefix("Durham Constabulary") == true && $0.contains("FIXED") }

        // A community council that is not listed, with its nation.
        try tmux.keys("/")
        try tmux.keys("Llanfair Community Council, Wales")
        try tmux.waitFor("the unlisted body") { $0.contains("▸ Llanfair Community Council (not listed: Wales, FOIA 2000)") }
        try tmux.key("Enter")
        // The letter's title shows while the text is still "Writing…", so the wait is for the text itself: the
        // law it cites for an unlisted Welsh body (a timeout fails the test).
        _ = try tmux.waitFor("its letter citing FOIA or the EIR", timeout: 15) {
            payline($0).first?.hasPrefix("Llanfair Community") == true && $0.contains("SCORE") && $0.contains("Letter to Llanfair Community Council")
                && (letterText($0).contains("Freedom of Information Act 2000") || letterText($0).contains("Environmental Information Regulations 2004"))
        }
        try tmux.keys("q")
        try tmux.waitFor("the exit") { $0.contains("FOIBANDIT_EXIT=0") }
    }
}
