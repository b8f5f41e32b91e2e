import Foundation

/// A preference pair for DPO: two letters for one prompt, the judge's better and worse. Data only: the writer
/// builds pairs from the model's own letters (`PreferencePairBuilder`, Writer) and the store from the slot
/// machine's ratings (`RatingPairs`), so the type lives below both.
public struct JudgedPair: Codable, Sendable, Equatable {
    public var prompt: String
    public var chosen: String
    public var rejected: String
    public var chosenScore: Int
    public var rejectedScore: Int

    public init(prompt: String, chosen: String, rejected: String, chosenScore: Int, rejectedScore: Int) {
        self.prompt = prompt; self.chosen = chosen; self.rejected = rejected
        self.chosenScore = chosenScore; self.rejectedScore = rejectedScore
    }
}

/// The slot machine's `+`/`-` ratings as preference pairs: generations with the same prompt text,
/// one rated +1 and one rated −1, become (chosen, rejected). Each liked letter pairs with each
/// disliked one of its prompt (capped per prompt so one prompt cannot dominate).
public enum RatingPairs {
    public struct Rated: Sendable, Equatable {
        public var prompt: String
        public var text: String
        public var score: Int
        /// +1 or −1 (the latest rating of the generation).
        public var rating: Int
        public init(prompt: String, text: String, score: Int, rating: Int) {
            self.prompt = prompt; self.text = text; self.score = score; self.rating = rating
        }
    }

    public static func build(_ rated: [Rated], maxPairsPerPrompt: Int = 4) -> [JudgedPair] {
        var order: [String] = []
        var groups: [String: [Rated]] = [:]
        for r in rated {
            if groups[r.prompt] == nil { order.append(r.prompt) }
            groups[r.prompt, default: []].append(r)
        }
        var out: [JudgedPair] = []
        for p in order {
            let g = groups[p]!
            let liked = g.filter { $0.rating > 0 }, disliked = g.filter { $0.rating < 0 }
            var n = 0
            outer: for l in liked {
                for d in disliked where l.text != d.text {
                    out.append(JudgedPair(prompt: p, chosen: l.text, rejected: d.text, chosenScore: l.score, rejectedScore: d.score))
                    n += 1
                    if n >= maxPairsPerPrompt { break outer }
                }
            }
        }
        return out
    }
}
