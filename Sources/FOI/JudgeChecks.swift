import Foundation

/// The letter, pre-split once for all checks.
struct LetterContext {
    let text: String
    let lines: [String]
    let words: [String]
    /// The same tokens with their case, for matching proper names.
    let casedWords: [String]
    let sentences: [String]
    let wordCount: Int
    /// Blank-line separated blocks.
    let paragraphs: [String]
    /// The sign-off line ("Yours faithfully,"), the last one if several.
    let closeIndex: Int?
    /// Every line but the name lines after the sign-off: what the reading checks read.
    let bodyLines: [String]
    /// Lower-cased words of `bodyLines`.
    let bodyWords: [String]
    /// List items: numbered, lettered or bulleted lines and inline "(a) … (b) …" parts.
    let items: [String]
    /// The laws the letter cites.
    let cited: [Law]

    init(_ text: String) {
        var t = text
        if let at = t.byteOffset(of: PromptFormat.endToken) { t = String(decoding: t.utf8.prefix(at), as: UTF8.self) }
        self.text = t
        lines = TextTools.lines(t)
        words = TextTools.words(t)
        casedWords = TextTools.wordsKeepingCase(t)
        sentences = TextTools.sentences(t)
        wordCount = TextTools.wordCount(t)
        paragraphs = TextTools.paragraphs(t)
        let all = lines
        let close = all.lastIndex(where: JudgeRules.isCloseLine)
        closeIndex = close
        let body = close.map { Array(all[...$0]) } ?? all
        bodyLines = body
        bodyWords = TextTools.words(body.joined(separator: "\n"))
        items = JudgeRules.listItems(all)
        cited = JudgeRules.citedLaws(t)
    }
}

