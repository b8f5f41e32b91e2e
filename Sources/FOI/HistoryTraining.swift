import Foundation

/// A person's letter as training data: the prompt it answers and the letter itself.
public struct HistoryLetter: Sendable, Equatable {
    public var authority: Authority?
    public var rawAuthority: String
    public var keywords: [String]
    public var body: String
    public var contentHash: String

    public init(authority: Authority?, rawAuthority: String, keywords: [String], body: String, contentHash: String) {
        self.authority = authority; self.rawAuthority = rawAuthority; self.keywords = keywords
        self.body = body; self.contentHash = contentHash
    }

    /// The prompt the model sees for this letter. The style field is the one `generate` uses by
    /// default, so an adapter changes the ordinary request's letters without any extra flag.
    public func prompt(knownKeywords: [Keyword]) -> Prompt {
        let law: String
        if let a = authority {
            law = Legislation.jurisdiction(for: a, topics: keywords, known: knownKeywords).label
        } else {
            let cited = JudgeRules.citedLaws(body)
            law = cited.isEmpty ? Law.foia2000.shortForm : cited.map(\.shortForm).joined(separator: " / ")
        }
        return Prompt(authority: authority?.name ?? rawAuthority, jurisdiction: law, keywords: keywords,
                      style: HistoryTraining.style)
    }
}

public enum HistoryTraining {
    /// Fewer letters than this teach no style; `train history` refuses.
    public static let minimumLetters = 20
    public static let style = LetterStyle.numbered.rawValue

    /// 10% held out (at least one letter): the lowest tenth by content hash, so the split does not
    /// depend on import order.
    public static func split(_ letters: [HistoryLetter]) -> (train: [HistoryLetter], heldOut: [HistoryLetter]) {
        let sorted = letters.sorted { $0.contentHash < $1.contentHash }
        let k = max(1, Int((Double(letters.count) / 10).rounded()))
        let held = Set(sorted.prefix(k).map(\.contentHash))
        return (letters.filter { !held.contains($0.contentHash) }, letters.filter { held.contains($0.contentHash) })
    }

