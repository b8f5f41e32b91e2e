/// Small, dependency-free text helpers shared by the legislation rules, the judge and the composer.
public enum TextTools {
    /// Lower-cased word tokens: letters, digits and apostrophes; everything else separates
    /// (so "fly-tipping" is two words, "2023/24" is two).
    public static func words(_ text: String) -> [String] { words(text, lowercased: true) }

    /// Word tokens as written (same split as `words`).
    public static func wordsKeepingCase(_ text: String) -> [String] { words(text, lowercased: false) }

    static func words(_ text: String, lowercased: Bool) -> [String] {
        if let ascii = asciiWords(text, lowercased: lowercased) { return ascii }
        var out: [String] = []
        var cur = String.UnicodeScalarView()
        func flush() {
            if !cur.isEmpty { let w = trimApostrophes(String(cur)); if !w.isEmpty { out.append(w) }; cur = String.UnicodeScalarView() }
        }
        // Scalar by scalar with an ASCII fast path: the judge tokenises every sampled letter several times.
        for u in text.unicodeScalars {
            let v = u.value
            if v < 128 {
                if (v >= 97 && v <= 122) || (v >= 48 && v <= 57) { cur.append(u) }
                else if v >= 65 && v <= 90 { cur.append(lowercased ? Unicode.Scalar(v + 32)! : u) }
                else if v == 39 { if !cur.isEmpty { cur.append(u) } }
                else { flush() }
            } else if v == 0x2019 {
                if !cur.isEmpty { cur.append("'") }
            } else if u.properties.isAlphabetic || u.properties.numericType != nil {
                if lowercased { cur.append(contentsOf: u.properties.lowercaseMapping.unicodeScalars) } else { cur.append(u) }
            } else if u.properties.generalCategory == .nonspacingMark || u.properties.generalCategory == .spacingMark {
                cur.append(u)
            } else {
                flush()
            }
        }
        flush()
        return out
    }

    private static func trimApostrophes(_ w: String) -> String {
        var s = w
        if s.hasSuffix("'s") { s.removeLast(2) }
        while s.hasSuffix("'") { s.removeLast() }
        return s
    }

    /// Words as they appear (case kept), for counting letter length.
    public static func wordCount(_ text: String) -> Int {
        // Bytes: a token counts when it holds an ASCII letter or digit, or any non-ASCII byte (a letter of
        // another script; no punctuation token outside ASCII is common enough to matter).
        var count = 0, counted = false
        for c in text.utf8 {
            if c == 32 || c == 10 || c == 9 || c == 13 { counted = false; continue }
            if !counted && ((c >= 48 && c <= 57) || (c | 0x20 >= 97 && c | 0x20 <= 122) || c >= 0x80) {
                count += 1; counted = true
            }
        }
        return count
    }

    /// `words` for ASCII text, on bytes: letters, digits and inner apostrophes; nil when the text is not ASCII.
    static func asciiWords(_ text: String, lowercased: Bool) -> [String]? {
        var copy = text
        return copy.withUTF8 { b -> [String]? in
            var out: [String] = []
            var cur: [UInt8] = []
            cur.reserveCapacity(24)
            func flush() {
                // As `trimApostrophes`: a possessive "'s" and trailing apostrophes go.
                if cur.count >= 2 && cur[cur.count - 1] == 115 && cur[cur.count - 2] == 39 { cur.removeLast(2) }
                while cur.last == 39 { cur.removeLast() }
                if !cur.isEmpty { out.append(String(decoding: cur, as: UTF8.self)); cur.removeAll(keepingCapacity: true) }
            }
            for c in b {
                if c >= 128 { return nil }
                if (c >= 97 && c <= 122) || (c >= 48 && c <= 57) { cur.append(c) }
                else if c >= 65 && c <= 90 { cur.append(lowercased ? c + 32 : c) }
                else if c == 39 { if !cur.isEmpty { cur.append(c) } }
                else { flush() }
            }
            flush()
            return out
        }
    }

