@testable import FOI
import Foundation
import LM
import Testing
import Tokenizer
@testable import Writer

/// The frame guard with the shipped tokenizer: which keyword slots may follow the text so far.
@Suite struct FrameGuardTests {
    /// The keywords (0-based) held after `text`, fed token by token as the tokenizer splits it.
    static func k(_ text: String, _ theme: String) -> Keyword { Keyword(text: text, theme: theme, categories: [], environmental: false) }
    static let outsourcing = k("outsourcing contracts", "procurement"), gas = k("gas consumption", "energy")
    static let supplierSpend = k("supplier spend", "procurement"), potholes = k("pothole repairs", "highways")
    static let energyContracts = k("energy contracts", "energy")

    func held(after text: String, keywords: [Keyword]) throws -> [Int] {
        let tok = try BPETokenizer(directory: CopyGuardTests.modelDir)
        let table = TokenTable(tokenizer: tok)
        var g = FrameGuard(keywords: keywords, vocabulary: table)
        for id in tok.encode(text, allowSpecial: false) { g.observe(table.bytes(id)) }
        return g.held()
    }

    @Test(.enabled(if: CopyGuardTests.shipped)) func framesThatDoNotSuitTheKeywordAreHeldAtItsSlot() throws {
        let ks = [Self.outsourcing, Self.gas, Self.supplierSpend]
        // A contract is a document: nobody works on one (a product letter, session 18).
        let staff = try held(after: "(b) The number of full-time equivalent staff who work on {k", keywords: ks)
        #expect(staff.contains(0), "\(staff)")
        // Nobody complains about a sum of money.
        #expect(try held(after: "1) The number of complaints received about {k", keywords: ks).contains(2))
        #expect(try held(after: "1) The number of complaints received about the {k", keywords: ks).contains(2))
        // Frames that suit all three, and no slot open yet.
        #expect(try held(after: "(a) The total spent in connection with {k", keywords: ks).isEmpty)
        #expect(try held(after: "(b) The number of full-time equivalent staff who work on", keywords: ks).isEmpty)
        // Another keyword's own question ("the total paid in settling" insurance claims), which the judge fails
        // spliced onto gas consumption (a product letter, session 18).
        #expect(try held(after: "2) The total paid in settling {k", keywords: ks).contains(1))
        #expect(try held(after: "2) The total paid in settling {k", keywords: [Self.k("insurance claims", "finance")]).isEmpty)
        // An internal audit of internal audit reports (a product letter, session 17); of inspections, a fair question.
        let audits = [Self.k("internal audit reports", "finance"), Self.k("playground inspections", "parks")]
        #expect(try held(after: "1. Any internal audit reports or reviews relating to {k", keywords: audits) == [0])
        // Past the body's possessive: an officer responsible for a harm, auditors about what they do not examine
        // (sft29's product letters, session 24).
        let breaches = [Self.k("data breaches", "IT and cyber security"), Self.k("pandemic preparedness", "emergency planning")]
        let possessive = try held(after: "(b) the job title of the officer responsible for the force's {k", keywords: breaches)
        #expect(possessive == [0], "\(possessive)")
        #expect(try held(after: "(b) the job title of the officer responsible for {k", keywords: breaches) == [0])
        #expect(try held(after: "1. Any correspondence with external auditors about your organisation's {k", keywords: breaches) == [1])
        #expect(try held(after: "1. The total paid to each of the {k", keywords: [Self.supplierSpend, Self.k("interim managers", "staffing")]) == [0])
    }

