import FOI

/// The credits paid for one letter: it pays out once, when the judge has read it, and only if it was
/// paid for (a pull or a nudge); the serial is set when the reels land on its combination.
struct Stake: Hashable, Sendable {
    var cost: Int
    var serial: Int?
}

extension Machine.Config {
    /// What a judged letter pays: the judge's verdict decides, not the bare score (a letter with a
    /// defect can score 79 and still be one an officer would send back).
    public func payout(score: Int, valid: Bool) -> Int {
        guard valid else { return 0 }
        return score >= 100 ? jackpotPayout : max(0, score - payoutBase)
    }
}

extension Machine {
    static let gameOverStatus = "Out of credits: game over. Press n for a new game"

    /// The next pull's price: the pull, and a hold for each held reel (a fixed authority counts as held).
    public var pullCost: Int {
        let held = reels.filter(\.held).count + (fixedAuthority != nil && !reels[0].held ? 1 : 0)
        return config.pullCost + held * config.holdCost
    }

    /// Nothing left to pay for and no paid letter still to be judged: only a new game goes on.
    public var gameOver: Bool {
        guard stake == nil else { return false }
        let canNudge = nudgesLeft > 0 && credits >= config.nudgeCost
        return credits < config.pullCost && !canNudge
    }

    /// Takes `cost` credits for an action, or refuses it with a status that says why.
    mutating func charge(_ cost: Int, for action: String) -> Bool {
        if gameOver { status = Self.gameOverStatus; return false }
        guard credits >= cost else {
            let holds = action == "a pull" && cost > config.pullCost ? " (release a hold with 1-3)" : ""
            status = "\(action.prefix(1).uppercased() + action.dropFirst()) costs \(cost); \(credits) credits left\(holds)"
            return false
        }
        credits -= cost
        return true
    }

    /// The judge has read the letter of `serial`: pay its stake, if it has one, by the verdict.
    mutating func settle(score: Int, checks: [(id: String, passed: Bool)], serial: Int) {
        let valid = !checks.contains { !$0.passed && (JudgeCheck(rawValue: $0.id)?.critical ?? false) } && score >= 80
        guard let s = stake, s.serial == serial else {
            won = nil
            status = "Score \(score)/100 — a practice letter pays nothing; pull to play"
            if gameOver { status = Self.gameOverStatus }
            return
        }
        stake = nil
        let pay = config.payout(score: score, valid: valid)
        won = pay
        credits += pay
        if score >= 100 && pay > 0 {
            jackpotStart = now
            status = "JACKPOT! 100/100 pays \(pay)"
        } else if valid {
            status = "Score \(score)/100 pays \(pay) — rate it with + or -"
        } else {
            status = "Score \(score)/100: the judge found a defect, no payout — rate it with + or -"
        }
        if gameOver { status = Self.gameOverStatus }
    }

    /// A letter that could not be written costs nothing: its stake comes back.
    mutating func refund() -> String {
        guard let s = stake else { return "" }
        stake = nil
        credits += s.cost
        return " (\(s.cost) credits refunded)"
    }

    mutating func newGame() {
        guard gameOver else { status = "New game: only when the credits have run out"; return }
        credits = config.startingCredits
        pulls = 0
        nudgesLeft = 0
        status = "New game: \(credits) credits. Pull the lever (space) to spin"
    }
}