package enum JudgeRules {
    typealias Outcome = (Bool, String)

    // MARK: authority

    static func authority(_ ctx: LetterContext, authority: Authority, names: AuthorityNameIndex) -> Outcome {
        let found = names.matches(in: ctx.casedWords, lowered: ctx.words, target: authority)
        let own = found.filter { $0.name == authority.name }
        var others: [String] = []
        for f in found where f.name != authority.name && !others.contains(f.name) { others.append(f.name) }
        // The greeting: the first line if it opens "Dear" or "To".
        var greetingOther: String?
        if let first = ctx.lines.first, ["dear", "to"].contains(TextTools.words(first).first ?? "") {
            let g = TextTools.wordsKeepingCase(first)
            let own = Self.namesPartOf(authority, in: first)
            if !own, let m = names.matches(in: g, target: authority).first(where: { $0.name != authority.name }) {
                greetingOther = m.name
            }
        }
        if let g = greetingOther {
            return (false, "the greeting addresses \(g), not \(authority.name)")
        }
        // The opening says whom the request is to: "writing to X", "held by X" with X another body.
        let opening = (ctx.lines.dropFirst().first ?? "").lowercased()
        for other in others {
            let n = other.lowercased()
            for lead in addresseeLeads where opening.contains(lead + n) || opening.contains(lead + "the " + n) {
                return (false, "the request is made to \(other), not \(authority.name)")
            }
        }
        if let other = otherAddressee(ctx.lines.dropFirst().first ?? "", authority: authority) {
            return (false, "the request is made to \(other), not \(authority.name)")
        }
        // "an accurate picture of second homes premium in England", written to a Welsh council.
        if let place = Self.otherNation(ctx.text, authority: authority) {
            return (false, "places \(authority.name) (\(authority.nation.rawValue)) in \(place)")
        }
        if !others.isEmpty {
            return (true, "addressed to \(authority.name); mentions \(others.prefix(3).joined(separator: ", ")) in passing")
        }
        return (true, own.isEmpty ? "names no other authority" : "names \(authority.name) and no other authority")
    }

    /// A nation the letter sets its topic in ("across public bodies in England", "… in Scotland, and each body's")
    /// that is not the body's own; nil for a UK-wide body or none named.
    package static func otherNation(_ text: String, authority: Authority) -> String? {
        guard authority.nation != .uk else { return nil }
        for nation in Nation.allCases where nation != authority.nation && nation != .uk {
            if NameSlots.placeFrames.contains(where: { text.contains($0.before + nation.rawValue + $0.after) }) { return nation.rawValue }
        }
        return nil
    }


    /// Words that many bodies' names share: "City Council" names no one in particular.
    static let genericNameWords: Set<String> = [
        "the", "of", "and", "for", "city", "county", "borough", "district", "metropolitan", "council", "nhs", "trust",
        "foundation", "health", "board", "service", "services", "police", "fire", "rescue", "national", "royal",
        "university", "college", "hospital", "hospitals", "teaching", "community", "care", "integrated", "authority",
        "agency", "department", "office", "commission", "greater", "combined", "partnership", "social",
    ]

    /// Whether `text` holds two words in a row of the authority's name, one of them its own rather than
    /// generic ("Dear NHS Greater Manchester" for NHS Greater Manchester Integrated Care Board).
    static func namesPartOf(_ a: Authority, in text: String) -> Bool {
        let name = TextTools.words(a.name).filter { $0 != "the" }, t = TextTools.words(text)
        guard name.count >= 2 else { return false }
        for i in 0..<(name.count - 1) where !(genericNameWords.contains(name[i]) && genericNameWords.contains(name[i + 1])) {
            for j in t.indices.dropLast() where t[j] == name[i] && t[j + 1] == name[i + 1] { return true }
        }
        return false
    }

    // MARK: legislation

    /// The laws a letter cites, by full title or abbreviation.
    package static func citedLaws(_ text: String) -> [Law] {
        var t = " " + text.lowercased().replacing("\n", with: " ") + " "
        var found: [Law] = []
        func take(_ law: Law, _ phrases: [String]) {
            for p in phrases where t.has(p) {
                if !found.contains(law) { found.append(law) }
                // Only "EIR (Scotland)" hides a UK title inside a Scottish one; the others do not overlap.
                if p == "eir (scotland)" { t = t.replacingOccurrences(of: p, with: " ") }
            }
        }
        // Scottish titles first: the UK titles are substrings of them.
        take(.foisa2002, ["freedom of information (scotland) act", "freedom of information scotland act", "foi(s)a", "foisa", "foi (scotland) act", "foi(s)"])
        take(.eisr2004, ["environmental information (scotland) regulations", "environmental information scotland regulations", "eisr", "eir (scotland)"])
        take(.foia2000, ["freedom of information act", "foia", "foi act"])
        take(.eir2004, ["environmental information regulations", " eirs ", " eir ", " eir,", " eir.", "(eir)", " eir)", " eir;", " eir/"])
        return found
    }

    static func legislation(_ ctx: LetterContext, jurisdiction j: Jurisdiction) -> Outcome {
        let cited = ctx.cited
        let scottish = j.general == .foisa2002
        let wrong = cited.filter { $0.isScottish != scottish }
        if !wrong.isEmpty {
            return (false, "cites \(wrong.map(\.fullTitle).joined(separator: " and ")), which does not apply to \(scottish ? "a Scottish" : "a non-Scottish") authority (expected \(j.laws.map(\.shortForm).joined(separator: "/")))")
        }
        return (true, cited.isEmpty ? "cites no law (not required)" : "cites \(cited.map(\.shortForm).joined(separator: " and "))")
    }

    // MARK: items

    static let requestLeads = [
        "please provide", "please send", "please supply", "please disclose", "please confirm", "please tell me",
        "please let me know", "please state", "please give", "please could you", "please include", "please list",
        "please set out", "please share", "please release", "please email", "please forward", "please identify",
        "please explain", "please indicate", "please break",
        "could you please", "could you provide", "could you send", "could you tell", "can you provide",
        "can you confirm", "would you provide", "would you please",
        "i would like", "i'd like", "i request", "i am requesting", "i am asking", "i ask for", "i would ask",
        "i would be grateful", "i should be grateful", "i'd be grateful", "i wish to request", "i wish to obtain",
        "i wish to receive", "i am seeking", "i seek", "i would appreciate", "i want to request", "i'm requesting",
        "request the following", "requesting the following", "the following information", "the following recorded",
        "the following documents", "the following data", "the following figures", "provide me with",
        "send me", "disclose to me", "a copy of", "copies of", "request for information", "request information",
        "request a copy", "request copies", "to ask for", "writing to ask", "to ask,", "i am asking for",
        "please can you", "please can i", "can you tell", "can you let me know", "can you send", "could you let me know",
        "i'd like to know", "i would like to know", "please advise", "i'd be grateful", "please could i",
    ]

    static let questionStarts: Set<String> = [
        "how", "what", "which", "when", "where", "who", "whom", "whether", "why", "does", "do", "did", "is",
        "are", "was", "were", "has", "have", "had", "can", "could", "will", "would",
    ]

    /// List items: numbered, lettered or bulleted lines, and inline "(a) … (b) …" parts.
    package static func listItems(_ lines: [String]) -> [String] {
        var items: [String] = []
        for line in lines {
            if let body = stripMarker(line) { items.append(body) }
            items.append(contentsOf: inlineParts(line))
        }
        return items
    }

    package static func stripMarker(_ line: String) -> String? {
        // Most lines open with a capital: no marker is one ("a)", "(b)", "ii.", "1." and bullets).
        if let c = line.utf8.first, c >= 65 && c <= 90 { return nil }
        let chars = Array(line)
        var i = 0
        if let c = chars.first, "-•*–·▪".contains(c) {
            i = 1
        } else {
            var open = false
            if chars.first == "(" { open = true; i = 1 }
            let startDigits = i
            while i < chars.count, chars[i].isNumber { i += 1 }
            if i == startDigits {
                // a single letter or roman numeral marker: "a)", "(b)", "ii."
                var j = i
                while j < chars.count, chars[j].isLetter, j - i < 4 { j += 1 }
                guard j > i, j < chars.count, j - i <= 4,
                      String(chars[i..<j]).allSatisfy({ "abcdefghijklmnopqrstuvwxyzivx".contains($0) }),
                      j - i == 1 || String(chars[i..<j]).allSatisfy({ "ivx".contains($0) }) else { return nil }
                i = j
            }
            guard i < chars.count else { return nil }
            if chars[i] == ")" || chars[i] == "." || (chars[i] == ":" && !open) { i += 1 } else { return nil }
        }
        guard i < chars.count, chars[i] == " " else { return nil }
        return String(chars[i...]).trimmingSpaces
    }

    static let inlineMarkers = ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(1)", "(2)", "(3)", "(4)", "(5)", "(6)",
                                "(i)", "(ii)", "(iii)", "(iv)"].map { Array($0.utf8) }

    package static func inlineParts(_ line: String) -> [String] {
        let bytes = Array(line.utf8)
        guard bytes.contains(UInt8(ascii: "(")) else { return [] }
        var positions: [(Int, Int)] = []  // (offset, marker length)
        for m in inlineMarkers where bytes.count > m.count {
            // After a space: "regulation 12(4)(b)" is a citation, not a list.
            for i in 1...(bytes.count - m.count) where bytes[i] == m[0] && bytes[i - 1] == UInt8(ascii: " ")
                && Array(bytes[i..<(i + m.count)]) == m {
                positions.append((i, m.count))
            }
        }
        guard positions.count >= 2 else { return [] }
        positions.sort { $0.0 < $1.0 }
        return positions.enumerated().map { k, p in
            let end = k + 1 < positions.count ? positions[k + 1].0 : bytes.count
            return String(decoding: bytes[(p.0 + p.1)..<max(p.0 + p.1, end)], as: UTF8.self).trimmingSpaces
        }
    }

    /// How the reply should come, not what it should say.
    /// "I would like the information in …", not "I would like the Information Commissioner's Office to tell me".
    static let replyPreferences = ["i would like to receive", "i would like any reply", "i would like the information in",
                                   "i would like the information as", "i would like the information by", "i would like the information sent",
                                   "i would like the reply", "i would prefer", "please reply", "please send the information",
                                   "please send it", "please provide the information in", "please provide the information as",
                                   "please provide it", "if possible, please provide the data", "i would like the documents"]

    static func hasLead(_ text: String) -> Bool {
        let t = text.lowercased().replacing("’", with: "'")
        return requestLeads.contains { t.has($0) }
    }

    static func isQuestion(_ item: String) -> Bool {
        let t = item.trimmingSpaces
        if t.hasSuffix("?") { return true }
        return questionStarts.contains(TextTools.words(t).first ?? "")
    }

    static func items(_ ctx: LetterContext) -> Outcome {
        let leadInLetter = hasLead(ctx.text)
        let items = ctx.items
        let specific = items.filter { TextTools.wordCount($0) >= 4 && (isQuestion($0) || leadInLetter) }
        if !specific.isEmpty {
            return (true, "asks for \(specific.count) specific item\(specific.count == 1 ? "" : "s")")
        }
        // A request, not a reply preference or the cost-limit courtesy ("I would like any reply by email").
        let asks = ctx.sentences.filter { s in
            let l = s.lowercased()
            if replyPreferences.contains(where: l.hasPrefix) || l.has("cost limit") || l.has("section 12") { return false }
            return (hasLead(s) && TextTools.wordCount(s) >= 8) || (s.hasSuffix("?") && TextTools.wordCount(s) >= 5)
        }
        if !asks.isEmpty {
            return (true, "asks for information in \(asks.count) specific request\(asks.count == 1 ? "" : "s")")
        }
        if !items.isEmpty && !leadInLetter {
            return (false, "lists \(items.count) topic\(items.count == 1 ? "" : "s") but never asks for information")
        }
        if !leadInLetter {
            return (false, "never asks for recorded information (no “please provide”, question or request)")
        }
        return (false, "asks for information only in general terms, not in specific items")
    }

    // MARK: time frame

    static let timeWords: [String] = [
        "financial year", "financial years", "calendar year", "calendar years", "academic year", "academic years",
        "since", "to date", "between", "last year", "this year", "previous year", "past year",
    ]

    static func timeframe(_ ctx: LetterContext) -> Outcome {
        for (i, w) in ctx.words.enumerated() where w.count == 4 {
            // The Act's own year is not a time frame.
            if let n = Int(w), (1990...2039).contains(n), i == 0 || !["act", "regulations"].contains(ctx.words[i - 1]) {
                return (true, "gives a time frame (\(w))")
            }
        }
        let t = " " + ctx.words.joined(separator: " ") + " "
        let numbers = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "2", "3", "4", "5", "6", "10", "12", "18", "24", "36"]
        for lead in ["last", "past", "previous", "preceding"] {
            for n in numbers {
                for unit in ["years", "months", "financial years", "calendar years", "full years", "complete years", "complete financial years"] {
                    if t.has(" \(lead) \(n) \(unit) ") { return (true, "gives a time frame (\(lead) \(n) \(unit))") }
                }
            }
        }
        for p in timeWords where t.has(" \(p) ") {
            if p == "since" || p == "between" { continue }
            return (true, "gives a time frame (\(p))")
        }
        return (false, "gives no time frame (years, financial years, a period or a start date)")
    }

    // MARK: format

    package static let formatWords = [
        "spreadsheet", "spreadsheets", "csv", "excel", "xlsx", "ods", "electronic", "electronically", "email",
        "e-mail", "machine-readable", "machine readable", "pdf", "digital", "digitally", "open format",
        "reusable format", "re-usable format", "word document", "by post", "paper copy",
    ]

    static func format(_ ctx: LetterContext) -> Outcome {
        let t = " " + ctx.text.lowercased().replacing("\n", with: " ") + " "
        for f in formatWords where TextTools.wholeWordRanges(of: f, in: Array(t)).count > 0 {
            return (true, "asks for a format (\(f))")
        }
        return (false, "does not say in what format the information should come (spreadsheet, CSV, electronic copy...)")
    }

    // MARK: length

    static func length(_ ctx: LetterContext, min: Int, max: Int) -> Outcome {
        let n = ctx.wordCount
        if n < min { return (false, "too short: \(n) words (at least \(min))") }
        if n > max { return (false, "too long: \(n) words (at most \(max))") }
        return (true, "\(n) words")
    }

    // MARK: close

    static let closes = [
        "yours faithfully", "yours sincerely", "yours truly", "kind regards", "best regards", "warm regards",
        "many thanks", "with thanks", "with many thanks", "thanks in advance", "thank you", "best wishes", "regards",
        "with best wishes", "thanks", "cheers", "all the best", "best",
    ]

    package static func isCloseLine(_ line: String) -> Bool {
        let l = line.lowercased().trimmingSpaces
        guard TextTools.wordCount(l) <= 6 else { return false }
        return closes.contains { l.hasPrefix($0) }
    }

    // MARK: finished

    static func finished(_ ctx: LetterContext) -> Outcome {
        guard let last = ctx.lines.last else { return (false, "the letter is empty") }
        if isCloseLine(last) { return (true, "ends with the sign-off") }
        if ctx.lines.count >= 2, isCloseLine(ctx.lines[ctx.lines.count - 2]), TextTools.wordCount(last) <= 4,
           !last.hasSuffix(":"), !last.hasSuffix(",") || last.hasPrefix("[") {
            return (true, "ends with a name after the sign-off")
        }
        if let c = last.last, ".?!)]\"”'’".contains(c) { return (true, "ends with a complete sentence") }
        return (false, "ends mid-sentence: “…\(last.suffix(40))”")
    }
}
