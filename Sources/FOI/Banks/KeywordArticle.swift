/// When a keyword standing alone needs "the": "the gender pay gap", not "looking into gender pay gap". The composer
/// writes the article and the judge fails a letter without it, from this one table.
public enum KeywordArticle {
    /// Count nouns that a keyword ends in and that need "the" when the keyword stands alone.
    static let singularHeads: Set<String> = [
        "gap", "plan", "register", "scheme", "strategy", "policy", "programme", "budget", "fund", "review",
        "network", "zone", "levy", "framework", "list", "index", "system", "process", "portal", "project",
        "partnership", "agreement", "duty", "standard", "code", "charter", "pilot", "initiative", "campaign",
        "inquiry", "database", "app", "website", "helpline", "hub", "estate", "rate", "ratio", "target",
        "backlog", "deficit", "surplus", "ban", "cap", "deal", "model", "pathway", "trial", "premium", "contract",
        "board", "team", "service", "unit", "centre", "office", "test", "tool", "platform", "schedule",
        // Read without their article at seed 7373: "work relating to waste vehicle fleet".
        "fleet", "survey",
        // "the facts about city of culture bid" (seed 1470).
        "bid",
        // Events of the kind a person asks about by name: "relating to bin strike" (sft35's letter for a prompt of our
        // own, session 26), "the housing crisis".
        "strike", "dispute", "crisis", "merger", "restructure", "scandal", "outbreak", "closure",
        // A change counted once: "the facts about council tax rise" (the composer, read when the judge began failing
        // "the" before a keyword that takes none, session 27).
        "rise", "increase", "freeze", "shortfall", "overspend",
        // "how the government manages 20mph speed limit", "relating to loan charge" (sft36's letters for prompts of our
        // own, session 27).
        "limit", "charge",
        // One thing a person names, a vehicle or a place: "reports on Ajax armoured vehicle" (sft36's product letter for a
        // prompt of our own, session 27; no stored keyword ends in one of these).
        "vehicle", "vessel", "ship", "ferry", "helicopter", "bridge", "tunnel", "tower", "stadium", "station",
        "airport", "site", "facility",
    ]

    /// Heads that also read as mass nouns ("about rail fares policy", a handwritten letter): the composer writes "the",
    /// and the judge does not ask for it.
    static let massHeads: Set<String> = ["policy", "strategy"]

    /// Words after which a keyword stands alone as a noun phrase, so a singular one needs its article: prepositions,
    /// and verbs that take it as object.
    public static let governors: [String] = [
        "to", "about", "into", "on", "with", "for", "in", "at", "of", "that touches on", "handled", "manages", "handles",
        "monitor", "concerning", "covering", "regarding", "under", "against",
        // Seed 9102: "a meeting that discussed communications team budget".
        "discussed", "examined", "covers", "researching", "considered",
        // "meetings at which the adult education budget appeared" (seed 7070).
        "which",
    ]

    /// "the gender pay gap" for "gender pay gap", "the Gaelic language plan" (seed 7272 read "about Gaelic language
    /// plan"); nil when the keyword reads alone as it is ("pothole repairs", "air quality", "CCTV").
    public static func withTopicArticle(_ k: String) -> String? {
        let lower = k.lowercased()
        guard let last = KeywordNature.documentHead(of: lower) ?? lower.split(separator: " ").last.map(String.init),
              singularHeads.contains(last),
              !lower.hasPrefix("the "), !lower.hasPrefix("a ") else { return nil }
        return "the " + k
    }

    /// Where the text has a keyword that needs its article bare after a governing word, and the keyword ends its
    /// phrase there (a punctuation mark, the end, or a verb or preposition after it: "complaints received about
    /// capital programme." in sft14's product letter, session 19), the range of the keyword. "about capital programme
    /// spending" uses the keyword as a modifier and needs no article of its own.
    static func bareKeyword(in text: String, keywords: [String]) -> Range<String.Index>? {
        for k in keywords where withTopicArticle(k) != nil && !massHeads.contains(where: { k.lowercased().hasSuffix(" " + $0) }) {
            for g in governors {
                var from = text.startIndex
                while let r = text.range(of: g + " " + k, options: .caseInsensitive, range: from..<text.endIndex) {
                    from = r.upperBound
                    // Whole words: "…about" is not "about", "…programmes" not "…programme", "…plan-led" not "…plan".
                    if r.lowerBound > text.startIndex, !text[text.index(before: r.lowerBound)].isWhitespace { continue }
                    let rest = text[r.upperBound...]
                    if let c = rest.first, c.isLetter || c.isNumber || c == "-" { continue }
                    let next = String(rest.drop { $0 == " " }.prefix { $0.isLetter }).lowercased()
                    // A participle after it ends the phrase too: "reports on records retention schedule completed in the
                    // period" (sft14's product letters, sessions 21 and 22).
                    // And "across": "I am researching capital programme across public bodies" (sft27's own letter, session 24).
                    // And "recently": "public discussion of bin strike recently" (session 27).
                    if next.isEmpty || next == "across" || next == "recently" || JudgeRules.kindFollowers.contains(next) || (next.hasSuffix("ed") && next.count > 3) {
                        return text.index(r.upperBound, offsetBy: -k.count)..<r.upperBound
                    }
                }
            }
        }
        return nil
    }

