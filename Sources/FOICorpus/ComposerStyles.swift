import Foundation
import FOI

/// The five letter styles, each assembled from the builder's parts (brief letters are sometimes three lines).
extension LetterBuilder {
    mutating func numbered() -> String {
        let (greeting, opening) = greetingAndOpening()
        let timeFirst = rng.chance(0.5)
        let n = 3 + rng.below(4)
        var list = items(count: n)
        let timeSentence = self.timeSentence(after: opening)
        // The follow-ups about "the figures above" only after figures.
        if rng.chance(0.2) {
            // "The officer responsible for this area" only where there is one area and no job title asked already.
            let oneArea = keywords.count == 1 && !list.contains { $0.contains("job title") }
            let ups = QuestionBank.followUps.enumerated().filter { i, _ in (i == 0 ? oneArea : askedFigures) }.map(\.element)
            if !ups.isEmpty { list.append(part("followup", ups)) }
        }
        let intro = introduction()
        let body = numberedList(list, questionsAllowed: true)
        let format = formatLine()
        let cost = costClause()
        // The period comes before the list: items refer back to it ("in each of those years").
        var paras = timeFirst ? [greeting, opening + " " + timeSentence] : [greeting, opening, timeSentence]
        paras.append(intro + "\n" + body)
        paras.append(rng.chance(0.5) ? format + " " + cost : format + "\n\n" + cost)
        paras.append(closing())
        return paras.joined(separator: "\n\n")
    }

    mutating func brief() -> String {
        if rng.chance(0.3) && keywords.allSatisfy(hasShortQuestion) { return short() }
        let named = rng.chance(0.4)
        let greeting = named ? part("greeting-n", Phrases.namedGreetings) : part("greeting-p", Phrases.plainGreetings)
        let opening = part("brief-open", Phrases.briefOpenings)
        time.backRefs = [""]
        let n = max(keywords.count, 3 + rng.below(2))
        // One period opens the sentence and governs every item, so none of how things stand today ("for each
        // calendar year …, (a) … with current risk scores", seed 2468).
        let list = items(count: n) { !$0.isSnapshot && !$0.text.contains("current") }
        let style = rng.below(3)
        shape.append("inline:\(style)")
        var parts: [String] = []
        for (i, item) in list.enumerated() {
            let m = style == 0 ? "(\(Array("abcdef")[i]))" : style == 1 ? "(\(i + 1))" : "(\(["i", "ii", "iii", "iv", "v", "vi"][i]))"
            parts.append(m + " " + item)
        }
        let sep = rng.chance(0.5) ? "; " : ", "
        var inline = parts.dropLast().joined(separator: sep)
        // ", and" before the last item: items have "and" of their own, and without the comma the list runs on.
        inline += (sep == "; " ? "; and " : ", and ") + parts.last!
        let env = jurisdiction.allEnvironmental
        let regime: Regime = jurisdiction.general == .foisa2002 ? .foisa2002 : .foia2000
        let mixed = !env && jurisdiction.laws.contains(where: \.isEnvironmental)
        let costBank = (env ? Phrases.briefCostsEnvironmental : mixed ? Phrases.briefCostsMixed : Phrases.briefCosts)[regime]!
        var para = opening + " " + inline + "."
        para += " " + part("brief-format", formats(Phrases.briefFormats))
        para += " " + part("brief-cost", costBank)
        let thanked = rng.chance(0.5)
        if thanked { para += " " + part("brief-thanks", ["Thank you.", "Many thanks.", "Thank you for your help."]) }
        let sign = part("sign", thanked ? Phrases.signOffs.filter { !$0.lowercased().contains("thank") } : Phrases.signOffs)
        let name = part("name", Phrases.names)
        return greeting + "\n\n" + para + "\n\n" + sign + (name.isEmpty ? "" : "\n" + name)
    }

    /// Three lines: a greeting, the whole ask in one sentence (a question a keyword), thanks and a name. People
    /// write these as often as long letters; the cost limit and format are left to the body's defaults.
    /// "Please could you tell me:" before figures, not before "Copies of…".
    mutating func introduction() -> String {
        part("intro", askedDocuments ? Phrases.numberedIntros.filter { !$0.contains("tell me") && !$0.contains("like to know") } : Phrases.numberedIntros)
    }

