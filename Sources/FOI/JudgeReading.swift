import Foundation

/// The judge's reading checks: every word is a word, and the prompt's names are whole.
extension JudgeRules {
    typealias Quote = String

    /// Words a token may mix with digits: ordinals, units, money and codes ("3rd", "10am", "£2m", "A40", "NO2").
    static func isCode(_ t: String) -> Bool {
        let chars = Array(t)
        var i = 0
        while i < chars.count, chars[i].isLetter, chars[i].isUppercase { i += 1 }
        let caps = i
        var digits = 0
        while i < chars.count, chars[i].isNumber { i += 1; digits += 1 }
        let rest = String(chars[i...]).lowercased()
        if caps > 0 { return caps <= 4 && digits > 0 && (rest.isEmpty || rest.count == 1) }
        guard caps == 0, digits > 0 else { return false }
        return ["", "st", "nd", "rd", "th", "am", "pm", "m", "bn", "k", "km", "mph", "kg", "mm", "cm", "ft", "kw",
                "kwh", "mw", "mwh", "gw", "gwh", "gb", "tb", "s", "g", "a", "b", "c", "d", "e", "f", "x", "ml", "l"].contains(rest)
    }

    static let namePrecursors: Set<String> = ["in", "at", "near", "of", "from", "to", "the", "on", "by", "and", "with",
                                              "between", "around", "across", "outside", "into", "local", "for", "via", "or"]

    static let tokenTrim = Set("()[]{},.;:?!\"“”‘’'*•…<>|=+_#%£$€".unicodeScalars)

    /// A token without the punctuation around it.
    static func trimmed(_ s: String) -> String {
        let u = s.unicodeScalars
        guard let first = u.firstIndex(where: { !tokenTrim.contains($0) }) else { return "" }
        let last = u.lastIndex(where: { !tokenTrim.contains($0) })!
        return String(u[first...last])
    }

    /// Whether `w` is a known word or name, also with a possessive ending.
    static func isKnown(_ w: String, names: Set<String>) -> Bool {
        var l = w.lowercased()
        l = l.replacing("’", with: "'")
        if l.isEmpty || Lexicon.words.contains(l) || names.contains(l) || Lexicon.derives(l) { return true }
        for suffix in ["'s", "'"] where l.hasSuffix(suffix) {
            let base = String(l.dropLast(suffix.count))
            if Lexicon.words.contains(base) || names.contains(base) { return true }
        }
        return false
    }

    /// A token of several parts ("s.12", "12(4)(b)", "body-worn", "e-mail"): each part must pass, and a
    /// hyphenated compound may not have a stray letter ("liming-s-ion").
    static func partsKnown(_ token: String, names: Set<String>) -> Bool {
        let parts = token.split(whereSeparator: { "-.()&".contains($0) }).map(String.init)
        guard parts.count > 1 || token.utf8.contains(UInt8(ascii: "(")) else { return false }
        for p in parts {
            let hasLetter = p.contains(where: { $0.isLetter })
            if !hasLetter { continue }
            if p.count == 1 {
                if token.utf8.contains(UInt8(ascii: "-")) && !["e", "x", "t", "u"].contains(p.lowercased()) { return false }
                continue
            }
            if isKnown(p, names: names) { continue }
            if p.contains(where: { $0.isNumber }) && isCode(p) { continue }
            return false
        }
        return true
    }

    /// `line` split at spaces, tabs, slashes and dashes (— and –), on UTF-8 bytes.
    static func splitTokens(_ line: String) -> [String] {
        var out: [String] = []
        var copy = line
        copy.withUTF8 { b in
            var start = 0, i = 0
            func cut(_ end: Int, _ next: Int) {
                if end > start { out.append(String(decoding: b[start..<end], as: UTF8.self)) }
                start = next
            }
            while i < b.count {
                let c = b[i]
                if c == 32 || c == 9 || c == 47 { cut(i, i + 1); i += 1; continue }
                // U+2014 and U+2013: E2 80 94, E2 80 93
                if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x94 || b[i + 2] == 0x93 { cut(i, i + 3); i += 3; continue }
                i += 1
            }
            cut(b.count, b.count)
        }
        return out
    }

