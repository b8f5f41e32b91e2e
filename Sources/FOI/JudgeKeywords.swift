/// The judge's keywords check: every keyword the prompt gives is named and asked about, not only in the
/// requester's account of who they are.
extension JudgeRules {
    /// Who the requester is or why they ask ("I am researching bank charges across public bodies"): a keyword
    /// named only there is never asked about.
    static func isPersona(_ s: String) -> Bool {
        let l = s.lowercased().replacing("’", with: "'")
        guard ["i am a ", "i am an ", "i'm a ", "i'm an ", "as a ", "my interest", "i work ", "i am researching", "i am compiling",
               "i am interested", "i am asking because", "i am looking into", "i am studying", "the information will help"]
            .contains(where: l.hasPrefix) else { return false }
        // Asking words as words: "subject access requests" and "care provider failures" are topics, not asks.
        let w = TextTools.words(l)
        if w.contains("please") || w.contains("provide") || w.contains("copies") || s.hasSuffix("?") { return false }
        // "I am researching …, and I am seeking information on CAMHS waiting times at …" asks (a researcher's letter).
        return !["this request", "to request", "i request", "i would like", "could you", "can you", "copy of",
                 "seeking information", "information on ", "information about "].contains(where: l.has)
    }

    /// Stems of words any letter may have in its items whatever it asks about.
    static let letterWords: Set<String> = Set(["organisation", "organisations", "council", "service", "services", "public",
                                               "authority", "department", "number", "information", "records", "staff"].map(TextTools.stem))

    /// A keyword is addressed when a sentence other than the requester's persona names it.
    /// The phrase banks' background sentences that name a keyword (contexts, backgrounds, definitions), as templates.
    static let backgroundTemplates: [PhraseTemplate] = (Phrases.contexts + Phrases.backgrounds + Phrases.keywordDefinitions)
        .flatMap(TextTools.sentences).filter { $0.contains("{K}") }
        .map { PhraseTemplate($0.hasSuffix(".") ? String($0.dropLast()) : $0) }

    static func isBackground(_ sentence: String) -> Bool { backgroundTemplates.contains { $0.matches(sentence) } }

    static func keywords(_ ctx: LetterContext, keywords: [String]) -> Outcome {
        // With a list, the background the phrase banks write (a context, a definition) asks nothing: "There has been
        // public discussion of deprivation of liberty safeguards recently" above a list about two other keywords
        // (sft14's own letter to Torbay Council, session 19).
        let listed = ctx.items.filter { !Self.isBackground($0) }
        let asking = ctx.sentences.filter { !isPersona($0) && (listed.isEmpty || !Self.isBackground($0)) } + listed
        // Each word stemmed once: sentences share most of their words.
        var memo: [String: String] = [:]
        func stemSet(_ s: String) -> Set<String> {
            Set(TextTools.words(s).map { w in memo[w] ?? { let x = TextTools.stem(w); memo[w] = x; return x }() })
        }
        let stems = asking.map(stemSet)
        let all = ctx.sentences.map(stemSet)
        var missing: [String] = [], unasked: [String] = []
        for k in keywords {
            let need = TextTools.contentStems(k)
            if need.isEmpty { continue }
            guard all.contains(where: { s in need.allSatisfy { s.contains($0) } }) else { missing.append(k); continue }
            // Named in full somewhere, asked about in part ("101 calls" for 101 call handling) is asked.
            let half = (need.count + 1) / 2
            if stems.contains(where: { s in need.filter { s.contains($0) }.count >= half }) { continue }
            // A letter about one topic, named in the background and then asked about in the specialist's own terms
            // ("… the Deprivation of Liberty Safeguards …", then "1. The number of requests for a standard
            // authorisation …"): every item is about it (a researcher's handwritten letters, session 15).
            if keywords.count == 1 && listed.count >= 2 { continue }
            // An item that asks about the keyword's head ("monitoring sites" for air quality monitoring), when the head
            // is not a word every letter has ("your organisation" is not about grants to voluntary organisations).
            if let head = need.last, head.count >= 6, !Self.letterWords.contains(head),
               listed.map(stemSet).contains(where: { $0.contains(head) }) { continue }
            unasked.append(k)
        }
        if missing.isEmpty && unasked.isEmpty { return (true, "every keyword is asked about") }
        var parts: [String] = []
        if !missing.isEmpty { parts.append("never named: " + missing.map { "“\($0)”" }.joined(separator: ", ")) }
        if !unasked.isEmpty { parts.append("named but never asked about: " + unasked.map { "“\($0)”" }.joined(separator: ", ")) }
        return (false, "keywords " + parts.joined(separator: "; "))
    }
}
