import Foundation
import FOI

/// The letter's list: specialist questions chosen for the keywords and the body, and how they are numbered.
extension LetterBuilder {
    /// A question as it will read, but for its period back-reference (for comparing items).
    func preview(_ q: TopicQuestion, _ k: Keyword) -> String {
        bodyWording(q.text.replacingOccurrences(of: "{K}", with: k.text).replacingOccurrences(of: "{ORG}", with: org)
            .replacingOccurrences(of: "{T}", with: ""))
    }

    /// The question with its keyword written in, for the styles' tests of what it asks.
    static func filled(_ q: TopicQuestion, _ k: Keyword) -> TopicQuestion {
        TopicQuestion(text: q.text.replacingOccurrences(of: "{K}", with: k.text), numeric: q.numeric)
    }

    /// Whether a question asks for a sum of money spent or paid.
    static func asksSum(_ text: String) -> Bool {
        ["the total spent", "the total cost", "the total amount spent", "the amount spent", "the total paid",
         "the amount paid", "the total value"].contains { text.lowercased().hasPrefix($0) }
    }

    /// Whether a question counts complaints about the keyword; complaints the keyword names ("patient complaints")
    /// are its subject, not a second count.
    static func countsComplaints(_ text: String, _ k: Keyword) -> Bool {
        text.contains("complaints") && !k.text.lowercased().contains("complaint")
    }

    /// Bodies whose staff are their partners': an integration joint board directs care that the council's and the
    /// NHS board's staff provide ("staff working on adult social care complaints" of an IJB, seed 6465).
    static let employsNoStaff = ["Integration Joint Boards"]

    /// Whether a question asks only about people the body serves, and staff it employs.
    func suitsBody(_ q: TopicQuestion) -> Bool {
        if Self.employsNoStaff.contains(authority.category),
           ["full-time equivalent staff", "staff working on", "staff who work on"].contains(where: q.text.contains) { return false }
        // A council's chief executive is its returning officer; a commissioner's is not (asked of West Mercia's PCC, seed 3435).
        if q.text.contains("returning officer"), !NameForms.isCouncilCategory(authority.category) { return false }
        let w = Set(TextTools.words(q.text)), served = servedPeople
        return !Population.allCases.contains { !served.contains($0) && $0.words.contains(where: w.contains) }
    }

