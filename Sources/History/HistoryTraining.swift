import FOI
import Writer
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
    /// default, so an adapter changes the ordinary request's letters without any extra flag. Its keywords are
    /// the letter's own wording of them (`HistoryFrame.promptKeywords`).
    public func prompt(knownKeywords: [Keyword]) -> Prompt {
        let law: String
        if let a = authority {
            law = Legislation.jurisdiction(for: a, topics: keywords, known: knownKeywords).label
        } else {
            let cited = JudgeRules.citedLaws(body)
            law = cited.isEmpty ? Law.foia2000.shortForm : cited.map(\.shortForm).joined(separator: " / ")
        }
        // The law follows the topic as the person gave it; the listed keywords are what the letter names.
        let listed = HistoryFrame.promptKeywords(keywords, body: body, known: knownKeywords)
        return Prompt(authority: authority?.name ?? rawAuthority, jurisdiction: law, keywords: listed,
                      style: HistoryTraining.style)
    }
}

public enum HistoryTraining {
    /// Fewer letters than this teach no style; `train history` refuses.
    public static let minimumLetters = 20
    public static let style = LetterStyle.numbered.rawValue

    /// The person's letters in three parts. Held out by authority: every letter to one body falls on one side,
    /// so held-out loss measures letters to bodies the adapter never saw written to, not recall of a body's
    /// letter. `validation` picks the checkpoint (early stopping); `test` is never looked at in training and is
    /// what the reported perplexity and the measured letters use. Letters with no matched authority always
    /// train: they teach the style, and a held-out prompt needs a body to write to.
    public struct Split: Sendable, Equatable {
        public var train: [HistoryLetter]
        public var validation: [HistoryLetter]
        public var test: [HistoryLetter]
        /// Training letters with no matched authority (style only).
        public var unmatched: Int { train.filter { $0.authority == nil }.count }
        /// Validation and test together: every letter the adapter does not learn from.
        public var heldOut: [HistoryLetter] { validation + test }
    }

    /// Letters held out for each of validation and test: an eighth of the matched letters, at least 3.
    public static func heldOutCount(matched: Int) -> Int { max(3, Int((Double(matched) / 8).rounded())) }

    /// Authorities in the order of a hash of their names (independent of import order); the first fill the
    /// test part, the next the validation part, the rest train.
    public static func split(_ letters: [HistoryLetter]) -> Split {
        let matched = letters.filter { $0.authority != nil }
        let groups = Dictionary(grouping: matched) { $0.authority!.name }
        let order = groups.keys.sorted { (StableHash.fnv1a($0), $0) < (StableHash.fnv1a($1), $1) }
        let k = heldOutCount(matched: matched.count)
        var test = Set<String>(), validation = Set<String>()
        var nTest = 0, nValidation = 0
        for name in order {
            let n = groups[name]!.count
            // Always leave at least half the matched letters to learn from.
            if nTest < k, nTest + nValidation + n <= matched.count / 2 { test.insert(name); nTest += n }
            else if nValidation < k, nTest + nValidation + n <= matched.count / 2 { validation.insert(name); nValidation += n }
        }
        func part(_ names: Set<String>) -> [HistoryLetter] { letters.filter { $0.authority.map { names.contains($0.name) } ?? false } }
        return Split(train: letters.filter { l in l.authority.map { !test.contains($0.name) && !validation.contains($0.name) } ?? true },
                     validation: part(validation), test: part(test))
    }

    /// The person's phrasing that adapter letters are preferred to keep to (`FrameSupport`), with each letter's
    /// names masked: its body as matched and as written, and its keywords.
    public static func frameSupport(_ letters: [HistoryLetter]) -> FrameSupport {
        FrameSupport(letters: letters.map { l in
            (l.body, [l.rawAuthority] + (l.authority.map { [$0.name, $0.shortName] } ?? []) + l.keywords)
        })
    }

    /// The name the person signs with: the line under the sign-off ("Many thanks," then "Gareth Lowe") in at
    /// least half their letters. Adapter letters that keep the base's placeholder ("[Your name]") are signed
    /// with it when no requester is set, as the person would have signed them.
    public static func signer(_ letters: [HistoryLetter]) -> Requester? {
        var counts: [String: Int] = [:]
        for l in letters {
            let lines = l.body.split(separator: "\n").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            guard let close = lines.lastIndex(where: JudgeRules.isCloseLine), close + 1 < lines.count else { continue }
            let name = lines[close + 1]
            // A name: two to five capitalised words, no digits, not a placeholder the composer writes.
            let words = name.split(separator: " ")
            guard (2...5).contains(words.count), words.allSatisfy({ $0.first?.isUppercase ?? false }),
                  !name.contains(where: \.isNumber), !Signature.placeholders.contains(name) else { continue }
            counts[name, default: 0] += 1
        }
        guard let (name, n) = counts.max(by: { $0.value < $1.value }), n * 2 >= letters.count else { return nil }
        return try? Requester.validated(name: name)
    }

    /// `{"prompt": ..., "letter": ...}` JSON Lines, the SFT format `StageData.examples` reads. With `nameSlots`
    /// (a base model trained with them, `NameSlots.used(by:)`) the letter names the body and keywords through
    /// slots as the base's own training letters do, so the writer fills them and the adapter cannot garble them.
    public static func sftJSONL(_ letters: [HistoryLetter], knownKeywords: [Keyword], nameSlots: Bool = false) -> String {
        jsonLines(letters.map { l in
            let p = l.prompt(knownKeywords: knownKeywords)
            return (p.text, nameSlots ? NameSlots(p).delexicalise(l.body) : l.body)
        })
    }

    static func jsonLines(_ examples: [(prompt: String, letter: String)]) -> String {
        let lines = examples.map { e -> String in
            let obj: [String: String] = ["prompt": e.prompt, "letter": e.letter]
            let data = (try? JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
        return lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
    }
}
