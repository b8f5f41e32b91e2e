import Bandit
import CNcursesw
import FOI
import Foundation

/// Drawing the machine: the cabinet, lamps, meter, letter pane, key bar and overlays.
extension PlayApp {
    var letterTop: Int { 11 }
    var letterRows: Int { max(1, Terminal.rows - letterTop - 3) }
    var letterWidth: Int { max(10, Terminal.cols - 4) }
    var letterLines: [String] { Layout.wrap(machine.letter, letterWidth) }

    func draw() {
        erase()
        let rows = Terminal.rows, cols = Terminal.cols
        if rows < Layout.minHeight || cols < Layout.minWidth {
            drawTooSmall(rows: rows, cols: cols)
            refresh()
            return
        }
        let snap = machine.snapshot
        drawTitle(snap, cols: cols)
        drawCabinet(snap, cols: cols)
        drawLamps(snap, cols: cols)
        drawMeter(snap, cols: cols)
        drawStatus(snap, cols: cols)
        drawLetter(snap, rows: rows, cols: cols)
        drawKeyBar(rows: rows, cols: cols)
        switch overlay {
        case .none: break
        case .help: drawHelp(rows: rows, cols: cols)
        case .category(let sel): drawCategory(sel, rows: rows, cols: cols)
        case .search(let q, let res, let sel): drawSearch(q, res, sel, rows: rows, cols: cols)
        }
        if snap.gameOver, case .none = overlay { drawGameOver(snap, rows: rows, cols: cols) }
        refresh()
    }

    func drawTooSmall(rows: Int, cols: Int) {
        let lines = ["terminal too small (need \(Layout.minWidth)×\(Layout.minHeight))",
                     "now \(cols)×\(rows): make the window larger, or press q to quit"]
        let y = max(0, rows / 2 - 1)
        for (i, l) in lines.enumerated() {
            let t = Layout.fit(l, cols)
            Terminal.put(y + i, max(0, (cols - Layout.width(t)) / 2), t, i == 0 ? Terminal.attr(.warn, bold: true) : 0)
        }
    }

    func drawTitle(_ s: Snapshot, cols: Int) {
        let jackpot = s.jackpotFrame
        let a = jackpot.map { $0 % 2 == 0 ? Terminal.attr(.jackpot, bold: true) : Terminal.attr(.title, bold: true) }
            ?? Terminal.attr(.title, bold: true)
        let left = jackpot != nil ? " ★ JACKPOT ★ " : " FOI BANDIT "
        let right = "pulls \(s.pulls)  credits \(s.credits)  pull costs \(s.pullCost) "
        let mid = Layout.center(jackpot != nil ? "★ ★ ★  100 / 100  ★ ★ ★" : "the Freedom of Information one-armed bandit",
                                max(0, cols - Layout.width(left) - Layout.width(right)))
        Terminal.put(0, 0, Layout.pad(left + mid + right, cols), a)
    }

    func drawCabinet(_ s: Snapshot, cols: Int) {
        let b = Terminal.box
        let inner = cols - 2
        let widths = Layout.reelWidths(inner: inner)
        let jackpotFlash = s.jackpotFrame.map { $0 % 2 == 1 } ?? false
        let ba = jackpotFlash ? Terminal.attr(.jackpot, bold: true) : Terminal.attr(.border, bold: true)
        let top = 1, bottom = 7
        Terminal.put(top, 0, b.dtl + String(repeating: b.dh, count: inner) + b.dtr, ba)
        Terminal.put(bottom, 0, b.dbl + String(repeating: b.dh, count: inner) + b.dbr, ba)
        for y in (top + 1)..<bottom {
            let payline = y == 4
            Terminal.put(y, 0, payline ? "▶" : b.dv, ba)
            Terminal.put(y, cols - 1, payline ? "◀" : b.dv, ba)
        }
        var x = 1
        let labels = ["AUTHORITY", "KEYWORD", "KEYWORD"]
        for (i, reel) in s.reels.enumerated() {
            let w = widths[i]
            if i > 0 {
                for y in (top + 1)..<bottom { Terminal.put(y, x - 1, b.v, ba) }
            }
            var tag = ""
            if reel.fixed { tag = " FIXED" } else if reel.held { tag = " HELD" }
            let label = " \(i + 1) \(labels[i])\(tag) "
            let la = s.selectedReel == i ? Terminal.attr(.selected, bold: true)
                : (reel.held || reel.fixed ? Terminal.attr(.held, bold: true) : Terminal.attr(.dim))
            Terminal.put(2, x + 1, Layout.fit(label, w - 2), la)
            let dim = Terminal.attr(.dim)
            let on = reel.spinning ? Terminal.attr(.dim, bold: true) : Terminal.attr(.payline, bold: true)
            Terminal.put(3, x + 1, Layout.fit(reel.above, w - 2), dim)
            Terminal.put(4, x + 1, Layout.fit(reel.on, w - 2), on)
            Terminal.put(5, x + 1, Layout.fit(reel.below, w - 2), dim)
            if reel.spinning {
                Terminal.put(6, x + 1, Layout.fit(String(repeating: "↓", count: 1 + Int(reel.offset * 3)), w - 2), dim)
            }
            x += w + 1
        }
        // Payline rule behind the arrows.
    }

