import Foundation

/// A question's words before a keyword with a preposition the question banks never put there: "any correspondence
/// with external auditors from the debt write-offs" (sft26's own letter, session 23), "… from the phishing incidents"
/// (sft24's product letter read in session 22). The banks and the phrase banks say which prepositions follow each
/// run of three words that leads to "{K}"; a letter that puts another one between that run and a keyword garbles it.
extension JudgeRules {
    static let prepositions: Set<String> = ["about", "on", "for", "of", "in", "to", "from", "with", "by", "into", "concerning",
                                            "covering", "regarding", "under", "at", "over", "across", "against", "after"]
    /// The prepositions that say where or from whom, not what about: one of these where the banks ask "about",
    /// "covering" or "for" garbles the question. A person swaps the others freely ("mean response time to category 2
    /// calls", "audit reports concerning …": handwritten and composed letters).
    static let placePrepositions: Set<String> = ["from", "with", "by", "into", "under", "at", "over", "across", "against", "after"]

    /// Each run of three words that leads through a preposition to "{K}" in a bank question or a phrase, and the
    /// prepositions written after it.
    static let prepositionsAfter: [String: Set<String>] = {
        var texts = QuestionBanks.generic.map(\.text)
        for t in QuestionBanks.themes.values { texts += (t.general + t.keywords.values.joined()).map(\.text) }
        texts += Phrases.contexts + Phrases.backgrounds + Phrases.followUpOpenings + Phrases.keywordDefinitions
        var out: [String: Set<String>] = [:]
        for text in texts {
            let parts = text.replacing("{ORG}'s ", with: "").components(separatedBy: "{K}")
            for part in parts.dropLast() {
                var w = TextTools.words(part.components(separatedBy: "}").last ?? part)
                if w.last == "the" { w.removeLast() }
                guard w.count >= 4, let p = w.last, prepositions.contains(p) else { continue }
                out[w.dropLast().suffix(3).joined(separator: " "), default: []].insert(p)
            }
        }
        return out
    }()

    /// The first keyword reached from a bank's run of words through a preposition the banks never use there.
    /// The body's name is no question: "… to Avon Fire and Rescue Service about …" (the composer's audit).
    static func prepositionFromNowhere(_ ctx: LetterContext, keywords: [String], authority: String) -> Outcome? {
        let words = ctx.bodyWords
        let name = " " + TextTools.words(authority).joined(separator: " ") + " "
        for k in keywords {
            let kw = TextTools.words(k)
            guard !kw.isEmpty, words.count > kw.count + 4 else { continue }
            for start in 4..<(words.count - kw.count + 1) where Array(words[start..<(start + kw.count)]) == kw {
                // Skip "the" or the body's possessive ("the trust's", "your organisation's") before the keyword.
                var p = start - 1
                if words[p] == "the" {
                    p -= 1
                } else if words[p].hasSuffix("'s") {
                    p -= 1
                    if ["the", "your"].contains(words[p]) { p -= 1 }
                }
                guard p >= 3, placePrepositions.contains(words[p]) else { continue }
                let lead = words[(p - 3)..<p].joined(separator: " ")
                if let allowed = prepositionsAfter[lead], !allowed.contains(words[p]), !name.contains(" \(lead) ") {
                    return (false, "“\(lead) \(words[p]) … \(k)”: the question asks “\(lead) \(allowed.sorted().joined(separator: "/")) \(k)”")
                }
            }
        }
        return nil
    }
}