    /// A light English stemmer: enough to match plurals and common verb forms
    /// ("repairs"/"repair", "claims"/"claim", "policies"/"policy", "parking"/"park").
    public static func stem(_ word: String) -> String {
        if let s = asciiStem(word) { return s }
        var w = word.lowercased()
        if w.count <= 3 { return w }
        let rules: [(String, String)] = [
            ("ies", "y"), ("ied", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"),
            ("ings", ""), ("ing", ""), ("ed", ""), ("es", "e"), ("s", ""),
        ]
        for (suffix, repl) in rules where w.hasSuffix(suffix) {
            if suffix == "s" && (w.hasSuffix("ss") || w.hasSuffix("us") || w.hasSuffix("is")) { break }
            let base = String(w.dropLast(suffix.count)) + repl
            if base.count >= 3 { w = base }
            break
        }
        // "tipping" -> "tipp" -> "tip": collapse a doubled final consonant left by -ing/-ed.
        if let last = w.last, w.count >= 4, w.dropLast().last == last, !"aeiousl".contains(last) {
            w.removeLast()
        }
        if w.hasSuffix("e") && w.count > 4 { w.removeLast() }
        return w
    }

    static let stemRules: [([UInt8], [UInt8])] = [
        ("ies", "y"), ("ied", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"),
        ("ings", ""), ("ing", ""), ("ed", ""), ("es", "e"), ("s", ""),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// `stem` on bytes for an ASCII word (every word the judge meets in most letters); nil otherwise.
    static func asciiStem(_ word: String) -> String? {
        var w: [UInt8] = []
        w.reserveCapacity(word.utf8.count)
        for c in word.utf8 {
            if c >= 128 { return nil }
            w.append(c >= 65 && c <= 90 ? c + 32 : c)
        }
        func ends(_ x: [UInt8]) -> Bool { w.count >= x.count && w[(w.count - x.count)...].elementsEqual(x) }
        if w.count <= 3 { return String(decoding: w, as: UTF8.self) }
        for (suffix, repl) in stemRules where ends(suffix) {
            if suffix.count == 1 && (ends([115, 115]) || ends([117, 115]) || ends([105, 115])) { break }  // ss us is
            let base = Array(w.dropLast(suffix.count)) + repl
            if base.count >= 3 { w = base }
            break
        }
        if let last = w.last, w.count >= 4, w[w.count - 2] == last, !Array("aeiousl".utf8).contains(last) { w.removeLast() }
        if w.last == 101 && w.count > 4 { w.removeLast() }
        return String(decoding: w, as: UTF8.self)
    }

    /// Function words ignored when matching keywords.
    public static let stopwords: Set<String> = [
        "a", "an", "the", "and", "or", "of", "in", "on", "for", "to", "by", "with", "at", "from",
        "per", "into", "about", "its", "their", "any", "all", "as", "is", "are", "be", "&",
    ]

    /// Stems of the content words of a phrase, in order.
    public static func contentStems(_ text: String) -> [String] {
        words(text).filter { !stopwords.contains($0) }.map(stem)
    }

    /// Splits text into sentences (on . ? ! ; and line breaks). Keeps list items as their own units.
    public static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        var cur = ""
        let chars = Array(text)
        for (i, ch) in chars.enumerated() {
            if ch == "\n" {
                if !cur.trimmingSpaces.isEmpty { out.append(cur.trimmingSpaces) }
                cur = ""
                continue
            }
            cur.append(ch)
            if ch == "?" || ch == "!" || ch == ";" {
                out.append(cur.trimmingSpaces); cur = ""
            } else if ch == "." {
                // Not a decimal point or an abbreviation followed by a digit ("s.12", "1.5").
                let next = i + 1 < chars.count ? chars[i + 1] : " "
                if next == " " || next == "\n" {
                    out.append(cur.trimmingSpaces); cur = ""
                }
            }
        }
        if !cur.trimmingSpaces.isEmpty { out.append(cur.trimmingSpaces) }
        return out.filter { !$0.isEmpty }
    }

    /// Blocks separated by a blank line, trimmed.
    public static func paragraphs(_ text: String) -> [String] {
        var out: [String] = [], cur: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !cur.isEmpty { out.append(cur.joined(separator: "\n").trimmingSpaces); cur = [] }
            } else {
                cur.append(line)
            }
        }
        if !cur.isEmpty { out.append(cur.joined(separator: "\n").trimmingSpaces) }
        return out
    }

    /// Non-empty lines, trimmed.
    public static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            .filter { !$0.isEmpty }
    }

    /// Case-insensitive whole-word occurrences of `needle` in `haystack`, as character offsets.
    /// A match must not be preceded or followed by a letter or digit.
    public static func wholeWordRanges(of needle: String, in haystack: [Character]) -> [Range<Int>] {
        let n = Array(needle.lowercased())
        guard !n.isEmpty, n.count <= haystack.count else { return [] }
        var out: [Range<Int>] = []
        var i = 0
        while i + n.count <= haystack.count {
            var ok = true
            for k in 0..<n.count where haystack[i + k] != n[k] { ok = false; break }
            if ok {
                let before = i > 0 ? haystack[i - 1] : " "
                let after = i + n.count < haystack.count ? haystack[i + n.count] : " "
                if !(before.isLetter || before.isNumber) && !(after.isLetter || after.isNumber) {
                    out.append(i..<(i + n.count))
                }
            }
            i += 1
        }
        return out
    }
}

extension String {
    /// Trims spaces, tabs and line breaks at both ends (Foundation-free).
    public var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

