import Bandit
import CNcursesw
import FOI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The ncursesw slot machine: draws a `Machine` at ~30 fps, maps keys to its actions, carries out
/// its effects (store writes, generation on a background thread) through `PlayServices`.
public final class PlayApp {
    var machine: Machine
    let services: PlayServices
    let worker: GenerationWorker
    var spinIds: [Int: Int64] = [:]
    var generationIds: [Int: Int64] = [:]

    enum Overlay { case none, help, category(selected: Int), search(query: String, results: [Authority], selected: Int) }
    var overlay: Overlay = .none
    var message: String?
    var lastMachineStatus = ""
    var scrollTop = 0
    var follow = true
    var running = true
    let startTime = DispatchTime.now().uptimeNanoseconds

    public init(machine: Machine, services: PlayServices) {
        self.machine = machine
        self.services = services
        worker = GenerationWorker(generate: services.generate, judge: services.judge)
        message = services.notice
        lastMachineStatus = machine.status
    }

    /// Whether stdin and stdout are both terminals (the slot machine needs one).
    public static var hasTerminal: Bool { isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0 }

    /// Runs until `q` (or a signal); always restores the terminal.
    public func run() {
        Terminal.start()
        defer { Terminal.stop() }
        while running && quitSignal == 0 {
            frame()
        }
    }

    var now: Double { Double(DispatchTime.now().uptimeNanoseconds - startTime) / 1e9 }

    func frame() {
        // Wait up to one frame (33 ms) for a key, then take every key already typed.
        var code: UInt32 = 0
        var r = fb_get_wch(&code)
        if r != ERR {
            timeout(0)
            while r != ERR {
                handle(key: code, function: r == KEY_CODE_YES)
                r = fb_get_wch(&code)
            }
            timeout(33)
        }
        for e in worker.drain() {
            switch e {
            case .text(let s, let t): machine.letterText(t, serial: s)
            case .done(let s, let text, let score, let checks): machine.letterDone(score: score, checks: checks, serial: s, text: text)
            case .failed(let s, let m): machine.letterFailed(m, serial: s)
            }
        }
        machine.tick(now: now)
        perform(machine.takeEffects())
        if machine.status != lastMachineStatus { lastMachineStatus = machine.status; message = nil }
        draw()
    }

    // MARK: Effects

    func perform(_ effects: [Effect]) {
        for e in effects {
            do {
                switch e {
                case .startGeneration(let req):
                    follow = true
                    scrollTop = 0
                    worker.start(req)
                case .cancelGeneration(let s):
                    worker.cancel(serial: s)
                case .recordSpin(let s, let a, let ks, let seed):
                    spinIds[s] = try services.recordSpin(a, ks, seed)
                case .recordGeneration(let s, let req, let text, let score):
                    generationIds[s] = try services.recordGeneration(spinIds[s], req, text, score)
                case .recordRating(let s, let v):
                    if let id = generationIds[s] { try services.rate(id, v) } else { message = "Rating not saved: the letter was not recorded" }
                }
            } catch {
                message = "Store error: \(error)"
            }
        }
    }

    // MARK: Keys

    func handle(key: UInt32, function: Bool) {
        let k = Int32(bitPattern: key)
        if function && k == KEY_RESIZE { clear(); return }
        switch overlay {
        case .help: overlay = .none; return
        case .category(let sel): handleCategory(k, function: function, selected: sel); return
        case .search(let q, let res, let sel): handleSearch(k, function: function, query: q, results: res, selected: sel); return
        case .none: break
        }
        if function {
            switch k {
            case KEY_ENTER: press(.pull)
            case KEY_LEFT: press(.selectPrevious)
            case KEY_RIGHT: press(.selectNext)
            case KEY_UP: press(.nudgeUp(machine.selectedReel))
            case KEY_DOWN: press(.nudgeDown(machine.selectedReel))
            case KEY_PPAGE: scroll(by: -(letterRows - 1))
            case KEY_NPAGE: scroll(by: letterRows - 1)
            case KEY_HOME: follow = false; scrollTop = 0
            case KEY_END: follow = true
            case fb_key_f(1): overlay = .help
            case fb_key_f(10): running = false
            default: break
            }
            return
        }
        guard let u = Unicode.Scalar(key) else { return }
        switch Character(u) {
        case " ", "\n", "\r": press(.pull)
        case "1": press(.hold(0))
        case "2": press(.hold(1))
        case "3": press(.hold(2))
        case "!": press(.nudgeDown(0))
        case "\"", "@": press(.nudgeDown(1))
        case "£", "#": press(.nudgeDown(2))
        case "+", "=": press(.rate(1))
        case "-", "_": press(.rate(-1))
        case "s", "S": save()
        case "y", "Y": copy()
        case "c", "C": overlay = .category(selected: currentCategoryIndex)
        case "/": overlay = .search(query: "", results: [], selected: 0)
        case "n", "N": press(.newGame)
        case "t", "T": press(.cycleTemperature)
        case "x", "X": press(.toggleChaos)
        case "h", "H", "?": overlay = .help
        case "q", "Q": running = false
        default: break
        }
    }