    /// One glyph per check (the defects first), then the name of each failed one: eighteen labelled lamps
    /// would not fit a terminal's width, and what a player needs is what went wrong.
    func drawLamps(_ s: Snapshot, cols: Int) {
        var x = 1
        Terminal.put(8, x, "judge", Terminal.attr(.dim)); x += 6
        func glyph(_ lit: Bool?) -> (String, Int32) {
            switch lit {
            case .some(true): (Terminal.utf8 ? "●" : "*", Terminal.attr(.lampOn, bold: true))
            case .some(false): (Terminal.utf8 ? "○" : "o", Terminal.attr(.lampOff))
            case .none: (Terminal.utf8 ? "·" : ".", Terminal.attr(.dim))
            }
        }
        let critical = s.lamps.filter { JudgeCheck(rawValue: $0.id)?.critical ?? true }
        let niceties = s.lamps.filter { !(JudgeCheck(rawValue: $0.id)?.critical ?? true) }
        for lamp in critical + niceties {
            let (g, a) = glyph(lamp.lit)
            if x + 1 >= cols { return }
            Terminal.put(8, x, g, a)
            x += 1
        }
        x += 1
        let failed = s.lamps.filter { $0.lit == false }
        if !s.lamps.isEmpty && s.lamps.allSatisfy({ $0.lit == true }) {
            let (g, a) = glyph(true)
            Terminal.put(8, x, "\(g) all \(s.lamps.count) checks", a)
            return
        }
        for lamp in failed {
            let (g, a) = glyph(false)
            let cell = "\(g) \(Layout.lampLabel(lamp.id))"
            if x + Layout.width(cell) >= cols { break }
            Terminal.put(8, x, cell, a)
            x += Layout.width(cell) + 1
        }
    }

    func drawMeter(_ s: Snapshot, cols: Int) {
        let barWidth = 20
        let score = s.score ?? 0
        let filled = score * barWidth / 100
        let full = Terminal.utf8 ? "█" : "#", empty = Terminal.utf8 ? "░" : "-"
        Terminal.put(9, 1, "SCORE  ", Terminal.attr(.title, bold: true))
        Terminal.put(9, 8, String(repeating: full, count: filled), Terminal.attr(.meter, bold: true))
        Terminal.put(9, 8 + filled, String(repeating: empty, count: barWidth - filled), Terminal.attr(.dim))
        let scoreText = s.score.map { " \($0)/100" } ?? (s.phase == .generating ? " writing…" : " —")
        Terminal.put(9, 8 + barWidth, scoreText, s.jackpotFrame != nil ? Terminal.attr(.jackpot, bold: true) : fb_attr_bold())
        let nudgeGlyphs = String(repeating: Terminal.utf8 ? "◆" : "N", count: s.nudgesLeft)
        var info = s.score == nil ? "" : (s.won.map { "won \($0)  " } ?? "practice  ")
        info += "nudges \(nudgeGlyphs.isEmpty ? "0" : nudgeGlyphs)  temp \(s.temperature)  "
        info += "cat \(s.category ?? "all")\(s.chaos ? "  CHAOS" : "")  model \(services.modelName)"
        if let r = s.rating { info += "  rated \(r > 0 ? "+1" : "-1")" }
        let x = 8 + barWidth + 11
        Terminal.put(9, x, Layout.fit(info, max(0, cols - x - 1)))
    }

