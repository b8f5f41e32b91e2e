import FOI

/// The body called by its own kind where the model wrote another's possessive: "the college's social media advertising"
/// to Bòrd na Gàidhlig, "the board's interpreting and translation costs" to NHS Resolution (sft45's product, session 30,
/// no candidate without it). The judge fails both (`JudgeRules` body and wording checks); product decoding writes the
/// body's own reference ("your organisation's") instead, as `NameArticle` gives a name its article.
enum BodyReference {
    static let nouns = BodyProfile.kindNouns.union(JudgeRules.possessiveNouns).sorted()

    static func repair(_ letter: String, profile: BodyProfile) -> String {
        let own = profile.reference
        guard letter.contains("'s") || letter.contains("’s") else { return letter }
        var out = letter
        for noun in nouns where "the " + noun != own && !profile.kinds.contains(noun) {
            for apostrophe in ["'", "’"] {
                out = wholeWordsReplaced("the \(noun)\(apostrophe)s", with: own + apostrophe + "s", in: out)
                out = wholeWordsReplaced("The \(noun)\(apostrophe)s", with: own.prefix(1).uppercased() + own.dropFirst() + apostrophe + "s", in: out)
            }
        }
        return out
    }

    /// `text` with each occurrence of `phrase` that no letter touches replaced.
    static func wholeWordsReplaced(_ phrase: String, with new: String, in text: String) -> String {
        var out = "", rest = text[...]
        while let r = rest.range(of: phrase) {
            let before = r.lowerBound > rest.startIndex ? rest[rest.index(before: r.lowerBound)] : " "
            let after = r.upperBound < rest.endIndex ? rest[r.upperBound] : " "
            out += rest[..<r.lowerBound]
            out += before.isLetter || after.isLetter ? String(rest[r]) : new
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
