import XCTest
@testable import LM

/// The contract of the engine: the Swift forward, backward and AdamW agree with the PyTorch
/// reference (scripts/reference/llama_reference.py) on a tiny GQA model.
final class GoldenTests: XCTestCase {
    func testLogitsAndLoss() throws {
        let g = try GoldenFixture.load()
        let m = g.model()
        let loss = m.forward(tokens: g.tokens, targets: g.targets, mask: g.mask, batch: g.B, seqLen: g.T)
        let le = relativeError(m.logits, g.logits[...])
        print("golden: logits max rel err \(le), loss \(loss) vs \(g.loss)")
        XCTAssertLessThan(le, 1e-4)
        XCTAssertEqual(loss, g.loss, accuracy: 1e-4 * abs(g.loss))
        let slp = m.sequenceLogProbs()
        for b in 0..<g.B { XCTAssertEqual(slp[b], g.seqLogProbs[b], accuracy: 1e-4 * abs(g.seqLogProbs[b])) }
    }

    func testEveryGradient() throws {
        let g = try GoldenFixture.load()
        let m = g.model()
        m.forward(tokens: g.tokens, targets: g.targets, mask: g.mask, batch: g.B, seqLen: g.T)
        m.zeroGrad()
        m.backward()
        var worst: Float = 0
        for t in m.layout.tensors {
            let n = t.shape.reduce(1, *)
            let e = relativeError(UnsafeBufferPointer(start: m.grads.pointer + t.offset, count: n), g.grads[t.offset..<(t.offset + n)])
            worst = max(worst, e)
            XCTAssertLessThan(e, 1e-3, "gradient of \(t.name)")
        }
        print("golden: worst per-tensor gradient rel err \(worst)")
    }

    /// The fused training step (LM head and loss by chunks, logits computed once) gives the
    /// reference gradients too, and the same loss as a plain forward.
    func testForwardBackwardGradients() throws {
        let g = try GoldenFixture.load()
        let m = g.model()
        m.zeroGrad()
        let loss = m.forwardBackward(tokens: g.tokens, targets: g.targets, mask: g.mask, batch: g.B, seqLen: g.T)
        XCTAssertEqual(loss, g.loss, accuracy: 1e-4 * abs(g.loss))
        for t in m.layout.tensors {
            let n = t.shape.reduce(1, *)
            let e = relativeError(UnsafeBufferPointer(start: m.grads.pointer + t.offset, count: n), g.grads[t.offset..<(t.offset + n)])
            XCTAssertLessThan(e, 1e-3, "gradient of \(t.name)")
        }
    }

    func testTenAdamWSteps() throws {
        let g = try GoldenFixture.load()
        let m = g.model()
        let opt = AdamW(model: m, options: g.adam)
        var worst: Float = 0
        for i in 0..<g.steps {
            m.zeroGrad()
            let loss = m.forward(tokens: g.tokens, targets: g.targets, mask: g.mask, batch: g.B, seqLen: g.T)
            worst = max(worst, abs(loss - g.losses[i]) / abs(g.losses[i]))
            XCTAssertEqual(loss, g.losses[i], accuracy: 1e-4 * abs(g.losses[i]), "loss at step \(i)")
            m.backward()
            opt.update(m, lr: g.lr)
        }
        print("golden: worst AdamW-step loss rel err \(worst)")
    }
}
