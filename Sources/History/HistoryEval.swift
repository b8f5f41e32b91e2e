import FOI
import FOICorpus
import Foundation
import LM
import Writer

/// The measured gain of a style adapter: letters written for held-out prompts with and without it, read for
/// the person's style markers and by the judge.
public struct HistoryGain: Codable, Sendable, Equatable {
    /// The person's own letters, read first: the table says what the person does.
    public var person: StyleSummary
    public var base: StyleSummary
    public var adapted: StyleSummary
    public var baseValidity: Double
    public var adaptedValidity: Double
    public var baseMeanScore: Double
    public var adaptedMeanScore: Double
    public var letters: Int
    /// Letters sampled per request (1: the model's own letters; 8: the product's best of 8).
    public var candidates: Int = 1
    /// Letters failing each judge check, without and with the adapter: what a style costs.
    public var baseFailedChecks: [String: Int] = [:]
    public var adaptedFailedChecks: [String: Int] = [:]
    /// Share with no critical failure (the writer's own notion of valid, what its reranking prefers), and
    /// share valid with every item a question from the banks (`WrittenLetter.groundedValid`).
    public var baseNoDefect: Double = 0
    public var adaptedNoDefect: Double = 0
    public var baseGrounded: Double = 0
    public var adaptedGrounded: Double = 0
    /// The person's own test letters, read by the same judge and grounding: what a letter in the person's
    /// style scores when a person wrote it (the grounding's banks hold none of the person's own questions).
    public var personTestLetters: Int = 0
    public var personValidity: Double = 0
    public var personGrounded: Double = 0
    /// Letters with a word the judge reads as no English word (its `words` check): what a style adapter that
    /// learnt the frame but not the words writes.
    public var baseNonWordLetters: Int { baseFailedChecks[JudgeCheck.words.rawValue] ?? 0 }
    public var adaptedNonWordLetters: Int { adaptedFailedChecks[JudgeCheck.words.rawValue] ?? 0 }
    /// Validity change in percentage points (adapted − base).
    public var validityChangePoints: Double { 100 * (adaptedValidity - baseValidity) }

    /// Markers on which the adapter's letters are closer to the person's than the base's.
    public func closer(_ markers: [StyleMarker] = StyleMarker.allCases) -> [StyleMarker] {
        markers.filter { adapted.distance(to: person, $0) < base.distance(to: person, $0) }
    }

    public var table: String {
        func cell(_ s: StyleSummary, _ m: StyleMarker) -> String {
            if m.isCategorical, let u = person.usual(m) { return String(format: "%5.0f%%", 100 * s.share(m, u.form)) }
            return String(format: "%6.1f", s.mean(m))
        }
        var rows = ["marker                        person's usual                          person   base  adapter  distance base -> adapter"]
        for m in StyleMarker.allCases {
            let usual = m.isCategorical ? (person.usual(m).map { "“\($0.form)”" } ?? "-") : "mean"
            let d0 = base.distance(to: person, m), d1 = adapted.distance(to: person, m)
            rows.append(m.title.padding(toLength: 30, withPad: " ", startingAt: 0)
                        + String(usual.prefix(38)).padding(toLength: 40, withPad: " ", startingAt: 0)
                        + [person, base, adapted].map { cell($0, m) }.joined(separator: "  ")
                        + String(format: "   %.2f -> %.2f%@", d0, d1, d1 < d0 ? "  closer" : ""))
        }
        let core = closer(StyleMarker.core)
        rows.append("closer to the person's style with the adapter: \(closer().count) of \(StyleMarker.allCases.count) markers, "
                    + "\(core.count) of \(StyleMarker.core.count) core (\(StyleMarker.core.map(\.rawValue).joined(separator: ", ")))")
        let n = Double(letters)
        rows.append(String(format: "judge validity (%d letters each, %@)  base %.1f%% (%.0f)  adapter %.1f%% (%.0f)  (%+.1f points); mean score %.1f -> %.1f",
                           letters, candidates == 1 ? "plain sampling" : "best of \(candidates)", 100 * baseValidity, baseValidity * n,
                           100 * adaptedValidity, adaptedValidity * n, validityChangePoints, baseMeanScore, adaptedMeanScore))
        rows.append("letters with a non-word  base \(baseNonWordLetters)  adapter \(adaptedNonWordLetters) (of \(letters) each)")
        rows.append(String(format: "no defect (the writer's valid)  base %.1f%%  adapter %.1f%%;  grounded valid  base %.1f%%  adapter %.1f%%",
                           100 * baseNoDefect, 100 * adaptedNoDefect, 100 * baseGrounded, 100 * adaptedGrounded))
        if personTestLetters > 0 {
            rows.append(String(format: "the person's own %d test letters, read alike: judge validity %.1f%%, grounded valid %.1f%%",
                               personTestLetters, 100 * personValidity, 100 * personGrounded))
        }
        rows.append("failed checks  base: \(Self.describe(baseFailedChecks))  adapter: \(Self.describe(adaptedFailedChecks))")
        return rows.joined(separator: "\n")
    }

