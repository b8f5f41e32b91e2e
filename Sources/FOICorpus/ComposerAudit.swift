import Foundation
import FOI

/// The composer judged by its own judge: what share of its letters a person would send, and the first
/// invalid ones with their reasons. The training letters can be no better than this.
public struct ComposerAudit: Sendable {
    public var letters = 0
    public var valid = 0
    /// Letters whose every item `ItemGrounding` finds in the banks: the composer's own items must all be.
    public var grounded = 0
    /// Letters in the style their prompt asked for, as a reader sees it (`LetterStyle.read`), and a few that are not.
    public var styled = 0
    public var unstyledExamples: [String] = []
    /// Items it did not find, up to ten, to read.
    public var ungroundedExamples: [String] = []
    public var failedChecks: [String: Int] = [:]
    /// Invalid letters, up to three for each defect: prompt, letter, then the judge's report.
    public var examples: [String] = []

    public var validity: Double { letters == 0 ? 0 : Double(valid) / Double(letters) }

    public mutating func add(_ l: ComposedLetter, authority: Authority, keywords: [Keyword], judge: Judge) {
        let r = judge.judge(letter: l.text, authority: authority, keywords: keywords)
        letters += 1
        if r.valid { valid += 1 }
        if l.prompt.style == LetterStyle.read(l.text)?.rawValue { styled += 1 }
        else if unstyledExamples.count < 5 { unstyledExamples.append(l.prompt.text + l.text) }
        let off = ItemGrounding(authority: authority, keywords: keywords).ungrounded(in: l.text)
        if off.isEmpty { grounded += 1 } else if ungroundedExamples.count < 10 { ungroundedExamples.append(l.prompt.text + off.joined(separator: "\n")) }
        // Up to three examples of each defect, so that every kind of failure can be read.
        for c in r.defects {
            failedChecks[c.id, default: 0] += 1
            if failedChecks[c.id]! <= 3 { examples.append(l.prompt.text + l.text + "\n" + r.report) }
        }
    }

    /// Audits the eval sets' prompts (by name) and `fresh` prompts drawn as the corpus draws them.
    public static func run(sets: [PromptSpec], fresh: Int, seed: UInt64, authorities: [Authority], keywords: [Keyword]) -> ComposerAudit {
        let judge = Judge(knownAuthorities: authorities, knownKeywords: keywords)
        let byName = Dictionary(authorities.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let composer = Composer()
        var audit = ComposerAudit()
        for s in sets {
            guard let a = byName[s.authority], let style = LetterStyle(rawValue: s.style) else { continue }
            let ks = Keyword.resolve(s.keywords, known: keywords)
            audit.add(composer.compose(authority: a, keywords: ks, style: style, seed: s.seed), authority: a, keywords: ks, judge: judge)
        }
        var rng = SplitMix64(seed: seed)
        for _ in 0..<fresh {
            let (a, ks, style, sd) = DomainCorpus.drawPrompt(authorities: authorities, keywords: keywords, rng: &rng)
            audit.add(composer.compose(authority: a, keywords: ks, style: style, seed: sd), authority: a, keywords: ks, judge: judge)
        }
        return audit
    }
}
