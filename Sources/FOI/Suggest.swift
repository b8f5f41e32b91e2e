/// "Did you mean" suggestions for a mistyped authority (or keyword) name.
public enum Suggest {
    /// Up to `limit` candidates closest to `query`: shared words count most, then edit distance.
    /// The query is cut to `InputLimits.suggestionCharacters` first: the work is then bounded by the
    /// candidates, not by whatever length a caller sent.
    public static func closest(to query: String, among candidates: [String], limit: Int = 3) -> [String] {
        let q = String(query.prefix(InputLimits.suggestionCharacters)).lowercased()
        let qWords = Set(TextTools.words(q)).subtracting(TextTools.stopwords)
        let scored = candidates.map { c -> (String, Double) in
            let lc = c.lowercased()
            let cWords = Set(TextTools.words(lc))
            let shared = Double(qWords.intersection(cWords).count)
            let prefix = lc.hasPrefix(q) || q.hasPrefix(lc) ? 1.0 : 0.0
            let dist = Double(editDistance(q, lc)) / Double(max(q.count, lc.count, 1))
            return (c, shared * 2 + prefix - dist)
        }
        return scored.filter { $0.1 > -0.6 }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            .prefix(limit).map(\.0)
    }

    /// Levenshtein distance over Unicode characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count), cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }

    /// The error line a command prints for an unknown name. A short list (styles, formats) is given
    /// whole, since "did you mean" finds nothing near a word like 'fancy'.
    public static func unknownMessage(kind: String, name: String, candidates: [String], listUpTo: Int = 12) -> String {
        let s = closest(to: name, among: candidates)
        var message = s.isEmpty ? "unknown \(kind) '\(name)'"
            : "unknown \(kind) '\(name)'; did you mean: " + s.map { "'\($0)'" }.joined(separator: ", ") + "?"
        if candidates.count <= listUpTo { message += " (choose one of: " + candidates.joined(separator: ", ") + ")" }
        return message
    }
}
