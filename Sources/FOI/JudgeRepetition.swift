/// The judge's repetition check: loops, stutters, repeated lines and items that ask the same thing twice.
extension JudgeRules {
    /// Replaces each keyword occurrence by one token, so that a topic named in several items is not a loop.
    static func collapsingKeywords(_ words: [String], _ keywords: [String]) -> [String] {
        let ks = keywords.map(TextTools.words).filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        var out: [String] = []
        var i = 0
        outer: while i < words.count {
            for (n, k) in ks.enumerated() where i + k.count <= words.count && Array(words[i..<(i + k.count)]) == k {
                out.append("<k\(n)>"); i += k.count; continue outer
            }
            out.append(words[i]); i += 1
        }
        return out
    }

    static func repetition(_ ctx: LetterContext, keywords: [String] = []) -> Outcome {
        // The same line (5+ words) twice.
        var seenLines: [String: Int] = [:]
        for line in ctx.lines where TextTools.wordCount(line) >= 5 {
            let key = TextTools.words(stripMarker(line) ?? line).joined(separator: " ")
            seenLines[key, default: 0] += 1
            if seenLines[key]! >= 2 { return (false, "a line is repeated: “\(line.prefix(60))”") }
        }
        // Two items that ask the same thing: the same first five words, or nearly the same words.
        let items = ctx.items.map(TextTools.words).filter { $0.count >= 6 }
        for i in items.indices {
            for j in items.indices where j > i {
                let a = items[i], b = items[j]
                if sameQuestion(a, b) {
                    return (false, "two items ask the same: “\(a.prefix(8).joined(separator: " "))…”")
                }
            }
        }
        // A word three times in a row.
        // Keywords and statute titles may recur (a topic in several items, the Act cited twice).
        let w = collapsingKeywords(ctx.words, keywords + Law.allCases.map(\.fullTitle))
        if w.count >= 3 {
            for i in 2..<w.count where w[i] == w[i - 1] && w[i] == w[i - 2] && Int(w[i]) == nil {
                return (false, "the word “\(w[i])” repeats three times in a row")
            }
        }
        // A run of 8 words that occurs twice, or 4 words that occur four times.
        // People restate a date or a unit ("on 31 March 2023 and 31 March 2024"); a loop repeats more, or at once.
        if let g = repeatedGram(w, n: 10, times: 2) { return (false, "the phrase “\(g)” repeats") }
        if let g = stutter(w) { return (false, "the words “\(g)” repeat at once") }
        if let g = repeatedGram(w, n: 4, times: 4) { return (false, "the phrase “\(g)” occurs four or more times") }
        return (true, "no repeated lines or phrases")
    }

    /// Two items (as words) that ask nearly the same thing: 85% of the shorter one's words in the other.
    static func sameQuestion(_ a: [String], _ b: [String]) -> Bool {
        let x = Set(a), y = Set(b)
        return Double(x.intersection(y).count) / Double(max(1, min(x.count, y.count))) >= 0.85
    }

    /// A run of 3 to 6 words followed at once by itself ("a table with a table with").
    static func stutter(_ w: [String]) -> String? {
        for n in 3...6 where w.count >= 2 * n {
            for i in 0...(w.count - 2 * n) where w[i..<(i + n)] == w[(i + n)..<(i + 2 * n)] && w[i..<(i + n)].contains(where: { Int($0) == nil }) {
                return w[i..<(i + n)].joined(separator: " ")
            }
        }
        return nil
    }

    static func repeatedGram(_ w: [String], n: Int, times: Int) -> String? {
        guard w.count >= n else { return nil }
        // Words as numbers, n-grams as arrays of them: no string is built until one repeats.
        var ids: [String: Int] = [:]
        let x = w.map { word in ids[word] ?? { let id = ids.count; ids[word] = id; return id }() }
        var counts: [ArraySlice<Int>: Int] = [:]
        for i in 0...(x.count - n) {
            let g = x[i..<(i + n)]
            counts[g, default: 0] += 1
            if counts[g]! >= times { return w[i..<(i + n)].joined(separator: " ") }
        }
        return nil
    }
}