    func press(_ k: Key) {
        machine.press(k)
        perform(machine.takeEffects())
    }

    func scroll(by n: Int) {
        let total = letterLines.count
        let maxTop = max(0, total - letterRows)
        let top = follow ? maxTop : scrollTop
        scrollTop = min(max(0, top + n), maxTop)
        follow = scrollTop >= maxTop
    }

    var categoryItems: [(label: String, value: String?)] {
        [("All categories", nil)] + services.categories.map { ($0.label, Optional($0.value)) }
    }

    var currentCategoryIndex: Int {
        categoryItems.firstIndex { $0.value?.lowercased() == machine.category?.lowercased() } ?? 0
    }

    func handleCategory(_ k: Int32, function: Bool, selected: Int) {
        let n = categoryItems.count
        var sel = selected
        if function {
            switch k {
            case KEY_UP: sel = max(0, sel - 1)
            case KEY_DOWN: sel = min(n - 1, sel + 1)
            case KEY_PPAGE: sel = max(0, sel - 10)
            case KEY_NPAGE: sel = min(n - 1, sel + 10)
            case KEY_ENTER: press(.setCategory(categoryItems[sel].value)); overlay = .none; return
            default: break
            }
        } else {
            switch k {
            case 27, Int32(Character("q").asciiValue!), Int32(Character("c").asciiValue!): overlay = .none; return
            case 10, 13: press(.setCategory(categoryItems[sel].value)); overlay = .none; return
            case Int32(Character("k").asciiValue!): sel = max(0, sel - 1)
            case Int32(Character("j").asciiValue!): sel = min(n - 1, sel + 1)
            default: break
            }
        }
        overlay = .category(selected: sel)
    }

    func handleSearch(_ k: Int32, function: Bool, query: String, results: [Authority], selected: Int) {
        var q = query, sel = selected
        if function {
            switch k {
            case KEY_UP: sel = max(0, sel - 1)
            case KEY_DOWN: sel = min(max(0, results.count - 1), sel + 1)
            case KEY_BACKSPACE: q = String(q.dropLast())
            case KEY_ENTER: finishSearch(q, results, sel); return
            default: break
            }
        } else {
            switch k {
            case 27: overlay = .none; return
            case 10, 13: finishSearch(q, results, sel); return
            case 8, 127: q = String(q.dropLast())
            case 21: q = ""  // Ctrl-U
            default:
                if k >= 32, let u = Unicode.Scalar(UInt32(k)) { q.append(Character(u)) }
            }
        }
        let res = q == query ? results : services.searchAuthorities(q)
        overlay = .search(query: q, results: res, selected: q == query ? sel : 0)
    }

    func finishSearch(_ q: String, _ results: [Authority], _ sel: Int) {
        overlay = .none
        if q.trimmingCharacters(in: .whitespaces).isEmpty { press(.fixAuthority(nil)); return }
        guard results.indices.contains(sel) else { message = "No authority matches “\(q)”"; return }
        press(.fixAuthority(results[sel]))
    }

    // MARK: Save and copy

    func save() {
        let text = machine.letter
        guard !text.isEmpty else { message = "Nothing to save yet"; return }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_GB_POSIX")
        f.dateFormat = "yyyyMMdd-HHmmss"
        let name = "letter-\(f.string(from: Date())).txt"
        let url = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(name)
        do {
            try (text.hasSuffix("\n") ? text : text + "\n").write(to: url, atomically: true, encoding: .utf8)
            message = "Saved \(name)"
        } catch {
            message = "Could not save \(name): \(error.localizedDescription)"
        }
    }

    /// Copies the letter to the clipboard with OSC 52, written straight to the terminal.
    func copy() {
        let text = machine.letter
        guard !text.isEmpty else { message = "Nothing to copy yet"; return }
        let seq = "\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}"
        let fd = open("/dev/tty", O_WRONLY | O_NOCTTY)
        guard fd >= 0 else { message = "Cannot open the terminal to copy"; return }
        defer { close(fd) }
        let ok = seq.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) } > 0
        message = ok ? "Copied \(text.count) characters (OSC 52)" : "Copy failed"
    }
}