    /// Non-words in `line`: tokens that are neither in the lexicon, nor a name from the store, nor a code.
    /// An unknown capitalised word is taken as a proper name when it stands beside another capitalised word
    /// ("Priya Raman", "Cardiff Bay"); alone between lower-case words ("supply Thachers") it is not.
    static func nonWords(in line: String, names: Set<String>) -> [Quote] {
        let untrimmed = splitTokens(line)
        let raw: [String] = untrimmed.map(trimmed)
        func capitalised(_ w: String) -> Bool { w.first?.isUppercase == true }
        var bad: [Quote] = []
        for (k, token) in raw.enumerated() where !token.isEmpty {
            // A word cut at its apostrophe ("I' like", "three' bodies", "Protection and' Office"): only a plural's
            // possessive ends there ("the councils' budgets"). Read in a history adapter's letters, session 11.
            let whole = untrimmed[k].trimmingCharacters(in: .punctuationCharacters.subtracting(CharacterSet(charactersIn: "'’")))
            if whole.hasSuffix("'") || whole.hasSuffix("’"), whole.count > 1, !token.lowercased().hasSuffix("s") {
                bad.append(whole)
                continue
            }
            let lower = token.lowercased()
            if token.utf8.contains(UInt8(ascii: "@")) || lower.hasPrefix("http") || lower.hasPrefix("www.") { continue }
            if !token.contains(where: { $0.isLetter }) || token.count == 1 { continue }
            // Capitals at the end of a lower-case word ("threefolD", "inS", "theSS"): a sampled token run into a word,
            // not the word as written (a history adapter's letters, session 14). Units keep theirs ("kW", "pH").
            let lowerHead = token.prefix { $0.isLowercase }, tail = token.dropFirst(lowerHead.count)
            if !lowerHead.isEmpty, !tail.isEmpty, tail.allSatisfy(\.isUppercase), !Self.unitsWithCapitals.contains(token) {
                bad.append(token)
                continue
            }
            if isKnown(token, names: names) || partsKnown(token, names: names) { continue }
            if token.contains(where: { $0.isNumber }) && isCode(token) { continue }
            // All-capital acronyms: an FOI letter is full of them.
            if token.count <= 8 && token.allSatisfy({ $0.isUppercase || $0 == "&" }) { continue }
            // Proper names: an unknown capitalised word beside another, after a word that introduces a name
            // ("in Ringwood", "the Synnovis attack"), or with capitals inside ("PwC", "ScotRail").
            if capitalised(token) {
                let prev = k > 0 ? raw[k - 1] : "", next = k + 1 < raw.count ? raw[k + 1] : ""
                if capitalised(prev) || capitalised(next) || k == 0 { continue }
                if namePrecursors.contains(prev.lowercased()) { continue }
                if token.dropFirst().contains(where: { $0.isUppercase }) { continue }
            }
            bad.append(token)
        }
        return bad
    }

    /// Units written with a capital after lower-case letters.
    static let unitsWithCapitals: Set<String> = ["kW", "kV", "kJ", "kN", "kB", "dB", "mA", "mV", "mW", "mL", "pH", "nM", "eV", "iOS", "mRNA"]

    static func words(_ ctx: LetterContext, names: Set<String>) -> Outcome {
        guard Lexicon.available else { return (true, "no word list installed (apt-get install wbritish-large); words not checked") }
        var bad: [Quote] = []
        for line in ctx.bodyLines {
            // A slot the writer could not fill ("{k4}" for three keywords): no letter has braces.
            if line.utf8.contains(UInt8(ascii: "{")) || line.utf8.contains(UInt8(ascii: "}")) {
                bad.append(line.split(separator: " ").first { $0.contains("{") || $0.contains("}") }.map(String.init) ?? "{")
            }
            bad.append(contentsOf: nonWords(in: line, names: names))
        }
        if bad.isEmpty { return (true, "every word is an English word or a known name") }
        return (false, "not English words: " + bad.prefix(4).map { "“\($0)”" }.joined(separator: ", "))
    }

    /// Words that may stand before a keyword's tail without changing what it names ("the", "issued",
    /// "outstanding penalty notices" are the same notices; "database penalty notices" are not).
    static let neutralModifiers: Set<String> = [
        "issued", "total", "such", "new", "unpaid", "outstanding", "related", "similar", "other", "existing", "current",
        "recent", "relevant", "those", "these", "all", "any", "each", "every", "no", "more", "fewer", "further",
        "annual", "monthly", "weekly", "average", "recorded", "reported", "completed", "planned", "the", "your",
        "its", "their", "our", "of", "for", "on", "in", "and", "or", "to", "with", "by", "about", "many", "much",
        "how", "what", "which", "of", "a", "an", "separate", "individual", "successful", "unsuccessful", "open",
        "closed", "pending", "late", "overdue", "contested", "cancelled", "paid", "valid", "invalid",
    ]

    /// Names whole: a keyword's tail appears only after its own head. A head taken from another of the
    /// prompt's keywords is always a splice ("gas book stock" for library book stock beside gas consumption);
    /// for keywords of three words or more, so is any other noun ("database penalty notices" for fixed
    /// penalty notices, "single worn video" for body-worn video). A different word after the head is not
    /// checked: "body-worn cameras" is a person's way to say it. Known keywords and terms are fine.
    /// Terms a letter may define besides its keywords.
    static let stockTerms: Set<String> = ["recorded information", "documents", "the period", "contractor", "information",
                                          "document", "records", "data"]

    /// A definition of something the request is not about: a keyword garbled inside quotation marks
    /// ("“titter fines” has the meaning…" for litter fines), where no slot or copy holds it.
    static func definedOther(_ ctx: LetterContext, keywords: [String]) -> String? {
        let kws = Set(keywords.map { TextTools.words($0).joined(separator: " ") })
        return ctx.bodyLines.lazy.compactMap { definedOther(in: $0, keywords: kws) }.first
    }