    /// `{"prompt": ..., "letter": ...}` JSON Lines, the SFT format `StageData.examples` reads.
    public static func sftJSONL(_ letters: [HistoryLetter], knownKeywords: [Keyword]) -> String {
        let lines = letters.map { l -> String in
            let obj: [String: String] = ["prompt": l.prompt(knownKeywords: knownKeywords).text, "letter": l.body]
            let data = (try? JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
        return lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
    }
}

/// What makes a person's letters theirs, learned from the letters themselves: the usual greeting
/// line, whether items are lettered (a), (b), (c), the sentence they always use about the format,
/// the usual close and name, and the mean sentence length.
public struct StyleProfile: Codable, Sendable, Equatable {
    public var greeting: String
    public var letteredItems: Bool
    public var formatSentence: String
    public var close: String
    public var name: String
    public var meanSentenceWords: Double

    public init(letters: [String]) {
        func mostCommon(_ xs: [String]) -> String {
            let c = Dictionary(xs.map { ($0, 1) }, uniquingKeysWith: +)
            return c.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? ""
        }
        greeting = mostCommon(letters.compactMap { TextTools.lines($0).first })
        letteredItems = letters.filter(StyleMarkers.hasLetteredItems).count * 2 > letters.count
        let formatWords = JudgeRules.formatWords
        formatSentence = mostCommon(letters.flatMap { l in
            TextTools.sentences(l).filter { s in
                let t = " " + s.lowercased() + " "
                return formatWords.contains { TextTools.wholeWordRanges(of: $0, in: Array(t)).count > 0 }
            }
        })
        var closes: [String] = [], names: [String] = []
        for l in letters {
            let lines = TextTools.lines(l)
            if let i = lines.lastIndex(where: JudgeRules.isCloseLine) {
                closes.append(lines[i])
                if i + 1 < lines.count { names.append(lines[i + 1]) }
            }
        }
        close = mostCommon(closes); name = mostCommon(names)
        meanSentenceWords = StyleMarkers.meanSentenceWords(letters)
    }
}

/// How often letters show each marker of a style profile.
public struct StyleMarkers: Codable, Sendable, Equatable {
    public var letters: Int
    public var greeting: Double
    public var letteredItems: Double
    public var formatSentence: Double
    public var closeAndName: Double
    public var meanSentenceWords: Double

    public static func hasLetteredItems(_ letter: String) -> Bool {
        let lines = TextTools.lines(letter)
        let marked = ["(a)", "(b)"].allSatisfy { m in lines.contains { $0.lowercased().hasPrefix(m) } }
        return marked || JudgeRules.inlineParts(letter.replacingOccurrences(of: "\n", with: " ")).count >= 2
            && letter.contains("(a)") && letter.contains("(b)")
    }

    public static func meanSentenceWords(_ letters: [String]) -> Double {
        var words = 0, sentences = 0
        for l in letters {
            // the letter between greeting and close: items and sentences
            for s in TextTools.sentences(LetterEval.body(of: l)) where TextTools.wordCount(s) > 0 {
                words += TextTools.wordCount(s); sentences += 1
            }
        }
        return sentences == 0 ? 0 : Double(words) / Double(sentences)
    }

    public static func measure(_ letters: [String], against p: StyleProfile) -> StyleMarkers {
        let n = Double(max(letters.count, 1))
        func rate(_ f: (String) -> Bool) -> Double { Double(letters.filter(f).count) / n }
        let norm = { (s: String) in TextTools.words(s).joined(separator: " ") }
        let fmt = norm(p.formatSentence), greet = norm(p.greeting), close = norm(p.close), name = norm(p.name)
        return StyleMarkers(
            letters: letters.count,
            greeting: rate { TextTools.lines($0).first.map(norm) == greet },
            letteredItems: rate(hasLetteredItems),
            formatSentence: rate { fmt.isEmpty ? false : norm($0).contains(fmt) },
            closeAndName: rate { l in
                let lines = TextTools.lines(l).map(norm)
                guard let i = lines.lastIndex(of: close) else { return false }
                return name.isEmpty || (i + 1 < lines.count && lines[i + 1] == name)
            },
            meanSentenceWords: meanSentenceWords(letters))
    }
}

/// The slot machine's `+`/`-` ratings as preference pairs: generations with the same prompt text,
/// one rated +1 and one rated −1, become (chosen, rejected). Each liked letter pairs with each
/// disliked one of its prompt (capped per prompt so one prompt cannot dominate).
public enum RatingPairs {
    public struct Rated: Sendable, Equatable {
        public var prompt: String
        public var text: String
        public var score: Int
        /// +1 or −1 (the latest rating of the generation).
        public var rating: Int
        public init(prompt: String, text: String, score: Int, rating: Int) {
            self.prompt = prompt; self.text = text; self.score = score; self.rating = rating
        }
    }

    public static func build(_ rated: [Rated], maxPairsPerPrompt: Int = 4) -> [JudgedPair] {
        var order: [String] = []
        var groups: [String: [Rated]] = [:]
        for r in rated {
            if groups[r.prompt] == nil { order.append(r.prompt) }
            groups[r.prompt, default: []].append(r)
        }
        var out: [JudgedPair] = []
        for p in order {
            let g = groups[p]!
            let liked = g.filter { $0.rating > 0 }, disliked = g.filter { $0.rating < 0 }
            var n = 0
            outer: for l in liked {
                for d in disliked where l.text != d.text {
                    out.append(JudgedPair(prompt: p, chosen: l.text, rejected: d.text, chosenScore: l.score, rejectedScore: d.score))
                    n += 1
                    if n >= maxPairsPerPrompt { break outer }
                }
            }
        }
        return out
    }
}
