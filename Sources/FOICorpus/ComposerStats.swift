import FOI

/// Diversity of the composer's output: distinct letters, distinct-2 and shapes.
public struct ComposerStats: Codable, Equatable, Sendable {
    public var count: Int
    /// Letters whose full text differs from every other.
    public var distinctLetters: Int
    /// Distinct word bigrams / all word bigrams, over every letter.
    public var distinct2: Double
    public var distinctBigrams: Int
    public var totalBigrams: Int
    /// Distinct sequences of part variants (which phrasing each part used, which question kinds).
    public var shapes: Int
    public var minWords: Int
    public var maxWords: Int
    public var meanWords: Double
    /// Letters with each structure: three-line, background paragraph, follow-up of an earlier request, a line
    /// of context, definitions, inline list, numbered list, bullets, a plain "Hello" greeting. Optional so that
    /// stats saved before it still load.
    public var structures: [String: Int]? = nil

    /// The shape tags that mark a structure, and its name.
    static let structureTags: [(String, String)] = [
        ("short", "three-line"), ("background:", "background paragraph"), ("opening-f:", "follow-up of an earlier request"),
        ("context:", "line of context"), ("def-k:", "definitions"), ("inline:", "inline list"), ("marker:", "numbered list"),
        ("bullet:", "bulleted list"), ("followup:", "closing follow-up item"),
    ]

    /// Composes `count` letters for random prompts (authority, 1–3 keywords, styles in turn) and measures them.
    public static func measure(count: Int, authorities: [Authority], keywords: [Keyword], seed: UInt64) -> ComposerStats {
        precondition(!authorities.isEmpty && !keywords.isEmpty)
        var rng = SplitMix64(seed: seed)
        let composer = Composer()
        var letters = Set<UInt64>()
        var bigrams = Set<UInt64>()
        var shapes = Set<UInt64>()
        var total = 0, minW = Int.max, maxW = 0, sumW = 0
        var structures: [String: Int] = [:]
        for i in 0..<count {
            let a = rng.pick(authorities)
            let ks = rng.sample(keywords, 1 + rng.below(min(3, keywords.count)))
            let style = LetterStyle.allCases[i % LetterStyle.allCases.count]
            let l = composer.compose(authority: a, keywords: ks, style: style, seed: rng.next())
            letters.insert(StableHash.fnv1a(l.text))
            shapes.insert(StableHash.fnv1a(l.shape))
            for (tag, name) in structureTags where l.shape.contains(where: { $0.hasPrefix(tag) && $0 != "context:-" }) {
                structures[name, default: 0] += 1
            }
            if l.text.hasPrefix("Hello") { structures["plain greeting", default: 0] += 1 }
            let w = TextTools.words(l.text)
            for j in 1..<max(1, w.count) {
                bigrams.insert(StableHash.fnv1a(w[j - 1] + " " + w[j]))
                total += 1
            }
            let n = TextTools.wordCount(l.text)
            minW = min(minW, n); maxW = max(maxW, n); sumW += n
        }
        return ComposerStats(count: count, distinctLetters: letters.count,
                             distinct2: total == 0 ? 0 : Double(bigrams.count) / Double(total),
                             distinctBigrams: bigrams.count, totalBigrams: total, shapes: shapes.count,
                             minWords: minW, maxWords: maxW, meanWords: count == 0 ? 0 : Double(sumW) / Double(count),
                             structures: structures)
    }
}
