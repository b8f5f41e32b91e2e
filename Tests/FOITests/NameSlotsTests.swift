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

    func testTheLawsFiguresAreSlotsFilledForTheBodyAndRegime() throws {
        let council = BodyProfile.described("borough council")
        var department = BodyProfile.described("government department")
        department.foiaCostLimit = 600
        let letter = "If this would exceed the £450 cost limit (not £4500), please advise me under section 16 (not subsection 16)."
        let foia = Prompt(authority: "Leeds City Council", jurisdiction: "FOIA 2000 + EIR 2004", keywords: ["potholes"], style: "numbered")
        let s = NameSlots(foia, body: council)
        let d = s.delexicalise(letter)
        XCTAssertEqual(d, "If this would exceed the {limit} cost limit (not £4500), please advise me under {advice} (not subsection 16).")
        XCTAssertEqual(s.fill(d), letter)
        // A department's limit is £600: its "£450" is the model's own (wrong) figure and stays for the judge.
        XCTAssertEqual(NameSlots(foia, body: department).fill("the {limit} limit"), "the £600 limit")
        XCTAssertEqual(NameSlots(foia, body: department).delexicalise("the £450 limit"), "the £450 limit")
        // Under FOISA every body's limit is £600 and the duty is in section 15; the regulations alone have neither.
        let foisa = Prompt(authority: "Highland Council", jurisdiction: "FOISA 2002", keywords: ["potholes"], style: "numbered")
        XCTAssertEqual(NameSlots(foisa, body: nil).fill("{limit}, {advice}"), "£600, section 15")
        let eir = Prompt(authority: "Leeds City Council", jurisdiction: "EIR 2004", keywords: ["air quality"], style: "numbered")
        XCTAssertEqual(NameSlots(eir, body: council).fill("{limit}, {advice}"), "{limit}, {advice}")
        // A body we cannot look up keeps its FOIA figure as written.
        XCTAssertEqual(NameSlots(foia, body: nil).delexicalise("the £450 limit"), "the £450 limit")
    }

    func testTheBodysNationIsASlotOnlyWhereTheLetterSetsItsTopic() {
        var body = BodyProfile.described("regulator")
        body.place = Nation.uk.place
        let p = Prompt(authority: "Civil Aviation Authority", jurisdiction: "FOIA 2000", keywords: ["drone sightings"], style: "numbered")
        let s = NameSlots(p, body: body)
        let letter = "I am researching drone sightings across public bodies in the UK. I am trying to build an accurate picture "
            + "of drone sightings in the UK, and each body's own records are the most reliable source. Flights in the UK."
        let d = s.delexicalise(letter)
        XCTAssertEqual(d, "I am researching {k1} across public bodies in {place}. I am trying to build an accurate picture "
            + "of {k1} in {place}, and each body's own records are the most reliable source. Flights in the UK.")
        XCTAssertEqual(s.fill(d), letter)
        // A model that has not learnt the slot keeps its own nation, for the judge; "NHS England" is a name.
        XCTAssertEqual(s.delexicalise("across public bodies in England, and NHS England"), "across public bodies in England, and NHS England")
        // Without a profile (a body we cannot look up) the slot is left for the judge.
        XCTAssertEqual(NameSlots(p, body: nil).fill("in {place}, and"), "in {place}, and")
    }

    /// After a governing word a keyword slot gives its own article: "the" for a keyword that needs one, none for
    /// one that takes none, whatever the model wrote between them; elsewhere the letter's words stand.
    func testAKeywordSlotGivesItsOwnArticleAfterAGoverningWord() {
        let s = NameSlots(authority: "Leeds City Council", keywords: ["records retention schedule", "purchase card spending", "pothole repair"])
        let letter = """
        1. A copy of the records retention schedule, and reports on the records retention schedule presented to the board.
        2. Any correspondence about purchase card spending, and whether the council has updated the records retention schedule.
        3. The number of pothole repairs, and audits of the pothole repairs.
        """
        let d = s.delexicalise(letter)
        XCTAssertEqual(d, """
        1. A copy of {k1}, and reports on {k1} presented to the board.
        2. Any correspondence about {k2}, and whether the council has updated the {k1}.
        3. The number of {k3}s, and audits of the {k3}s.
        """)
        XCTAssertEqual(s.fill(d), letter, "the article comes back where the keyword needs it")
        // What the model writes before the slot does not decide it: no article is dropped or doubled.
        XCTAssertEqual(s.fill("about {k1}. About the {k2}. Reports on the {k1}."),
                       "about the records retention schedule. About the purchase card spending. Reports on the records retention schedule.")
        XCTAssertEqual(NameSlots.withoutGovernedArticles("about the {k2}; about the {k3}s; bathe {k1}"), "about {k2}; about the {k3}s; bathe {k1}")
        // Streamed, a token at a time, the slot reads what was streamed before it and waits for a plural "s".
        var filler = NameSlots.Filler(s)
        let streamed = ["A copy", " of ", "{k", "1}", ", ", "of {k3}", "s", " and of {k1}"].map { filler.push($0) }.joined() + filler.finish()
        XCTAssertEqual(streamed, "A copy of the records retention schedule, of pothole repairs and of the records retention schedule")
    }

    /// The body's name gives its own article within a sentence, as the composer writes it; "Dear {authority}" none.
    func testTheAuthoritySlotGivesTheArticleTheNameTakes() {
        let p = Prompt(authority: "Home Office", jurisdiction: "FOIA 2000", keywords: ["asylum hotels"], style: "numbered")
        var body = BodyProfile.described("government department")
        body.nameTakesArticle = true
        let s = NameSlots(p, body: body)
        let letter = "Dear Home Office,\n\nI am making a request to the Home Office. The Home Office's figures, please."
        let d = s.delexicalise(letter)
        XCTAssertEqual(d, "Dear {authority},\n\nI am making a request to {authority}. The {authority}'s figures, please.")
        XCTAssertEqual(s.fill(d), letter)
        XCTAssertEqual(s.fill("a request to the {authority}"), "a request to the Home Office", "no second article")
        body.nameTakesArticle = false
        let ofcom = NameSlots(Prompt(authority: "Ofcom", jurisdiction: "FOIA 2000", keywords: ["complaints"], style: "numbered"), body: body)
        XCTAssertEqual(ofcom.fill(ofcom.delexicalise("a request to the Ofcom")), "a request to Ofcom")
        XCTAssertEqual(BodyProfile.of(Authority(name: "Ofcom", shortName: "Ofcom", group: "Regulators", category: "Regulators",
                                                 nation: .uk, regime: .foia2000)).nameTakesArticle, false)
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
