@testable import LM
@testable import LMDecode
import XCTest

/// The benchmark's own arithmetic (`EngineBench`). Throughput itself is measured by `foibandit bench train`
/// and `foibandit bench decode` (bench/speed/run.sh), not by a test: a test that only prints a speed checks
/// nothing.
final class BenchmarkTests: XCTestCase {
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
