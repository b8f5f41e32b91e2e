import FOI
import FOICorpus
import Foundation

/// How `train history` trains, chosen from the size of the history (issue 27). Every figure can be overridden
/// on the command line; these are what a person who passes none gets.
///
/// The rule, for n letters to learn from:
/// - rank 4 below 30 letters, 8 below 100, else 16 (alpha twice the rank): fewer letters, fewer directions to
///   learn them by heart in;
/// - peak learning rate 2e-3 · √(n/40), between 1e-3 and 3e-3: a small history gives noisier steps, and early
///   stopping, not a timid rate, is what keeps the letters whole (at 1e-3 the 40 handwritten letters took 90 steps
///   to their best, at two shared cores' pace over 5 minutes);
/// - at most 20 passes over the examples, between 40 and 120 steps of 8, with the held-out loss measured every
///   8 steps and training stopped after 3 measurements without a new best; the best adapter is the one kept;
/// - one composer letter for every three of the person's, in the composer's other styles (`replay`), so the
///   adapter keeps the base's competence at what the person never wrote, while the person's prompts (the
///   `numbered` style that `generate` uses) learn the person's voice.
public struct HistoryPlan: Sendable, Equatable {
    public var rank: Int
    public var alpha: Float
    public var learningRate: Float
    public var maxSteps: Int
    public var batchSize: Int
    public var evalEvery: Int
    public var patience: Int
    public var replayLetters: Int

    public static let maxPasses = 20
    public static let stepRange = 40...120

    public init(trainLetters n: Int, batchSize: Int = 8) {
        rank = n < 30 ? 4 : n < 100 ? 8 : 16
        alpha = Float(2 * rank)
        learningRate = min(3e-3, max(1e-3, 2e-3 * Float((Double(max(n, 1)) / 40).squareRoot())))
        self.batchSize = batchSize
        replayLetters = (n + 2) / 3
        let examples = n + replayLetters
        maxSteps = min(Self.stepRange.upperBound, max(Self.stepRange.lowerBound, Self.maxPasses * examples / batchSize))
        evalEvery = 8
        patience = 3
    }

    public var description: String {
        String(format: "LoRA rank %d, alpha %.0f, learning rate %.1e, at most %d steps of %d, held-out loss every %d steps, "
               + "patience %d, %d composer letters mixed in", rank, alpha, learningRate, maxSteps, batchSize, evalEvery, patience, replayLetters)
    }
}

/// The base's own kind of letter, mixed into the person's so the adapter is pulled back toward the base:
/// composer letters for prompts drawn from the store's authorities and keywords, in every style but the one
/// the person's letters are trained under, with the names through slots when the base writes them so.
public enum HistoryReplay {
    public static func examples(count: Int, authorities: [Authority], keywords: [Keyword], nameSlots: Bool,
                                seed: UInt64) -> [(prompt: String, letter: String)] {
        guard count > 0, !authorities.isEmpty, !keywords.isEmpty else { return [] }
        var rng = SplitMix64(seed: StableHash.fnv1a(["history-replay", String(seed)]))
        let styles = LetterStyle.allCases.filter { $0.rawValue != HistoryTraining.style }
        let composer = Composer()
        return (0..<count).map { _ in
            let (a, ks, _, sd) = DomainCorpus.drawPrompt(authorities: authorities, keywords: keywords, rng: &rng)
            let l = composer.compose(authority: a, keywords: ks, style: rng.pick(styles), seed: sd)
            return (l.prompt.text, nameSlots ? NameSlots(l.prompt).delexicalise(l.text) : l.text)
        }
    }
}
