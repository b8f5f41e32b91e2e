import Foundation
import LM

/// The measured gain of a style adapter: letters written for held-out prompts with and without it,
/// scored against the person's style profile and by the judge.
public struct HistoryGain: Codable, Sendable, Equatable {
    public var profile: StyleProfile
    public var person: StyleMarkers
    public var base: StyleMarkers
    public var adapted: StyleMarkers
    public var baseValidity: Double
    public var adaptedValidity: Double
    public var baseMeanScore: Double
    public var adaptedMeanScore: Double
    public var letters: Int
    /// Letters failing each judge check, without and with the adapter: what a style costs.
    public var baseFailedChecks: [String: Int] = [:]
    public var adaptedFailedChecks: [String: Int] = [:]
    /// Validity change in percentage points (adapted − base).
    public var validityChangePoints: Double { 100 * (adaptedValidity - baseValidity) }

    public var table: String {
        func pct(_ x: Double) -> String { String(format: "%5.1f%%", 100 * x) }
        func row(_ name: String, _ f: (StyleMarkers) -> Double, percent: Bool = true) -> String {
            let cells = [person, base, adapted].map { percent ? pct(f($0)) : String(format: "%6.1f", f($0)) }
            return name.padding(toLength: 26, withPad: " ", startingAt: 0) + cells.joined(separator: "   ")
        }
        return [
            "marker                     person   base     adapter",
            row("greeting", \.greeting), row("items (a), (b), (c)", \.letteredItems),
            row("format sentence", \.formatSentence), row("close + name", \.closeAndName),
            row("words per sentence", \.meanSentenceWords, percent: false),
            String(format: "judge validity (%d letters)  base %.1f%%  adapter %.1f%%  (%+.1f points); mean score %.1f -> %.1f",
                   letters, 100 * baseValidity, 100 * adaptedValidity, validityChangePoints, baseMeanScore, adaptedMeanScore),
            "failed checks  base: \(Self.describe(baseFailedChecks))  adapter: \(Self.describe(adaptedFailedChecks))",
        ].joined(separator: "\n")
    }

    static func describe(_ counts: [String: Int]) -> String {
        counts.isEmpty ? "none" : counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    /// Writes `requests` with the writer's model as it is, then with the adapter merged in (removed
    /// again afterwards). `personLetters` define the style profile (the training letters).
    public static func measure(writer: LetterWriter, adapter: LoRAAdapter, requests: [LetterRequest],
                               personLetters: [String], heldOutLetters: [String], batchSize: Int = 16) throws -> HistoryGain {
        let profile = StyleProfile(letters: personLetters)
        // The model's own letters, base and adapter alike: reranking would hide what the adapter changed.
        let kept = writer.candidates
        writer.candidates = 1
        defer { writer.candidates = kept }
        func write() -> [WrittenLetter] {
            stride(from: 0, to: requests.count, by: batchSize).flatMap {
                writer.write(Array(requests[$0..<min($0 + batchSize, requests.count)]))
            }
        }
        let base = write()
        try adapter.merge(into: writer.model)
        writer.holdsSlots = false
        defer { try? adapter.merge(into: writer.model, factor: -1); writer.holdsSlots = true }
        let adapted = write()
        let n = Double(max(requests.count, 1))
        func validity(_ ls: [WrittenLetter]) -> Double { Double(ls.filter { $0.judge.score >= LetterEval.validScore }.count) / n }
        func mean(_ ls: [WrittenLetter]) -> Double { Double(ls.map(\.judge.score).reduce(0, +)) / n }
        return HistoryGain(profile: profile, person: StyleMarkers.measure(heldOutLetters, against: profile),
                           base: StyleMarkers.measure(base.map(\.letter), against: profile),
                           adapted: StyleMarkers.measure(adapted.map(\.letter), against: profile),
                           baseValidity: validity(base), adaptedValidity: validity(adapted),
                           baseMeanScore: mean(base), adaptedMeanScore: mean(adapted), letters: requests.count,
                           baseFailedChecks: LetterEval.failedChecks(base), adaptedFailedChecks: LetterEval.failedChecks(adapted))
    }

    /// Letter requests for held-out history letters (matched ones only), `samples` seeds each.
    public static func requests(for letters: [HistoryLetter], knownKeywords: [Keyword], samples: Int,
                                temperature: Float = 0.7, maxTokens: Int = 400) -> [LetterRequest] {
        letters.compactMap { l -> [LetterRequest]? in
            guard let a = l.authority else { return nil }
            let kws = Composer.keywords(l.keywords, known: knownKeywords)
            return (0..<samples).map { s in
                LetterRequest(authority: a, keywords: kws, style: .numbered, seed: StableHash.fnv1a([l.contentHash, String(s)]),
                              temperature: temperature, maxTokens: maxTokens)
            }
        }.flatMap { $0 }
    }
}
