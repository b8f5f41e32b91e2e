@testable import FOI
import Foundation
import LM
import Testing
import Tokenizer
@testable import Writer

/// The word guard with the shipped tokenizer and the installed word list.
@Suite struct WordGuardTests {
    static let words = WordGuard.Words(names: ["bassetlaw"])

    /// Whether the guard lets `next` follow `text`, token by token as the tokenizer splits it.
    func allows(_ text: String, then next: String, slots: NameSlots? = nil) throws -> Bool {
        let tok = try BPETokenizer(directory: CopyGuardTests.modelDir)
        var g = WordGuard(words: Self.words, names: ["Bassetlaw District Council", "pothole repairs"],
                          vocabulary: TokenTable(tokenizer: tok), slots: slots)
        for id in tok.encode(text, allowSpecial: false) { g.observe(id) }
        for id in tok.encode(next, allowSpecial: false) {
            guard g.passes(id) else { return false }
            g.observe(id)
        }
        return true
    }

    @Test(.enabled(if: CopyGuardTests.shipped && Lexicon.available)) func nonWordsAreNotWritten() throws {
        #expect(try allows("the number of", then: " complaints received."))
        #expect(try !allows("the number of", then: " arrangeers engaged"))
        #expect(try !allows("the number of", then: " mocial value"))
        // after a curly quote, as in a definition
        #expect(try !allows("- \u{201C}", then: "appcise prevention\u{201D}"))
        #expect(try allows("- \u{201C}", then: "crime prevention\u{201D}"))
    }

    @Test(.enabled(if: CopyGuardTests.shipped && Lexicon.available)) func namesCodesAndCapitalsAreFree() throws {
        #expect(try allows("Dear", then: " Bassetlaw District Council,"))
        #expect(try allows("under", then: " s.12 and reg 12(4)(b)"))
        #expect(try allows("the", then: " council's pothole repairs"))
        #expect(try allows("Dear", then: " Mx Quorblet,"))   // an unknown capitalised word may be a name
    }

    @Test(.enabled(if: CopyGuardTests.shipped && Lexicon.available)) func onlyThePromptsSlots() throws {
        let slots = NameSlots(authority: "Bassetlaw District Council", keywords: ["pothole repairs", "grass cutting"])
        #expect(try allows("Dear", then: " {authority},\n1. The number of {k2} and {K1}", slots: slots))
        #expect(try !allows("1. The number of", then: " {k3}", slots: slots))
        #expect(try !allows("1. The number of", then: " {kk}", slots: slots))
        #expect(try !allows("1. The number of", then: " repairs}", slots: slots))
    }

    @Test(.enabled(if: CopyGuardTests.shipped && Lexicon.available)) func aSlotsModelQuotesOnlySlotsAndStockTerms() throws {
        let slots = NameSlots(authority: "Bassetlaw District Council", keywords: ["litter fines"])
        #expect(try allows("In this request:\n- \u{201C}", then: "{k1}\u{201D} has the meaning", slots: slots))
        #expect(try allows("- \u{201C}", then: "recorded information\u{201D} includes emails", slots: slots))
        #expect(try !allows("- \u{201C}", then: "titter fines\u{201D} has the meaning", slots: slots))
        #expect(try allows("- \u{201C}", then: "titter fines\u{201D}"), "without slots, quotes are free")
        // A stock term goes on as the definitions bank has it; a keyword's definition quotes a slot.
        #expect(try allows("- \u{201C}", then: "documents\u{201D} includes drafts", slots: slots))
        #expect(try !allows("- \u{201C}", then: "documents\u{201D} has the meaning", slots: slots))
        #expect(try !allows("- Where the council records \u{201C}", then: "documents\u{201D}", slots: slots))
        #expect(try allows("- Where the council records \u{201C}", then: "{k1}\u{201D} under another heading", slots: slots))
    }

    @Test(.enabled(if: CopyGuardTests.shipped && Lexicon.available)) func aCommaDoesNotRunIntoAWord() throws {
        #expect(try !allows("the capital", then: ",Pay"))
        #expect(try allows("the capital", then: ", pay and 1,000"))
    }
}
