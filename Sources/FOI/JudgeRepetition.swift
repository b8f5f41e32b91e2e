/// The judge's repetition check: loops, stutters, repeated lines and items that ask the same thing twice.
extension JudgeRules {
    /// Replaces each keyword occurrence by one token, so that a topic named in several items is not a loop.
    static func collapsingKeywords(_ words: [String], _ keywords: [String]) -> [String] {
        let ks = keywords.map(TextTools.words).filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        var out: [String] = []
        var i = 0
        outer: while i < words.count {
            for (n, k) in ks.enumerated() where i + k.count <= words.count && words[i] == k[0]
                && words[i..<(i + k.count)].elementsEqual(k) {
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
        // The count of complaints about one topic asked twice in other words.
        for i in ctx.items.indices {
            for j in ctx.items.indices where j > i {
                if let k = complaintsTwice(ctx.items[i], ctx.items[j], keywords: keywords) {
                    return (false, "two items ask how many complaints about “\(k)” were upheld")
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
        let x = wordIds(w)
        if let g = repeatedGram(w, ids: x, n: 10, times: 2) { return (false, "the phrase “\(g)” repeats") }
        if let g = stutter(w, ids: x) { return (false, "the words “\(g)” repeat at once") }
        if let g = repeatedGram(w, ids: x, n: 4, times: 4) { return (false, "the phrase “\(g)” occurs four or more times") }
        return (true, "no repeated lines or phrases")
    }

    /// The keyword two items both ask "how many complaints … were upheld" about ("complaints from members of the
    /// public relating to X" and "complaints about the way the council handled X": one question to an officer);
    /// nil if none. Complaints escalated to an ombudsman are another question.
    static func complaintsTwice(_ a: String, _ b: String, keywords: [String]) -> String? {
        let x = a.lowercased(), y = b.lowercased()
        func counts(_ s: String) -> Bool { s.contains("complaints") && s.contains("were upheld") && !s.contains("ombudsman") }
        guard counts(x), counts(y) else { return nil }
        return keywords.first { x.contains($0.lowercased()) && y.contains($0.lowercased()) }
    }

    /// Two items (as words) that ask nearly the same thing: 85% of the shorter one's words in the other.
    static func sameQuestion(_ a: [String], _ b: [String]) -> Bool {
        // On stems: "recommendation"/"recommendations", "remain"/"remaining" are the same question.
        let x = Set(a.map(TextTools.stem)), y = Set(b.map(TextTools.stem))
        return Double(x.intersection(y).count) / Double(max(1, min(x.count, y.count))) >= 0.85
    }

    /// A run of 3 to 6 words followed at once by itself ("a table with a table with").
    static func stutter(_ w: [String], ids x: [Int]) -> String? {
        for n in 3...6 where x.count >= 2 * n {
            for i in 0...(x.count - 2 * n) where x[i..<(i + n)] == x[(i + n)..<(i + 2 * n)] && w[i..<(i + n)].contains(where: { Int($0) == nil }) {
                return w[i..<(i + n)].joined(separator: " ")
            }
        }
        return nil
    }

    /// Words as numbers, the same word the same number: n-grams compare and hash as integers.
    static func wordIds(_ w: [String]) -> [Int] {
        var ids: [String: Int] = [:]
        ids.reserveCapacity(w.count)
        return w.map { word in ids[word] ?? { let id = ids.count; ids[word] = id; return id }() }
    }

    /// The first n-gram of `w` that occurs `times` times. Windows are keyed by a 64-bit hash of their ids, and
    /// a hit is checked word for word, so a hash collision cannot fail a letter.
    static func repeatedGram(_ w: [String], ids x: [Int], n: Int, times: Int) -> String? {
        guard x.count >= n else { return nil }
        var seen: [UInt64: (first: Int, count: Int)] = [:]
        seen.reserveCapacity(x.count)
        for i in 0...(x.count - n) {
            var r = StableHash.Running()
            for k in i..<(i + n) { r.add(UInt64(x[k])) }
            let h = r.value
            if let e = seen[h] {
                guard x[e.first..<(e.first + n)] == x[i..<(i + n)] else { continue }
                seen[h] = (e.first, e.count + 1)
                if e.count + 1 >= times { return w[i..<(i + n)].joined(separator: " ") }
            } else {
                seen[h] = (i, 1)
            }
        }
        return nil
    }
}
