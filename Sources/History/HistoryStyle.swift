import FOI
import Foundation
import Writer

/// The parts of a letter that make a style a person's, each read the same way from the person's letters and
/// from a model's. Categorical markers name a form ("Dear Sir or Madam", dashes, "since <date>"); numeric ones
/// are counts per letter. Nothing here is learnt from the letters: the forms are fixed, so the person's own
/// letters say which forms they use and how often.
public enum StyleMarker: String, CaseIterable, Codable, Sendable {
    case greeting, opening, numbering, words, items, period, format, signOff, register, sentenceWords

    public var title: String {
        switch self {
        case .greeting: return "greeting"
        case .opening: return "opening (first words)"
        case .numbering: return "numbering"
        case .words: return "words per letter"
        case .items: return "items per letter"
        case .period: return "period"
        case .format: return "format phrase (first words)"
        case .signOff: return "sign-off"
        case .register: return "contractions per 100 words"
        case .sentenceWords: return "words per sentence"
        }
    }

    public var isCategorical: Bool { ![.words, .items, .register, .sentenceWords].contains(self) }
    /// The five the acceptance counts (issue 27): how a letter greets, opens, lists, how long it is, how it ends.
    public static let core: [StyleMarker] = [.greeting, .opening, .numbering, .words, .signOff]
}

/// One letter's style.
public struct LetterStyleReading: Sendable, Equatable {
    public var forms: [StyleMarker: String] = [:]
    public var counts: [StyleMarker: Double] = [:]

    public init(_ letter: String) {
        let lines = TextTools.lines(letter)
        forms[.greeting] = Self.greeting(lines.first ?? "")
        let afterGreeting = lines.first.map { Self.isGreeting($0) } == true ? Array(lines.dropFirst()) : lines
        let firstSentence = TextTools.sentences(afterGreeting.joined(separator: "\n")).first ?? ""
        forms[.opening] = Self.firstWords(firstSentence, 3)
        let (numbering, items) = Self.numbering(lines)
        forms[.numbering] = numbering
        forms[.period] = Self.period(letter)
        forms[.format] = TextTools.sentences(letter).first(where: Self.asksFormat).map { Self.firstWords($0, 4) } ?? "none"
        forms[.signOff] = lines.last(where: JudgeRules.isCloseLine).map { TextTools.words($0).joined(separator: " ") } ?? "none"
        let words = TextTools.words(letter)
        counts[.words] = Double(TextTools.wordCount(letter))
        counts[.items] = Double(items)
        counts[.register] = words.isEmpty ? 0 : 100 * Double(words.filter(Self.contractions.contains).count) / Double(words.count)
        let body = TextTools.sentences(LetterEval.body(of: letter)).filter { TextTools.wordCount($0) > 0 }
        counts[.sentenceWords] = body.isEmpty ? 0 : Double(body.map(TextTools.wordCount).reduce(0, +)) / Double(body.count)
    }

    static func isGreeting(_ line: String) -> Bool {
        let w = TextTools.words(line)
        return ["dear", "hello", "hi", "to", "good"].contains(w.first ?? "") && line.count <= 120 && !line.hasSuffix(".")
    }

    /// Words that address a team or an office rather than a body (the matcher's generic greetings, word by word).
    static let officeWords: Set<String> = Set(HistoryMatcher.genericGreetings.flatMap { TextTools.words($0) })
        .union(["the", "at", "of", "and", "freedom", "information", "team", "rights", "governance", "office", "unit", "requests"])

    /// "Dear Sir or Madam", "Dear <body>", "Dear <body> team", "Dear <team or officer>", "Hello", "To <…>", "none".
    public static func greeting(_ line: String) -> String {
        guard isGreeting(line) else { return "none" }
        let w = TextTools.words(line)
        switch w.first {
        case "hello", "hi", "good": return "Hello"
        case "to": return "To <…>"
        default: break
        }
        let rest = Array(w.dropFirst())
        if rest.isEmpty { return "Dear" }
        if rest.allSatisfy({ ["sir", "or", "madam", "sirs"].contains($0) }) { return "Dear Sir or Madam" }
        if rest.allSatisfy(officeWords.contains) { return "Dear <team or officer>" }
        let office = rest.contains { ["team", "officer", "office", "unit", "governance", "rights"].contains($0) }
        return office ? "Dear <body> team" : "Dear <body>"
    }

    static func firstWords(_ s: String, _ n: Int) -> String {
        let w = TextTools.words(s).prefix(n)
        return w.isEmpty ? "none" : w.joined(separator: " ")
    }

    static func asksFormat(_ sentence: String) -> Bool {
        let t = Array(" " + sentence.lowercased() + " ")
        return JudgeRules.formatWords.contains { TextTools.wholeWordRanges(of: $0, in: t).count > 0 }
    }

    /// The marker of one list line ("- ", "1. ", "(a) "…) as a form, or nil.
    static func marker(_ line: String) -> String? {
        guard JudgeRules.stripMarker(line) != nil, let c = line.first else { return nil }
        if "-–".contains(c) { return "dashes" }
        if "•*·▪".contains(c) { return "bullets" }
        let open = c == "("
        let head = open ? line.dropFirst() : Substring(line)
        let digits = head.first?.isNumber == true
        guard let close = head.first(where: { !$0.isLetter && !$0.isNumber }) else { return nil }
        let shape = digits ? "1" : (head.first?.isUppercase == true ? "A" : "a")
        return open ? "(\(shape))" : "\(shape)\(close)"
    }

