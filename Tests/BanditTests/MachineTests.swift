import FOI
import Testing
@testable import Bandit

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
        #expect(req.maxTokens == 400)
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
