import Foundation

/// The judge's coherence check: one persona, one greeting, one list, one cost-limit paragraph, whole
/// sentences, and one period, defined before anything refers back to it.
extension JudgeRules {
    static let verbClues: Set<String> = [
        "is", "are", "was", "were", "be", "been", "being", "would", "could", "should", "will", "can", "may", "might",
        "must", "do", "does", "did", "have", "has", "had", "cannot", "can't", "won't", "isn't", "aren't", "don't",
        "doesn't", "exceed", "exceeds", "exceeded", "apply", "applies", "take", "takes", "need",
        "needs", "hold", "holds", "held", "consider", "think", "believe", "require", "requires", "mean", "means",
        "find", "decide", "refuse", "withhold", "want", "prefer", "exist", "exists", "unable", "wish", "feel",
        "helps", "help", "makes", "make", "gets", "involves", "contains", "covers", "falls", "fall", "goes", "go",
        "costing", "exceeding", "answering", "responding", "complying", "providing", "including", "there",
    ]

    /// Sentence ends that leave a sentence unfinished.
    /// (Not "for", "to" or "with": "what it was used for" ends a sentence; the composer's audit found two.)
    static let danglingEnds: Set<String> = ["the", "a", "an", "of", "and", "or", "your", "my", "per", "how", "whether",
                                            "its", "their", "our"]
    /// A question word and a subject with no verb after them end no sentence: "please let me know how it." (a
    /// history adapter's closing line, read in session 12).
    static let questionWords: Set<String> = ["how", "whether", "why", "what", "which", "where", "when", "if"]
    static let bareSubjects: Set<String> = ["it", "they", "you", "we", "i", "this", "these", "that"]

    static let backReferences = ["that period", "those years", "each of those years", "that year", "the same period",
                                 "those months", "that time frame", "since then", "during that year", "in the period.",
                                 "in the period,", "in the period;", "over the period."]

    /// How many times words refer back to the letter's period (`periodTails`).
    static func periodReferences(_ w: [String]) -> Int {
        var n = 0
        for tail in periodTails where tail.count <= w.count {
            for i in 0...(w.count - tail.count) where Array(w[i..<(i + tail.count)]) == tail { n += 1 }
        }
        return n
    }

    /// A line that opens a table of figures by period, as the composer's table intros do ("For each financial year,
    /// please provide:").
    static func opensTable(_ line: String) -> Bool {
        let l = line.trimmingSpaces
        return Phrases.tableIntros.contains { intro in
            let parts = intro.components(separatedBy: "{U}")
            return parts.count == 2 && l.hasPrefix(parts[0]) && l.hasSuffix(parts[1]) && l.count > intro.count - 3
        }
    }