    /// The words the judge quotes for a bare keyword: the governing word and the keyword.
    static func bareKeywordPhrase(in text: String, keywords: [String]) -> String? {
        guard let r = bareKeyword(in: text, keywords: keywords) else { return nil }
        let before = text[..<r.lowerBound].dropLast().split(separator: " ").last ?? ""
        return (before + " " + text[r]).lowercased()
    }

    /// Where the text puts "the" before a keyword that takes none, a mass noun standing alone at the end of its
    /// phrase ("complaints received about the disability access, and how many were upheld", "any internal audit or
    /// external review that examined the hedge cutting"), the range of "the ". dpo12 and sft37 wrote it in 314 of
    /// sft37's 461 valid own letters (session 27), after DPO's pairs punished the bare singular keyword. A plural
    /// ("the procurement waivers") or a phrase going on ("the exceptional financial support agreed with the
    /// government", a handwritten letter) reads right and is left alone; so is a name ("the Prevent duty").
    static func needlessArticle(in text: String, keywords: [String]) -> Range<String.Index>? {
        for k in keywords where withTopicArticle(k) == nil && KeywordNature.documentHead(of: k.lowercased()) == nil {
            let words = TextTools.words(k)
            // A phrase with a head before its last word names one thing ("the right to choose", a handwritten letter);
            // a count noun takes "the" ("the independent sector", a handwritten letter), so only mass nouns count.
            guard let last = words.last, k.first?.isLowercase == true, isMassNoun(last),
                  !words.contains(where: { ["to", "of", "for", "on", "in", "and", "at", "with"].contains($0) }) else { continue }
            var from = text.startIndex
            while let r = text.range(of: "the " + k, options: .caseInsensitive, range: from..<text.endIndex) {
                from = r.upperBound
                if r.lowerBound > text.startIndex, text[text.index(before: r.lowerBound)].isLetter { continue }
                // A sentence that opens with the keyword reads as a name of it ("The hedge cutting budget …").
                if text[r.lowerBound] == "T" { continue }
                let rest = text[r.upperBound...]
                guard let c = rest.first else { return r.lowerBound..<text.index(r.lowerBound, offsetBy: 4) }
                // The phrase ends: a full stop, comma, semicolon or line end, or one of the stock periods after it.
                if ".,;:\n".contains(c) || ["in the period", "over that period", "since then"].contains(where: { rest.hasPrefix(" " + $0) }) {
                    return r.lowerBound..<text.index(r.lowerBound, offsetBy: 4)
                }
            }
        }
        return nil
    }

    /// Nouns that take no article when they stand for the whole of a topic: a gerund ("hedge cutting") or one of these.
    static func isMassNoun(_ word: String) -> Bool {
        if word.hasSuffix("ing") { return word.count > 5 && !countGerunds.contains(word) }
        return massNouns.contains(word)
    }
    static let countGerunds: Set<String> = ["building", "meeting", "hearing", "ceiling", "opening", "painting", "crossing",
                                            "landing", "dwelling", "setting", "offering", "sibling", "booking", "briefing",
                                            "finding", "ruling", "listing", "warning", "filling"]
    static let massNouns: Set<String> = [
        "access", "spend", "support", "consumption", "pay", "quality", "use", "care", "recruitment", "management",
        "enforcement", "procurement", "provision", "attendance", "turnover", "absence", "performance", "safety",
        "security", "transport", "crime", "advice", "health", "insurance", "stress", "capacity", "accessibility",
        "expenditure", "income", "revenue", "debt", "maintenance", "engagement", "investment", "compliance",
        "governance", "inequality", "poverty", "homelessness", "sickness", "misconduct", "fraud", "abuse", "harassment",
        "pollution", "litter", "graffiti", "vandalism", "fouling", "waste", "equality", "diversity", "wellbeing",
        // "internal audit reports on the grade inflation." (sft45's product letter for a prompt of our own, session 30).
        "inflation", "obesity", "truancy", "unemployment",
    ]

    /// The words the judge quotes for a needless article: "the" and the keyword.
    static func needlessArticlePhrase(in text: String, keywords: [String]) -> String? {
        guard let r = needlessArticle(in: text, keywords: keywords) else { return nil }
        return String(text[r.lowerBound...].prefix { !".,;:\n".contains($0) }.prefix(60)).lowercased()
    }

    /// The letter with "the" before every bare keyword: product decoding only (`LetterWriter`), so the model's own
    /// letters are measured as written. The model writes "{k1}" where the keyword goes and the writer fills it, so the
    /// article is the writer's to give, as the composer gives it.
    /// And without "the" where it stands before a keyword that takes none (`needlessArticle`).
    public static func repair(_ letter: String, keywords: [String]) -> String {
        var out = letter
        while let r = bareKeyword(in: out, keywords: keywords) { out.insert(contentsOf: "the ", at: r.lowerBound) }
        while let r = needlessArticle(in: out, keywords: keywords) { out.removeSubrange(r) }
        return out
    }
}