    func drawStatus(_ s: Snapshot, cols: Int) {
        let text = message ?? s.status
        Terminal.put(10, 1, Layout.fit(text, cols - 2), Terminal.attr(.warn, bold: true))
    }

    func drawLetter(_ s: Snapshot, rows: Int, cols: Int) {
        let b = Terminal.box
        let top = letterTop, bottom = rows - 2
        let inner = cols - 2
        var title = " Letter "
        if let a = s.authority, s.phase != .ready { title = " Letter to \(a.shortName.isEmpty ? a.name : a.shortName) " }
        let lines = letterLines
        let visible = letterRows
        let maxTop = max(0, lines.count - visible)
        let first = follow ? maxTop : min(scrollTop, maxTop)
        let pos = lines.count > visible ? " \(first + 1)-\(min(lines.count, first + visible))/\(lines.count) " : ""
        let ba = Terminal.attr(.border)
        let fill = max(0, inner - Layout.width(title) - Layout.width(pos) - 1)
        Terminal.put(top, 0, b.tl + b.h + title + String(repeating: b.h, count: fill) + pos + b.tr, ba)
        for y in (top + 1)..<bottom {
            Terminal.put(y, 0, b.v, ba)
            Terminal.put(y, cols - 1, b.v, ba)
        }
        Terminal.put(bottom, 0, b.bl + String(repeating: b.h, count: inner) + b.br, ba)
        if lines.isEmpty || (lines.count == 1 && lines[0].isEmpty) {
            let hint: String
            switch s.phase {
            case .ready: hint = "Pull the lever (space) and the letter is written here."
            case .spinning: hint = "…"
            case .generating: hint = "Writing…"
            case .failed: hint = "No letter this time: pull again."
            case .done: hint = ""
            }
            Terminal.put(top + 1, 2, Layout.fit(hint, inner - 2), Terminal.attr(.dim))
            return
        }
        for i in 0..<visible where first + i < lines.count {
            var line = lines[first + i]
            if s.phase == .generating && first + i == lines.count - 1 { line += Terminal.utf8 ? "▌" : "_" }
            Terminal.put(top + 1 + i, 2, line)
        }
    }

    /// htop-style key bar; items are dropped from the right when narrow, but Quit always shows.
    static let keyBar: [(String, String)] = [
        ("Spc", "Pull"), ("1-3", "Hold"), ("!\"£", "Nudge"), ("←→↑↓", "Reel"), ("+-", "Rate"), ("s", "Save"),
        ("y", "Copy"), ("c", "Cat"), ("/", "Find"), ("t", "Temp"), ("PgUp", "Scroll"), ("h", "Help"), ("q", "Quit"),
    ]

    func drawKeyBar(rows: Int, cols: Int) {
        let y = rows - 1
        func w(_ item: (String, String)) -> Int { Layout.width(item.0) + Layout.width(item.1) + 1 }
        let quit = Self.keyBar.last!
        var items: [(String, String)] = []
        var used = w(quit)
        for item in Self.keyBar.dropLast() {
            if used + w(item) >= cols { break }
            items.append(item)
            used += w(item)
        }
        items.append(quit)
        var x = 0
        for (k, label) in items {
            Terminal.put(y, x, k, fb_attr_bold())
            Terminal.put(y, x + Layout.width(k), label, Terminal.attr(.key))
            x += Layout.width(k) + Layout.width(label) + 1
        }
    }

    func drawPanel(title: String, lines: [(String, Int32)], rows: Int, cols: Int, width: Int? = nil) {
        let b = Terminal.box
        let w = min(cols - 4, width ?? max(Layout.width(title) + 4, (lines.map { Layout.width($0.0) }.max() ?? 0) + 4))
        let h = min(rows - 2, lines.count + 2)
        let x = (cols - w) / 2, y = max(1, (rows - h) / 2)
        let ba = Terminal.attr(.border, bold: true)
        let fill = max(0, w - 2 - Layout.width(title) - 1)
        Terminal.put(y, x, b.tl + b.h + title + String(repeating: b.h, count: fill) + b.tr, ba)
        for i in 0..<(h - 2) {
            Terminal.put(y + 1 + i, x, b.v, ba)
            let (text, a) = i < lines.count ? lines[i] : ("", 0)
            Terminal.put(y + 1 + i, x + 1, Layout.pad(" " + text, w - 2), a)
            Terminal.put(y + 1 + i, x + w - 1, b.v, ba)
        }
        Terminal.put(y + h - 1, x, b.bl + String(repeating: b.h, count: w - 2) + b.br, ba)
    }

