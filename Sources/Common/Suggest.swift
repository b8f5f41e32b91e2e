/// "Did you mean": the one ranking of near names, the one edit distance, and the one way a message
/// offers them. The authority resolver adds tiers that know about names (a council's place, the start
/// of a name) before falling back to `closest`; every other unknown name (styles, themes, categories,
/// adapters, keywords) is ranked by `closest` alone.
public enum Suggest {
    /// Suggestions compare at most this many characters of a query: enough to tell any two authorities
    /// apart, and the work is then bounded by the candidates, not by whatever length a caller sent.
    public static let queryCharacters = 120

    /// Up to `limit` candidates closest to `query`: shared words count most, then a shared start, then
    /// edit distance relative to length. Ties go to the alphabetically first, so answers are stable.
    public static func closest(to query: String, among candidates: [String], limit: Int = 3) -> [String] {
        let q = String(query.prefix(queryCharacters)).lowercased()
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

    /// Levenshtein distance over Unicode characters (case matters: lower-case both sides to ignore it).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        // Characters as small numbers, so one non-generic programme serves characters and bytes (a
        // generic one is not specialised in a debug build, and the resolver runs it per name).
        var ids: [Character: UInt32] = [:]
        func code(_ s: String) -> [UInt32] {
            s.map { c in
                if let id = ids[c] { return id }
                let id = UInt32(ids.count)
                ids[c] = id
                return id
            }
        }
        let x = code(a), y = code(b)
        return levenshtein(x, y, within: nil) ?? 0
    }

    /// Levenshtein distance when it is at most `k`, else nil. Only the diagonal band of width 2k+1 is
    /// filled, so the cost is O(n·k), not O(n·m): the resolver measures a typo against every name.
    public static func editDistance(_ a: [UInt8], _ b: [UInt8], within k: Int) -> Int? {
        if abs(a.count - b.count) > k { return nil }
        return levenshtein(a.map(UInt32.init), b.map(UInt32.init), within: k)
    }

    /// One dynamic programme for both: without a bound every cell is filled; with one, cells outside
    /// the band hold `k + 1` and a row whose smallest cell exceeds `k` ends the search.
    static func levenshtein(_ a: [UInt32], _ b: [UInt32], within bound: Int?) -> Int? {
        let k = bound ?? max(a.count, b.count)
        if abs(a.count - b.count) > k { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count <= k ? a.count : nil }
        let big = k + 1
        var prev = [Int](repeating: big, count: b.count + 1), cur = prev
        for j in 0...min(b.count, k) { prev[j] = j }
        for i in 1...a.count {
            let lo = max(1, i - k), hi = min(b.count, i + k)
            for j in cur.indices { cur[j] = big }
            if i <= k { cur[0] = i }
            var rowMin = cur[0]
            if lo <= hi {
                for j in lo...hi {
                    let sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                    cur[j] = min(sub, prev[j] + 1, cur[j - 1] + 1, big)
                    rowMin = min(rowMin, cur[j])
                }
            }
            if rowMin > k { return nil }
            swap(&prev, &cur)
        }
        return prev[b.count] <= k ? prev[b.count] : nil
    }

    /// "; did you mean: 'a', 'b'?", or nothing when there is nothing to offer: every message that
    /// offers names says it the same way.
    public static func didYouMean(_ names: [String]) -> String {
        names.isEmpty ? "" : "; did you mean: " + names.map { "'\($0)'" }.joined(separator: ", ") + "?"
    }

    /// The error line a command prints for an unknown name. A short list (styles, formats) is given
    /// whole, since "did you mean" finds nothing near a word like 'fancy'.
    public static func unknownMessage(kind: String, name: String, candidates: [String], listUpTo: Int = 12) -> String {
        var message = "unknown \(kind) '\(name)'" + didYouMean(closest(to: name, among: candidates))
        if candidates.count <= listUpTo { message += " (choose one of: " + candidates.joined(separator: ", ") + ")" }
        return message
    }
}
