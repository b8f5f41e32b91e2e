import FOI
import Testing
@testable import Bandit

/// A game with stakes: pulls, holds and nudges cost credits, a letter pays once and only when it was
/// paid for, the judge's verdict sets the payout, and running out of credits ends the game.
@Suite struct StakesTests {
    @Test func aPullCostsAndEachHoldCostsMore() {
        var r = Rig()
        let c = r.m.config
        #expect(r.m.credits == c.startingCredits)
        #expect(r.m.snapshot.pullCost == c.pullCost)
        r.pullAndLand()
        #expect(r.m.credits == c.startingCredits - c.pullCost)
        r.finish(score: 90)
        let after = r.m.credits
        #expect(after == c.startingCredits - c.pullCost + 90 - c.payoutBase)
        r.press(.hold(1)); r.press(.hold(2))
        #expect(r.m.snapshot.pullCost == c.pullCost + 2 * c.holdCost)
        #expect(r.m.status.contains("costs \(c.pullCost + 2 * c.holdCost)"))
        r.pullAndLand()
        #expect(r.m.credits == after - c.pullCost - 2 * c.holdCost)
        // A fixed authority is a hold that lasts.
        r.press(.fixAuthority(world.authorities[0]))
        #expect(r.m.snapshot.pullCost == c.pullCost + c.holdCost)
    }

    @Test func fixingTheAuthorityReelDoesNotPayAgain() {
        var r = Rig()
        r.pullAndLand()
        r.finish(score: 95)
        let credits = r.m.credits
        // The reported exploit: fixing reel 1 rewrote the letter and paid out again without a pull.
        r.press(.fixAuthority(world.authorities.first { $0.name.contains("Ynys Môn") }!))
        #expect(r.m.phase == .generating)
        r.finish(score: 95)
        #expect(r.m.credits == credits)
        #expect(r.m.snapshot.won == nil && r.m.snapshot.score == 95)
        #expect(r.m.status.contains("practice"))
        // Releasing and fixing again, or a jackpot, pays nothing either.
        r.press(.fixAuthority(world.authorities.first { $0.name == "West Yorkshire Police" }!))
        r.finish(score: 100)
        #expect(r.m.credits == credits)
        #expect(r.m.snapshot.jackpotFrame == nil)
    }

    @Test func fixingWhileAPaidLetterIsWrittenForfeitsItsStake() {
        var r = Rig()
        r.pullAndLand()
        let credits = r.m.credits
        r.press(.fixAuthority(world.authorities[3]))
        r.finish(score: 100)
        #expect(r.m.credits == credits)
    }

    @Test func aNudgeCostsAndItsLetterPaysOnce() {
        var r = Rig(seed: 9)
        let c = r.m.config
        r.pullAndLand()
        r.finish(score: 90)
        let credits = r.m.credits
        r.press(.nudgeDown(1))
        #expect(r.m.credits == credits - c.nudgeCost)
        #expect(r.m.phase == .generating)
        let serial = r.m.serial
        r.finish(score: 90)
        #expect(r.m.credits == credits - c.nudgeCost + 90 - c.payoutBase)
        // The same letter reported done twice pays once.
        r.m.letterDone(score: 90, checks: [], serial: serial)
        #expect(r.m.credits == credits - c.nudgeCost + 90 - c.payoutBase)
    }

    @Test func aNudgeWhileThePulledLetterIsWrittenIsOneStake() {
        var r = Rig(seed: 9)
        let c = r.m.config
        r.pullAndLand()
        r.press(.nudgeDown(1))
        r.finish(score: 100)
        #expect(r.m.credits == c.startingCredits - c.pullCost - c.nudgeCost + c.jackpotPayout)
        #expect(r.m.snapshot.jackpotFrame == 0)
    }

    @Test func thePayoutFollowsTheVerdict() {
        let c = Machine.Config()
        #expect(c.payout(score: 100, valid: true) == c.jackpotPayout)
        #expect(c.payout(score: 92, valid: true) == 92 - c.payoutBase)
        #expect(c.payout(score: 92, valid: false) == 0)
        #expect(c.payout(score: 60, valid: false) == 0)
        var r = Rig()
        r.pullAndLand()
        // A high score with a defect (the judge's verdict) pays nothing.
        let checks = JudgeCheck.allCases.map { (id: $0.rawValue, passed: $0 != .signed) }
        r.m.letterDone(score: 95, checks: checks, serial: r.m.serial)
        #expect(r.m.snapshot.won == 0)
        #expect(r.m.status.contains("defect"))
    }

    @Test func aFailedLetterRefundsItsStake() {
        var r = Rig()
        r.pullAndLand()
        r.m.letterFailed("model exploded", serial: r.m.serial)
        #expect(r.m.credits == r.m.config.startingCredits)
        #expect(r.m.status.contains("refunded"))
    }

    @Test func runningOutOfCreditsEndsTheGameAndANewGameStartsAgain() {
        var config = Machine.Config()
        config.startingCredits = 20
        var r = Rig(config: config)
        r.press(.newGame)
        #expect(r.m.credits == 20 && r.m.status.contains("only when"))
        r.pullAndLand(); r.finish(score: 50)
        #expect(!r.m.gameOver)
        r.pullAndLand()
        #expect(r.m.credits == 0)
        // The last paid letter may still win: not over until it is judged.
        #expect(!r.m.gameOver)
        r.finish(score: 50)
        #expect(r.m.gameOver && r.m.snapshot.gameOver)
        #expect(r.m.status.contains("game over"))
        // Nothing more can be bought: no pull, no nudge, no hold, no fixed reel.
        let pulls = r.m.pulls
        r.log.removeAll()
        r.press(.pull); r.press(.nudgeUp(1)); r.press(.hold(1)); r.press(.fixAuthority(world.authorities[0]))
        #expect(r.m.pulls == pulls && r.m.phase == .done && r.log.isEmpty)
        #expect(r.m.status.contains("Press n"))
        // The last letter can still be rated.
        r.press(.rate(-1))
        #expect(r.log == [.recordRating(serial: r.m.serial, value: -1)])
        r.press(.newGame)
        #expect(!r.m.gameOver && r.m.credits == 20 && r.m.pulls == 0 && r.m.nudgesLeft == 0)
        r.pullAndLand()
        #expect(r.m.credits == 10 && r.m.phase == .generating)
    }

    @Test func aPullThatCostsMoreThanIsLeftIsRefusedWithTheReason() {
        var config = Machine.Config()
        config.startingCredits = 25
        var r = Rig(config: config)
        r.pullAndLand(); r.finish(score: 50)
        r.press(.hold(0)); r.press(.hold(1))
        r.press(.pull)
        #expect(r.m.pulls == 1 && r.m.credits == 15)
        #expect(r.m.status.contains("costs 20") && r.m.status.contains("release a hold"))
        #expect(!r.m.gameOver)
    }
}
