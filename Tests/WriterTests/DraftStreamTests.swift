@testable import FOI
import Foundation
import Testing
@testable import Writer

/// Best-of-n with a screen that streams: the draft is the first candidate, token by token as it is written, and
/// the letter returned (and handed to `onText`) is the judge's pick, so the slot machine shows writing at once
/// and the chosen letter when all candidates are judged.
@Suite struct DraftStreamTests {
    @Test(.enabled(if: CopyGuardTests.shipped)) func theDraftIsTheFirstCandidateAndTheReturnIsThePick() throws {
        let judge = Judge(knownAuthorities: [], knownKeywords: [])
        let writer = try LetterWriter(modelDirectory: CopyGuardTests.modelDir, judge: judge)
        let request = LetterRequest(
            authority: Authority(name: "Leeds City Council", shortName: "Leeds", group: "Local and regional",
                                 category: "Metropolitan borough councils", nation: .england, regime: .foia2000),
            keywords: [Keyword(text: "pothole repairs", theme: "Roads", categories: [], environmental: false)], seed: 7)
        writer.candidates = 1
        let plain = writer.write([request])[0].letter

        writer.candidates = 3
        var draft: [String] = [], streamed = ""
        let chosen = writer.write([request], onText: { _, chunk in streamed += chunk; return true },
                                  onDraft: { i, chunk in #expect(i == 0); draft.append(chunk); return true })[0]
        #expect(draft.count > 10, "the draft arrives in many pieces, as it is decoded")
        // The returned letter drops the newline the model writes before its end token; the stream has it.
        let drafted = draft.joined().trimmingCharacters(in: .whitespacesAndNewlines)
        // The letter returned has the writer's repairs after decoding; the draft is the text as decoded (this seed's
        // letter has one item under "All parts of the request", which `ListWording` words for one).
        #expect(ListWording.repair(drafted) == plain, "the draft is candidate 0, which keeps the request's seed")
        #expect(streamed == chosen.letter, "onText still receives the chosen letter whole")
    }
}
