import FOI
import Testing
@testable import Bandit

@Suite struct PayoutTests {
    @Test func letterStreamsAndPayoutIsTheScore() {
        var r = Rig()
        r.pullAndLand()
        let s = r.m.serial
        r.m.letterText("Dear Leeds", serial: s)
        r.m.letterText(" City Council,", serial: s)
        #expect(r.m.snapshot.letter == "Dear Leeds City Council,")
        #expect(r.m.snapshot.score == nil && r.m.snapshot.won == nil)
        #expect(r.m.snapshot.lamps.allSatisfy { $0.lit == nil })
        let checks = JudgeCheck.allCases.map { (id: $0.rawValue, passed: $0 != .timeframe) }
        r.m.letterDone(score: 90, checks: checks, serial: s)
        let snap = r.m.snapshot
        let start = r.m.config.startingCredits, pull = r.m.config.pullCost
        #expect(snap.score == 90)
        #expect(snap.won == 15)
        #expect(snap.credits == start - pull + 15)
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
        // Credits accumulate across letters; a letter with a defect pays nothing.
        r.pullAndLand()
        r.finish(score: 40)
        #expect(r.m.snapshot.credits == start - 2 * pull + 15)
        #expect(r.m.snapshot.score == 40 && r.m.snapshot.won == 0)
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
        #expect(r.m.snapshot.score == nil)
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