    /// The families of inline markers a text uses ("(a)", "(ii)", "(3)"), ambiguous ones ("(i)", "(v)") left out.
    static func inlineMarkerFamilies(_ text: String) -> Set<String>? {
        var families = Set<String>()
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "(") {
            // A marker stands after a space: "12(4)(b)" is a regulation, not a list.
            let marker = open == rest.startIndex || rest[rest.index(before: open)] == " "
            rest = rest[rest.index(after: open)...]
            guard let close = rest.firstIndex(of: ")") else { break }
            guard marker else { continue }
            let m = String(rest[..<close])
            if ["ii", "iii", "iv", "vi", "vii"].contains(m) { families.insert("(ii)") }
            else if m.count == 1, let c = m.first, "abcdefgh".contains(c) { families.insert("(a)") }
            else if m.count == 1, let c = m.first, c.isNumber { families.insert("(1)") }
        }
        return families.isEmpty ? nil : families
    }

    /// Sentences that set one period for the whole request.
    static let globalPeriod = ["request covers", "period i am interested in", "each part of this request", "each question for",
                               "all parts of the request", "the period” means", "the period\" means", "covering the",
                               "give them for", "please answer each", "at any point since", "at any time since",
                               "documents in force", "produced during"]

    /// First years of "since 1 April 2021" and of ranges: the starts of the periods a letter uses.
    static func periodStarts(_ text: String) -> Set<Int> {
        var out = Set(yearRanges(text).map(\.lowerBound))
        let w = TextTools.words(text)
        for (i, x) in w.enumerated() where x == "since" || x == "from" {
            for y in w[(i + 1)..<min(w.count, i + 4)] {
                if let n = Int(y), (1990...2039).contains(n) { out.insert(n); break }
            }
        }
        return out
    }

    /// "2020/21 to 2024/25", "2019 to 2023": (first year, last year) of each range in the text.
    static func yearRanges(_ text: String) -> [ClosedRange<Int>] {
        let w = TextTools.words(text)
        var out: [ClosedRange<Int>] = []
        for i in w.indices {
            guard let a = Int(w[i]), (1990...2039).contains(a) else { continue }
            // "2020/21" is two tokens: skip the two-digit tail.
            var j = i + 1
            if j < w.count, w[j].count == 2, Int(w[j]) != nil { j += 1 }
            guard j + 1 < w.count, ["to", "until", "through"].contains(w[j]),
                  let b = Int(w[j + 1]), (a...2039).contains(b) else { continue }
            out.append(a...b)
        }
        return out
    }

    /// Years of a statute's title ("Act 2000") are not a period.
    static func definesPeriod(_ before: String) -> Bool {
        let w = TextTools.words(before)
        for (i, x) in w.enumerated() {
            if let y = Int(x), (1990...2039).contains(y), i == 0 || !["act", "regulations", "2000", "2002"].contains(w[i - 1]) { return true }
            if ["financial", "calendar", "academic", "since", "months", "quarter", "quarters", "annually"].contains(x) { return true }
            if ["last", "past", "previous", "preceding"].contains(x), i + 2 < w.count,
               ["year", "years", "month", "months", "financial", "calendar", "full", "complete", "three", "two", "five",
                "four", "six", "ten", "twelve", "12", "3", "5", "2", "4", "6", "10"].contains(w[i + 1]) { return true }
        }
        return false
    }

    /// A sentence run into a number with no space: "how many were upheld.45 ratings".
    static func splicedNumber(_ text: String) -> String? {
        let b = Array(text.utf8)
        var letters = 0
        for i in b.indices {
            let c = b[i]
            if (c >= 97 && c <= 122) { letters += 1; continue }
            if c == 46, letters >= 4, i + 1 < b.count, b[i + 1] >= 48 && b[i + 1] <= 57 {
                let from = max(0, i - 12), to = min(b.count, i + 10)
                return String(decoding: b[from..<to], as: UTF8.self)
            }
            letters = 0
        }
        return nil
    }

    /// A stock definition given to the wrong term: "“the period” includes emails, spreadsheets, reports…",
    /// "“information” includes drafts where no final version exists" (read in model letters the judge passed).
    /// The bodies are the composer's own (`Phrases.otherDefinitions`); a person's own definitions are left alone.
    static func misplacedDefinition(_ lines: [String]) -> String? {
        lines.lazy.compactMap(misplacedDefinition(in:)).first
    }

    /// The stock definitions as (term, body), from `Phrases.otherDefinitions`.
    static let stockDefinitions: [(term: String, body: String)] = Phrases.otherDefinitions.compactMap { d in
        let parts = d.components(separatedBy: "” ")
        guard parts.count == 2, !parts[1].contains("{") else { return nil }
        return (parts[0].trimmingCharacters(in: CharacterSet(charactersIn: "“")), parts[1].trimmingCharacters(in: CharacterSet(charactersIn: ";.")))
    }

    /// One line's misplaced stock definition, as the judge reports it.
    package static func misplacedDefinition(in line: String) -> String? {
        guard let open = line.range(of: "“"), let close = line.range(of: "” ", range: open.upperBound..<line.endIndex) else { return nil }
        let term = line[open.upperBound..<close.lowerBound].lowercased(), rest = line[close.upperBound...]
        if let s = stockDefinitions.first(where: { rest.hasPrefix($0.body) }), term != s.term {
            return "“\(term)” is given the definition of “\(s.term)”"
        }
        return nil
    }

    /// Words that never stand twice in a row in a letter ("had had" and "that that" can; numbers can).
    /// Words that cannot open the noun phrase "the" begins ("in" and "by" can: "the in-house team", "the by-election").
    static let neverAfterThe: Set<String> = ["to", "of", "and", "or", "is", "are", "was", "were", "with", "from"]
    static let neverTwice: Set<String> = ["the", "of", "to", "and", "in", "for", "each", "one", "your", "any", "by", "on", "with",
                                          "is", "are", "or", "its", "their", "from", "at", "as", "an", "be", "was", "were", "i",
                                          "you", "my", "our", "this", "these", "those", "we", "it", "per", "all", "every"]

    /// "(b)b)", "(b)(b)", "b)b)", "2)2)": the same letter or number closed twice at the start of a line.
    static func doubledMarker(_ line: String) -> Bool {
        var rest = Substring(line)
        func marker() -> Substring? {
            if rest.first == "(" { rest.removeFirst() }
            let label = rest.first?.isLowercase == true ? rest.prefix(1) : rest.prefix(while: \.isNumber).prefix(2)
            guard !label.isEmpty, rest.dropFirst(label.count).first == ")" else { return nil }
            rest = rest.dropFirst(label.count + 1)
            return label
        }
        guard let first = marker() else { return false }
        return marker() == first
    }

    /// The first words of a greeting: the phrase banks' own, and the "Hi" some people write.
    static let greetingWords: Set<String> =
        Set((Phrases.namedGreetings + Phrases.plainGreetings).compactMap { TextTools.words($0).first }).union(["hi"])

    /// The number of items the judge reads in a letter (a list's lines or a sentence's inline items).
    package static func itemCount(_ letter: String) -> Int { requestItems(LetterContext(letter)).count }

    /// A full stop with a lower-case word straight after it: "… relate to the calendar years 2019 to 2023.vedantic has
    /// carried out of …" (sft24's product letter, session 24, spliced into an item). Not "e.g.", "i.e." or an address
    /// ("foi@council.gov.uk", "www.gov.uk"), whose parts are short or known endings.
    static func sentencesWithoutSpace(_ lines: [String]) -> String? {
        let domains: Set<String> = ["gov", "uk", "org", "com", "ac", "nhs", "net", "police", "scot", "wales", "co", "ie", "eu", "pdf", "csv", "xlsx", "docx"]
        for line in lines where !line.contains("@") && !line.contains("www.") && !line.contains("://") {
            let b = Array(line.utf8)
            for i in b.indices.dropFirst().dropLast() where b[i] == UInt8(ascii: ".") {
                let before = b[i - 1], after = b[i + 1]
                guard (before >= 97 && before <= 122) || (before >= 48 && before <= 57), after >= 97 && after <= 122 else { continue }
                var j = i + 1
                while j < b.count, b[j] >= 97 && b[j] <= 122 { j += 1 }
                let word = String(decoding: b[(i + 1)..<j], as: UTF8.self)
                guard word.count >= 3, !domains.contains(word) else { continue }
                var k = i - 1
                while k > 0, b[k - 1] != UInt8(ascii: " ") { k -= 1 }
                return String(decoding: b[k..<j], as: UTF8.self)
            }
        }
        return nil
    }

    static func coherence(_ ctx: LetterContext, keywords: [String] = []) -> Outcome {
        // A topic asked as if it were a body: "I would like to ask consultancy spending for a small charity", "if you
        // are unable to ask asylum hotels" (a history adapter's frame, session 11). One asks a body, or asks for or about a topic.
        let spaced = " " + TextTools.words(ctx.text).joined(separator: " ") + " "
        for k in keywords {
            let kw = TextTools.words(k).joined(separator: " ")
            guard !kw.isEmpty else { continue }
            if spaced.contains(" ask \(kw) ") || spaced.contains(" ask the \(kw) ") {
                return (false, "a topic is asked as if it were a body: “ask \(k)”")
            }
        }
        if let s = splicedNumber(ctx.bodyLines.joined(separator: "\n")) { return (false, "a sentence runs into a number: “\(s)”") }
        // The request starting again: the same list opening twice ("Since 1 April 2021, could you tell me:" and then
        // "Since 1 April 2020, could you tell me:"), or a dash run into a number ("-22 the original file format"),
        // both read in history adapter letters the judge passed (session 12).
        var openings = Set<String>()
        for line in ctx.bodyLines where line.hasSuffix(":") {
            let key = TextTools.words(line).filter { Int($0) == nil }.joined(separator: " ")
            if !openings.insert(key).inserted { return (false, "the request starts again: “\(line.prefix(50))”") }
        }
        if let line = ctx.bodyLines.first(where: { $0.count > 1 && $0.hasPrefix("-") && $0.dropFirst().first!.isNumber }) {
            return (false, "a broken list marker: “\(line.prefix(30))”")
        }
        if let s = sentencesWithoutSpace(ctx.bodyLines) { return (false, "two sentences run together: “\(s)”") }
        // A doubled full stop ("and how many were upheld..", a product letter, session 12); an ellipsis is three.
        if let line = ctx.bodyLines.first(where: { $0.contains("..") && !$0.contains("...") }) {
            return (false, "a doubled full stop: “…\(line.suffix(40))”")
        }
        // A sum where the topic should be: "any internal audit reports concerning £450" (sft6's own letter, session 12).
        for frame in [" concerning £", " relating to £", " covering £", " reports on £", " discussed £"] {
            if let r = ctx.text.range(of: frame) {
                return (false, "a sum stands where the topic should be: “…\(ctx.text[r.lowerBound...].prefix(30))”")
            }
        }
        let lower = ctx.bodyLines.map { $0.lowercased() }
        // One persona.
        let personas = ctx.sentences.filter { s in
            let l = " " + s.lowercased().replacing("’", with: "'")
            return [" i am a ", " i am an ", " i'm a ", " i'm an ", " as a local ", " as a journalist", " as a student",
                    " as a researcher", " as a parent", " i work for a ", " i work for an "].contains { l.has($0) }
        }
        if personas.count > 1 {
            return (false, "two personas: “\(personas[0].prefix(50))” and “\(personas[1].prefix(50))”")
        }
        if let d = misplacedDefinition(ctx.bodyLines) { return (false, d) }
        // A greeting opens the letter: "Drainage Commissioners Freedom of Information Team," with no "Dear" (sft14's
        // own letter, session 19). A subject line may come first.
        if !ctx.lines.prefix(2).contains(where: { Self.greetingWords.contains(TextTools.words($0).first ?? "") }) {
            return (false, "no greeting: the letter opens “\(ctx.lines.first?.prefix(40) ?? "")”")
        }
        // A list marker written twice: "(b)b) Any correspondence …" (dpo9's own letter, session 19).
        if let line = ctx.bodyLines.first(where: Self.doubledMarker) { return (false, "a list marker written twice: “\(line.prefix(30))”") }
        // One greeting.
        let greetings = lower.filter { $0.hasPrefix("dear ") }
        if greetings.count > 1 { return (false, "two greetings: “\(greetings[1].prefix(40))”") }
        // "Dear The Highland Council FOI team": a name's own article is dropped after "Dear".
        if let g = ctx.bodyLines.first(where: { $0.hasPrefix("Dear The ") }) { return (false, "“\(g.prefix(30))”: no “The” after “Dear”") }
        // One list: a list starts with 1 (or a, or i) once per family of markers.
        var starts: [String: Int] = [:]
        for line in ctx.bodyLines {
            guard let body = stripMarker(line) else { continue }
            let marker = String(line.dropLast(body.count)).trimmingCharacters(in: CharacterSet(charactersIn: " ().:"))
            if marker == "1" { starts["number", default: 0] += 1 }
            if marker == "a" { starts["letter", default: 0] += 1 }
        }
        if starts.values.contains(where: { $0 > 1 }) { return (false, "two separate lists of questions, each starting again at 1") }
        // A table of figures by period holds no figure of how things stand now ("how many remain outstanding" in a row
        // per year): the composer keeps such questions out of its tables (`TopicQuestion.isSnapshot`); the model wrote
        // them into 3 of 4 product letters read in session 15.
        if let intro = ctx.bodyLines.firstIndex(where: Self.opensTable) {
            for line in ctx.bodyLines[(intro + 1)...] {
                guard let item = stripMarker(line) else { if !line.trimmingSpaces.isEmpty { break } else { continue } }
                if TopicQuestion(text: item.lowercased(), numeric: true).isSnapshot {
                    return (false, "a figure of how things stand now in a row per period: “\(item.prefix(60))”")
                }
            }
        }
        // One family of inline markers: "(a) … (c)" and then "(ii) … (iii)" in the same letter is a second request
        // run into the first (a product letter the judge passed, session 15).
        if let mixed = Self.inlineMarkerFamilies(ctx.bodyLines.joined(separator: " ")), mixed.count > 1 {
            return (false, "two lists run together: markers \(mixed.sorted().joined(separator: " and "))")
        }
        // One cost-limit paragraph.
        let costParagraphs = ctx.paragraphs.filter { p in
            let l = p.lowercased()
            return ["cost limit", "appropriate limit", "section 12", "manifestly unreasonable", "12(4)(b)", "10(4)(b)"].contains { l.has($0) }
        }
        if costParagraphs.count > 1 { return (false, "the cost limit is raised twice: “\(costParagraphs[1].prefix(60))”") }
        // Whole sentences.
        for s in ctx.sentences {
            let w = TextTools.words(s)
            if w.count >= 5, let last = w.last, danglingEnds.contains(last), s.hasSuffix(".") || s.hasSuffix("?") {
                return (false, "a sentence breaks off: “…\(s.suffix(50))”")
            }
            if w.count >= 4, let last = w.last, bareSubjects.contains(last), questionWords.contains(w[w.count - 2]),
               s.hasSuffix(".") || s.hasSuffix("?") {
                return (false, "a sentence breaks off: “…\(s.suffix(50))”")
            }
            // A subordinate clause with nothing after it: "Electronic copies are preferred. If you."
            if w.count <= 3, let first = w.first, ["if", "where", "when", "although", "because", "unless"].contains(first) {
                return (false, "a sentence breaks off: “\(s.prefix(40))”")
            }
            // "the" with no noun after it: "I would like the to advise and assist." (sft37's own letter, session 27).
            for i in w.indices.dropFirst() where w[i - 1] == "the" && Self.neverAfterThe.contains(w[i]) {
                return (false, "an article with no noun: “the \(w[i])” in “\(s.prefix(60))”")
            }
            // ("a a" is left alone: "(a) a breakdown" is a marker and an article.)
            // (Read in a history adapter's letters: "how many new you each one one year", "your each each year".)
            // (Nor "on on-call firefighters": the second is the head of a hyphenated word.)
            for i in w.indices.dropFirst() where w[i] == w[i - 1] && Self.neverTwice.contains(w[i])
                && !s.lowercased().contains("\(w[i]) \(w[i])-") {
                return (false, "words run together: “\(w[i]) \(w[i])” in “\(s.prefix(60))”")
            }
            // "any policy, strategy or strategy currently in force" (sft20's own letter, session 20); not "disabled people
            // and people with long-term conditions" (a handwritten letter), where the second is another group.
            for i in w.indices.dropFirst(2) where w[i] == w[i - 2] && w[i - 1] == "or" && w[i].count > 4
                && !(i + 1 < w.count && ["with", "who", "whose", "in", "from", "on", "at", "under", "over"].contains(w[i + 1])) {
                return (false, "a word offered as its own alternative: “\(w[i]) \(w[i - 1]) \(w[i])” in “\(s.prefix(60))”")
            }
            // "If the cost limit in section 12 of FOISA, please…": an if-clause with a subject and no verb.
            if w.first == "if", w.count > 1, ["the", "a", "an", "this", "that", "these", "those", "my", "your"].contains(w[1]),
               let comma = s.firstIndex(of: ",") {
                let clause = TextTools.words(String(s[..<comma]))
                if clause.count >= 4, clause.allSatisfy({ !verbClues.contains($0) && !$0.hasSuffix("ed") && !$0.hasSuffix("s") }) {
                    return (false, "a sentence is spliced: “\(s.prefix(70))”")
                }
            }
        }
        // A law's title run into another sentence's words: "… (Scotland) Act-time equivalent finance staff".
        for title in ["Act-", "Regulations-", "2000-", "2002-", "2004-"] {
            guard let r = ctx.text.range(of: title), ctx.text[r.upperBound...].first?.isLowercase == true else { continue }
            let around = ctx.text[r.lowerBound...].prefix(40)
            return (false, "a sentence is spliced: “…\(around)…”")
        }
        if let f = itemLines(ctx) ?? bankNumberSlip(ctx) ?? possessiveWithoutNoun(ctx) ?? brokenStockSentence(ctx) ?? yearOfSeveral(ctx) ?? periodAsPublic(ctx) { return f }
        // A request of one item answered "in parts", or of two whose "first two items" leave no remainder.
        let parts = requestItems(ctx).count
        if parts == 1, let p = Phrases.severalParts.first(where: ctx.text.contains) {
            return (false, "a request of one item spoken of in parts: “\(p)”")
        }
        if (1...2).contains(parts) && ctx.text.contains(Phrases.firstTwoItems) {
            return (false, "“\(Phrases.firstTwoItems)” of a request with no more")
        }
        // Every version of a policy asked for, then only the one in force: "please include each version in force since
        // then, not only the current one" above "any policy … currently in force that covers stray dogs" (sft14's
        // product letters, read in session 21).
        if Phrases.everyVersionScopes.contains(where: ctx.text.contains),
           let item = ctx.items.first(where: { $0.contains("currently in force") }) {
            return (false, "asks for each version of a policy, then only the one currently in force: “\(item.prefix(60))”")
        }
        for line in ctx.bodyLines.dropFirst() where stripMarker(line) == nil && !isCloseLine(line) {
            if TextTools.wordCount(line) >= 8, let c = line.last, !".?!:;)\"”’'".contains(c) {
                return (false, "a sentence is cut off: “…\(line.suffix(50))”")
            }
        }
        // Prose inside the list: after an item, a line that is no item yet ends as one ("- Any reports …" then "I would
        // like to build an accurate of consultancy spending in a board, and the number of cards in issue;" then "- Any
        // internal audit reports …", a history adapter's letter the judge passed, session 14).
        var afterItem = false
        for line in ctx.bodyLines {
            if stripMarker(line) != nil { afterItem = true; continue }
            if afterItem && line.hasSuffix(";") { return (false, "prose breaks into the list: “\(line.prefix(60))”") }
            afterItem = false
        }
        // An item that refers back to the period twice is two items spliced ("discussions with recognised trade unions
        // about employee relocation expenses in the period applied to mailboxes in each of those years", a model
        // letter the judge passed, session 16).
        for item in ctx.items {
            if periodReferences(TextTools.words(item)) >= 2 { return (false, "an item refers to the period twice, as two spliced: “\(item.prefix(80))”") }
        }
        // One period, defined before it is referred to.
        let text = lower.joined(separator: " ")
        for ref in backReferences {
            guard let at = text.byteOffset(of: ref) else { continue }
            if !definesPeriod(String(decoding: text.utf8.prefix(at), as: UTF8.self)) {
                return (false, "“\(ref)” refers to a period the letter never gave")
            }
        }
        // A letter that sets one period for every part must not then start another ("since 1 April 2019" in a
        // request for 2021/22 to 2024/25). Without such a sentence, each item may carry its own dates.
        if globalPeriod.contains(where: text.has) {
            let starts = periodStarts(ctx.bodyLines.joined(separator: "\n"))
            if starts.count > 1 { return (false, "two different periods, starting \(starts.sorted().map(String.init).joined(separator: " and "))") }
        }
        // Many years referred back to in a request for one ("I am interested in the calendar year 2023" … "for
        // each year").
        if yearRanges(text).isEmpty && !text.has("since ") && (text.has("the calendar year ") || text.has("the financial year ")),
           let ref = ["each of those years", "those years", "for each year", "in each year", "year by year"].first(where: text.has) {
            return (false, "“\(ref)” in a request for a single year")
        }
        if let f = wording(ctx) { return f }
        return (true, "one voice, whole sentences, one period")
    }
}
