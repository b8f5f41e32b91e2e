@testable import LM
@testable import LMDecode
import XCTest

final class DecodingTests: XCTestCase {
    /// Logits from the KV cache, token by token, equal a full forward over the whole sequence.
    func testKVCacheEqualsFullRecomputation() {
        var mha = TestModels.config; mha.kvHeads = mha.heads
        for m in [TestModels.tiny(), TestModels.tiny(config: mha)] { checkKVCache(m) }
    }

    private func checkKVCache(_ m: Model) {
        let V = m.config.vocabSize
        let seq = TestModels.randomTokens(40, vocab: V, seed: 11)
        m.forward(tokens: seq, batch: 1, seqLen: seq.count)
        let full = Array(m.logits)
        let dec = Decoder(model: m, batch: 1, capacity: 40)
        var worst: Float = 0
        // prefill 10, then one token at a time
        var l = Array(dec.append([(0, Array(seq[0..<10]))]))
        for j in 0..<V { worst = max(worst, abs(l[j] - full[9 * V + j])) }
        for t in 10..<40 {
            l = Array(dec.append([(0, [seq[t]])]))
            for j in 0..<V { worst = max(worst, abs(l[j] - full[t * V + j])) }
        }
        XCTAssertLessThan(worst, 1e-4)
    }

    /// Sequences of different lengths decoded together give the tokens each gives alone.
    func testBatchedDecodingEqualsEachAlone() {
        let m = TestModels.tiny(), V = m.config.vocabSize
        let prompts = [TestModels.randomTokens(3, vocab: V, seed: 21), TestModels.randomTokens(11, vocab: V, seed: 22),
                       TestModels.randomTokens(6, vocab: V, seed: 23)]
        let gen = Generator(model: m)
        for opts in [SamplingOptions.greedy, SamplingOptions(temperature: 0.9, topK: 20, topP: 0.9, repetitionPenalty: 1.2, maxNewTokens: 30, seed: 5)] {
            var o = opts; o.maxNewTokens = 30
            let batched = gen.generate(prompts: prompts, options: o)
            for (i, p) in prompts.enumerated() {
                let alone = gen.generate(prompts: [p], options: o, seeds: [o.seed(forSequence: i)])
                XCTAssertEqual(batched[i], alone[0], "sequence \(i), temperature \(o.temperature)")
            }
            XCTAssertEqual(batched.map(\.count), [30, 30, 30])
        }
    }

    func testSamplingIsDeterministicPerSeed() {
        let m = TestModels.tiny(), V = m.config.vocabSize
        let gen = Generator(model: m)
        let p = [TestModels.randomTokens(5, vocab: V, seed: 31)]
        let o = SamplingOptions(temperature: 1.0, topK: 0, topP: 0.95, repetitionPenalty: 1.1, maxNewTokens: 40, seed: 42)
        let a = gen.generate(prompts: p, options: o), b = gen.generate(prompts: p, options: o)
        XCTAssertEqual(a, b)
        var o2 = o; o2.seed = 43
        XCTAssertNotEqual(a, gen.generate(prompts: p, options: o2))
    }

    /// Greedy generation equals argmax of full recomputation at every step.
    func testGreedyMatchesFullForwardArgmax() {
        let m = TestModels.tiny(), V = m.config.vocabSize
        var seq = TestModels.randomTokens(4, vocab: V, seed: 41)
        var o = SamplingOptions.greedy; o.maxNewTokens = 20
        let out = Generator(model: m).generate(prompts: [seq], options: o)[0]
        for t in out {
            m.forward(tokens: seq, batch: 1, seqLen: seq.count)
            let row = Array(m.logits[((seq.count - 1) * V)...])
            XCTAssertEqual(t, row.indices.max { row[$0] < row[$1] }!)
            seq.append(t)
        }
    }

    func testStopTokenAndCallback() {
        let m = TestModels.tiny(), V = m.config.vocabSize
        let p = TestModels.randomTokens(5, vocab: V, seed: 51)
        var o = SamplingOptions.greedy; o.maxNewTokens = 20
        let free = Generator(model: m).generate(prompts: [p], options: o)[0]
        o.stopTokenIds = [free[3]]
        let stopped = Generator(model: m).generate(prompts: [p], options: o)[0]
        XCTAssertEqual(stopped, Array(free.prefix(while: { $0 != free[3] })))
        var streamed = [Int]()
        let cut = Generator(model: m).generate(prompts: [p, p], options: SamplingOptions.greedy) { s, t in
            if s == 0 { streamed.append(t) }
            return (s == 0 ? streamed.count : 99) < 5
        }
        XCTAssertEqual(cut[0].count, 5)
        XCTAssertEqual(cut[0], streamed)
    }

