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

    init(seed: UInt64 = 42, category: String? = nil, chaos: Bool = false) {
        m = Machine(spinner: world, seed: seed, category: category, chaos: chaos)
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
    mutating func finish(score: Int, text: String = "Dear council, please send me the records. Yours faithfully") {
        let s = m.serial
        m.letterText(text, serial: s)
        let checks = JudgeCheck.allCases.map { (id: $0.rawValue, passed: score == 100 || $0 != .items) }
        m.letterDone(score: score, checks: checks, serial: s)
        log += m.takeEffects()
    }
}

func suitable(_ snap: Snapshot) -> Bool {
    guard let a = snap.authority, snap.keywords.count == 2 else { return false }
    return snap.keywords.allSatisfy { $0.suits(a) } && snap.keywords[0] != snap.keywords[1]
}

@Suite struct SpinTests {
    @Test func pullSpinsThenLandsOnASuitableCombinationAndStartsGeneration() {
        var r = Rig()
        #expect(r.m.phase == .ready)
        r.press(.pull)
        #expect(r.m.phase == .spinning)
        #expect(r.m.snapshot.reels.allSatisfy { $0.spinning })
        #expect(r.log.isEmpty)
        r.advance(5)
        let snap = r.m.snapshot
        #expect(snap.phase == .generating)
        #expect(snap.reels.allSatisfy { !$0.spinning })
        #expect(suitable(snap))
        // A spin record and a generation request for exactly the payline, in that order.
        #expect(r.log.count == 2)
        guard case .recordSpin(_, let a, let ks, _) = r.log[0], case .startGeneration(let req) = r.log[1] else {
            Issue.record("expected recordSpin then startGeneration, got \(r.log)"); return
        }
        #expect(a == snap.authority && ks == snap.keywords)
        #expect(req.authority.name == snap.reels[0].on)
        #expect(req.keywords.map(\.text) == [snap.reels[1].on, snap.reels[2].on])
        #expect(req.maxTokens == 250)
    }

    @Test func reelsStopLeftToRightWithAStagger() {
        var r = Rig()
        r.press(.pull)
        var stopped: [Int: Double] = [:]
        while r.t < 5 {
            r.advance(1.0 / 30)
            for (i, v) in r.m.snapshot.reels.enumerated() where !v.spinning && stopped[i] == nil { stopped[i] = r.t }
        }
        let s0 = stopped[0]!, s1 = stopped[1]!, s2 = stopped[2]!
        #expect(s0 < s1 && s1 < s2)
        #expect(abs((s1 - s0) - r.m.config.stagger) < 0.05)
        #expect(abs((s2 - s1) - r.m.config.stagger) < 0.05)
        // Generation starts the frame the last reel stops, not later.
        let startFrames = r.log.filter { if case .startGeneration = $0 { true } else { false } }
        #expect(startFrames.count == 1)
    }

    @Test func reelsDecelerate() {
        var r = Rig()
        r.press(.pull)
        let reel = r.m.reels[0]
        let span = reel.stopTime - reel.startTime
        let early = reel.position(at: reel.startTime) - reel.position(at: reel.startTime + span * 0.1)
        let late = reel.position(at: reel.startTime + span * 0.9) - reel.position(at: reel.stopTime)
        #expect(early > late * 5)
        #expect(reel.position(at: reel.stopTime) == Double(reel.startPosition - reel.travel))
    }

    @Test func pullWhileSpinningIsIgnored() {
        var r = Rig()
        r.press(.pull)
        r.advance(0.2)
        r.press(.pull)
        #expect(r.m.pulls == 1)
        #expect(r.m.status.contains("spinning"))
    }

    @Test func categoryNarrowsTheAuthorityReel() {
        var r = Rig(category: "Police forces")
        for _ in 0..<8 {
            r.pullAndLand()
            #expect(r.m.paylineAuthority.category == "Police forces")
            #expect(suitable(r.m.snapshot))
            #expect(r.m.snapshot.reels[0].above.contains("Police"))
        }
        r.press(.setCategory("Health boards"))
        r.pullAndLand()
        #expect(r.m.paylineAuthority.name == "NHS Highland")
    }

