import CNcursesw
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Set by the SIGINT/SIGTERM/SIGHUP handler; the frame loop checks it and leaves cleanly.
nonisolated(unsafe) var quitSignal: sig_atomic_t = 0

/// The ncurses session: set up once, always torn down (quit, Ctrl-C, thrown errors, crashes).
enum Terminal {
    nonisolated(unsafe) static var active = false
    nonisolated(unsafe) static var colors = false
    nonisolated(unsafe) static var utf8 = false

    /// Colour pairs; each has a monochrome attribute for terminals without colours.
    enum Style: Int32, CaseIterable {
        case title = 1, border, lampOn, lampOff, dim, key, payline, held, jackpot, meter, selected, warn

        var mono: Int32 {
            switch self {
            case .title, .key, .selected, .jackpot: fb_attr_reverse()
            case .lampOn, .payline, .held, .meter, .warn: fb_attr_bold()
            case .dim, .lampOff: fb_attr_dim()
            case .border: 0
            }
        }
    }

    static func start() {
        _ = fb_setlocale_all()
        utf8 = fb_is_utf8() != 0
        // Leave the escape key snappy.
        if ProcessInfo.processInfo.environment["ESCDELAY"] == nil { setenv("ESCDELAY", "25", 1) }
        initscr()
        active = true
        installSignalHandlers()
        cbreak()
        noecho()
        nonl()
        keypad(fb_stdscr(), true)
        curs_set(0)
        timeout(33)
        colors = has_colors()
        if colors {
            start_color()
            use_default_colors()
            let pairs: [(Style, Int32, Int32)] = [
                (.title, Int32(COLOR_BLACK), Int32(COLOR_YELLOW)),
                (.border, Int32(COLOR_YELLOW), -1),
                (.lampOn, Int32(COLOR_GREEN), -1),
                (.lampOff, Int32(COLOR_RED), -1),
                (.dim, Int32(COLOR_BLUE), -1),
                (.key, Int32(COLOR_BLACK), Int32(COLOR_CYAN)),
                (.payline, Int32(COLOR_WHITE), -1),
                (.held, Int32(COLOR_MAGENTA), -1),
                (.jackpot, Int32(COLOR_RED), Int32(COLOR_YELLOW)),
                (.meter, Int32(COLOR_GREEN), -1),
                (.selected, Int32(COLOR_BLACK), Int32(COLOR_WHITE)),
                (.warn, Int32(COLOR_YELLOW), -1),
            ]
            for (s, fg, bg) in pairs { init_pair(Int16(s.rawValue), Int16(fg), Int16(bg)) }
        }
    }

    static func stop() {
        guard active else { return }
        active = false
        endwin()
    }

    static func attr(_ s: Style, bold: Bool = false) -> Int32 {
        (colors ? fb_color_pair(s.rawValue) : s.mono) | (bold ? fb_attr_bold() : 0)
    }

    static func installSignalHandlers() {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { _ in quitSignal = 1 }
        }
        // On a crash, give the terminal back before dying with the same signal.
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP] {
            signal(sig) { s in
                if Terminal.active { endwin() }
                signal(s, SIG_DFL)
                raise(s)
            }
        }
    }

    static var rows: Int { Int(fb_rows()) }
    static var cols: Int { Int(fb_cols()) }

    /// Draws `s` at (y, x) with wide-character output, clipped to the screen; never writes the
    /// bottom-right cell (that would scroll).
    static func put(_ y: Int, _ x: Int, _ s: String, _ a: Int32 = 0) {
        let r = rows, c = cols
        guard y >= 0, y < r, x >= 0, x < c else { return }
        var room = c - x
        if y == r - 1 { room -= 1 }
        guard room > 0 else { return }
        let text = Layout.width(s) > room ? Layout.fit(s, room) : s
        var w = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        w.append(0)
        if a != 0 { _ = fb_attron(a) }
        _ = w.withUnsafeBufferPointer { mvaddwstr(Int32(y), Int32(x), $0.baseAddress) }
        if a != 0 { _ = fb_attroff(a) }
    }

    /// Box-drawing characters, or ASCII when the locale is not UTF-8.
    static var box: (h: String, v: String, tl: String, tr: String, bl: String, br: String, dh: String, dv: String, dtl: String, dtr: String, dbl: String, dbr: String) {
        utf8 ? ("─", "│", "┌", "┐", "└", "┘", "═", "║", "╔", "╗", "╚", "╝")
             : ("-", "|", "+", "+", "+", "+", "=", "|", "+", "+", "+", "+")
    }
}
