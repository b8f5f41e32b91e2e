import Foundation
@testable import LM
@testable import LMDecode
@testable import LMFormats
import XCTest

/// Halves of scripts/interop/model_check.sh, which sets FOIBANDIT_INTEROP_DIR (skipped otherwise).
///
/// Export: writes a random tiny model to $DIR/ours and $DIR/ours_expected.bin for transformers to compare:
///   int32[5] B, T, V, promptLen, nGen; int32[B*T] tokens; float32[B*T*V] logits;
///   int32[promptLen] greedy prompt; int32[nGen] our greedy continuation; int32[nGen] the same with
///   repetition penalty 1.3.
/// Import: loads $DIR/hf (saved by transformers' save_pretrained) and compares with $DIR/hf_expected.bin:
///   int32[3] B, T, V; int32[B*T] tokens; float32[B*T*V] transformers' logits.
final class InteropTests: XCTestCase {
    private func interopDir() throws -> URL {
        guard let d = ProcessInfo.processInfo.environment["FOIBANDIT_INTEROP_DIR"], !d.isEmpty else {
            throw XCTSkip("set FOIBANDIT_INTEROP_DIR (scripts/interop/model_check.sh does)")
        }
        return URL(fileURLWithPath: d)
    }

    func testExportForInterop() throws {
        let dir = try interopDir()
        let config = ModelConfig(vocabSize: 320, dim: 64, layers: 2, heads: 4, kvHeads: 2, hiddenDim: 176,
                                 maxSeqLen: 128, ropeTheta: 10000, normEps: 1e-5, bosTokenId: 1, eosTokenId: 2)
        let m = Model(config: config, seed: 2024, initStd: 0.3)
        try m.save(to: dir.appendingPathComponent("ours"))
        let B = 2, T = 48, V = config.vocabSize, nGen = 64
        let tokens = TestModels.randomTokens(B * T, vocab: V, seed: 99)
        m.forward(tokens: tokens, batch: B, seqLen: T)
        let prompt = Array(tokens[0..<8])
        var o = SamplingOptions.greedy; o.maxNewTokens = nGen
        let gen = Generator(model: m).generate(prompts: [prompt], options: o)[0]
        o.repetitionPenalty = 1.3   // greedy with Hugging Face's repetition penalty must match too
        let genPenalty = Generator(model: m).generate(prompts: [prompt], options: o)[0]
        XCTAssertEqual(gen.count, nGen)
        XCTAssertEqual(genPenalty.count, nGen)
        var out = Data()
        func put(_ xs: [Int32]) { xs.withUnsafeBytes { out.append(contentsOf: $0) } }
        put([Int32(B), Int32(T), Int32(V), Int32(prompt.count), Int32(nGen)])
        put(tokens.map(Int32.init))
        out.append(UnsafeBufferPointer(start: m.logits.baseAddress, count: m.logits.count))
        put(prompt.map(Int32.init)); put(gen.map(Int32.init)); put(genPenalty.map(Int32.init))
        try out.write(to: dir.appendingPathComponent("ours_expected.bin"))
    }

    func testImportFromTransformers() throws {
        let dir = try interopDir()
        let hf = dir.appendingPathComponent("hf")
        guard FileManager.default.fileExists(atPath: hf.path) else { throw XCTSkip("no transformers checkpoint at \(hf.path) yet") }
        let m = try Model.load(directory: hf)
        let d = try Data(contentsOf: dir.appendingPathComponent("hf_expected.bin"))
        let ints = d.withUnsafeBytes { r in (0..<3).map { Int(r.loadUnaligned(fromByteOffset: 4 * $0, as: Int32.self)) } }
        let (B, T, V) = (ints[0], ints[1], ints[2])
        XCTAssertEqual(V, m.config.vocabSize)
        let tokens = d.withUnsafeBytes { r in (0..<(B * T)).map { Int(r.loadUnaligned(fromByteOffset: 12 + 4 * $0, as: Int32.self)) } }
        let ref = d.withUnsafeBytes { r in (0..<(B * T * V)).map { r.loadUnaligned(fromByteOffset: 12 + 4 * B * T + 4 * $0, as: Float.self) } }
        m.forward(tokens: tokens, batch: B, seqLen: T)
        let e = relativeError(m.logits, ref[...])
        print("interop import: logits max rel err vs transformers \(e)")
        XCTAssertLessThan(e, 1e-4)
    }
}
