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
        // Words split at spaces only: "zero-hours contracts" names a topic, not hours (sft24's product letter, session 22).
        item.contains("£") || item.lowercased().split(separator: " ").contains { figureWords.contains(String($0.filter(\.isLetter))) }
    }

    /// A definition written as a list item ("- “disciplinary cases” has the meaning the college gives it …", from
    /// `Phrases.keywordDefinitions` and `otherDefinitions`): no part of the request.
    static func isDefinition(_ item: String) -> Bool {
        item.hasPrefix("“") || item.hasPrefix("\"") || item.hasPrefix("where ") && item.contains("under another heading")
    }

    /// The parts of the request: its list items less its definitions. A one-item request with a definition above
    /// it is still one item ("as many parts as you can" under it, sft14's product letter to a college, session 22).
    static func requestItems(_ ctx: LetterContext) -> [String] { ctx.items.filter { !isDefinition($0) } }

    /// Whether any item of a letter asks for a figure (false for a letter with no list).
    package static func asksForFigures(_ letter: String) -> Bool {
        requestItems(LetterContext(letter)).contains(where: asksForFigure)
    }

    /// A sentence that presupposes figures ("Where figures are requested, please give them for …") above a list that
    /// asks for none: 13 of 210 product letters read in session 21. The composer chooses it only with a figure.
    static func figuresPresupposed(_ ctx: LetterContext) -> Outcome? {
        // Definitions are no items: "“reserves levels” has the meaning …" asks for no figure (session 22).
        let items = requestItems(ctx)
        guard !items.isEmpty, !items.contains(where: asksForFigure) else { return nil }
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
    /// A one-word name takes none either: "a request to the Ofcom" (sft49's own letter, session 32), as the composer
    /// writes it (`NameForms.withArticle`: "Ofsted", "Cafcass", "NatureScot"); but people say "the Tate".
    package static func secondArticles(of name: String) -> [(wrong: String, right: String)] {
        let takesNone = name.hasPrefix("His Majesty") || name.hasPrefix("HM ") || name.hasPrefix("Her Majesty")
            || (!name.hasPrefix("The ") && name.contains(" The ")) || (!name.contains(" ") && !name.isEmpty && name != "Tate")
        let bare = name.hasPrefix("The ") ? String(name.dropFirst(4)) : name
        return (takesNone ? [("the " + name, name)] : []) + [("the The " + bare, "the " + bare), ("the the " + bare, "the " + bare)]
    }

    static func doubledArticle(_ ctx: LetterContext, authority: Authority) -> Outcome? {
        for a in secondArticles(of: authority.name) where ctx.text.contains(a.wrong) {
            return (false, "a second article before the body's name: “\(a.wrong.prefix(40))”")
        }
        if let bare = bareName(authority.name, in: ctx.text) {
            return (false, "the body's name without its article: “\(bare.quote.prefix(40))”")
        }
        return nil
    }

    /// The body's name bare after a lower-case word where it needs "the" (`NameForms.requiresArticle`): "I am requesting
    /// from Scottish Government" (sft35's letter for a prompt of our own, session 26), and the text with the article.
    /// Read by the judge and by the writer's repair (`NameArticle`).
    package static func bareName(_ name: String, in text: String) -> (quote: String, fixed: String)? {
        guard NameForms.requiresArticle(name),
              let re = try? NSRegularExpression(pattern: "\\b([a-z]+) (" + NSRegularExpression.escapedPattern(for: name) + ")") else { return nil }
        let ns = text as NSString
        var quote: String? = nil
        var fixed = text
        for m in re.matches(in: text, range: NSRange(location: 0, length: ns.length)).reversed() where ns.substring(with: m.range(at: 1)) != "the" {
            quote = ns.substring(with: m.range)
            fixed = (fixed as NSString).replacingCharacters(in: m.range(at: 2), with: "the " + name)
        }
        return quote.map { ($0, fixed) }
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
        // A local council has a cabinet and committees, not a board: "presented to its board or audit committee" to the
        // London Borough of Bromley (sft14's product letters, sessions 21 and 22). The composer writes the cabinet.
        if authority.group == "Local and regional" && profile.kinds.contains("council"),
           let b = ["its board", "the council's board", "your organisation's board"].first(where: { lower.has($0) }) {
            return (false, "“\(b)”: a council has a cabinet and committees, not a board")
        }
        // A police and crime commissioner is one elected person: no board; plans and reports go to the police and crime
        // panel ("presented to its board or audit committee" to the South Wales PCC, sft25's own letter, session 23).
        if authority.category == "Police and Crime Commissioners", TextTools.words(lower).contains("board") {
            return (false, "a board, which a police and crime commissioner does not have (its reports go to the police and crime panel)")
        }
        // The NHS's national bodies are a health body's correspondents: "correspondence with government, national NHS
        // bodies or regulators about food hygiene ratings" to a borough council (sft29's own letter, session 24).
        if lower.contains("national nhs bodies") && authority.group != "Health and social care" && !profile.serves.contains(.patients) {
            return (false, "“national NHS bodies”, a health body's correspondents, for \(authority.name)")
        }
        // A police and crime panel scrutinises a commissioner: "presented to the police and crime panel, audit committee or
        // senior leadership team" to the Children's Commissioner for England (dpo23's product letter the judge passed,
        // session 31). A force and the council that hosts the panel may speak of it.
        if lower.contains("police and crime panel") && !speaksOfPoliceAndCrimePanel(authority, profile) {
            return (false, "“police and crime panel”, which scrutinises a police and crime commissioner, for \(authority.name)")
        }
        // Only a local body has neighbouring authorities: "any benchmarking that compares staff turnover at the college with
        // neighbouring authorities" (sft45's own letter the judge passed, read in session 31).
        if lower.contains("neighbouring authorities") && authority.group != "Local and regional" && !profile.kinds.contains("council") {
            return (false, "“neighbouring authorities”, a council's peers, for \(authority.name)")
        }
        let removalCentre = authority.group.lowercased().contains("removal centre") || authority.name.contains("Removal Centre")
        if !removalCentre && lower.contains("centre manager") {
            return (false, "a “centre manager”, which an immigration removal centre has and \(authority.name) does not")
        }
        return nil
    }

    /// Whether a police and crime panel is the body's to speak of: a commissioner's, a force's, or a council's (which hosts it).
    package static func speaksOfPoliceAndCrimePanel(_ authority: Authority, _ profile: BodyProfile) -> Bool {
        authority.category == "Police and Crime Commissioners" || profile.serves.contains(.arrests) || authority.group == "Local and regional"
    }

    /// Nouns a letter may call a body by that no kind check reads ("the board" is also a body's board), so only their
    /// possessive on a keyword says the letter calls the body one: "the board's disability access" to the Pensions
    /// Ombudsman, "the board's Big Four accounting firms" to the NHS Counter Fraud Authority (session 21).
    package static let possessiveNouns = ["board", "service", "agency", "commission"]

    static func possessiveOfAnotherKind(_ ctx: LetterContext, keywords: [String], profile: BodyProfile) -> Outcome? {
        let lower = ctx.text.lowercased().replacing("’", with: "'")
        // The phrase banks' definitions name the body as the letter refers to it ("has the meaning {ORG} gives it"):
        // "the meaning the board gives it" to Ofcom (sft24's product letter, session 22).
        for noun in possessiveNouns where profile.reference != "the " + noun {
            for d in Phrases.keywordDefinitions {
                let parts = d.lowercased().components(separatedBy: "{org}")
                guard parts.count == 2 else { continue }
                let lead = parts[0].split(separator: " ").suffix(2).joined(separator: " ")
                let trail = parts[1].split(separator: " ").prefix(1).joined(separator: " ")
                let phrase = "\(lead) the \(noun) \(trail)"
                if lower.has(phrase) { return (false, "calls the body “the \(noun)” (“\(phrase)”), which it is not (it is \(profile.reference))") }
            }
        }
        for noun in possessiveNouns where profile.reference != "the " + noun {
            for k in keywords where lower.has("the \(noun)'s \(k.lowercased())") {
                return (false, "calls the body “the \(noun)” (“the \(noun)'s \(k)”), which it is not (it is \(profile.reference))")
            }
        }
        return nil
    }

    /// Words that suit only some keywords, read after the topic's other checks pass (their reasons are the more
    /// telling): what is upheld, and the frames the banks write for one or two natures only.
    static func wordsThatDoNotSuit(_ ctx: LetterContext, keywords: [Keyword]) -> Outcome? {
        let lower = ctx.text.lowercased().replacing("’", with: "'")
        for item in ctx.items where TextTools.words(item).contains("upheld") && TextTools.words(item).allSatisfy({ !QuestionBanks.upheldThings.contains($0) }) {
            return (false, "“\(item.prefix(60))…” speaks of upholding what is no complaint or appeal")
        }
        // Frames the banks write for one or two natures only (`KeywordNature.onlyFrames`), where the keyword's own
        // questions do not have them: "reports of the communications team budget". Not of an activity, which may be a
        // sum in other words: "the total amount of exceptional financial support" is a handwritten good letter's, though
        // "the total amount of external legal advice" (sft29's own letter, session 24) then passes.
        let words = TextTools.words(lower)
        for k in keywords where KeywordNature(k.text) != .activity {
            let nature = KeywordNature(k.text), kw = TextTools.words(k.text)
            for f in KeywordNature.onlyFrames where !f.natures.contains(nature) {
                let phrase = TextTools.words(f.mark.replacingOccurrences(of: "{K}", with: "")) + kw
                let own = (QuestionBanks.byKeyword[k.text.lowercased()] ?? []).contains { $0.text.contains(f.mark) }
                if !own, words.windows(phrase.count).contains(phrase.joined(separator: " ")) {
                    return (false, "“\(phrase.joined(separator: " "))”: \(f.mark.replacingOccurrences(of: " {K}", with: "")) is said only of \(f.natures.map { "\($0)" }.joined(separator: " or ")) keywords")
                }
            }
        }
        // A breakdown that ends as one of the banks' ends but begins as none does: two spliced into one.
        for item in ctx.items {
            let w = TextTools.words(item)
            for i in w.indices.dropLast() where w[i] == "split" && ["by", "between"].contains(w[i + 1]) {
                let after = Array(w[(i + 2)...])
                for b in QuestionBanks.breakdowns where b.count >= 3 && after.count >= 3 {
                    let tail = b.suffix(3)
                    guard let end = (0...(after.count - 3)).first(where: { Array(after[$0..<($0 + 3)]) == Array(tail) }) else { continue }
                    let said = Array(after[..<(end + 3)])
                    if !QuestionBanks.breakdowns.contains(where: { $0.starts(with: said) || said.starts(with: $0) }) {
                        return (false, "“split \(w[i + 1]) \(said.joined(separator: " "))” splices two breakdowns")
                    }
                }
            }
        }
        // A unit of energy or mass measures a quantity: "the total flood grant funding of each of the board's estate, in
        // kilowatt hours" (sft33's product letter the judge passed, session 25). Asked of a sum, a group of people, a
        // document or an event it is another keyword's question, unless the keyword's own questions use the unit
        // ("the average unit price per kilowatt hour paid on electricity bills").
        for item in ctx.items {
            let w = TextTools.words(item), joined = " " + w.joined(separator: " ") + " "
            guard let unit = w.first(where: QuestionBanks.quantityUnits.contains) else { continue }
            for k in keywords where [.money, .people, .document, .event, .review].contains(KeywordNature(k.text))
                && joined.contains(" " + TextTools.words(k.text).joined(separator: " ") + " ") {
                let own = (QuestionBanks.byKeyword[k.text.lowercased()] ?? []).contains { TextTools.words($0.text).contains(unit) }
                if !own { return (false, "“\(item.prefix(60))…” measures \(k.text), which is no quantity, in \(unit)") }
            }
        }
        return nil
    }

    /// Frames that suit only some keywords, read from the question banks' tables: an officer "responsible for" a harm
    /// (`QuestionBanks.harms`), "correspondence with external auditors about" a topic that is no money matter
    /// (`QuestionBanks.auditorsSuit`). The keyword may follow the body's possessive or "the".
    static func framesThatDoNotSuit(_ ctx: LetterContext, keywords: [Keyword]) -> Outcome? {
        let lower = ctx.text.lowercased().replacing("’", with: "'")
        for item in ctx.items where item.lowercased().contains(QuestionBanks.answeredFrame) {
            let words = " " + TextTools.words(item).joined(separator: " ") + " "
            let named = keywords.filter { words.contains(" " + TextTools.words($0.text).joined(separator: " ") + " ") }
            if let k = named.first, !named.contains(where: { QuestionBanks.answeredSuits($0.text) }) {
                return (false, "asks how many “\(k.text)” were \(QuestionBanks.answeredFrame), which only requests are")
            }
        }
        let responsible = QuestionBanks.responsibleFrame.replacing(" {K}", with: "")
        for k in keywords {
            let kw = k.text.lowercased()
            func follows(_ frame: String) -> Bool {
                var from = lower.startIndex
                while let r = lower.range(of: frame + " ", range: from..<lower.endIndex) {
                    from = r.upperBound
                    var rest = lower[r.upperBound...]
                    // "the trust's crisis teams", "your organisation's data breaches", "the crisis teams".
                    let firstTwo = rest.split(separator: " ", maxSplits: 2)
                    if firstTwo.count >= 2, firstTwo[1].hasSuffix("'s") { rest = rest.dropFirst(firstTwo[0].count + firstTwo[1].count + 2) }
                    else if firstTwo.first.map({ $0.hasSuffix("'s") || $0 == "the" }) == true { rest = rest.dropFirst(firstTwo[0].count + 1) }
                    // The keyword whole: "paid to kinship carers" is not "paid to" kinship care (a handwritten letter).
                    if rest.hasPrefix(kw), !(rest.dropFirst(kw.count).first?.isLetter ?? false) { return true }
                }
                return false
            }
            if QuestionBanks.isHarm(k.text) && follows(responsible) {
                return (false, "an officer “\(responsible)” \(k.text), a harm, not a service")
            }
            if !QuestionBanks.payeeSuits(k) && (follows("paid to") || follows("paid to each of")) {
                return (false, "money “paid to” \(k.text), which is no one to pay")
            }
            if !QuestionBanks.auditorsSuit(k) && follows("external auditors about") {
                return (false, "correspondence with external auditors about “\(k.text)”, which is not what external auditors examine")
            }
            // The composer asks for complaints only about what the public receives (`complaintsSuit`); the model moves a
            // theme's complaint question onto any keyword: "the number of complaints about the way the council handled
            // investment properties" (sft25's own letter, session 23).
            if !QuestionBanks.complaintsSuit(k) && complaintsAbout(kw, in: lower) {
                return (false, "complaints about “\(k.text)”, which the public does not receive as a service")
            }
        }
        return nil
    }

    /// "complaints" with the keyword within ten words of the same clause after it.
    static func complaintsAbout(_ kw: String, in lower: String) -> Bool {
        var from = lower.startIndex
        while let r = lower.range(of: "complaints ", range: from..<lower.endIndex) {
            from = r.upperBound
            let clause = lower[r.upperBound...].prefix { !",;.:\n".contains($0) }
            if let k = clause.range(of: kw), clause[..<k.lowerBound].split(separator: " ").count <= 10 { return true }
        }
        return false
    }
}

