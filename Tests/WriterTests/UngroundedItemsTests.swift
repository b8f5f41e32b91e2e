@testable import FOI
import FOICorpus
import Foundation
import Testing
@testable import Writer

/// sft33's product letter to a college (session 26): the judge passed it, and its third item is a splice no bank
/// has. The product drops that item; the two left are the banks' questions, one for each keyword.
@Suite struct UngroundedItemsTests {
    static let barnsley = Authority(name: "Barnsley College", shortName: "Barnsley College", group: "Education",
                                    category: "Further education institutions", nation: .england, regime: .foia2000)
    static let keywords = [Keyword(text: "student drop-out rates", theme: "higher education", categories: [], environmental: false),
                           Keyword(text: "artificial intelligence use", theme: "IT and cyber security", categories: [], environmental: false)]

    static let letter = """
        Dear Barnsley College Freedom of Information Team,

        I am making a request to Barnsley College under the Freedom of Information Act 2000. I am interested in the calendar years 2019 to 2023.

        Please provide the following figures, broken down by calendar year:
        1) The total spent with external suppliers and consultants on work relating to artificial intelligence use.
        2) The total spent with external suppliers-sized audit, and their total cost.
        3) The number of reports or briefings on student drop-out rates presented to the college's board, audit committee or senior leadership team.

        I would find it easiest to read as a single table, broken down by calendar year. Where a figure is zero, please show 0 rather than leaving the cell blank.

        Yours faithfully,
        [Requester's name]
        """

    @Test func theSpliceIsDroppedAndTheRestRenumbered() throws {
        let g = ItemGrounding(authority: Self.barnsley, keywords: Self.keywords)
        let off = g.ungrounded(in: Self.letter)
        #expect(off.count == 1 && off[0].contains("suppliers-sized"))
        let cut = try #require(UngroundedItems.dropped(off, from: Self.letter))
        #expect(!cut.contains("suppliers-sized"))
        #expect(cut.contains("1) The total spent with external suppliers and consultants on work relating to artificial intelligence use."))
        #expect(cut.contains("2) The number of reports or briefings on student drop-out rates"))
        #expect(!cut.contains("3)"))
        #expect(g.ungrounded(in: cut).isEmpty)
        #expect(Judge().judge(letter: cut, authority: Self.barnsley, keywords: Self.keywords).valid)
    }

    @Test func endingsStayWithTheirPlaces() throws {
        let list = "Please send:\n(a) the first thing;\n(b) the second thing; and\n(c) the third thing.\nThanks."
        let cut = try #require(UngroundedItems.dropped(["the third thing"], from: list))
        #expect(cut == "Please send:\n(a) the first thing; and\n(b) the second thing.\nThanks.")
        let cut2 = try #require(UngroundedItems.dropped(["the first thing"], from: list))
        #expect(cut2 == "Please send:\n(a) the second thing; and\n(b) the third thing.\nThanks.")
    }

    @Test func nothingIsDroppedWhenNoItemWouldBeLeftOrNoneMatches() {
        let list = "Please send:\n- the first thing\nThanks."
        #expect(UngroundedItems.dropped(["the first thing"], from: list) == nil)
        #expect(UngroundedItems.dropped(["something else"], from: list) == nil)
    }
}

/// Between two valid, grounded letters alike in all else, the one that asks more (up to three things) is preferred:
/// "Any internal audit report … that covers short-term let licences" alone read thin (session 26).
@Suite struct MoreItemsPreferredTests {
    @Test func twoGroundedItemsBeatOne() throws {
        let two = UngroundedItemsTests.letter.replacingOccurrences(of: "2) The total spent with external suppliers-sized audit, and their total cost.\n", with: "")
        let one = two.replacingOccurrences(of: "1) The total spent with external suppliers and consultants on work relating to artificial intelligence use.\n", with: "")
        let judge = Judge()
        func written(_ text: String) -> WrittenLetter {
            WrittenLetter(prompt: "", letter: text,
                          judge: judge.judge(letter: text, authority: UngroundedItemsTests.barnsley, keywords: UngroundedItemsTests.keywords),
                          modelId: "test", seed: 0, tokens: 0, ungrounded: [], overlaps: 0)
        }
        // The same verdict on both, so only the count differs (the one-item cut no longer names one keyword).
        let a = written(two)
        var b = written(one)
        b.judge = a.judge
        #expect(a.judge.valid)
        #expect(a.asked == 2 && b.asked == 1)
        #expect(a.isBetter(than: b))
        #expect(!b.isBetter(than: a))
        // A person's style (no grounding): the count does not decide.
        #expect(a.isBetter(than: b, grounding: false) == (a.judge.score > b.judge.score))
    }
}

/// A letter asks in full when it asks one thing more than its prompt has keywords, up to three: what the own-letter
/// rounds keep with `fullLetters`, and `eval`'s "valid, asking in full" (sft39 asked one thing for half its
/// one-keyword prompts, session 29).
@Suite struct AsksInFullTests {
    static func written(_ items: Int, keywords: [String]) -> WrittenLetter {
        let list = (1...items).map { "\($0)) The number of complaints received about item \($0)." }
        let text = "Dear FOI team,\n\nPlease provide:\n" + list.joined(separator: "\n") + "\n\nYours faithfully,\nA Person"
        let prompt = Prompt(authority: "Barnsley College", jurisdiction: "FOIA 2000", keywords: keywords, style: "numbered").text
        return WrittenLetter(prompt: prompt, letter: text, judge: JudgeResult(score: 100, checks: []), modelId: "test", seed: 0, tokens: 0)
    }

    @Test func oneThingMoreThanTheKeywordsUpToThree() {
        #expect(!Self.written(1, keywords: ["a"]).asksInFull)
        #expect(Self.written(2, keywords: ["a"]).asksInFull)
        #expect(!Self.written(2, keywords: ["a", "b"]).asksInFull)
        #expect(Self.written(3, keywords: ["a", "b"]).asksInFull)
        #expect(Self.written(3, keywords: ["a", "b", "c"]).asksInFull)
        #expect(!Self.written(2, keywords: ["a", "b", "c"]).asksInFull)
    }

    @Test func evalCountsValidLettersThatAskInFull() {
        let letters = [Self.written(1, keywords: ["a"]), Self.written(2, keywords: ["a"]),
                       Self.written(3, keywords: ["a", "b"]), Self.written(2, keywords: ["a", "b"])]
        let e = LetterEval.measure(set: "t", letters: letters, trainingBodies: [])
        #expect(e.fullValidity == 0.5)
    }
}