    func testTopKOneIsGreedy() {
        let m = TestModels.tiny(), V = m.config.vocabSize
        let p = [TestModels.randomTokens(5, vocab: V, seed: 61)]
        var g = SamplingOptions.greedy; g.maxNewTokens = 15
        let k1 = SamplingOptions(temperature: 1.5, topK: 1, topP: 1, repetitionPenalty: 1, maxNewTokens: 15, seed: 9)
        XCTAssertEqual(Generator(model: m).generate(prompts: p, options: g), Generator(model: m).generate(prompts: p, options: k1))
        let p0 = SamplingOptions(temperature: 1.5, topK: 0, topP: 1e-6, repetitionPenalty: 1, maxNewTokens: 15, seed: 9)
        XCTAssertEqual(Generator(model: m).generate(prompts: p, options: g), Generator(model: m).generate(prompts: p, options: p0))
    }

    /// No n-gram of drawn tokens twice (Hugging Face's no_repeat_ngram_size); greedy on a tiny model loops without it.
    func testNoRepeatNGramBansRepeatsAndYieldsToAConstraint() {
        let m = TestModels.tiny(), V = m.config.vocabSize
        let p = [TestModels.randomTokens(5, vocab: V, seed: 61)]
        func ngrams(_ t: [Int], _ n: Int) -> [[Int]] { t.count < n ? [] : (0...(t.count - n)).map { Array(t[$0..<($0 + n)]) } }
        var g = SamplingOptions.greedy; g.maxNewTokens = 50
        let loose = Generator(model: m).generate(prompts: p, options: g)[0]
        XCTAssertLessThan(Set(ngrams(loose, 2)).count, ngrams(loose, 2).count, "the test needs a model that repeats itself")
        g.noRepeatNGram = 2
        let banned = Generator(model: m).generate(prompts: p, options: g)[0]
        XCTAssertEqual(banned.count, 50)
        XCTAssertEqual(Set(ngrams(banned, 2)).count, ngrams(banned, 2).count)
        // a constraint that allows one token only wins over the ban
        let forced = Generator(model: m).generate(prompts: p, options: g, constrain: { _, logits in
            for j in 0..<V where j != 7 { logits[j] = -.infinity }
        })[0]
        XCTAssertEqual(forced, [Int](repeating: 7, count: 50))
    }
    /// A guide that writes every token writes what it writes alone; one that writes none leaves the model's
    /// own letters; one that writes some spans gives a sequence both models had a hand in.
    func testGuideWritesItsSpansFromTheSameTokens() {
        let m = TestModels.tiny(seed: 1), base = TestModels.tiny(seed: 2), V = m.config.vocabSize
        let p = [TestModels.randomTokens(4, vocab: V, seed: 41), TestModels.randomTokens(9, vocab: V, seed: 42)]
        let o = SamplingOptions(temperature: 0.9, topK: 20, topP: 0.95, repetitionPenalty: 1, maxNewTokens: 24, seed: 7)
        let own = Generator(model: m).generate(prompts: p, options: o), alone = Generator(model: base).generate(prompts: p, options: o)
        XCTAssertNotEqual(own, alone, "the test needs two models that write differently")
        XCTAssertEqual(Generator(model: m).generate(prompts: p, options: o, guide: Guide(model: base) { _ in true }), alone)
        XCTAssertEqual(Generator(model: m).generate(prompts: p, options: o, guide: Guide(model: base) { _ in false }), own)
        var written = [0, 0]
        let mixed = Generator(model: m).generate(prompts: p, options: o, guide: Guide(model: base) { s in written[s] >= 12 },
                                                 onToken: { s, _ in written[s] += 1; return true })
        for s in 0..<2 {
            XCTAssertEqual(Array(mixed[s].prefix(12)), Array(own[s].prefix(12)))
            XCTAssertNotEqual(mixed[s], own[s])
        }
    }
}
