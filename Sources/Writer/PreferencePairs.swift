import FOI
import Foundation

/// Samples K letters per prompt from a model and keeps (best, worst) by the writer's order of preference
/// when they differ in validity or grounding, or by at least `minMargin` points of the judge's score.
public enum PreferencePairBuilder {
    public struct Stats: Sendable { public var prompts = 0, samples = 0, kept = 0, retried = 0, meanScore = 0.0 }

    /// Whether a pair teaches something: a valid letter over an invalid one, fewer items from no bank, more of the
    /// keywords' own questions, or
    /// (the same on both) a score gap of at least `minMargin`. Ties and near-ties are dropped unless the margin is 0.
    static func separates(_ best: WrittenLetter, _ worst: WrittenLetter, minMargin: Int) -> Bool {
        // A margin of 0 keeps every pair in order, ties included (the tiny pipeline test's model writes only ties).
        if minMargin <= 0 { return !worst.isBetter(than: best) }
        guard best.isBetter(than: worst) else { return false }
        if best.judge.valid != worst.judge.valid { return true }
        if best.judge.valid && (best.ungrounded ?? []).count < (worst.ungrounded ?? []).count { return true }
        // Both valid and grounded, one asking more of its keywords' own questions: the frames every topic shares are
        // what five rounds of SFT on its own letters drifted to (sft19: 71% of its items).
        if best.judge.valid && worst.judge.valid && (worst.ungrounded ?? []).isEmpty
            && (best.ownQuestions ?? 0) > (worst.ownQuestions ?? 0) { return true }
        return best.judge.score - worst.judge.score >= minMargin
    }

    public static func build(writer: LetterWriter, prompts: [LetterRequest], samplesPerPrompt K: Int,
                             minMargin: Int, batchSize: Int = 16, retryCandidates: Int? = nil, mended: Bool = false,
                             progress: ((Int, Int) -> Void)? = nil) -> (pairs: [JudgedPair], stats: Stats) {
        var requests: [LetterRequest] = []
        for (p, base) in prompts.enumerated() {
            for k in 0..<K {
                var r = base
                r.seed = StableHash.fnv1a([base.prompt.text, String(base.seed), String(k)]) ^ UInt64(p)
                requests.append(r)
            }
        }
        var letters: [WrittenLetter] = []
        // DPO learns from the model's own samples, not from the judge's pick of them nor the guards' repairs:
        // a non-word the word guard would have kept out is a mistake the pairs should show.
        let n = writer.candidates, guarded = writer.guardsNames
        writer.candidates = 1
        writer.guardsNames = false
        defer { writer.candidates = n; writer.guardsNames = guarded }
        for start in stride(from: 0, to: requests.count, by: batchSize) {
            letters += writer.write(Array(requests[start..<min(start + batchSize, requests.count)]))
            progress?(letters.count, requests.count)
        }
        var stats = Stats(prompts: prompts.count, samples: letters.count)
        stats.meanScore = letters.isEmpty ? 0 : Double(letters.map(\.judge.score).reduce(0, +)) / Double(letters.count)
        // Best and worst by the writer's own order (`WrittenLetter.isBetter`: valid, then items from the
        // banks, then no item asked twice, then score), so DPO moves the model toward the letter the product
        // would pick. The judge's score alone is 100 for most valid letters and would not tell a grounded
        // letter from one with a nonsense item. Pairs hold what the model wrote: with name slots, the letters
        // before the writer filled them.
        if mended {
            let pairs = prompts.indices.flatMap { p in
                MendedPairs.pairs(Array(letters[(p * K)..<((p + 1) * K)]), request: prompts[p], writer: writer)
            }
            stats.kept = pairs.count
            return (pairs, stats)
        }
        var chosen: [(letter: WrittenLetter, text: String)] = [], worst: [WrittenLetter] = []
        for p in 0..<prompts.count {
            let group = letters[(p * K)..<((p + 1) * K)]
            var b = group.first!, w = group.first!
            for l in group.dropFirst() {
                if l.isBetter(than: b) { b = l }
                if w.isBetter(than: l) { w = l }
            }
            chosen.append((b, b.raw ?? b.letter))
            worst.append(w)
        }
        // Where no sample is clean, the pair that teaches most is the letter the product would send over what the
        // model wrote: plain samples alone leave out exactly the prompts the model gets wrong (session 27).
        if let n = retryCandidates, n > 1 {
            let failing = prompts.indices.filter { !(chosen[$0].letter.groundedValid && chosen[$0].letter.followsStyle) }
            writer.candidates = n
            writer.guardsNames = true
            for start in stride(from: 0, to: failing.count, by: 4) {
                let batch = Array(failing[start..<min(start + 4, failing.count)])
                for (p, l) in zip(batch, writer.write(batch.map { prompts[$0] })) where l.groundedValid && l.followsStyle {
                    chosen[p] = (l, prompts[p].trainingForm(of: l.letter))
                    stats.retried += 1
                }
                progress?(letters.count + start + batch.count, letters.count + failing.count)
            }
        }
        var pairs: [JudgedPair] = []
        for p in 0..<prompts.count {
            let (best, text) = chosen[p], w = worst[p]
            guard Self.separates(best, w, minMargin: minMargin) else { continue }
            pairs.append(JudgedPair(prompt: best.prompt, chosen: text, rejected: w.raw ?? w.letter,
                                    chosenScore: best.judge.score, rejectedScore: w.judge.score))
        }
        stats.kept = pairs.count
        return (pairs, stats)
    }
}
