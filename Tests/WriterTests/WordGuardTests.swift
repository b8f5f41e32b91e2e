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

    /// Read in a history adapter's plain samples (issue 27): the non-words the judge failed hid in words the
    /// guard let go free, with an apostrophe ("than'd", "byg's") or a digit ("repul7", "tw8", "3k1").
    @Test(.enabled(if: CopyGuardTests.shipped && Lexicon.available)) func wordsWithApostrophesAndDigitsAreHeldAsTheJudgeReadsThem() throws {
        #expect(try !allows("carried out over that", then: " than'd."))
        #expect(try !allows("the calls", then: " byg's call"))
        #expect(try !allows("how many", then: " repul7 were refused"))
        #expect(try !allows("within the next", then: " tw8 days"))
        #expect(try !allows("left by", then: " 3k1 suppliers"))
        #expect(try !allows("over the last", then: " 12months"))
        // What the judge reads as words and codes still goes.
        #expect(try allows("the", then: " council's pothole repairs and the workers' rota"))
        #expect(try allows("if", then: " you don't hold it, i'd ask"))
        #expect(try allows("pupils at", then: " ks1 and ks2, s106 money"))
        #expect(try allows("from", then: " 10am on the 3rd, 1,000 calls, £2m, 2021/22 and 1990s"))
        #expect(try allows("Dear", then: " Mx O'Quorblet, A40 and Q1"))   // capitalised: a name or code, free
        for w in ["than'd", "byg's", "repul7", "tw8", "3k1", "12months"] {
            #expect(JudgeRules.nonWords(in: "I ask how many \(w) were held.", names: []) == [w], "the judge fails \(w) too")
        }
        #expect(JudgeRules.nonWords(in: "the council's repairs, the workers' rota, don't, ks1, s106, 10am, 3rd, £2m, 1990s", names: []).isEmpty)
    }

    @Test(.enabled(if: CopyGuardTests.shipped && Lexicon.available)) func aSlotsNameIsNoWord() throws {
        let slots = NameSlots(authority: "Bassetlaw District Council", keywords: ["pothole repairs", "grass cutting"])
        #expect(try allows("the number of", then: " {k1} and {k2}'s costs", slots: slots))
        // The body's nation is a slot too: held, the model was pushed into "{limit}" and wrote "an accurate picture of
        // stop and search in £450" (sft43's product letters, session 30).
        var council = BodyProfile.described("district council")
        council.place = Nation.england.place
        let prompt = Prompt(authority: "Bassetlaw District Council", jurisdiction: "FOIA 2000", keywords: ["pothole repairs"], style: "numbered")
        #expect(try allows("an accurate picture of {k1} in", then: " {place}, and each body's", slots: NameSlots(prompt, body: council)))
    }

    /// Read in the plain samples after the guard held apostrophes and digits: a word the list begins with
    /// ("danela", of "Danelaw") whose only ending was not among the likeliest tokens was left unheld, and the
    /// model went on to "danela them"; and "any- performance".
    @Test(.enabled(if: CopyGuardTests.shipped && Lexicon.available)) func aBegunWordIsFinishedFromTheWholeVocabulary() throws {
        let tok = try BPETokenizer(directory: CopyGuardTests.modelDir)
        let table = TokenTable(tokenizer: tok)
        var g = WordGuard(words: Self.words, names: [], vocabulary: table)
        for id in tok.encode("the number of leisure danela", allowSpecial: false) { g.observe(id) }
        let V = tok.vocabSize
        // Every token likelier than those that finish the word.
        var logits = (0..<V).map { id -> Float in table.bytes(id).first == UInt8(ascii: "w") ? -5 : 1 }
        logits.withUnsafeMutableBufferPointer { g.constrain($0.baseAddress!, V: V) }
        let kept = (0..<V).filter { logits[$0] > -.infinity }
        #expect(!kept.isEmpty && kept.allSatisfy { table.bytes($0).first.map { $0 | 0x20 } == UInt8(ascii: "w") },
                "\(kept.prefix(5).map { tok.decode([$0]) })")
        #expect(try !allows("and", then: " any- performance"))
        #expect(try !allows("the", then: " full-\ntime"))
        #expect(try allows("the", then: " full-time staff, e-mail and the 2020-21 figures - and more"))
    }
}
