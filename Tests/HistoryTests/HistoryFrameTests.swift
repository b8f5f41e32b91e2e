import FOI
import Foundation
import History
import Testing
import Tokenizer
import Training

/// What a person's letter trains: its frame, and a prompt whose keywords the letter names.
@Suite struct HistoryFrameTests {
    static let shipped = repoRoot.appendingPathComponent("models/foibandit-small")
    static let known = [Keyword(text: "delayed discharge", theme: "health", categories: [], environmental: false),
                        Keyword(text: "discharge", theme: "health", categories: [], environmental: false)]

    @Test func promptKeywordsAreTheOnesTheLetterNames() {
        let body = "Dear Sir or Madam,\n\nCould you tell me:\n- how many stop and searches were carried out;\n"
            + "- how often a road is inspected under your highway inspection regime;\n- the total bed days lost to delayed discharge.\n\nMany thanks,\nGareth"
        // named as given, named in another inflection (as the letter writes it), not named (dropped)
        #expect(HistoryFrame.promptKeywords(["delayed discharge", "highway inspections", "stop and search", "tree felling"],
                                            body: body, known: []) == ["delayed discharge", "highway inspection", "stop and searches"])
        // none named: the store's keywords the letter names word for word, the longer one taking its part
        #expect(HistoryFrame.promptKeywords(["hospital flow"], body: body, known: Self.known) == ["delayed discharge"])
        #expect(HistoryFrame.promptKeywords(["hospital flow"], body: body, known: []).isEmpty)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: shipped.appendingPathComponent("tokenizer.json").path)))
    func listItemTextCarriesNoLoss() throws {
        let tok = try BPETokenizer(directory: Self.shipped)
        let letter = "Dear Sir or Madam,\n\nSince 1 April 2021, could you tell me:\n- how many {k1} you received;\n"
            + "2. the total paid out.\n\nMany thanks,\nGareth Lowe"
        let ids = tok.encode(StageData.completion(letter))
        let w = HistoryFrame.frameWeights(ids, tokenizer: tok)
        let learnt = zip(ids, w).filter { $0.1 > 0 }.map { tok.decode([$0.0]) }.joined()
        let left = zip(ids, w).filter { $0.1 == 0 }.map { tok.decode([$0.0]) }.joined()
        #expect(w.count == ids.count && Set(w).isSubset(of: [0, 1]))
        // the markers, the line breaks and the frame train; the questions do not
        #expect(learnt.contains("Dear Sir or Madam,") && learnt.contains("could you tell me:\n-") && learnt.contains("\n2.")
                && learnt.contains("Many thanks,\nGareth Lowe"), "\(learnt.debugDescription)")
        #expect(left == " how many {k1} you received; the total paid out.", "\(left.debugDescription)")
        // the batch's mask carries the weights: loss on none of the item text
        let e = Example(prompt: [1, 2], completion: ids, weights: w)
        let b = ExampleBatches.sequential([e], batchSize: 1, seqLen: ids.count + 1, pad: tok.endOfTextId)[0]
        #expect(Int(b.mask.reduce(0, +)) == Int(w.reduce(0, +)))
    }
}
