import Dispatch
import XCTest
@testable import LM

/// Throughput of training and decoding on the size of model we ship (4 layers, dim 256, vocab 4096).
/// Skipped unless FOIBANDIT_BENCH=1; the LM target is always compiled with -Ounchecked, so a debug
/// test build measures the engine's real speed:
///     FOIBANDIT_BENCH=1 swift test --filter LMTests.BenchmarkTests
final class BenchmarkTests: XCTestCase {
    private func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    func testThroughput() throws {
        guard ProcessInfo.processInfo.environment["FOIBANDIT_BENCH"] == "1" else { throw XCTSkip("set FOIBANDIT_BENCH=1") }
        let saved = BLASThreads.count
        defer { BLASThreads.set(saved) }
        let c = ModelConfig(vocabSize: 4096, dim: 256, layers: 4, heads: 8, kvHeads: 8, hiddenDim: 688, maxSeqLen: 512)
        let m = Model(config: c, seed: 1)
        let B = 16, T = 256
        let toks = TestModels.randomTokens(B * T + 1, vocab: c.vocabSize, seed: 1)
        let inputs = Array(toks[0..<(B * T)]), targets = Array(toks[1...])
        let opt = AdamW(model: m)
        BLASThreads.set(2)
        var total = 0.0
        for step in 0..<4 {
            let t0 = now()
            m.zeroGrad()
            m.forward(tokens: inputs, targets: targets, batch: B, seqLen: T)
            m.backward()
            opt.update(m, lr: 1e-3)
            if step > 0 { total += now() - t0 }   // step 0 allocates activations
        }
        print(String(format: "bench: train %d params, B=%d T=%d, 2 threads: %.0f tokens/s", m.parameterCount, B, T, Double(3 * B * T) / total))

        BLASThreads.set(1)
        let gen = Generator(model: m)
        let o = SamplingOptions(temperature: 0.8, topK: 40, topP: 0.95, repetitionPenalty: 1.1, maxNewTokens: 200, seed: 1)
        let prompt = Array(toks[0..<32])
        _ = gen.generate(prompts: [prompt], options: o)
        var t0 = now()
        let one = gen.generate(prompts: [prompt], options: o)[0]
        print(String(format: "bench: decode batch 1, 1 thread: %.0f tokens/s", Double(one.count) / (now() - t0)))
        let prompts = (0..<8).map { Array(toks[($0 * 10)..<($0 * 11 + 20)]) }
        t0 = now()
        let eight = gen.generate(prompts: prompts, options: o)
        print(String(format: "bench: decode batch 8, 1 thread: %.0f tokens/s in total", Double(eight.map(\.count).reduce(0, +)) / (now() - t0)))
    }

    /// The memory bound's byte count: every weight once a step (as the model counts them, norms aside),
    /// plus each sequence's attended positions, worked by hand for two prompts of 3 and 5 tokens.
    func testDecodeBytesCountsWeightsAndAttendedPositions() {
        let c = ModelConfig(vocabSize: 10, dim: 8, layers: 2, heads: 2, kvHeads: 1, hiddenDim: 16, maxSeqLen: 32)
        let norms = c.layers * 2 * c.dim + c.dim
        XCTAssertEqual(EngineBench.decodeBytes(c, promptLengths: [3], newTokens: 1),
                       Double(4 * (Model(config: c, seed: 1).parameterCount - norms)))
        // weights 1232 floats; K and V of a position in both layers 2 · 2 · 4 floats; attended positions
        // (4 + 5 + 6) + (6 + 7 + 8) over the three steps after the prefill
        XCTAssertEqual(EngineBench.decodeBytes(c, promptLengths: [3, 5], newTokens: 4), 4 * 4 * 1232 + 36 * 64)
    }

    func testReadBandwidthProbeReportsARate() {
        let gbps = EngineBench.readBandwidth(bytes: 1 << 20, workers: 2, passes: 3)
        XCTAssert(gbps.isFinite && gbps > 0, "\(gbps)")
    }
}
