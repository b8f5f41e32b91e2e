import Foundation

/// Finds authority names in text on word boundaries, longest match first, so that "Leeds" inside
/// "Leeds City Council" is not counted as a second authority.
package struct AuthorityNameIndex: Sendable {
    /// name words (as written) → canonical full name, grouped by lower-cased first word.
    private var byFirstWord: [String: [([String], String)]] = [:]
    private var lookupTable: [String: Authority] = [:]

    package init(_ authorities: [Authority]) {
        for a in authorities {
            for n in Self.variants(of: a) {
                let w = TextTools.wordsKeepingCase(n)
                guard let first = w.first?.lowercased() else { continue }
                byFirstWord[first, default: []].append((w, a.name))
                if lookupTable[n.lowercased()] == nil { lookupTable[n.lowercased()] = a }
            }
        }
    }

    package static func variants(of a: Authority) -> [String] {
        var out = [a.name]
        if a.name.lowercased().hasPrefix("the ") { out.append(String(a.name.dropFirst(4))) }
        let short = a.shortName.trimmingSpaces
        if short.count >= 2, short.lowercased() != a.name.lowercased() { out.append(short) }
        return out
    }

    package func lookup(_ name: String) -> Authority? { lookupTable[name.lowercased().trimmingSpaces] }

    /// A name word matches a text word case-insensitively, except that a capitalised name word must be
    /// capitalised in the text ("Central" the college is not "central government").
    static func wordMatches(_ nameWord: String, _ textWord: String) -> Bool {
        guard nameWord.lowercased() == textWord.lowercased() else { return false }
        if let f = nameWord.first, f.isUppercase { return textWord.first?.isUppercase == true }
        return true
    }

    /// Matches of known names (plus the target's own names) in `words` (as written): (start, length, canonical name).
    /// `lowered`, when given, is `words` lower-cased (the letter's own `words`), so each word is not lowered again.
    package func matches(in words: [String], lowered: [String]? = nil, target: Authority) -> [(start: Int, length: Int, name: String)] {
        var candidates: [(start: Int, length: Int, name: String)] = []
        let targetVariants = Self.variants(of: target).map { TextTools.wordsKeepingCase($0) }
        let targetLower = targetVariants.map { $0.map { $0.lowercased() } }
        let lower = lowered?.count == words.count ? lowered! : words.map { $0.lowercased() }
        for i in words.indices {
            let lw = lower[i]
            var here: [([String], String)] = byFirstWord[lw] ?? []
            for v in targetVariants where v.first?.lowercased() == lw { here.append((v, target.name)) }
            for (nameWords, canonical) in here where i + nameWords.count <= words.count {
                if zip(nameWords, words[i..<(i + nameWords.count)]).allSatisfy(Self.wordMatches) {
                    // A name that is also one of the target's own names counts as the target.
                    let isTarget = targetLower.contains(nameWords.map { $0.lowercased() })
                    candidates.append((i, nameWords.count, isTarget ? target.name : canonical))
                }
            }
        }
        // Longest first, then earliest; keep non-overlapping.
        candidates.sort { $0.length != $1.length ? $0.length > $1.length : $0.start < $1.start }
        var taken = [Bool](repeating: false, count: words.count)
        var kept: [(start: Int, length: Int, name: String)] = []
        for c in candidates where !(c.start..<(c.start + c.length)).contains(where: { taken[$0] }) {
            for k in c.start..<(c.start + c.length) { taken[k] = true }
            kept.append(c)
        }
        return kept.sorted { $0.start < $1.start }
    }
}
