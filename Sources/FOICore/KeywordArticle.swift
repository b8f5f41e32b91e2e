/// When a keyword standing alone needs "the": "the gender pay gap", not "looking into gender pay gap". The composer
/// writes the article and the judge fails a letter without it, from this one table.
public enum KeywordArticle {
    /// Count nouns that a keyword ends in and that need "the" when the keyword stands alone.
    package static let singularHeads: Set<String> = [
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
    package static let massHeads: Set<String> = ["policy", "strategy"]

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
}
