import FOI
import Testing
@testable import Bandit

/// A small world: councils that suit roads and housing, police forces that suit crime, a health board.
let world: Spinner = {
    func a(_ n: String, _ g: String, _ c: String, _ nation: Nation = .england, _ r: Regime = .foia2000) -> Authority {
        Authority(name: n, shortName: n, group: g, category: c, nation: nation, regime: r)
    }
    let authorities = [
        a("Leeds City Council", "Local and regional", "Metropolitan district councils"),
        a("Isle of Anglesey County Council (Ynys Môn)", "Local and regional", "Welsh councils", .wales),
        a("Comhairle nan Eilean Siar", "Local and regional", "Scottish councils", .scotland, .foisa2002),
        a("Manchester City Council", "Local and regional", "Metropolitan district councils"),
        a("West Yorkshire Police", "Police and justice", "Police forces"),
        a("Police Scotland", "Police and justice", "Police forces", .scotland, .foisa2002),
        a("NHS Highland", "Health", "Health boards", .scotland, .foisa2002),
    ]
    func k(_ t: String, _ cats: [String], env: Bool = false) -> Keyword {
        Keyword(text: t, theme: "t", categories: cats, environmental: env)
    }
    let keywords = [
        k("pothole repairs", ["Local and regional"]),
        k("housing repairs", ["Local and regional"]),
        k("street lighting", ["Local and regional"]),
        k("air quality", ["Local and regional"], env: true),
        k("stop and search", ["Police forces"]),
        k("body-worn cameras", ["Police forces"]),
        k("response times", ["Police forces", "Health boards"]),
        k("waiting times", ["Health boards"]),
        k("agency staff", ["Health boards", "Police forces"]),
    ]
    return Spinner(authorities: authorities, keywords: keywords)
}()

/// Drives a machine with a fake clock in 1/30 s frames.
struct Rig {
    var m: Machine
    var t = 0.0
    var log: [Effect] = []

    /// Reel tests pull many times and are not about credits: they start with plenty.
    static let roomy: Machine.Config = { var c = Machine.Config(); c.startingCredits = 10_000; return c }()

    init(seed: UInt64 = 42, category: String? = nil, chaos: Bool = false, config: Machine.Config = Rig.roomy) {
        m = Machine(spinner: world, seed: seed, config: config, category: category, chaos: chaos)
        m.tick(now: 0)
    }

    mutating func press(_ k: Key) { m.press(k); log += m.takeEffects() }
    mutating func advance(_ seconds: Double) {
        let end = t + seconds
        while t < end - 1e-9 { t = min(t + 1.0 / 30, end); m.tick(now: t); log += m.takeEffects() }
    }
    /// Pulls and runs the clock until the reels have landed.
    mutating func pullAndLand() {
        press(.pull)
        var guardTime = 0.0
        while m.isSpinning && guardTime < 10 { advance(1.0 / 30); guardTime += 1.0 / 30 }
    }
    var payline: [String] { m.snapshot.reels.map(\.on) }
    var lastStart: GenerationRequest? {
        log.reversed().lazy.compactMap { if case .startGeneration(let r) = $0 { r } else { nil } }.first
    }
    /// Streams and judges the current letter: a valid one fails only a nicety (below 100), an invalid one
    /// a defect, as the judge does.
    mutating func finish(score: Int, valid: Bool? = nil, text: String = "Dear council, please send me the records. Yours faithfully") {
        let s = m.serial
        let valid = valid ?? (score >= 80)
        m.letterText(text, serial: s)
        let failing: JudgeCheck? = !valid ? .items : (score < 100 ? .timeframe : nil)
        let checks = JudgeCheck.allCases.map { (id: $0.rawValue, passed: $0 != failing) }
        m.letterDone(score: score, checks: checks, serial: s)
        log += m.takeEffects()
    }
}

func suitable(_ snap: Snapshot) -> Bool {
    guard let a = snap.authority, snap.keywords.count == 2 else { return false }
    return snap.keywords.allSatisfy { $0.suits(a) } && snap.keywords[0] != snap.keywords[1]
}