    @Test func keywordReelsAlwaysSuitTheAuthorityUnlessChaos() {
        var r = Rig(seed: 7)
        for _ in 0..<30 {
            r.pullAndLand()
            #expect(suitable(r.m.snapshot))
            // The neighbours a nudge would bring on suit as well.
            let a = r.m.paylineAuthority
            for v in r.m.snapshot.reels.dropFirst() {
                for name in [v.above, v.below] {
                    #expect(world.keywords.first { $0.text == name }!.suits(a))
                }
            }
        }
        var c = Rig(seed: 7, chaos: true)
        var unsuitable = 0
        for _ in 0..<30 {
            c.pullAndLand()
            if !c.m.paylineKeywords.allSatisfy({ $0.suits(c.m.paylineAuthority) }) { unsuitable += 1 }
        }
        #expect(unsuitable > 0)
    }

    @Test func fixingTheAuthorityKeepsItAcrossPulls() {
        var r = Rig()
        let target = world.authorities.first { $0.name.contains("Ynys Môn") }!
        r.press(.fixAuthority(target))
        #expect(r.m.snapshot.reels[0].on == target.name)
        // Fixing lands a new combination at once: its letter is written straight away.
        #expect(r.m.phase == .generating)
        #expect(r.lastStart?.authority == target)
        #expect(r.m.snapshot.reels[0].fixed)
        #expect(suitable(r.m.snapshot))
        for _ in 0..<5 {
            r.pullAndLand()
            #expect(r.m.paylineAuthority == target)
            #expect(suitable(r.m.snapshot))
        }
        r.press(.hold(0))
        #expect(!r.m.snapshot.reels[0].fixed)
    }
}

@Suite struct HoldTests {
    @Test func heldReelKeepsItsSymbolAndDoesNotSpin() {
        var r = Rig(seed: 3)
        r.pullAndLand()
        let before = r.payline
        r.press(.hold(1))
        #expect(r.m.snapshot.reels[1].held)
        r.press(.pull)
        let spinning = r.m.snapshot.reels.map(\.spinning)
        #expect(spinning == [true, false, true])
        r.advance(5)
        #expect(r.payline[1] == before[1])
        #expect(suitable(r.m.snapshot))
        // Holds last one pull.
        #expect(!r.m.snapshot.reels[1].held)
    }

    @Test func holdingTheAuthorityKeepsItAndLaterReelsStillStagger() {
        var r = Rig(seed: 5)
        r.pullAndLand()
        let a = r.payline[0]
        r.press(.hold(0))
        r.press(.pull)
        #expect(r.m.snapshot.reels.map(\.spinning) == [false, true, true])
        let stops = r.m.reels.map(\.stopTime)
        #expect(abs(stops[1] - (r.t + r.m.config.spinTime)) < 1e-9)
        #expect(abs(stops[2] - stops[1] - r.m.config.stagger) < 1e-9)
        r.advance(5)
        #expect(r.payline[0] == a)
        #expect(suitable(r.m.snapshot))
    }

    @Test func heldKeywordsSteerTheAuthorityToOneTheySuit() {
        var r = Rig(seed: 11)
        for _ in 0..<10 {
            r.pullAndLand()
            r.press(.hold(1)); r.press(.hold(2))
            let ks = r.payline[1...2]
            r.pullAndLand()
            #expect(Array(r.payline[1...2]) == Array(ks))
            #expect(suitable(r.m.snapshot))
        }
    }

    @Test func holdToggles() {
        var r = Rig()
        r.press(.hold(2)); #expect(r.m.snapshot.reels[2].held)
        r.press(.hold(2)); #expect(!r.m.snapshot.reels[2].held)
    }

    @Test func allHeldRerollsTheLetterAtOnce() {
        var r = Rig()
        r.pullAndLand()
        let p = r.payline
        let firstSeed = r.lastStart!.seed
        r.press(.hold(0)); r.press(.hold(1)); r.press(.hold(2))
        r.press(.pull)
        #expect(r.m.phase == .generating)
        #expect(r.payline == p)
        #expect(r.lastStart!.seed != firstSeed)
    }

    @Test func holdIsRefusedWhileSpinning() {
        var r = Rig()
        r.press(.pull)
        r.press(.hold(0))
        #expect(!r.m.snapshot.reels[0].held)
    }
}