    /// The period, in words the opening has not used ("I am interested in …" once a letter), and about figures
    /// only where the items ask for some.
    mutating func timeSentence(after opening: String) -> String {
        let said = opening.contains("interest"), figures = askedFigures
        return part("time", Phrases.timeSentences.filter { (!said || !$0.contains("interested")) && (figures || !$0.contains("figures")) })
    }

    /// "A spreadsheet" is for figures: where documents are asked for too, a format that says so.
    func formats(_ bank: [String]) -> [String] {
        let allData = ["ideally as a spreadsheet", "machine-readable", "reusable format", "A spreadsheet or CSV by email"]
        let out = bank.filter { f in
            (!askedDocuments || !allData.contains(where: f.contains))
                && (askedFigures || !["spreadsheet", "figures", "data", "CSV"].contains(where: f.contains))
        }
        return out.isEmpty ? bank : out
    }

    /// A spreadsheet for figures; where none are asked for, the documents' formats.
    mutating func formatLine() -> String {
        askedFigures ? part("format", formats(Phrases.formats)) : part("doc-format", Phrases.documentFormats)
    }

    /// Whether a keyword has a figure to "tell me" that names it: else the three-line letter would ask to be
    /// told "any discussions with recognised trade unions".
    func hasShortQuestion(_ k: Keyword) -> Bool {
        (QuestionBanks.questions(for: k) + QuestionBanks.suited(QuestionBanks.generic, to: k))
            .contains { $0.numeric && Self.filled($0, k).isFlow && $0.text.contains("{K}") && suitsBody($0) }
    }

    mutating func short() -> String {
        shape.append("short")
        let greeting = part("greeting-p", Phrases.plainGreetings)
        time.backRefs = [""]
        // Figures: "tell me" a number reads right, "tell me" a policy does not.
        let qs = items(count: keywords.count) { $0.numeric && $0.isFlow }
        // Items with commas of their own are kept apart with semicolons.
        let sep = qs.contains { $0.contains(",") } ? "; " : ", "
        let q = qs.count == 1 ? qs[0] : qs.dropLast().joined(separator: sep) + (qs.count > 2 || sep == "; " ? sep + "and " : " and ") + qs.last!
        // Even three lines say how the answer should come.
        let ask = part("short-ask", Phrases.shortAsks).replacingOccurrences(of: "{Q}", with: q) + " " + part("brief-format", formats(Phrases.briefFormats))
        let thanks = part("short-thanks", ["Thank you.", "Many thanks for your help.", "Thank you in advance."])
        let name = part("name", Phrases.names)
        let sign = part("sign", Phrases.signOffs.filter { !$0.lowercased().contains("thank") })
        return greeting + "\n\n" + ask + "\n\n" + thanks + "\n\n" + sign + "\n" + name
    }

    mutating func detailed() -> String {
        let (greeting, opening) = greetingAndOpening()
        // One definition, of the first topic, and the general terms: stock definitions for every topic read
        // oddly ("“rape investigations” covers work done by contractors").
        var defs = [part("def-k", Phrases.keywordDefinitions, keyword: keywords[0].text)]
        for o in rng.sample(Phrases.otherDefinitions.filter { !$0.contains("{P}") }, 1 + rng.below(2)) { defs.append(part("def-o", [o])) }
        let defIntro = part("def-intro", Phrases.definitionIntros)
        // One punctuation for the whole list: semicolons between the definitions, a full stop after the last.
        let trimmed = defs.map { d in var d = d; while d.hasSuffix(";") || d.hasSuffix(".") { d.removeLast() }; return d }
        let defBlock = defIntro + "\n" + trimmed.enumerated().map { i, d in
            "- " + Self.capitalised(d) + (i == trimmed.count - 1 ? "." : ";")
        }.joined(separator: "\n")
        let n = 3 + rng.below(3)
        let list = items(count: n)
        let intro = introduction()
        let body = numberedList(list, questionsAllowed: true)
        var paras = [greeting, opening, defBlock]
        paras.append(timeSentence(after: opening))
        paras.append(intro + "\n" + body)
        paras.append(formatLine())
        paras.append(costClause())
        paras.append(closing())
        return paras.joined(separator: "\n\n")
    }

