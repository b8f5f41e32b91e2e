import Foundation
import XCTest
@testable import LM

/// Reader for Fixtures/golden_tiny.bin; the layout is documented in scripts/reference/llama_reference.py.
struct GoldenFixture {
    let config: ModelConfig
    let B: Int, T: Int, steps: Int
    let lr: Float, adam: AdamW.Options
    let tokens: [Int], targets: [Int], mask: [Float]
    let params: [Float], logits: [Float], loss: Float, seqLogProbs: [Float], grads: [Float], losses: [Float]

    static var url: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden_tiny.bin")
    }

    struct Missing: Error, CustomStringConvertible { let description: String }

    static func load() throws -> GoldenFixture {
        guard let d = FileManager.default.contents(atPath: url.path) else {
            throw Missing(description: "golden fixture missing at \(url.path): regenerate it with scripts/reference/llama_reference.py")
        }
        var pos = 0
        func i32(_ n: Int) throws -> [Int32] {
            guard pos + 4 * n <= d.count else { throw Missing(description: "golden fixture truncated at byte \(pos)") }
            defer { pos += 4 * n }
            return d.withUnsafeBytes { r in (0..<n).map { r.loadUnaligned(fromByteOffset: pos + 4 * $0, as: Int32.self) } }
        }
        func f32(_ n: Int) throws -> [Float] {
            guard pos + 4 * n <= d.count else { throw Missing(description: "golden fixture truncated at byte \(pos)") }
            defer { pos += 4 * n }
            return d.withUnsafeBytes { r in (0..<n).map { r.loadUnaligned(fromByteOffset: pos + 4 * $0, as: Float.self) } }
        }
        let h = try i32(16).map(Int.init)
        guard h[0] == 0x474F4C44, h[1] == 1 else { throw Missing(description: "golden fixture has bad magic/version \(h[0]) \(h[1])") }
        let f = try f32(8)
        let (V, C, L, H, KVH, F, T, B, steps, P) = (h[2], h[3], h[4], h[5], h[6], h[7], h[8], h[9], h[10], h[11])
        let config = ModelConfig(vocabSize: V, dim: C, layers: L, heads: H, kvHeads: KVH, hiddenDim: F,
                                 maxSeqLen: T, ropeTheta: f[0], normEps: f[1])
        let tokens = try i32(B * T).map(Int.init), targets = try i32(B * T).map(Int.init), mask = try f32(B * T)
        let params = try f32(P), logits = try f32(B * T * V), loss = try f32(1)[0], slp = try f32(B)
        let grads = try f32(P), losses = try f32(steps)
        guard pos == d.count else { throw Missing(description: "golden fixture has \(d.count - pos) trailing bytes") }
        return GoldenFixture(config: config, B: B, T: T, steps: steps, lr: f[2],
                             adam: AdamW.Options(beta1: f[3], beta2: f[4], eps: f[5], weightDecay: f[6], gradClip: f[7]),
                             tokens: tokens, targets: targets, mask: mask, params: params, logits: logits, loss: loss,
                             seqLogProbs: slp, grads: grads, losses: losses)
    }

    func model() -> Model {
        let m = Model(config: config)
        precondition(m.parameterCount == params.count, "parameter layout differs from the fixture")
        m.params.pointer.update(from: params, count: params.count)
        return m
    }
}

/// max |a - b| / max(|b|max, floor): error relative to the reference tensor's scale.
func relativeError(_ a: UnsafeBufferPointer<Float>, _ b: ArraySlice<Float>, floor: Float = 1e-8) -> Float {
    precondition(a.count == b.count)
    var maxDiff: Float = 0, maxRef: Float = 0
    for (i, r) in zip(0..., b) { maxDiff = max(maxDiff, abs(a[i] - r)); maxRef = max(maxRef, abs(r)) }
    return maxDiff / max(maxRef, floor)
}
