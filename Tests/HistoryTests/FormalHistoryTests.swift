import FOI
import Foundation
import History
import Testing
import Writer

let formalHistory = repoRoot.appendingPathComponent("evalsets/history/formal.jsonl")

/// The second handwritten history: a researcher's formal letters ("Dear FOI Team", numbered sentences that each end
/// with a full stop, "Yours faithfully"), unlike the first person's plain ones. What `train history` reads from a
/// history must hold for both.
@Suite struct FormalHistoryTests {
    static func letters(_ url: URL) -> [HistoryLetter] {
        HistoryParser.read(path: url.path).requests.map {
            HistoryLetter(authority: nil, rawAuthority: $0.rawAuthority, keywords: $0.keywords, body: $0.body, contentHash: "")
        }
    }

    /// A person's own letters are letters a person would sign: the judge passes every one of both histories
    /// (before session 15 it failed 11 of the researcher's 44: "readmissions", "isoflurane", and a topic named in
    /// the background and then asked about in the specialist's own terms).
    @Test func theJudgePassesEveryHandwrittenLetter() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let s = try seededStore(dir)
        let judge = Judge(knownAuthorities: try s.allAuthorities(), knownKeywords: try s.allKeywords())
        try importPaths([handwrittenHistory.path, formalHistory.path], into: s)
        let letters = try s.historyLetters()
        #expect(letters.count == 96 && letters.allSatisfy { $0.authority != nil })
        for l in letters {
            guard let body = l.authority else { continue }
            let v = judge.judge(letter: l.body, authority: body, keywords: l.keywords)
            #expect(v.valid, "\(body.name): \(v.report)")
        }
    }

    /// Adapter letters that keep the base's "[Your name]" are signed as the person signs.
    @Test func theSignerIsTheNameUnderThePersonsSignOff() {
        #expect(HistoryTraining.signer(Self.letters(handwrittenHistory))?.name == "Gareth Lowe")
        #expect(HistoryTraining.signer(Self.letters(formalHistory))?.name == "Dr Ruth Adeyemi")
        let unsigned = Self.letters(formalHistory).map { l in
            var l = l; l.body = l.body.replacingOccurrences(of: "Dr Ruth Adeyemi", with: "[Your name]"); return l
        }
        #expect(HistoryTraining.signer(unsigned) == nil)
    }

    /// The base writes the items in the person's frame with the person's item ending: a semicolon list ends its
    /// last item with a full stop, a list of sentences every item.
    @Test func theItemEndingIsThePersons() {
        #expect(!HistoryTraining.frameSupport(Self.letters(handwrittenHistory)).itemsEndWithFullStop)
        #expect(HistoryTraining.frameSupport(Self.letters(formalHistory)).itemsEndWithFullStop)
    }
}
