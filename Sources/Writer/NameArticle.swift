import FOI

/// The body's name with the article it takes: the model writes "the {authority}" where most names want one, and the
/// slot filled with "His Majesty's Inspectorate of Constabulary …" or "Blackpool and The Fylde College" reads "the
/// His Majesty's …" (sft14's product letters, session 21); a name that needs "the" gets it. Product decoding only, as
/// `ListWording`.
enum NameArticle {
    static func repair(_ letter: String, authority: String) -> String {
        var out = letter
        for a in JudgeRules.secondArticles(of: authority) { out = out.replacingOccurrences(of: a.wrong, with: a.right) }
        // And the one a name cannot go without: "from Scottish Government" (session 26).
        return JudgeRules.bareName(authority, in: out)?.fixed ?? out
    }
}
