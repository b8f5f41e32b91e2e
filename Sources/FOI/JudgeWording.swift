import Foundation

/// Wording a reader stops at that the other checks pass: a sentence that presupposes what the letter never asks,
/// a name with a second article, a list of alternatives without its "or", another sector's words. Each was read in
/// sft14's product letters that the session-20 judge passed (three readers, session 21).
extension JudgeRules {
    /// Words that make an item ask for a figure. An item with none of them asks for documents, a name or a
    /// description ("any internal audit reports concerning …", "the job title of the officer …").
    static let figureWords: Set<String> = ["number", "numbers", "total", "totals", "amount", "amounts", "percentage", "percentages",
        "proportion", "average", "cost", "costs", "figure", "figures", "rate", "rates", "budget", "budgets", "spend", "spent",
        "paid", "value", "salary", "salaries", "fee", "fees", "ratio", "median", "count", "days", "hours", "weeks", "income",
        "savings", "sum", "level", "levels", "size", "length", "volume", "tonnes", "hectares", "many", "much"]

    /// Whether an item asks for a figure.
    package static func asksForFigure(_ item: String) -> Bool {
        item.contains("£") || TextTools.words(item).contains(where: figureWords.contains)
    }

    /// Whether any item of a letter asks for a figure (false for a letter with no list).
    package static func asksForFigures(_ letter: String) -> Bool {
        LetterContext(letter).items.contains(where: asksForFigure)
    }

    /// A sentence that presupposes figures ("Where figures are requested, please give them for …") above a list that
    /// asks for none: 13 of 210 product letters read in session 21. The composer chooses it only with a figure.
    static func figuresPresupposed(_ ctx: LetterContext) -> Outcome? {
        guard !ctx.items.isEmpty, !ctx.items.contains(where: asksForFigure) else { return nil }
        let lower = ctx.text.lowercased()
        for w in Phrases.noFigureWordings where lower.contains(w.figures.lowercased()) {
            return (false, "“\(w.figures)…” above a list that asks for no figures")
        }
        return nil
    }

    /// Kinds of document offered as alternatives in the banks ("any policy, procedure or strategy").
    static let documentKinds: Set<String> = ["policy", "procedure", "strategy", "guidance", "plan", "protocol", "policies", "procedures"]

    /// Alternatives with their "or" dropped: "any policy, strategy currently in force" (sft14's product letters, read
    /// in session 21); "any policy, procedure or strategy" and "policy, guidance and procedures" are whole.
    static func alternativesWithoutOr(_ ctx: LetterContext) -> Outcome? {
        for item in ctx.items {
            let w = TextTools.words(item), chars = item.lowercased()
            for i in w.indices.dropFirst().dropLast() where documentKinds.contains(w[i - 1]) && documentKinds.contains(w[i])
                && chars.contains("\(w[i - 1]), \(w[i]) ") && !["or", "and"].contains(w[i + 1]) && !documentKinds.contains(w[i + 1]) {
                return (false, "alternatives without their “or”: “\(w[i - 1]), \(w[i]) \(w[i + 1])”")
            }
        }
        return nil
    }

    /// The wording checks that belong with coherence (one voice, whole sentences): nil when all pass.
    static func wording(_ ctx: LetterContext) -> Outcome? {
        figuresPresupposed(ctx) ?? alternativesWithoutOr(ctx)
    }

    /// A second article before a name that has its own or takes none, and the name as it should read: "the His
    /// Majesty's Inspectorate of …", "the HM Revenue and Customs", "the Blackpool and The Fylde College" (sft14's
    /// product letters, session 21). Read by the judge and by the writer's repair (`NameArticle`).
    package static func secondArticles(of name: String) -> [(wrong: String, right: String)] {
        let takesNone = name.hasPrefix("His Majesty") || name.hasPrefix("HM ") || name.hasPrefix("Her Majesty")
            || (!name.hasPrefix("The ") && name.contains(" The "))
        let bare = name.hasPrefix("The ") ? String(name.dropFirst(4)) : name
        return (takesNone ? [("the " + name, name)] : []) + [("the The " + bare, "the " + bare), ("the the " + bare, "the " + bare)]
    }

    static func doubledArticle(_ ctx: LetterContext, authority: Authority) -> Outcome? {
        for a in secondArticles(of: authority.name) where ctx.text.contains(a.wrong) {
            return (false, "a second article before the body's name: “\(a.wrong.prefix(40))”")
        }
        return nil
    }

    /// Another sector's words: a supplementary planning document from a body that makes no local plan, a centre
    /// manager at a prison (sft14's product letters to a human rights commission, a PCC, a Northern Ireland department
    /// and two prisons' monitoring boards, session 21).
    static func otherSectorWords(_ ctx: LetterContext, authority: Authority, profile: BodyProfile) -> Outcome? {
        let lower = ctx.text.lowercased()
        let plans = profile.kinds.contains("council") || authority.name.contains("National Park") || authority.name.contains("Development Corporation")
        if !plans && lower.contains("supplementary planning document") {
            return (false, "a supplementary planning document, which only a local planning authority adopts")
        }
        let removalCentre = authority.group.lowercased().contains("removal centre") || authority.name.contains("Removal Centre")
        if !removalCentre && lower.contains("centre manager") {
            return (false, "a “centre manager”, which an immigration removal centre has and \(authority.name) does not")
        }
        return nil
    }
}
