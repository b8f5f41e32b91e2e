import FOI
import Foundation

/// The judge-based part of a model's eval on one prompt set: what share of letters are valid,
/// name the right authority, cite the right law, cover their keywords, loop, or copy training text.
public struct LetterEval: Codable, Sendable, Equatable {
    public var set: String
    public var letters: Int
    public var meanScore: Double
    /// Share with score ≥ 80.
    public var validity: Double
    public var keywordCoverage: Double
    public var wrongAuthority: Int
    public var legislationAccuracy: Double
    public var repetitionRate: Double
    public var distinct2: Double
    /// Share whose body is a training letter's body, verbatim.
    public var copyRate: Double
    public var meanTokens: Double
    /// Letters failing each judge check, by check id: where the invalid letters lose their points.
    /// Optional so that eval.json files written before it still load.
    public var failedChecks: [String: Int]?
    /// Share valid with every item a question from the banks (`WrittenLetter.groundedValid`); optional as above.
    public var groundedValidity: Double?
    /// Share of the letters whose prompt names a style that are written in it (`WrittenLetter.followsStyle`).
    public var styleAdherence: Double?
    /// Share valid with at least one of a keyword's own questions (`WrittenLetter.ownQuestions`), not only the frames
    /// every topic shares; optional as above.
    public var specificValidity: Double?
    /// Share valid and asking one thing more than they have keywords, up to three (`WrittenLetter.asksInFull`): the
    /// judge passes a letter that asks one thing, and a model trained on what it passes drifts to one item a keyword.
    public var fullValidity: Double?

    public static let validScore = 80

    public static func measure(set: String, letters: [WrittenLetter], trainingBodies: Set<String>) -> LetterEval {
        let n = Double(max(letters.count, 1))
        func rate(_ id: JudgeCheck, passed: Bool) -> Double {
            Double(letters.filter { $0.judge.check(id)?.passed == passed }.count) / n
        }
        var bigrams = Set<String>(), total = 0
        for l in letters {
            let w = TextTools.words(l.letter)
            if w.count > 1 { for i in 1..<w.count { bigrams.insert(w[i - 1] + " " + w[i]) } }
            total += max(0, w.count - 1)
        }
        return LetterEval(
            set: set, letters: letters.count,
            meanScore: Double(letters.map(\.judge.score).reduce(0, +)) / n,
            validity: Double(letters.filter { $0.judge.score >= validScore }.count) / n,
            keywordCoverage: rate(.keywords, passed: true),
            wrongAuthority: letters.filter { $0.judge.check(.authority)?.passed == false }.count,
            legislationAccuracy: rate(.legislation, passed: true),
            repetitionRate: rate(.repetition, passed: false),
            distinct2: total == 0 ? 0 : Double(bigrams.count) / Double(total),
            copyRate: Double(letters.filter { trainingBodies.contains(body(of: $0.raw ?? $0.letter)) }.count) / n,
            meanTokens: Double(letters.map(\.tokens).reduce(0, +)) / n,
            failedChecks: failedChecks(letters),
            groundedValidity: Double(letters.filter(\.groundedValid).count) / n,
            styleAdherence: styleAdherence(letters),
            specificValidity: Double(letters.filter { $0.judge.valid && ($0.ownQuestions ?? 0) > 0 }.count) / n,
            fullValidity: Double(letters.filter { $0.judge.valid && $0.asksInFull }.count) / n)
    }

    /// The share of letters in the style their prompt asked for, over the prompts that ask for one.
    static func styleAdherence(_ letters: [WrittenLetter]) -> Double? {
        let asked = letters.filter { l in PromptFormat.parse(l.prompt).flatMap { LetterStyle(rawValue: $0.prompt.style) } != nil }
        return asked.isEmpty ? nil : Double(asked.filter(\.followsStyle).count) / Double(asked.count)
    }

    /// How many letters fail each judge check, by check id.
    public static func failedChecks(_ letters: [WrittenLetter]) -> [String: Int] {
        Dictionary(letters.flatMap { $0.judge.failed.map { ($0.id, 1) } }, uniquingKeysWith: +)
    }

    /// The letter between its greeting line and its sign-off, whitespace-normalised: what "copying
    /// a training letter" means (greeting and close are the shared frame, not copying).
    public static func body(of letter: String) -> String {
        var lines = letter.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let first = lines.first, first.lowercased().hasPrefix("dear") { lines.removeFirst() }
        if let i = lines.lastIndex(where: { l in ["yours", "kind regards", "best regards", "regards", "many thanks"].contains { l.lowercased().hasPrefix($0) } }) {
            lines.removeSubrange(i...)
        }
        return lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
    }
}