    /// One line's defined term that is none of `keywords` (as joined words) nor a stock term.
    package static func definedOther(in line: String, keywords kws: Set<String>) -> String? {
        let l = line.lowercased()
        guard l.has("has the meaning") || l.has("under another heading") || l.has(" means ") || l.has("i mean")
                || l.has(" includes ") else { return nil }
        var rest = Substring(line)
        while let open = rest.firstIndex(where: { $0 == "“" || $0 == "\"" }) {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(where: { $0 == "”" || $0 == "\"" }) else { break }
            let term = TextTools.words(String(after[..<close])).joined(separator: " ")
            if !term.isEmpty && !kws.contains(term) && !stockTerms.contains(term) { return String(after[..<close]) }
            rest = after[after.index(after: close)...]
        }
        return nil
    }

    static func names(_ ctx: LetterContext, keywords: [String], knownPhrases: Set<String>) -> Outcome {
        if let other = definedOther(ctx, keywords: keywords) {
            return (false, "defines “\(other)”, which is none of the request's topics (\(keywords.map { "“\($0)”" }.joined(separator: ", ")))")
        }
        // A singular keyword needs its article where it stands alone: "complaints received about capital programme."
        if let bare = KeywordArticle.bareKeywordPhrase(in: ctx.bodyLines.joined(separator: "\n"), keywords: keywords) {
            return (false, "a keyword without its article: “\(bare)”")
        }
        if let needless = KeywordArticle.needlessArticlePhrase(in: ctx.bodyLines.joined(separator: "\n"), keywords: keywords) {
            return (false, "an article before a keyword that takes none: “\(needless)”")
        }
        let w = ctx.bodyWords
        let split = keywords.map { TextTools.words($0) }  // hyphens already split words
        for (n, kw) in split.enumerated() where kw.count >= 2 {
            let tailLength = kw.count >= 3 ? 2 : 1
            let tail = Array(kw.suffix(tailLength)), head = kw[kw.count - tailLength - 1]
            guard !tail.contains(where: TextTools.stopwords.contains), !TextTools.stopwords.contains(head) else { continue }
            let otherWords = Set(split.enumerated().filter { $0.offset != n }.flatMap(\.element)).subtracting(kw)
                .subtracting(TextTools.stopwords)
            for i in 1..<max(1, w.count - tailLength + 1) where Array(w[i..<(i + tailLength)]) == tail {
                let before = w[i - 1]
                // The end of another of the request's keywords, named whole ("data protection impact assessments"
                // beside "equality impact assessments").
                let inOther = split.enumerated().contains { m, k2 in
                    m != n && k2.count >= tailLength && i + tailLength >= k2.count
                        && Array(w[(i + tailLength - k2.count)..<(i + tailLength)]) == k2
                }
                // Another keyword named whole just before the tail: "your ash dieback action plan" beside the keyword
                // "climate emergency action plan" is the plan for ash dieback, not a broken name (the audit, session 15).
                let afterOther = split.enumerated().contains { m, k2 in
                    m != n && i >= k2.count && Array(w[(i - k2.count)..<i]) == k2
                }
                guard !inOther, !afterOther, before != head, !neutralModifiers.contains(before), Int(before) == nil,
                      !knownPhrases.contains(w[(i - 1)..<(i + tailLength)].joined(separator: " ")),
                      !knownTerms.contains(w[(i - 1)..<(i + tailLength)].joined(separator: " ")) else { continue }
                // Two-word keywords: only a head taken from another keyword (three-word ones: any noun).
                let spliced = otherWords.contains(before) && !Lexicon.words.contains(before + " " + tail.joined(separator: " "))
                    && kw.count >= 3
                let foreign = kw.count >= 3 && before.count > 2 && !before.hasSuffix("ed") && !before.hasSuffix("ing")
                    && !TextTools.stopwords.contains(before) && !ordinaryModifiers.contains(before)
                if spliced || foreign {
                    return (false, "“\(before) \(tail.joined(separator: " "))” where the keyword is “\(keywords[n])”")
                }
            }
        }
        return (true, "every keyword is named whole")
    }

    /// Modifiers that make another real kind of the same thing ("external audit reports", "privacy impact
    /// assessments"), not a broken name.
    static let ordinaryModifiers: Set<String> = [
        "internal", "external", "annual", "local", "national", "regional", "public", "private", "social", "financial",
        "environmental", "inequalities", "equality", "health", "privacy", "economic", "community", "customer", "school",
        "road", "street", "staff", "council", "police", "interim", "final", "draft", "independent", "joint", "formal",
        "informal", "written", "online", "emergency", "major", "minor", "serious", "full", "partial",
        // "its corporate risk register" beside the keyword "community risk register" (the composer's audit, session 13).
        "corporate",
    ]

    /// Established terms that share a keyword's tail.
    static let knownTerms: Set<String> = ["plate recognition cameras", "number plate recognition",
                                          // Beside "equality impact assessments" and "agency social workers" (the audit, session 15).
                                          "protection impact assessments", "children social workers", "adult social workers"]
}
