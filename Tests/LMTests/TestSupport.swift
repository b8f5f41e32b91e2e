import Common
import Foundation
@testable import LM

enum TestModels {
    /// A tiny GQA model with weights large enough that its distributions are peaked (no greedy near-ties).
    static let config = ModelConfig(vocabSize: 96, dim: 32, layers: 2, heads: 4, kvHeads: 2, hiddenDim: 48,
                                    maxSeqLen: 64, ropeTheta: 10000, normEps: 1e-5, bosTokenId: 1, eosTokenId: 2)
    static func tiny(seed: UInt64 = 7, config: ModelConfig = config) -> Model { Model(config: config, seed: seed, initStd: 0.3) }

    static func randomTokens(_ n: Int, vocab: Int, seed: UInt64) -> [Int] {
        var r = Xoshiro256(seed: seed)
        return (0..<n).map { _ in Int(r.next() % UInt64(vocab)) }
    }

    static func tempDir(_ name: String = #function) -> URL {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("lmtests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }
}

extension Model {
    var paramArray: [Float] { params.array }
}