    /// Chooses `count` specialist questions (`QuestionBanks`) that the style can `take`, at least one per keyword,
    /// each keyword's first one naming it.
    /// - Parameters:
    ///   - named: keywords an earlier list named already, whose first item here need not name them (a table's
    ///     extra column keeps to the table's kind of question).
    ///   - earlier: that list's items, which these must not repeat.
    ///   - figures: the style asks for figures (a table): a keyword with no figure its style takes is named by
    ///     another figure of its own, not by a document ("the performance indicators … and the results" in a row).
    mutating func items(count: Int, named alreadyNamed: Set<String> = [], after earlier: [String] = [], figures: Bool = false,
                        take: (TopicQuestion) -> Bool = { _ in true }) -> [String] {
        var order: [Keyword] = []
        let shuffled = rng.shuffled(keywords)
        for i in 0..<max(count, keywords.count) { order.append(shuffled[i % shuffled.count]) }
        var out: [String] = []
        // Each item's words and 9-word runs, computed once (the composer writes 40,000 letters for a corpus).
        var outWords: [[String]] = earlier.map { TextTools.words($0) }
        var outGrams = outWords.reduce(into: Set<String>()) { $0.formUnion(Self.grams($1, n: 9)) }
        var named = alreadyNamed
        var themeWide = 0
        var complained: Set<String> = []
        for k in order {
            // A theme's questions that name no keyword ("the total spent on transport services") are about the
            // area, not the topic: one a letter, or the letter drifts off what the person asked about.
            let wide = Set((QuestionBanks.themes[k.theme]?.general ?? []).filter { !$0.text.contains("{K}") }.map(\.text))
            // Not asked already, about people the body serves, and not the same question in other words.
            func usable(_ q: TopicQuestion) -> Bool {
                guard !usedKinds.contains(q.text), suitsBody(q) else { return false }
                let text = preview(q, k), words = TextTools.words(text)
                return !outWords.contains { JudgeRules.sameQuestion($0, words) }
                    && !(earlier + out).contains { JudgeRules.askedTwice($0, text, keywords: [k.text]) != nil }
                    // Two "relating to" items are enough: more read as one frame with the topic swapped in.
                    && !(q.text.contains("relating to") && out.filter { $0.contains("relating to") }.count >= 2)
                    // No long run of words twice (the judge fails a 10-word phrase that repeats).
                    && outGrams.isDisjoint(with: Self.grams(words, n: 9))
                    // One job title a letter: two read as one question asked twice.
                    && !(q.text.contains("job title") && out.contains { $0.contains("job title") })
                    && !(themeWide >= 1 && wide.contains(q.text))
                    // One sum and one complaints count a keyword: "the total spent on work relating to equality and
                    // diversity training" beside "the total cost of equality and diversity training" (session 11),
                    // "complaints … relating to race equality" beside "complaints … alleging race discrimination"
                    // (session 12) are one question twice.
                    && !(Self.asksSum(q.text) && (earlier + out).contains { Self.asksSum($0) && $0.contains(k.text) })
                    && !(Self.countsComplaints(q.text, k) && complained.contains(k.text))
            }
            // The style's test reads the question with its keyword in place: "the {K} by grade" is a headcount
            // (no row per year) when the keyword is "staff headcount".
            func takes(_ q: TopicQuestion) -> Bool { take(Self.filled(q, k)) }
            let fresh = QuestionBanks.questions(for: k).filter(usable)
            let pool = fresh.filter(takes)
            // A keyword's first item names it (the judge's keyword check): a numeric one if there is one,
            // else a generic one that does, else any that does.
            var choices = pool
            if !named.contains(k.text) {
                let naming = { (qs: [TopicQuestion]) in qs.filter { $0.text.contains("{K}") } }
                let generic = QuestionBanks.suited(QuestionBanks.generic, to: k).filter { usable($0) && takes($0) }
                // Where the style's test leaves none, still no list or forecast in one cell ("the forecast reserves
                // levels for each of the next three financial years" as a row per year, seed 8383).
                let cell = fresh.filter { q in q.numeric && { !$0.isList && !$0.isSnapshot }(Self.filled(q, k)) }
                let fallback = figures ? [naming(cell), naming(fresh.filter(\.numeric)), naming(fresh)] : [naming(fresh)]
                choices = ([naming(pool), naming(generic)] + fallback).first { !$0.isEmpty } ?? pool
            }
            guard !choices.isEmpty else { continue }
            let (i, q) = rng.pickIndexed(choices)
            usedKinds.append(q.text)
            if Self.countsComplaints(q.text, k) { complained.insert(k.text) }
            if wide.contains(q.text) { themeWide += 1 }
            if q.text.contains("{K}") { named.insert(k.text) }
            shape.append("item:\(q.numeric ? "n" : "d")\(i)")
            if q.numeric { askedFigures = true } else { askedDocuments = true }
            out.append(fill(q.text, keyword: k.text, numeric: q.numeric))
            let words = TextTools.words(preview(q, k))
            outWords.append(words)
            outGrams.formUnion(Self.grams(words, n: 9))
        }
        return out
    }

    mutating func marker(_ style: Int, _ i: Int) -> String {
        let letters = Array("abcdefghij")
        switch style {
        case 0: return "\(i + 1)."
        case 1: return "\(i + 1))"
        case 2: return "(\(i + 1))"
        case 3: return "(\(letters[i]))"
        default: return "\(letters[i]))"
        }
    }

    mutating func numberedList(_ items: [String], questionsAllowed: Bool) -> String {
        let style = rng.below(5)
        shape.append("marker:\(style)")
        // One way of ending items for the whole list: full stops, or semicolons with a full stop at the end.
        let semicolons = rng.chance(0.15)
        return items.enumerated().map { i, item in
            var s = Self.capitalised(item)
            if !(s.hasSuffix("?") || s.hasSuffix(".")) { s += semicolons && i < items.count - 1 ? ";" : "." }
            return marker(style, i) + " " + s
        }.joined(separator: "\n")
    }
}
