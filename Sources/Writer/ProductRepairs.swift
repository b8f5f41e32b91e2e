import FOI
import FOICorpus
import Foundation

/// The product's repairs of a finished letter, in order: each mends one slip the judge fails and the model makes in
/// some candidates of a prompt (each file says which letters showed it). The model's own letters (`--unguarded`) get
/// none of them.
enum ProductRepairs {
    /// The letter with its wording mended, before the judge reads it.
    static func wording(_ letter: String, for r: LetterRequest) -> String {
        let keywords = r.keywords.map(\.text), profile = BodyProfile.of(r.authority)
        var l = DefinitionRepair.repair(letter, keywords: keywords)
        l = KeywordArticle.repair(l, keywords: keywords)
        l = EarlierReference.withPlaceholder(l)
        l = ListWording.repair(l)
        l = NameArticle.repair(l, authority: r.authority.name)
        l = NationRepair.repair(l, authority: r.authority)
        l = JudgeRules.periodAsPublicRepaired(JudgeRules.yearOfSeveralRepaired(JudgeRules.numberSlipsRepaired(l)))
        l = BodyWording.apply(l, authority: r.authority, profile: profile)
        return BodyReference.repair(l, profile: profile)
    }

    /// Where the judge fails the mended letter, a keyword left out put in place of one named twice, if the judge then
    /// passes it (`KeywordCoverage`).
    static func coverage(_ letter: String, _ verdict: JudgeResult, for r: LetterRequest, judge: Judge) -> (String, JudgeResult) {
        guard !verdict.valid else { return (letter, verdict) }
        return KeywordCoverage.repaired(letter, keywords: r.keywords, authority: r.authority, judge: judge) ?? (letter, verdict)
    }
}