    /// The most used list marker and the number of items (list lines, else inline "(a) …" parts).
    static func numbering(_ lines: [String]) -> (String, Int) {
        let markers = lines.compactMap(marker)
        if !markers.isEmpty {
            let counts = Dictionary(markers.map { ($0, 1) }, uniquingKeysWith: +)
            let top = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
            return (top, markers.count)
        }
        let inline = lines.map(JudgeRules.inlineParts).filter { $0.count >= 2 }
        if let first = inline.first {
            return (lines.joined(separator: " ").contains("(1)") ? "inline (1)" : "inline (a)", first.count)
        }
        return ("none", 0)
    }

    /// How the letter gives its period, as a form: "since <date>", "the last N years", "from <date> to <date>",
    /// "financial years 20xx/yy", "in <year>", "none". The first form found in the letter wins.
    public static func period(_ letter: String) -> String {
        let t = letter.lowercased()
        let forms: [(String, String)] = [
            (#"\bsince (\d{1,2} )?(january|february|march|april|may|june|july|august|september|october|november|december|\d{4})"#, "since <date>"),
            (#"\b(last|past|previous) (\w+ )?(full |complete |calendar |financial )*(years|months)"#, "the last N years"),
            (#"\b(from|between) [^.\n]{0,40}?\d{4}(/\d{2})? (to|and|until) [^.\n]{0,30}?\d{4}"#, "from <date> to <date>"),
            (#"\b(19|20)\d{2}/\d{2}\b"#, "financial years 20xx/yy"),
            (#"\b(in|for|during) (the )?(calendar year )?(19|20)\d{2}\b(?!/)"#, "in <year>"),
        ]
        var best: (Int, String)?
        for (pattern, form) in forms {
            guard let re = try? NSRegularExpression(pattern: pattern),
                  let m = re.firstMatch(in: t, range: NSRange(t.startIndex..., in: t)) else { continue }
            if best == nil || m.range.location < best!.0 { best = (m.range.location, form) }
        }
        return best?.1 ?? "none"
    }

    /// Contractions of a plain register ("I'd", "don't"); the composer writes none.
    static let contractions: Set<String> = [
        "i'd", "i'm", "i'll", "i've", "don't", "doesn't", "didn't", "can't", "won't", "isn't", "aren't", "wasn't", "weren't",
        "it's", "that's", "there's", "we'd", "we're", "we've", "we'll", "you're", "you'd", "you'll", "haven't", "hasn't",
        "couldn't", "wouldn't", "shouldn't", "let's", "what's",
    ]
}

/// The markers over a set of letters: for each categorical marker the share of letters using each form, for
/// each numeric one the mean per letter.
public struct StyleSummary: Codable, Sendable, Equatable {
    public var letters: Int
    public var shares: [String: [String: Double]] = [:]
    public var means: [String: Double] = [:]

    public init(letters texts: [String]) {
        letters = texts.count
        let readings = texts.map(LetterStyleReading.init)
        let n = Double(max(texts.count, 1))
        for m in StyleMarker.allCases {
            if m.isCategorical {
                var c: [String: Int] = [:]
                for r in readings { c[r.forms[m] ?? "none", default: 0] += 1 }
                shares[m.rawValue] = c.mapValues { Double($0) / n }
            } else {
                means[m.rawValue] = readings.map { $0.counts[m] ?? 0 }.reduce(0, +) / n
            }
        }
    }

    /// The most used form and its share (ties to the alphabetically first form).
    public func usual(_ m: StyleMarker) -> (form: String, share: Double)? {
        guard let c = shares[m.rawValue], let top = c.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { return nil }
        return (top.key, top.value)
    }

    public func share(_ m: StyleMarker, _ form: String) -> Double { shares[m.rawValue]?[form] ?? 0 }
    public func mean(_ m: StyleMarker) -> Double { means[m.rawValue] ?? 0 }

    /// How far these letters are from `person` on one marker: total variation distance between the forms'
    /// shares (0 the same mix, 1 no form in common), or the relative difference of the means.
    public func distance(to person: StyleSummary, _ m: StyleMarker) -> Double {
        if m.isCategorical {
            let a = shares[m.rawValue] ?? [:], b = person.shares[m.rawValue] ?? [:]
            let tv = Set(a.keys).union(b.keys).map { abs((a[$0] ?? 0) - (b[$0] ?? 0)) }.reduce(0, +) / 2
            return (tv * 1e9).rounded() / 1e9
        }
        let p = person.mean(m)
        return abs(mean(m) - p) / max(abs(p), 1)
    }

    /// One line per marker: the form the person uses most (or their mean) and how these letters compare.
    public var description: String {
        StyleMarker.allCases.map { m in
            if let u = usual(m) { return "\(m.title): \(u.form) (\(Int((100 * u.share).rounded()))%)" }
            return String(format: "%@: %.1f", m.title, mean(m))
        }.joined(separator: "\n")
    }
}
