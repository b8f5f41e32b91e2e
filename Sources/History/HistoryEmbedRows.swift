import FOI
import Foundation
import LM
import Tokenizer
import Training

/// Which rows of the tied embedding a history adapter may move: the tokens the person writes that the base
/// all but never writes where the person does ("'d" of "I'd", "ince" of "Since").
///
/// Why not all of them: the embedding is also the LM head, and a low-rank delta B·A on every row moves every
/// token's logit at every step. Measured on the handwritten history with product decoding (best of 8, 35
/// letters for held-out prompts), the all-rows adapter wrote 91% valid letters against the base's 100%, one
/// of them "Immmm'm'mmmmmmmm'mmmm…" from its first line: "'m" and "m" had risen everywhere, not only after
/// "I". Rows outside the set keep B = 0 (their gradient is dropped, `LoRAAdapter.embedRows`), so the head
/// scores those tokens exactly as the base does, and the projections' adapters carry the rest of the style.
public enum HistoryEmbedRows {
    /// A token is the person's own when the base gives it, on average over the person's letters, a
    /// log-probability below this where the person writes it: e^−8 ≈ 1 in 3,000, a token the base does
    /// not write there. Frame words the base writes in other places ("Many", "Dear") stay well above it.
    public static let threshold: Float = -8
    /// At least this many uses in the person's training letters: one odd token is no style.
    public static let minimumUses = 2
    /// And in at least this share of them (and 3): a style is what the person writes across letters, while a
    /// topic's word in two or three letters is the topic's. Read in plain samples: with " tenants" (3 letters of
    /// 38) adapted, the adapter asked the Home Office and a county council about "your tenants", and the judge
    /// failed 14 of 70 letters for people the body does not serve (issue 27).
    public static let minimumLetterShare = 0.1

    public struct Row: Sendable, Equatable {
        public var token: Int
        public var uses: Int
        public var meanLogProb: Float
    }

    /// Scores the person's training examples under `model` (the base, before any adapter) and returns the
    /// rows to adapt, most surprising first.
    public static func select(model: Model, examples: [Example], seqLen: Int, pad: Int, batchSize: Int = 8,
                              threshold: Float = threshold, minimumUses: Int = minimumUses) -> [Row] {
        var sum = [Double](repeating: 0, count: model.config.vocabSize)
        var uses = [Int](repeating: 0, count: model.config.vocabSize)
        var letters = [Int](repeating: 0, count: model.config.vocabSize), lastLetter = [Int](repeating: -1, count: model.config.vocabSize)
        var first = 0
        for b in ExampleBatches.sequential(examples, batchSize: batchSize, seqLen: seqLen, pad: pad) {
            model.forward(tokens: b.tokens, targets: b.targets, mask: b.mask, batch: b.B, seqLen: b.T)
            let lp = model.tokenLogProbs
            for i in 0..<(b.B * b.T) where b.mask[i] > 0 && b.targets[i] >= 0 {
                let t = b.targets[i], letter = first + i / b.T
                sum[t] += Double(lp[i]); uses[t] += 1
                if lastLetter[t] != letter { lastLetter[t] = letter; letters[t] += 1 }
            }
            first += b.B
        }
        let inLetters = max(3, Int((minimumLetterShare * Double(examples.count)).rounded(.up)))
        return uses.indices.compactMap { t -> Row? in
            guard uses[t] >= minimumUses, letters[t] >= min(inLetters, examples.count) else { return nil }
            let m = Float(sum[t] / Double(uses[t]))
            return m < threshold ? Row(token: t, uses: uses[t], meanLogProb: m) : nil
        }.sorted { ($0.meanLogProb, $0.token) < ($1.meanLogProb, $1.token) }
    }

    /// "'d" ×38 (−17.9), … for the report.
    public static func describe(_ rows: [Row], tokenizer: BPETokenizer, limit: Int = 12) -> String {
        rows.prefix(limit).map { r in
            let text = tokenizer.decode([r.token]).replacingOccurrences(of: "\n", with: "\\n")
            return String(format: "“%@” ×%d (%.1f)", text, r.uses, r.meanLogProb)
        }.joined(separator: ", ") + (rows.count > limit ? ", …" : "")
    }
}
