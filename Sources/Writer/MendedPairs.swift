import FOI
import FOICorpus

/// Preference pairs that differ in one list item: a sample the judge fails, and the same sample with the item that
/// fails it swapped for an item of a clean sample of the same prompt. A pair of two whole
/// samples differs everywhere, and DPO learns whatever happens to separate them: dpo12's pairs taught "the {k1}"
/// before every keyword (314 of sft37's 461 valid own letters, session 27). Here the shared prefix and suffix cancel
/// in the log-ratio, so what is learnt is the item itself: not "complaints received about {k2}" where k2 is
/// supplier spend.
enum MendedPairs {
    /// The item lines of a letter: (index of the line, marker, text, ending) (`UngroundedItems.split`).
    static func items(_ text: String) -> [(line: Int, marker: String, core: String, ending: String)] {
        text.components(separatedBy: "\n").enumerated().compactMap { i, line in
            guard JudgeRules.stripMarker(line) != nil else { return nil }
            let p = UngroundedItems.split(line)
            return (i, p.marker, p.core, p.ending)
        }
    }

    /// `raw` with its item line `k` (an index into `items(raw)`) given `core`, its marker and ending kept.
    static func replacing(_ k: Int, with core: String, in raw: String) -> String {
        var lines = raw.components(separatedBy: "\n")
        let it = items(raw)[k]
        lines[it.line] = it.marker + core + it.ending
        return lines.joined(separator: "\n")
    }

    /// The keyword slots an item names, in order ("{k1}", "{k2}").
    static func slotNames(_ text: String) -> [Substring] {
        var out: [Substring] = [], rest = Substring(text)
        while let open = rest.range(of: "{k") {
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { break }
            out.append(rest[open.lowerBound...close])
            rest = rest[rest.index(after: close)...]
        }
        return out
    }

    /// The mended form of `failed`'s raw text, clean by the writer's measure (valid, every item from the banks, in the
    /// style asked), or nil. Donors' items are tried at each item in turn; the first clean one wins, so the item
    /// changed is the one that failed. No item is cut: pairs that cut one (57 of dpo13's 200) taught shorter lists,
    /// 1.8 items a letter against 2.3, and letters that name a keyword and never ask about it (153 of 600, session 28).
    static func mended(_ failed: WrittenLetter, donors: [WrittenLetter], request r: LetterRequest,
                       writer: LetterWriter) -> WrittenLetter? {
        guard let raw = failed.raw else { return nil }
        let own = items(raw)
        guard !own.isEmpty else { return nil }
        let ownCores = Set(own.map(\.core))
        var offered: [String] = []
        for d in donors {
            for it in items(d.raw ?? "") where !ownCores.contains(it.core) && !offered.contains(it.core) { offered.append(it.core) }
        }
        for k in own.indices {
            // Only an item about the same keywords: a swap that names another keyword teaches the model to leave one
            // out (session 28: dpo14's pairs swapped keywords in 29 of 143, and its letters named fewer).
            for core in offered where slotNames(core) == slotNames(own[k].core) {
                let l = writer.judged(raw: replacing(k, with: core, in: raw), for: r)
                if l.groundedValid && l.followsStyle { return l }
            }
        }
        return nil
    }

    /// The sample as the product's repairs leave it (`ProductRepairs`: an article, "the" before a name that takes
    /// none, the body's own words), in the slots form, where they make it clean and change nothing else: the
    /// unrepaired letter's slots form must be what the model wrote, but for an article it wrote before a keyword slot
    /// that the slot now gives (`NameSlots.withoutGovernedArticles`). A repair is a few tokens, so the pair teaches
    /// exactly those: "the" before a keyword that takes none failed 14 of sft48's 600 own letters (session 32).
    static func repaired(_ s: WrittenLetter, request r: LetterRequest, writer: LetterWriter) -> (text: String, score: Int)? {
        guard let raw = s.raw, r.trainingForm(of: s.letter) == NameSlots.withoutGovernedArticles(raw) else { return nil }
        var letter = ProductRepairs.wording(s.letter, for: r)
        guard letter != s.letter else { return nil }
        var verdict = writer.judge.judge(letter: letter, authority: r.authority, keywords: r.keywords)
        (letter, verdict) = ProductRepairs.coverage(letter, verdict, for: r, judge: writer.judge)
        let m = writer.judged(raw: r.trainingForm(of: letter), for: r)
        guard verdict.valid, m.groundedValid, m.followsStyle, let text = m.raw, text != raw else { return nil }
        return (text, m.judge.score)
    }

    /// One pair for each sample that fails and can be mended: (repaired or mended, as written).
    static func pairs(_ group: [WrittenLetter], request r: LetterRequest, writer: LetterWriter) -> [JudgedPair] {
        let clean = group.filter { $0.groundedValid && $0.followsStyle }
        return group.compactMap { s in
            guard !(s.groundedValid && s.followsStyle), let raw = s.raw else { return nil }
            if let rep = repaired(s, request: r, writer: writer) {
                return JudgedPair(prompt: s.prompt, chosen: rep.text, rejected: raw, chosenScore: rep.score, rejectedScore: s.judge.score)
            }
            guard let m = mended(s, donors: clean, request: r, writer: writer), let chosen = m.raw else { return nil }
            return JudgedPair(prompt: s.prompt, chosen: chosen, rejected: raw, chosenScore: m.judge.score, rejectedScore: s.judge.score)
        }
    }
}

extension LetterWriter {
    /// A slots model's text as the writer would judge it unguarded: slots filled, signed, judged and grounded.
    func judged(raw: String, for r: LetterRequest) -> WrittenLetter {
        let letter = Signature.sign(slots(for: r).fill(raw), as: r.requester ?? requester)
        let g = ItemGrounding(authority: r.authority, keywords: r.keywords)
        return WrittenLetter(prompt: r.prompt.text, letter: letter,
                             judge: judge.judge(letter: letter, authority: r.authority, keywords: r.keywords),
                             modelId: modelId, seed: r.seed, tokens: 0, raw: raw,
                             ungrounded: g.ungrounded(in: letter), overlaps: g.overlaps(in: letter), ownQuestions: g.ownQuestions(in: letter))
    }
}
