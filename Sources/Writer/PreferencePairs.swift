import FOI
import Foundation

/// Samples K letters per prompt from a model and keeps (best, worst) when the judge separates
/// them by at least `minMargin` points. Ties and near-ties teach nothing and are dropped.
public enum PreferencePairBuilder {
    public struct Stats: Sendable { public var prompts = 0, samples = 0, kept = 0, meanScore = 0.0 }

    public static func build(writer: LetterWriter, prompts: [LetterRequest], samplesPerPrompt K: Int,
                             minMargin: Int, batchSize: Int = 16,
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
        var pairs: [JudgedPair] = []
        var stats = Stats(prompts: prompts.count, samples: letters.count)
        stats.meanScore = letters.isEmpty ? 0 : Double(letters.map(\.judge.score).reduce(0, +)) / Double(letters.count)
        for p in 0..<prompts.count {
            let group = letters[(p * K)..<((p + 1) * K)]
            // First best and first worst: stable under equal scores.
            guard let best = group.max(by: { $0.judge.score < $1.judge.score }),
                  let worst = group.min(by: { $0.judge.score < $1.judge.score }),
                  best.judge.score - worst.judge.score >= minMargin else { continue }
            // Pairs hold what the model wrote: with name slots, the letters before the writer filled them.
            pairs.append(JudgedPair(prompt: best.prompt, chosen: best.raw ?? best.letter, rejected: worst.raw ?? worst.letter,
                                    chosenScore: best.judge.score, rejectedScore: worst.judge.score))
        }
        stats.kept = pairs.count
        return (pairs, stats)
    }
}
