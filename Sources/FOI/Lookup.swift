/// Finds an authority or keyword by name, with "did you mean" suggestions when there is no match.
public enum Lookup {
    public enum Outcome<T> {
        case found(T)
        case notFound(suggestions: [String])
    }

    /// Exact name or short name, case-insensitive; then a unique case-insensitive prefix.
    public static func authority(_ query: String, in all: [Authority]) -> Outcome<Authority> {
        let q = query.lowercased().trimmingSpaces
        if let a = all.first(where: { $0.name.lowercased() == q || $0.shortName.lowercased() == q }) { return .found(a) }
        // As people write names: without a leading "the" ("Highland Council" for The Highland Council), "&" for "and".
        let n = normalised(query)
        let same = all.filter { normalised($0.name) == n || normalised($0.shortName) == n }
        if same.count == 1 { return .found(same[0]) }
        let prefixed = all.filter { normalised($0.name).hasPrefix(n) }
        if prefixed.count == 1, n.count >= 4 { return .found(prefixed[0]) }
        return .notFound(suggestions: suggestions(query, candidates: all.map(\.name)))
    }

    static func normalised(_ name: String) -> String {
        var t = name.lowercased().trimmingSpaces
        if t.hasPrefix("the ") { t.removeFirst(4) }
        return t.replacingOccurrences(of: " & ", with: " and ")
    }

    /// Up to `limit` candidates ranked by shared words, then edit distance.
    public static func suggestions(_ query: String, candidates: [String], limit: Int = 5) -> [String] {
        let query = String(query.prefix(InputLimits.suggestionCharacters))   // bounds the edit distances below
        let qWords = Set(TextTools.words(query).map(TextTools.stem))
        let scored = candidates.map { c -> (String, Int, Int) in
            let cw = Set(TextTools.words(c).map(TextTools.stem))
            let overlap = qWords.intersection(cw).count
            let dist = TextTools.editDistance(query, c)
            return (c, overlap, dist)
        }
        let maxLen = max(3, query.count / 2)
        return scored.filter { $0.1 > 0 || $0.2 <= maxLen }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : ($0.2 != $1.2 ? $0.2 < $1.2 : $0.0 < $1.0) }
            .prefix(limit).map(\.0)
    }

    /// Splits "k1; k2" into keyword texts.
    public static func keywordTexts(_ list: String) -> [String] {
        list.split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }
}
