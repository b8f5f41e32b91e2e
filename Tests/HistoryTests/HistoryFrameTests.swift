import FOI
import Foundation
import History
import Testing
import Writer

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

    /// The frame support of the handwritten history's letters, as `train history` builds it from a person's letters.
    static let handwrittenSupport = HistoryTraining.frameSupport(HistoryParser.read(path: handwrittenHistory.path).requests.map {
        HistoryLetter(authority: nil, rawAuthority: $0.rawAuthority, keywords: $0.keywords, body: $0.body, contentHash: "")
    })

    /// The person's frame around new names reads as theirs; a line of word salad an adapter wrote (session 13,
    /// Ofsted) as nobody's, and a sentence of the composer's as English but not the person's.
    @Test func frameSupportKnowsThePersonsPhrasing() throws {
        let support = Self.handwrittenSupport
        let names = ["Ofsted", "school inspections"]
        let own = "Dear Sir or Madam,\n\nI'd like to ask Ofsted for some information under the Freedom of Information Act 2000.\n\n"
            + "Since 1 April 2021, could you tell me:\n- how many school inspections were carried out each year;\n"
            + "- the cost of each.\n\nAn email reply is fine, with any figures in a spreadsheet.\n\nMany thanks,\nGareth Lowe"
        #expect(support.read(own, names: names).foreign.isEmpty && support.read(own, names: names).total > 20)
        let salad = own.replacingOccurrences(of: "An email reply", with: "I would like to build an accurate of school inspections in the period.\n\nAn email reply")
        #expect(support.read(salad, names: names).unseen.contains("an accurate of"))
        let composer = own.replacingOccurrences(of: "An email reply is fine, with any figures in a spreadsheet.",
                                                with: "Please provide electronic copies; for anything already online, a web link will do.")
        // a sentence of the composer's is fluent English, but not the person's
        #expect(support.read(composer, names: names).unseen.isEmpty && support.read(composer, names: names).foreign.count >= 5)
        // list items are the base model's, not the frame
        #expect(FrameSupport.frameLines("Could you tell me:\n1. the cost;\n(b) the count;\niv) the date;\n- x\nThanks") == ["Could you tell me:", "Thanks"])
    }

    /// Product decoding drops a frame sentence nobody wrote, keeping the request, the list and the person's close.
    @Test func unseenSentencesAreDropped() throws {
        let support = Self.handwrittenSupport
        let names = ["Scottish Government", "consultancy spending"]
        let letter = "Dear Sir or Madam,\n\nI'd like to ask Scottish Government for some information under the Freedom of Information (Scotland) Act 2002.\n\n"
            + "Since 1 April 2021, could you tell me:\n- Any internal audit reports concerning consultancy spending\n\n"
            + "An email reply is fine, with any figures in a spreadsheet. If answering in full would cost more than the prescribed £600 limit under section 12 of FOISA, please provide what you can within one charity bands.\n\n"
            + "Many thanks,\nGareth Lowe"
        let cut = try #require(support.withoutUnseenSentences(letter, names: names))
        #expect(!cut.contains("charity bands") && cut.contains("An email reply is fine, with any figures in a spreadsheet.\n\nMany thanks,"))
        #expect(cut.contains("I'd like to ask Scottish Government") && cut.contains("- Any internal audit reports"))
        #expect(support.withoutUnseenSentences(cut, names: names) == nil)
    }
}