    mutating func documents() -> String {
        let (greeting, opening) = greetingAndOpening()
        let intro = part("doc-intro", Phrases.documentIntros)
        let n = max(keywords.count, 3 + rng.below(3))
        // The topic's own document questions (a body's policy, minutes, reviews), not one list for every topic.
        var scope = part("doc-scope", opening.contains("interest") ? Phrases.documentScopes.filter { !$0.contains("interested") } : Phrases.documentScopes)
        if scope.contains(" since ") { time.backRefs = ["since then", "", ""] }
        let docs = items(count: n) { $0.asksForDocument }.map { d in
            d.hasPrefix("copies of ") ? String(d.dropFirst(10)) : d.hasPrefix("a copy of ") ? String(d.dropFirst(10)) : d
        }
        // "Each version of any policy" only where a policy or plan is asked for; else the plain "since" scope.
        let policyWords = ["policy", "policies", "plan", "strategy", "procedure", "guidance", "protocol", "rules", "standards"]
        // Nor where an item asks only for what is "currently in force", which every version would contradict.
        if scope.contains("policy") && (!docs.contains(where: { d in policyWords.contains(where: d.contains) })
                                        || docs.contains(where: { $0.contains("currently in force") })) {
            scope = fill(Phrases.documentScopes[0])
            shape.append("doc-scope:0")
        }
        let bullet = rng.below(3)
        shape.append("bullet:\(bullet)")
        let list = docs.enumerated().map { i, d in
            let m = bullet == 0 ? "-" : bullet == 1 ? "•" : "\(i + 1)."
            return m + " " + Self.capitalised(d) + (bullet == 2 ? "." : "")
        }.joined(separator: "\n")
        let format = part("doc-format", Phrases.documentFormats)
        // The scope gives the period before any document refers back to it.
        return [greeting, opening + " " + scope, intro + "\n" + list, format, costClause(), closing()]
            .joined(separator: "\n\n")
    }

    mutating func table() -> String {
        let (greeting, opening) = greetingAndOpening()
        time.backRefs = [""]
        let n = 3 + rng.below(3)
        // A row per month or quarter suits counts and sums, not a budget or a headcount.
        let flows = ["month", "quarter"].contains(time.unit)
        var rows = items(count: n, figures: true) { $0.numeric && !$0.isList && !$0.isSnapshot && (!flows || $0.isFlow) }
        // A table of one column is a single figure: where the strict columns run out, any figure for a year.
        // A row per month still wants a flow first: "the drop-out rates" for each month reads as nonsense.
        if rows.count < 2 && flows {
            rows += items(count: 1, named: Set(keywords.map(\.text)), after: rows, figures: true) { $0.numeric && !$0.isList && !$0.isSnapshot && $0.isFlow }
        }
        if rows.count < 2 { rows += items(count: 1, named: Set(keywords.map(\.text)), after: rows, figures: true) { $0.numeric && !$0.isList && !$0.isSnapshot } }
        // The row that must name a keyword may still be a level or a headcount ("the number of employees paid
        // £100,000 or more" for each quarter): then only the flows, as long as every keyword is still named,
        // else a row per year (over three years where the period was one).
        if flows, rows.contains(where: { !TopicQuestion(text: $0.lowercased(), numeric: true).isFlow }) {
            let flowRows = rows.filter { TopicQuestion(text: $0.lowercased(), numeric: true).isFlow }
            if flowRows.count >= 2, keywords.allSatisfy({ k in flowRows.contains { $0.lowercased().contains(k.text.lowercased()) } }) {
                rows = flowRows
            } else {
                time = time.byYear()
            }
        }
        // After the rows: the period may have changed for them.
        let timeSentence = self.timeSentence(after: opening)
        let intro = part("table-intro", Phrases.tableIntros)
        let body = numberedList(rows, questionsAllowed: false)
        var layout = part("table-layout", Phrases.tableLayouts)
        if rng.chance(0.5) { layout += " " + part("small", Phrases.smallNumberNotes) } else { shape.append("small:-") }
        let format = part("table-format", Phrases.tableFormats)
        return [greeting, opening + " " + timeSentence, intro + "\n" + body, layout + " " + format, costClause(), closing()]
            .joined(separator: "\n\n")
    }
}