    func drawHelp(rows: Int, cols: Int) {
        let c = machine.config
        let lines: [String] = [
            "space, enter   pull the lever: spin every reel not held (\(c.pullCost) credits)",
            "1 2 3          hold a reel for the next pull, +\(c.holdCost) each (1 frees reel 1)",
            "! \" £ (@ #)    nudge reel 1, 2, 3 down one step (\(c.nudgeCost) credits)",
            "← →            select a reel      ↑ ↓  nudge the selected reel",
            "+ -            rate the letter (kept for training)",
            "s              save the letter to letter-<time>.txt here",
            "y              copy the letter (OSC 52 clipboard)",
            "c              choose a category for the authority reel",
            "/              fix an authority on reel 1 (its first letter is practice)",
            "t              temperature 0.3 / 0.6 / 0.8 / 1.0",
            "x              chaos: any keyword with any authority",
            "PgUp PgDn      scroll the letter",
            "h ? / q / n    this help / quit / a new game when out of credits",
            "",
            "Nudges: each pull adds \(c.nudgesPerPull), unused ones carry over (up to \(c.maxNudges)).",
            "Each lamp is one judge check. A letter pays once: its score above \(c.payoutBase)",
            "if the judge finds no defect, \(c.jackpotPayout) at 100/100 (jackpot), 0 with a defect.",
            "You start with \(c.startingCredits) credits; when they run out the game is over.",
            "",
            "any key closes this help",
        ]
        drawPanel(title: " Help ", lines: lines.map { ($0, 0) }, rows: rows, cols: cols)
    }

    func drawGameOver(_ s: Snapshot, rows: Int, cols: Int) {
        let lines: [(String, Int32)] = [
            ("Out of credits after \(s.pulls) pull\(s.pulls == 1 ? "" : "s").", fb_attr_bold()),
            ("", 0),
            ("n  new game with \(machine.config.startingCredits) credits", 0),
            ("q  quit          + -  rate the last letter", 0),
        ]
        drawPanel(title: " GAME OVER ", lines: lines, rows: rows, cols: cols, width: 50)
    }

    func drawCategory(_ sel: Int, rows: Int, cols: Int) {
        let items = categoryItems
        let visible = max(1, min(items.count, rows - 8))
        let first = min(max(0, sel - visible / 2), max(0, items.count - visible))
        var lines: [(String, Int32)] = []
        for i in first..<min(items.count, first + visible) {
            lines.append(((i == sel ? "▸ " : "  ") + items[i].label, i == sel ? Terminal.attr(.selected, bold: true) : 0))
        }
        lines.append(("↑↓ choose, enter select, esc cancel", Terminal.attr(.dim)))
        drawPanel(title: " Category ", lines: lines, rows: rows, cols: cols, width: 60)
    }

    func drawSearch(_ q: String, _ results: [Authority], _ sel: Int, rows: Int, cols: Int) {
        var lines: [(String, Int32)] = [("Authority: \(q)\(Terminal.utf8 ? "▌" : "_")", fb_attr_bold()), ("", 0)]
        let visible = max(1, min(10, rows - 10))
        if results.isEmpty {
            lines.append((q.isEmpty ? "type a name; enter on an empty line releases reel 1"
                : "no match; a body not listed: its name, a comma, its nation (…, Wales)", Terminal.attr(.dim)))
        }
        for (i, a) in results.prefix(visible).enumerated() {
            var label = a.shortName.isEmpty || a.shortName == a.name ? a.name : "\(a.name) (\(a.shortName))"
            if UnlistedBody.isDescribed(a) { label += " (not listed: \(a.nation.rawValue), \(Legislation.regime(for: a).rawValue))" }
            lines.append(((i == sel ? "▸ " : "  ") + label, i == sel ? Terminal.attr(.selected, bold: true) : 0))
        }
        lines.append(("", 0))
        lines.append(("↑↓ choose, enter fix on reel 1, esc cancel", Terminal.attr(.dim)))
        drawPanel(title: " Search ", lines: lines, rows: rows, cols: cols, width: 70)
    }
}
