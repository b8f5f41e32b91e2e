import FOI

/// The body called by its own kind where the model wrote another's possessive: "the college's social media advertising"
/// to Bòrd na Gàidhlig, "the board's interpreting and translation costs" to NHS Resolution (sft45's product, session 30,
/// no candidate without it). The judge fails both (`JudgeRules` body and wording checks); product decoding writes the
/// body's own reference ("your organisation's") instead, as `NameArticle` gives a name its article.
enum BodyReference {
    static func repair(_ letter: String, profile: BodyProfile) -> String {
        let own = profile.reference
        var out = letter
        for noun in BodyProfile.kindNouns.union(JudgeRules.possessiveNouns).sorted()
        where "the " + noun != own && !profile.kinds.contains(noun) {
            for apostrophe in ["'", "’"] {
                out = out.replacing(try! Regex("\\bthe \(noun)\(apostrophe)s\\b"), with: own + apostrophe + "s")
                out = out.replacing(try! Regex("\\bThe \(noun)\(apostrophe)s\\b"), with: own.prefix(1).uppercased() + own.dropFirst() + apostrophe + "s")
            }
        }
        return out
    }
}
