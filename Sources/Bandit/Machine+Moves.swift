import FOI

/// The player's smaller moves: holds, nudges, ratings and the category. Pulls, fixing the authority
/// and landing are in Machine.swift, what they cost in Stakes.swift.
extension Machine {
    mutating func hold(_ r: Int) {
        guard (0..<3).contains(r) else { return }
        guard phase != .spinning else { status = "Wait for the reels to stop"; return }
        guard !gameOver else { status = Self.gameOverStatus; return }
        if r == 0, fixedAuthority != nil {
            fixedAuthority = nil
            rebuildStrips()
            status = "Authority reel released"
            return
        }
        reels[r].held.toggle()
        let held = reels.enumerated().filter { $0.element.held }.map { String($0.offset + 1) }
        status = held.isEmpty ? "No reels held: a pull costs \(pullCost)"
            : "Holding reel \(held.joined(separator: ", ")): the next pull costs \(pullCost)"
    }

    mutating func nudge(_ r: Int, by step: Int) {
        guard (0..<3).contains(r) else { return }
        selectedReel = r
        guard phase != .spinning else { status = "Nudge when the reels have stopped"; return }
        guard nudgesLeft > 0 else { status = "No nudges left"; return }
        if r == 0, fixedAuthority != nil { status = "The authority reel is fixed (press 1 to release it)"; return }
        let n = reels[r].count
        var i = reels[r].index
        var moved = false
        for _ in 0..<2 {
            i = ((i + step) % n + n) % n
            if i == reels[r].index { break }
            if r > 0 {
                let other = r == 1 ? paylineKeywords[1] : paylineKeywords[0]
                if keywordStrips[r - 1][i] == other { continue }
            }
            moved = true
            break
        }
        guard moved else { status = "Nothing to nudge to on reel \(r + 1)"; return }
        guard charge(config.nudgeCost, for: "a nudge") else { return }
        // The nudged letter is paid for: it joins a stake still unsettled, or is a new one.
        stake = Stake(cost: (stake?.cost ?? 0) + config.nudgeCost)
        nudgesLeft -= 1
        reels[r].index = i
        if phase == .generating { effects.append(.cancelGeneration(serial: serial)) }
        rebuildStrips()
        status = "Nudged reel \(r + 1) for \(config.nudgeCost) — \(nudgesLeft) nudge\(nudgesLeft == 1 ? "" : "s") left"
        land(message: false)
    }

    mutating func rate(_ value: Int) {
        let v = value > 0 ? 1 : -1
        guard phase == .done, serial > 0, !letter.isEmpty else { status = "Nothing to rate yet"; return }
        guard rating != v else { status = "Already rated \(v > 0 ? "+1" : "-1")"; return }
        rating = v
        effects.append(.recordRating(serial: serial, value: v))
        status = v > 0 ? "Rated +1: thanks, noted for training" : "Rated -1: noted for training"
    }

    mutating func setCategory(_ c: String?) {
        let c = c.flatMap { $0.isEmpty ? nil : $0 }
        if let c, spinner.authorities(in: c).isEmpty { status = "No authorities in \(c)"; return }
        category = c
        status = c.map { "Category: \($0) (from the next pull)" } ?? "All categories (from the next pull)"
    }
}
