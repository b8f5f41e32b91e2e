@testable import FOI
@testable import FOICorpus
import Foundation
import History
import Store
import Testing
@testable import Writer

/// The writer's best-of-8 prefers candidates whose items are questions from the banks. A person's own questions
/// are in no bank, so with an adapter that preference can only count items: measured on the handwritten history
/// (70 letters for held-out prompts, best of 8), it left adapter letters 1.6 items long against the person's 3.1,
/// and without it 2.6, judge validity 100% either way. So letters written with an adapter are ranked without it.
@Suite struct AdapterRerankTests {
    @Test func thePersonsOwnLettersAreValidButUngroundedSoAdapterLettersRankWithoutGrounding() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let s = try seededStore(dir)
        try importPaths([handwrittenHistory.path], into: s)
        let letters = try s.historyLetters(), keywords = try s.allKeywords()
        let judge = Judge(knownAuthorities: try s.allAuthorities(), knownKeywords: keywords)

        // Every held-out letter the person wrote: the judge passes it, and none of its items is a bank question.
        let test = HistoryTraining.split(letters).test
        #expect(test.count >= 3)
        var written: [WrittenLetter] = []
        for l in test {
            let a = try #require(l.authority)
            let kws = Keyword.resolve(l.keywords, known: keywords)
            let r = judge.judge(letter: l.body, authority: a, keywords: kws)
            let ungrounded = ItemGrounding(authority: a, keywords: kws).ungrounded(in: l.body)
            #expect(r.valid, "\(l.body)\n\(r.report)")
            #expect(!ungrounded.isEmpty, "\(l.body)")
            written.append(WrittenLetter(prompt: "", letter: l.body, judge: r, modelId: "person", seed: 0, tokens: 0,
                                         ungrounded: ungrounded, overlaps: 0))
        }

        // Two valid candidates in the person's style: the full letter, and the same letter cut to its first item.
        let full = try #require(written.first { ($0.ungrounded ?? []).count >= 2 })
        let lines = full.letter.components(separatedBy: "\n")
        let firstItem = try #require(lines.firstIndex { $0.hasPrefix("- ") })
        let cut = lines.enumerated().filter { !$0.element.hasPrefix("- ") || $0.offset == firstItem }.map(\.element).joined(separator: "\n")
        let a = try #require(test.first { $0.body == full.letter }?.authority)
        let kws = Keyword.resolve(try #require(test.first { $0.body == full.letter }).keywords, known: keywords)
        var short = full
        short.letter = cut
        short.judge = judge.judge(letter: cut, authority: a, keywords: kws)
        short.ungrounded = ItemGrounding(authority: a, keywords: kws).ungrounded(in: cut)
        #expect(short.judge.valid && short.ungrounded!.count < full.ungrounded!.count)
        // With the banks' preference the one-item cut wins only for having fewer items from no bank; without it,
        // the judge's order decides, and the person's whole letter is not beaten by its own cut.
        #expect(short.isBetter(than: full))
        #expect(!short.isBetter(than: full, grounding: false) || short.judge.score > full.judge.score)
    }
}
