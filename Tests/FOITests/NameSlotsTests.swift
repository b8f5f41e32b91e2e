import XCTest
@testable import FOI

/// Name slots: the letter's names become "{authority}" and "{k1}" for training, and the writer fills them back.
final class NameSlotsTests: XCTestCase {
    let slots = NameSlots(authority: "Leeds City Council", keywords: ["pothole repair", "fixed penalty notices", "penalty notices"])

    func testDelexicaliseReplacesWholeNamesLongestFirst() {
        let letter = """
        Dear Leeds City Council,

        Pothole repair figures, please. 1. The number of pothole repairs made by Leeds City Council's crews.
        2. The number of fixed penalty notices issued, and of other penalty notices.
        """
        let d = slots.delexicalise(letter)
        XCTAssertEqual(d, """
        Dear {authority},

        {K1} figures, please. 1. The number of {k1}s made by {authority}'s crews.
        2. The number of {k2} issued, and of other {k3}.
        """)
        XCTAssertEqual(slots.fill(d), letter, "filling a delexicalised letter gives the letter back")
    }

    func testNamesInsideLongerWordsStay() {
        // "repairer" is not "repair" + a plural s; "Leeds City Councillors" is not the council.
        let letter = "A pothole repairer wrote to Leeds City Councillors."
        XCTAssertEqual(slots.delexicalise(letter), letter)
    }

    func testQuotedNamesAndTheAuthoritiesAreSlotted() {
        // The corpus quotes a keyword it defines, and writes "the Highland Council" within a sentence.
        let highland = NameSlots(authority: "The Highland Council", keywords: ["pothole repair"])
        let letter = """
        Dear Highland Council,

        “Pothole repair” means a repair made by the Highland Council—not a contractor—and “pothole repairs’ costs” \
        include materials. The Highland Council’s figures, please.
        """
        let d = highland.delexicalise(letter)
        XCTAssertEqual(d, """
        Dear {authority},

        “{K1}” means a repair made by the {authority}—not a contractor—and “{k1}s’ costs” \
        include materials. The {authority}’s figures, please.
        """)
        XCTAssertEqual(highland.fill(d), letter)
        // A word that merely ends in a multibyte letter still touches the name.
        XCTAssertEqual(highland.delexicalise("épothole repair"), "épothole repair")
    }

    func testFillLeavesUnknownSlotsForTheJudge() {
        XCTAssertEqual(slots.fill("About {k9} and {k2}."), "About {k9} and fixed penalty notices.")
        XCTAssertEqual(slots.fill("A { brace"), "A { brace")
    }

    func testStreamingFillerHoldsAnOpenSlot() {
        var f = NameSlots.Filler(slots)
        var out = ""
        for chunk in ["Dear {auth", "ority},\n1. The {", "k2} and {K", "1}s", " {x"] { out += f.push(chunk) }
        out += f.finish()
        XCTAssertEqual(out, "Dear Leeds City Council,\n1. The fixed penalty notices and Pothole repairs {x")
    }

    func testJudgeFailsAnUnfilledSlot() {
        let judge = Judge()
        let authority = Authority(name: "Leeds City Council", shortName: "", group: "Local and regional",
                                  category: "Metropolitan district councils", nation: .england, regime: .foia2000)
        let letter = """
        Dear Leeds City Council,

        Under the Freedom of Information Act 2000, please provide the number of {k4} recorded in 2023.

        Yours faithfully,
        Sam Smith
        """
        let r = judge.judge(letter: letter, authority: authority, keywords: [])
        XCTAssertFalse(r.valid)
        let words = r.check(.words)
        XCTAssertEqual(words?.passed, false)
        XCTAssertTrue(words?.reason.contains("{k4}") == true, words?.reason ?? "no words check")
    }
}
