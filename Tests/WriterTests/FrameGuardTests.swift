@testable import FOI
import Foundation
import LM
import Testing
import Tokenizer
@testable import Writer

/// The frame guard with the shipped tokenizer: which keyword slots may follow the text so far.
@Suite struct FrameGuardTests {
    /// The keywords (0-based) held after `text`, fed token by token as the tokenizer splits it.
    func held(after text: String, keywords: [String]) throws -> [Int] {
        let tok = try BPETokenizer(directory: CopyGuardTests.modelDir)
        let table = TokenTable(tokenizer: tok)
        var g = FrameGuard(keywords: keywords, vocabulary: table)
        for id in tok.encode(text, allowSpecial: false) { g.observe(table.bytes(id)) }
        return g.held()
    }

    @Test(.enabled(if: CopyGuardTests.shipped)) func framesThatDoNotSuitTheKeywordAreHeldAtItsSlot() throws {
        let ks = ["outsourcing contracts", "gas consumption", "supplier spend"]
        // A contract is a document: nobody works on one (a product letter, session 18).
        let staff = try held(after: "(b) The number of full-time equivalent staff who work on {k", keywords: ks)
        #expect(staff.contains(0), "\(staff)")
        // Nobody complains about a sum of money.
        #expect(try held(after: "1) The number of complaints received about {k", keywords: ks).contains(2))
        #expect(try held(after: "1) The number of complaints received about the {k", keywords: ks).contains(2))
        // Frames that suit all three, and no slot open yet.
        #expect(try held(after: "(a) The total spent in connection with {k", keywords: ks).isEmpty)
        #expect(try held(after: "(b) The number of full-time equivalent staff who work on", keywords: ks).isEmpty)
    }

    @Test(.enabled(if: CopyGuardTests.shipped)) func aHeldSlotIsNotDrawnUnlessEveryKeywordIsHeld() throws {
        let tok = try BPETokenizer(directory: CopyGuardTests.modelDir)
        let table = TokenTable(tokenizer: tok)
        var g = FrameGuard(keywords: ["outsourcing contracts", "pothole repairs"], vocabulary: table)
        for id in tok.encode("the staff who work on {k", allowSpecial: false) { g.observe(table.bytes(id)) }
        var logits = [Float](repeating: 0, count: tok.vocabSize)
        logits.withUnsafeMutableBufferPointer { g.constrain($0.baseAddress!, V: tok.vocabSize) }
        let one = tok.encode("1", allowSpecial: false), two = tok.encode("2", allowSpecial: false)
        #expect(logits[one[0]] == -.infinity)
        #expect(logits[two[0]] == 0)
        // Both held: the step is left as the model wrote it.
        var both = FrameGuard(keywords: ["outsourcing contracts", "energy contracts"], vocabulary: table)
        for id in tok.encode("the staff who work on {k", allowSpecial: false) { both.observe(table.bytes(id)) }
        var free = [Float](repeating: 0, count: tok.vocabSize)
        free.withUnsafeMutableBufferPointer { both.constrain($0.baseAddress!, V: tok.vocabSize) }
        #expect(!free.contains(-.infinity))
    }
}