@Suite struct NudgeTests {
    @Test func nudgeMovesOneStepAndRestartsTheLetter() {
        var r = Rig(seed: 9)
        r.pullAndLand()
        let snap = r.m.snapshot
        let serial = r.m.serial
        r.press(.nudgeDown(1))
        // Down: the symbol above the payline drops onto it (unless it is the other reel's keyword).
        let now = r.m.snapshot
        if snap.reels[1].above != snap.reels[2].on { #expect(now.reels[1].on == snap.reels[1].above) }
        #expect(now.reels[1].on != snap.reels[1].on)
        #expect(suitable(now))
        #expect(r.m.serial == serial + 1)
        #expect(r.log.contains(.cancelGeneration(serial: serial)))
        #expect(r.lastStart!.keywords[0].text == now.reels[1].on)
        r.press(.nudgeUp(1))
        #expect(r.m.snapshot.reels[1].on == snap.reels[1].on)
    }

    @Test func nudgesAreLimitedAndCarryOver() {
        var r = Rig(seed: 1)
        let per = r.m.config.nudgesPerPull
        r.pullAndLand()
        #expect(r.m.nudgesLeft == per)
        for _ in 0..<per { r.press(.nudgeUp(2)) }
        #expect(r.m.nudgesLeft == 0)
        let p = r.payline
        r.press(.nudgeUp(2))
        #expect(r.payline == p)
        #expect(r.m.status == "No nudges left")
        // Unused nudges carry over to the next pull, up to the cap.
        r.pullAndLand()
        #expect(r.m.nudgesLeft == per)
        r.press(.nudgeUp(1))
        r.pullAndLand()
        #expect(r.m.nudgesLeft == 2 * per - 1)
        for _ in 0..<5 { r.pullAndLand() }
        #expect(r.m.nudgesLeft == r.m.config.maxNudges)
    }

    @Test func nudgeRefusedWhileSpinning() {
        var r = Rig()
        r.pullAndLand()
        r.press(.pull)
        let left = r.m.nudgesLeft
        r.press(.nudgeUp(0))
        #expect(r.m.nudgesLeft == left)
        #expect(r.m.isSpinning)
    }

    @Test func nudgingTheAuthorityKeepsTheKeywordsSuitable() {
        var r = Rig(seed: 4)
        for _ in 0..<6 {
            r.pullAndLand()
            let before = r.payline[0]
            r.press(.nudgeUp(0))
            #expect(suitable(r.m.snapshot))
            if r.m.authorityStrip.count > 1 { #expect(r.payline[0] != before) }
        }
    }

    @Test func keywordNudgeSkipsTheOtherReelsKeyword() {
        var r = Rig(seed: 2)
        for _ in 0..<10 {
            r.pullAndLand()
            r.press(.nudgeUp(1)); r.press(.nudgeDown(2))
            #expect(r.payline[1] != r.payline[2])
        }
    }

    @Test func selectedReelAndArrowNudges() {
        var r = Rig()
        #expect(r.m.selectedReel == 0)
        r.press(.selectNext); r.press(.selectNext); r.press(.selectNext)
        #expect(r.m.selectedReel == 0)
        r.press(.selectPrevious)
        #expect(r.m.selectedReel == 2)
        r.press(.selectReel(1))
        #expect(r.m.snapshot.selectedReel == 1)
    }
}

@Suite struct PayoutTests {
    @Test func letterStreamsAndPayoutIsTheScore() {
        var r = Rig()
        r.pullAndLand()
        let s = r.m.serial
        r.m.letterText("Dear Leeds", serial: s)
        r.m.letterText(" City Council,", serial: s)
        #expect(r.m.snapshot.letter == "Dear Leeds City Council,")
        #expect(r.m.snapshot.payout == nil)
        #expect(r.m.snapshot.lamps.allSatisfy { $0.lit == nil })
        let checks = JudgeCheck.allCases.map { (id: $0.rawValue, passed: $0 != .timeframe) }
        r.m.letterDone(score: 90, checks: checks, serial: s)
        let snap = r.m.snapshot
        #expect(snap.payout == 90)
        #expect(snap.credits == 90)
        #expect(snap.phase == .done)
        #expect(snap.jackpotFrame == nil)
        #expect(snap.lamps.count == JudgeCheck.allCases.count)
        #expect(snap.lamps.first { $0.id == "timeframe" }?.lit == false)
        #expect(snap.lamps.filter { $0.lit == true }.count == JudgeCheck.allCases.count - 1)
        let effects = r.m.takeEffects()
        #expect(effects.count == 1)
        if case .recordGeneration(let serial, let req, let text, let score) = effects.first {
            #expect(serial == s && score == 90 && text == snap.letter && req.seed == r.lastStart!.seed)
        } else { Issue.record("no recordGeneration") }
        // Credits accumulate across letters.
        r.pullAndLand()
        r.finish(score: 40)
        #expect(r.m.snapshot.credits == 130)
        #expect(r.m.snapshot.payout == 40)
    }

    @Test func jackpotAnimationAtOneHundred() {
        var r = Rig()
        r.pullAndLand()
        r.finish(score: 100)
        #expect(r.m.snapshot.jackpotFrame == 0)
        #expect(r.m.status.contains("JACKPOT"))
        r.advance(1.0)
        let f = r.m.snapshot.jackpotFrame
        #expect(f != nil && f! >= 9)
        r.advance(r.m.config.jackpotSeconds)
        #expect(r.m.snapshot.jackpotFrame == nil)
    }

    @Test func staleTextFromACancelledGenerationIsIgnored() {
        var r = Rig()
        r.pullAndLand()
        let old = r.m.serial
        r.press(.pull)
        #expect(r.log.contains(.cancelGeneration(serial: old)))
        r.advance(5)
        r.m.letterText("old text", serial: old)
        r.m.letterDone(score: 100, checks: [], serial: old)
        #expect(r.m.snapshot.letter == "")
        #expect(r.m.snapshot.payout == nil)
        #expect(r.m.phase == .generating)
    }

    @Test func failureShowsAStatus() {
        var r = Rig()
        r.pullAndLand()
        r.m.letterFailed("model exploded", serial: r.m.serial)
        #expect(r.m.phase == .failed)
        #expect(r.m.status.contains("model exploded"))
    }
}

@Suite struct RatingTests {
    @Test func ratingRecordsOnlyWhenALetterExists() {
        var r = Rig()
        r.press(.rate(1))
        #expect(r.log.isEmpty)
        #expect(r.m.status == "Nothing to rate yet")
        r.pullAndLand()
        r.log.removeAll()
        r.m.letterText("Dear", serial: r.m.serial)
        r.press(.rate(1))
        #expect(r.log.isEmpty)  // still streaming
        r.finish(score: 70)
        r.log.removeAll()
        r.press(.rate(1))
        #expect(r.log == [.recordRating(serial: r.m.serial, value: 1)])
        #expect(r.m.snapshot.rating == 1)
        r.press(.rate(1))
        #expect(r.log.count == 1)
        r.press(.rate(-1))
        #expect(r.log.last == .recordRating(serial: r.m.serial, value: -1))
        // A new pull clears the letter: nothing to rate until it is done.
        r.log.removeAll()
        r.pullAndLand()
        r.press(.rate(-1))
        #expect(!r.log.contains { if case .recordRating = $0 { true } else { false } })
    }

    @Test func failedLetterCannotBeRated() {
        var r = Rig()
        r.pullAndLand()
        r.m.letterText("Dear", serial: r.m.serial)
        r.m.letterFailed("x", serial: r.m.serial)
        r.log.removeAll()
        r.press(.rate(1))
        #expect(r.log.isEmpty)
    }
}

@Suite struct DeterminismTests {
    func play(seed: UInt64) -> ([[String]], [UInt64]) {
        var r = Rig(seed: seed)
        var lines: [[String]] = []
        r.pullAndLand(); lines.append(r.payline)
        r.press(.hold(0)); r.pullAndLand(); lines.append(r.payline)
        r.press(.nudgeUp(2)); lines.append(r.payline)
        r.press(.nudgeDown(0)); lines.append(r.payline)
        r.pullAndLand(); lines.append(r.payline)
        r.advance(0.5)
        r.press(.pull); r.advance(0.4)
        lines.append(r.m.snapshot.reels.map(\.on))  // mid-spin frames too
        r.advance(3); lines.append(r.payline)
        let seeds = r.log.compactMap { if case .startGeneration(let q) = $0 { q.seed } else { nil } }
        return (lines, seeds)
    }

    @Test func sameSeedKeysAndTicksGiveTheSameReels() {
        let a = play(seed: 2024), b = play(seed: 2024)
        #expect(a.0 == b.0)
        #expect(a.1 == b.1)
        let c = play(seed: 2025)
        #expect(a.0 != c.0 || a.1 != c.1)
    }

    @Test func temperatureCycles() {
        var r = Rig()
        #expect(r.m.temperature == 0.8)
        r.press(.cycleTemperature); #expect(r.m.temperature == 1.0)
        r.press(.cycleTemperature); #expect(r.m.temperature == 0.3)
        r.press(.cycleTemperature); #expect(r.m.temperature == 0.6)
        r.pullAndLand()
        #expect(r.lastStart!.temperature == 0.6)
    }
}
