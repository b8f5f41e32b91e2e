import XCTest
@testable import LM

final class LossTests: XCTestCase {
    /// Tokens with mask 0 contribute nothing: changing their targets changes neither loss nor gradients.
    func testMaskedTargetsContributeNothing() {
        let m = TestModels.tiny(), c = m.config
        let B = 2, T = 16
        let tokens = TestModels.randomTokens(B * T, vocab: c.vocabSize, seed: 1)
        var targets = TestModels.randomTokens(B * T, vocab: c.vocabSize, seed: 2)
        var mask = [Float](repeating: 1, count: B * T)
        for i in [0, 1, 2, 3, 17, 20, 31] { mask[i] = 0 }
        let l1 = m.forward(tokens: tokens, targets: targets, mask: mask, batch: B, seqLen: T)
        m.zeroGrad(); m.backward()
        let g1 = m.grads.array
        for i in 0..<(B * T) where mask[i] == 0 { targets[i] = (targets[i] + 5) % c.vocabSize }
        let l2 = m.forward(tokens: tokens, targets: targets, mask: mask, batch: B, seqLen: T)
        m.zeroGrad(); m.backward()
        XCTAssertEqual(l1, l2)
        XCTAssertEqual(g1, m.grads.array)
        // and the loss is the mean over the weighted tokens only
        let lp = m.tokenLogProbs
        var s: Float = 0; var w: Float = 0
        for i in 0..<(B * T) { s -= mask[i] * lp[i]; w += mask[i] }
        XCTAssertEqual(l2, s / w, accuracy: 1e-5)
    }

    /// A target of -1 is ignored, as a 0 mask is.
    func testNegativeTargetIgnored() {
        let m = TestModels.tiny(), c = m.config
        let tokens = TestModels.randomTokens(8, vocab: c.vocabSize, seed: 3)
        var targets = TestModels.randomTokens(8, vocab: c.vocabSize, seed: 4)
        var mask = [Float](repeating: 1, count: 8); mask[5] = 0
        let l1 = m.forward(tokens: tokens, targets: targets, mask: mask, batch: 1, seqLen: 8)
        targets[5] = -1
        let l2 = m.forward(tokens: tokens, targets: targets, batch: 1, seqLen: 8)
        XCTAssertEqual(l1, l2)
    }

    /// The DPO entry point with g_b = -1/Σmask reproduces the mean cross-entropy gradient.
    func testSequenceLogProbBackwardMatchesMeanLoss() {
        let m = TestModels.tiny(), c = m.config
        let B = 3, T = 8
        let tokens = TestModels.randomTokens(B * T, vocab: c.vocabSize, seed: 5)
        let targets = TestModels.randomTokens(B * T, vocab: c.vocabSize, seed: 6)
        let mask: [Float] = (0..<(B * T)).map { $0 % T < 3 ? 0 : 1 }
        m.forward(tokens: tokens, targets: targets, mask: mask, batch: B, seqLen: T)
        m.zeroGrad(); m.backward()
        let g1 = m.grads.array
        let w = mask.reduce(0, +)
        m.zeroGrad(); m.backward(sequenceLogProbGrads: [Float](repeating: -1 / w, count: B))
        let g2 = m.grads.array
        var maxDiff: Float = 0
        for i in 0..<g1.count { maxDiff = max(maxDiff, abs(g1[i] - g2[i])) }
        XCTAssertLessThan(maxDiff, 1e-6)
        let slp = m.sequenceLogProbs()
        XCTAssertEqual(slp.count, B)
        XCTAssertTrue(slp.allSatisfy { $0 < 0 })
    }

    /// forwardBackward = forward + backward(): same loss, log-probs and gradients, with a vocabulary
    /// large enough for several LM-head chunks (and a partial last one).
    func testForwardBackwardMatchesSeparateCalls() {
        let c = ModelConfig(vocabSize: 40_000, dim: 16, layers: 1, heads: 2, kvHeads: 1, hiddenDim: 24, maxSeqLen: 256)
        let m = Model(config: c, seed: 4, initStd: 0.3)
        let B = 2, T = 150
        XCTAssertGreaterThan(B * T, LMHead.chunkRows(V: c.vocabSize, N: B * T))
        let tokens = TestModels.randomTokens(B * T, vocab: c.vocabSize, seed: 10)
        let targets = TestModels.randomTokens(B * T, vocab: c.vocabSize, seed: 11)
        let mask: [Float] = (0..<(B * T)).map { $0 % 7 == 0 ? 0 : 1 }
        let l1 = m.forward(tokens: tokens, targets: targets, mask: mask, batch: B, seqLen: T)
        let lp1 = Array(m.tokenLogProbs)
        m.zeroGrad(); m.backward()
        let g1 = m.grads.array
        m.zeroGrad()
        let l2 = m.forwardBackward(tokens: tokens, targets: targets, mask: mask, batch: B, seqLen: T)
        XCTAssertEqual(l1, l2)
        XCTAssertEqual(lp1, Array(m.tokenLogProbs))
        XCTAssertEqual(g1, m.grads.array)
        // logits on demand agree with the loss: log-softmax at the target is the stored log-prob
        let V = c.vocabSize, row = Array(m.logits[(5 * V)..<(6 * V)])
        let mx = row.max()!, lse = mx + log(row.reduce(0) { $0 + exp($1 - mx) })
        XCTAssertEqual(row[targets[5]] - lse, lp1[5], accuracy: 1e-4)
    }

    /// Finite-difference check of one norm weight and one matrix entry (independent of the golden file).
    func testGradientMatchesFiniteDifference() {
        let c = ModelConfig(vocabSize: 32, dim: 16, layers: 1, heads: 2, kvHeads: 1, hiddenDim: 24, maxSeqLen: 8)
        let m = Model(config: c, seed: 3, initStd: 0.3)
        let tokens = TestModels.randomTokens(12, vocab: 32, seed: 8), targets = TestModels.randomTokens(12, vocab: 32, seed: 9)
        m.forward(tokens: tokens, targets: targets, batch: 2, seqLen: 6)
        m.zeroGrad(); m.backward()
        for idx in [m.layout.offset(.wq) + 5, m.layout.offset(.attnNorm) + 3, m.layout.offset(.wdown) + 7, 11] {
            let orig = m.params[idx], h: Float = 1e-2
            m.params[idx] = orig + h
            let lp = Double(m.forward(tokens: tokens, targets: targets, batch: 2, seqLen: 6))
            m.params[idx] = orig - h
            let lm = Double(m.forward(tokens: tokens, targets: targets, batch: 2, seqLen: 6))
            m.params[idx] = orig
            let fd = Float((lp - lm) / Double(2 * h))
            XCTAssertEqual(m.grads[idx], fd, accuracy: 2e-3 + 2e-2 * abs(fd), "param \(idx)")
        }
    }

    func testScheduleWarmupAndCosine() {
        let s = LRSchedule(maxLR: 1e-3, minLR: 1e-4, warmupSteps: 10, totalSteps: 110)
        XCTAssertEqual(s.lr(at: 0), 1e-4, accuracy: 1e-9)
        XCTAssertEqual(s.lr(at: 9), 1e-3, accuracy: 1e-9)
        XCTAssertEqual(s.lr(at: 60), 5.5e-4, accuracy: 1e-7)
        XCTAssertEqual(s.lr(at: 110), 1e-4, accuracy: 1e-9)
        XCTAssertEqual(s.lr(at: 500), 1e-4, accuracy: 1e-9)
    }
}
