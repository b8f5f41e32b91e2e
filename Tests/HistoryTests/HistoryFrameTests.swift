import FOI
import Foundation
import History
import Testing

/// A history letter trains under a prompt whose keywords the letter names.
@Suite struct HistoryFrameTests {
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
}