    static func describe(_ counts: [String: Int]) -> String {
        counts.isEmpty ? "none" : counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    /// Writes `requests` with the writer's model as it is, then with the adapter merged in (removed again
    /// afterwards, and without the bank-grounding preference unless `adaptedGroundsItems`, as `--adapter` writes),
    /// through the writer's own checks: the copy and word guards, the judge and, with `candidates`
    /// above 1, its reranking and item grounding. `personLetters` are the person's letters whose style is the target.
    /// `itemModel`: the base model apart from the writer's, to write the items as `--adapter` does (`ItemSpan`);
    /// `frameSupport`: the person's training letters, whose phrasing the adapter's candidates are preferred to keep.
    public static func measure(writer: LetterWriter, adapter: LoRAAdapter, requests: [LetterRequest],
                               personLetters: [String], personTest: [HistoryLetter] = [], knownKeywords: [Keyword] = [],
                               candidates: Int = 1, batchSize: Int = 16, adaptedGroundsItems: Bool = false, itemModel: Model? = nil,
                               frameSupport: FrameSupport? = nil,
                               progress: ((_ done: Int, _ total: Int) -> Void)? = nil,
                               samples: ((_ base: [WrittenLetter], _ adapted: [WrittenLetter]) -> Void)? = nil) throws -> HistoryGain {
        let kept = writer.candidates
        writer.candidates = candidates
        defer { writer.candidates = kept }
        let perBatch = max(1, batchSize / max(candidates, 1))
        var done = 0
        func write() -> [WrittenLetter] {
            stride(from: 0, to: requests.count, by: perBatch).flatMap { i -> [WrittenLetter] in
                let ls = writer.write(Array(requests[i..<min(i + perBatch, requests.count)]))
                done += ls.count
                progress?(done, 2 * requests.count)
                return ls
            }
        }
        let base = write()
        // As `--adapter` writes: the person's phrasing, not the composer's, around the names.
        // With `itemModel` (the base, loaded apart), the base writes the list items in the person's frame and the
        // grounding reads them as it reads the base's.
        let holds = writer.holdsSlots, grounds = writer.groundsItems, items = writer.itemModel, support = writer.frameSupport
        try adapter.merge(into: writer.model)
        writer.holdsSlots = false
        writer.groundsItems = adaptedGroundsItems || itemModel != nil
        writer.itemModel = itemModel
        writer.frameSupport = frameSupport
        defer {
            try? adapter.merge(into: writer.model, factor: -1)
            writer.holdsSlots = holds; writer.groundsItems = grounds; writer.itemModel = items; writer.frameSupport = support
        }
        let adapted = write()
        samples?(base, adapted)
        let n = Double(max(requests.count, 1))
        func validity(_ ls: [WrittenLetter]) -> Double { Double(ls.filter { $0.judge.score >= LetterEval.validScore }.count) / n }
        func mean(_ ls: [WrittenLetter]) -> Double { Double(ls.map(\.judge.score).reduce(0, +)) / n }
        func share(_ ls: [WrittenLetter], _ p: (WrittenLetter) -> Bool) -> Double { Double(ls.filter(p).count) / n }
        let own = personTest.compactMap { l -> (JudgeResult, [String])? in
            guard let a = l.authority else { return nil }
            let kws = Keyword.resolve(l.keywords, known: knownKeywords)
            return (writer.judge.judge(letter: l.body, authority: a, keywords: kws),
                    ItemGrounding(authority: a, keywords: kws).ungrounded(in: l.body))
        }
        let m = Double(max(own.count, 1))
        var gain = HistoryGain(person: StyleSummary(letters: personLetters),
                           base: StyleSummary(letters: base.map(\.letter)), adapted: StyleSummary(letters: adapted.map(\.letter)),
                           baseValidity: validity(base), adaptedValidity: validity(adapted),
                           baseMeanScore: mean(base), adaptedMeanScore: mean(adapted), letters: requests.count,
                           candidates: candidates,
                           baseFailedChecks: LetterEval.failedChecks(base), adaptedFailedChecks: LetterEval.failedChecks(adapted),
                           baseNoDefect: share(base) { $0.judge.valid }, adaptedNoDefect: share(adapted) { $0.judge.valid },
                           baseGrounded: share(base) { $0.groundedValid }, adaptedGrounded: share(adapted) { $0.groundedValid })
        gain.personTestLetters = own.count
        gain.personValidity = Double(own.filter { $0.0.score >= LetterEval.validScore }.count) / m
        gain.personGrounded = Double(own.filter { $0.0.valid && $0.1.isEmpty }.count) / m
        return gain
    }

    /// Letter requests for held-out history letters (matched ones only), `samples` seeds each.
    public static func requests(for letters: [HistoryLetter], knownKeywords: [Keyword], samples: Int,
                                temperature: Float = 0.7, maxTokens: Int = 400) -> [LetterRequest] {
        letters.compactMap { l -> [LetterRequest]? in
            guard let a = l.authority else { return nil }
            let kws = Keyword.resolve(l.keywords, known: knownKeywords)
            return (0..<samples).map { s in
                LetterRequest(authority: a, keywords: kws, style: .numbered, seed: StableHash.fnv1a([l.contentHash, String(s)]),
                              temperature: temperature, maxTokens: maxTokens)
            }
        }.flatMap { $0 }
    }
}
