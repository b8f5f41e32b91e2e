import FOI

/// Made-up authorities and keywords for the SFT corpus.
///
/// With about 1,700 training authorities and 680 keywords a small model can memorise every name and
/// topic instead of copying them from its prompt, and then writes a known authority's name, or drops
/// the topic, when the prompt holds an unseen one. Swapping the rare words of real names and topics
/// for other rare words makes memorising useless, so the model has to copy.
public struct Surrogates: Sendable {
    /// Words that occur in at most `rareLimit` training authority names: mostly place names.
    let placeWords: [String]
    let placeSet: Set<String>
    /// Every word of the training keywords.
    let topicWords: [String]
    /// Every real name and topic, held-out ones included: a surrogate is never one of them.
    let realNames: Set<String>
    let realTopics: Set<String>
    static let rareLimit = 3

    /// Words come from the training split only; `reserved` authorities and keywords (all of them,
    /// held-out included) are names a surrogate must not take.
    public init(authorities: [Authority], keywords: [Keyword],
                reserved: (authorities: [Authority], keywords: [Keyword])) {
        var counts: [String: Int] = [:]
        for a in authorities {
            for w in Set(Self.words(a.name)) where Self.isCapitalised(w) { counts[w, default: 0] += 1 }
        }
        placeWords = counts.filter { $0.value <= Self.rareLimit }.map(\.key).sorted()
        placeSet = Set(placeWords)
        topicWords = Array(Set(keywords.flatMap { Self.words($0.text) }.filter { $0.count > 2 })).sorted()
        realNames = Set((authorities + reserved.authorities).map { $0.name.lowercased() })
        realTopics = Set((keywords + reserved.keywords).map { $0.text.lowercased() })
    }

    static func words(_ s: String) -> [String] { s.split(separator: " ").map(String.init) }

    static func isCapitalised(_ w: String) -> Bool {
        guard let f = w.unicodeScalars.first else { return false }
        // A word of letters only: "Executive)" and "(Tyne" from "Nexus (Tyne and Wear Passenger Transport
        // Executive)" made the surrogate "Executive) University".
        return f.properties.isUppercase && w.count > 2 && w.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" }
    }

    /// `a` under a new name: its rare (place) words replaced by other rare words; nil when it has none
    /// or the new name is a real authority. Nation, regime and category stay, so the law is unchanged.
    public func authority(like a: Authority, rng: inout SplitMix64) -> Authority? {
        guard !placeWords.isEmpty else { return nil }
        var swap: [String: String] = [:]
        for w in Self.words(a.name) where placeSet.contains(w) && swap[w] == nil {
            swap[w] = rng.pick(placeWords)
        }
        guard !swap.isEmpty else { return nil }
        func rename(_ s: String) -> String { Self.words(s).map { swap[$0] ?? $0 }.joined(separator: " ") }
        let name = rename(a.name)
        guard name != a.name, !realNames.contains(name.lowercased()) else { return nil }
        var b = a
        b.name = name
        b.shortName = rename(a.shortName)
        b.website = ""
        return b
    }

    /// `k` with one or two of its words replaced by other topic words (theme, categories and the
    /// environmental flag stay); `k` itself when the result is a real topic.
    public func keyword(like k: Keyword, rng: inout SplitMix64) -> Keyword {
        var ws = Self.words(k.text)
        guard !ws.isEmpty, !topicWords.isEmpty else { return k }
        let n = ws.count == 1 ? 1 : 1 + rng.below(2)
        for _ in 0..<n { ws[rng.below(ws.count)] = rng.pick(topicWords) }
        let text = ws.joined(separator: " ")
        guard !realTopics.contains(text.lowercased()) else { return k }
        var b = k
        b.text = text
        return b
    }
}
