import Common
import Foundation
import XCTest
@testable import LM

/// 300 AdamW steps of a small model on a learnable synthetic language, in fp32 and in bf16 from the
/// same initial weights and batches: the bf16 run must end within 1% of the fp32 run's loss.
final class BF16TrainingTests: XCTestCase {
    static let config = ModelConfig(vocabSize: 128, dim: 64, layers: 2, heads: 4, kvHeads: 2, hiddenDim: 128,
                                    maxSeqLen: 64, ropeTheta: 10000, normEps: 1e-5)
    static let B = 8, T = 64

    /// A Markov chain over 128 tokens with 4 likely successors of each (entropy about 1.6 nats against
    /// log 128 = 4.85), so the loss falls far in 300 steps and rounding has room to show.
    static func batches(count: Int, seed: UInt64) -> [[Int]] {
        var table = Xoshiro256(seed: 99), rng = Xoshiro256(seed: seed)
        let V = config.vocabSize
        let next = (0..<V).map { _ in (0..<4).map { _ in Int(table.next() % UInt64(V)) } }
        return (0..<count).map { _ in
            var s = [Int(rng.next() % UInt64(V)), Int(rng.next() % UInt64(V))]
            while s.count < B * T + 1 {
                let ctx = s[s.count - 1], r = rng.next() % 16
                s.append(r < 8 ? next[ctx][0] : r < 12 ? next[ctx][1] : r < 14 ? next[ctx][2] : r < 15 ? next[ctx][3] : Int(rng.next() % UInt64(V)))
            }
            return s
        }
    }

    /// Mean loss of the last 20 steps, and the loss (fp32 arithmetic) on held-out batches.
    func train(_ p: Precision, steps: Int = 300) -> (end: Float, heldOut: Float) {
        let m = Model(config: Self.config, seed: 5)
        m.precision = p
        let opt = AdamW(model: m)
        let data = Self.batches(count: steps, seed: 1)
        var tail: [Float] = []
        for step in 0..<steps {
            let s = data[step % data.count]
            m.zeroGrad()
            let loss = m.forwardBackward(tokens: Array(s[0..<(Self.B * Self.T)]), targets: Array(s[1...]), batch: Self.B, seqLen: Self.T)
            let lr: Float = 3e-3 * min(1, Float(step + 1) / 30)
            opt.update(m, lr: lr)
            if step >= steps - 20 { tail.append(loss) }
        }
        m.precision = .fp32
        let held = Self.batches(count: 2, seed: 2).map { s in
            m.forward(tokens: Array(s[0..<(Self.B * Self.T)]), targets: Array(s[1...]), batch: Self.B, seqLen: Self.T)
        }
        return (tail.reduce(0, +) / Float(tail.count), held.reduce(0, +) / Float(held.count))
    }

    func testThreeHundredStepsEndWithinOnePercentOfFP32() throws {
        try XCTSkipUnless(Precision.bf16Available, "no AVX512_BF16 on this CPU")
        let fp32 = train(.fp32), bf16 = train(.bf16)
        print("300 steps: fp32 loss \(fp32.end) held-out \(fp32.heldOut); bf16 loss \(bf16.end) held-out \(bf16.heldOut); start \(log(Float(128)))")
        XCTAssertLessThan(fp32.end, 0.75 * log(Float(128)), "the fp32 run did not learn; the comparison would say nothing")
        XCTAssertEqual(bf16.end, fp32.end, accuracy: 0.01 * fp32.end)
        XCTAssertEqual(bf16.heldOut, fp32.heldOut, accuracy: 0.01 * fp32.heldOut)
    }
}