    @Test(.enabled(if: CopyGuardTests.shipped)) func aHeldSlotIsNotDrawnUnlessEveryKeywordIsHeld() throws {
        let tok = try BPETokenizer(directory: CopyGuardTests.modelDir)
        let table = TokenTable(tokenizer: tok)
        var g = FrameGuard(keywords: [Self.outsourcing, Self.potholes], vocabulary: table)
        for id in tok.encode("the staff who work on {k", allowSpecial: false) { g.observe(table.bytes(id)) }
        var logits = [Float](repeating: 0, count: tok.vocabSize)
        logits.withUnsafeMutableBufferPointer { g.constrain($0.baseAddress!, V: tok.vocabSize) }
        let one = tok.encode("1", allowSpecial: false), two = tok.encode("2", allowSpecial: false)
        #expect(logits[one[0]] == -.infinity)
        #expect(logits[two[0]] == 0)
        // Both held: the step is left as the model wrote it.
        var both = FrameGuard(keywords: [Self.outsourcing, Self.energyContracts], vocabulary: table)
        for id in tok.encode("the staff who work on {k", allowSpecial: false) { both.observe(table.bytes(id)) }
        var free = [Float](repeating: 0, count: tok.vocabSize)
        free.withUnsafeMutableBufferPointer { both.constrain($0.baseAddress!, V: tok.vocabSize) }
        #expect(!free.contains(-.infinity))
        // Both held before the slot opens: no slot is opened after the frame, and the text goes on without one.
        var early = FrameGuard(keywords: [Self.outsourcing, Self.energyContracts], vocabulary: table)
        for id in tok.encode("the staff who work on", allowSpecial: false) { early.observe(table.bytes(id)) }
        var before = [Float](repeating: 0, count: tok.vocabSize)
        before.withUnsafeMutableBufferPointer { early.constrain($0.baseAddress!, V: tok.vocabSize) }
        #expect(before[tok.encode(" {", allowSpecial: false)[0]] == -.infinity)
        #expect(before[tok.encode(" the", allowSpecial: false)[0]] == 0)
        // One of them suits: the slot may open.
        var open = FrameGuard(keywords: [Self.outsourcing, Self.potholes], vocabulary: table)
        for id in tok.encode("the staff who work on", allowSpecial: false) { open.observe(table.bytes(id)) }
        var fine = [Float](repeating: 0, count: tok.vocabSize)
        fine.withUnsafeMutableBufferPointer { open.constrain($0.baseAddress!, V: tok.vocabSize) }
        #expect(!fine.contains(-.infinity))
        // A lone harm after the body's possessive: no slot is opened there either (sft35's product letters, session 26).
        var lone = FrameGuard(keywords: [Self.k("data breaches", "IT and cyber security")], vocabulary: table)
        for id in tok.encode("the officer responsible for the college's", allowSpecial: false) { lone.observe(table.bytes(id)) }
        var shut = [Float](repeating: 0, count: tok.vocabSize)
        shut.withUnsafeMutableBufferPointer { lone.constrain($0.baseAddress!, V: tok.vocabSize) }
        #expect(shut[tok.encode(" {", allowSpecial: false)[0]] == -.infinity)
        #expect(shut[tok.encode(" policy", allowSpecial: false)[0]] == 0)
    }

    /// After the body's own approach to or work on something, a keyword: not "the department's approach to the
    /// menopause" in a letter about rape case charging times (the shipped model's product letter, session 29).
    @Test(.enabled(if: CopyGuardTests.shipped)) func theBodysOwnWorkIsOnAKeyword() throws {
        let tok = try BPETokenizer(directory: CopyGuardTests.modelDir)
        let table = TokenTable(tokenizer: tok)
        func logits(after text: String, _ ks: [Keyword]) -> [Float] {
            var g = FrameGuard(keywords: ks, vocabulary: table)
            for id in tok.encode(text, allowSpecial: false) { g.observe(table.bytes(id)) }
            var l = [Float](repeating: 0, count: tok.vocabSize)
            l.withUnsafeMutableBufferPointer { g.constrain($0.baseAddress!, V: tok.vocabSize) }
            return l
        }
        let cps = [Self.k("rape case charging times", "justice")]
        let after = logits(after: "the officer responsible for the department's approach to", cps)
        #expect(after[tok.encode(" the", allowSpecial: false)[0]] == 0)
        #expect(after[tok.encode(" {", allowSpecial: false)[0]] == 0)
        #expect(after[tok.encode(" rape", allowSpecial: false)[0]] == 0)
        #expect(after[tok.encode(" menopause", allowSpecial: false)[0]] == -.infinity)
        let the = logits(after: "the officer responsible for the department's approach to the", cps)
        #expect(the[tok.encode(" menopause", allowSpecial: false)[0]] == -.infinity)
        #expect(the[tok.encode(" {", allowSpecial: false)[0]] == 0)
        // Anywhere else the text is the model's.
        let elsewhere = logits(after: "any correspondence about the approach to", cps)[tok.encode(" menopause", allowSpecial: false)[0]]
        #expect(elsewhere == 0)
    }

    /// A measure's own unsuited frame read past the possessive: "responsible for the council's {k}" of vacancy rates.
    @Test(.enabled(if: CopyGuardTests.shipped)) func aMeasureIsHeldPastThePossessive() throws {
        let ks = [Self.k("vacancy rates", "staffing"), Self.potholes]
        #expect(try held(after: "(b) the job title of the officer responsible for the council's {k", keywords: ks) == [0])
    }
}
