import FOI
import FOICore
@testable import FOICorpus
import Foundation
import Testing
@testable import Writer

/// sft14's product letter to Conwy County Borough Council (session 21): one item, and the cost sentence of a list.
@Suite struct ListWordingTests {
    let letter = """
    Dear Conwy County Borough Council Freedom of Information Team,

    I am making a request to Conwy County Borough Council under the Freedom of Information Act 2000.

    I am interested in the calendar years 2022 to 2023.

    I am requesting the following:
    1. Any internal audit report produced over that period that covers voter ID.

    Electronic copies are preferred, in whatever format the documents are held.

    If answering every part would take you over the section 12 cost limit, please answer as many parts as you can and suggest how I might narrow the others.

    Yours faithfully,
    [Full name]
    """

    @Test func oneItemIsNotSpokenOfInParts() {
        let judge = Judge(knownAuthorities: [], knownKeywords: [])
        let conwy = Authority(name: "Conwy County Borough Council", shortName: "Conwy", group: "Local and regional",
                              category: "Unitary authorities (Wales)", nation: .wales, regime: .foia2000)
        #expect(judge.judge(letter: letter, authority: conwy, keywords: ["voter ID"]).failed.map(\.id).contains("coherence"))
        let repaired = ListWording.repair(letter)
        #expect(repaired.contains("If answering would take you over the section 12 cost limit, please suggest how I might narrow the request."))
        #expect(!judge.judge(letter: repaired, authority: conwy, keywords: ["voter ID"]).failed.map(\.id).contains("coherence"))
        // Two items keep the words for several parts.
        let two = letter.replacingOccurrences(of: "covers voter ID.", with: "covers voter ID.\n2. The number of voters turned away for lack of voter ID in each year.")
        #expect(ListWording.repair(two) == two)
    }

    /// Letters kept for self-training lose the sentences for several parts whatever their count, and the composer,
    /// which taught them, no longer writes them: no round teaches them again.
    @Test func selfTrainingLettersAreCountFree() throws {
        let two = letter.replacingOccurrences(of: "covers voter ID.", with: "covers voter ID.\n2. The number of voters turned away for lack of voter ID in each year.")
            .replacingOccurrences(of: "I am interested in", with: "Unless stated otherwise, each part of this request covers")
        let free = ListWording.countFree(two)
        #expect(Phrases.severalParts.allSatisfy { !free.contains($0) } && !free.contains(Phrases.firstTwoItems))
        #expect(free.contains("Unless stated otherwise, this request covers the calendar years"))
        #expect(free.contains("please suggest how I might narrow the request."))
        let bank = Phrases.timeSentences + Phrases.costFOIA + Phrases.costFOISA + Phrases.costFOIAFigure
        #expect(bank.allSatisfy { s in !Phrases.severalParts.contains(where: s.contains) && !s.contains(Phrases.firstTwoItems) })
    }

    /// A period for figures above documents only (sft14's product letter to the University of Chichester, session 21).
    @Test func noFiguresNoPeriodForThem() {
        let documents = letter.replacingOccurrences(of: "I am interested in the calendar years 2022 to 2023.",
                                                    with: "Where figures are requested, please give them for the calendar years 2022 to 2023.")
        let repaired = ListWording.repair(documents)
        #expect(repaired.contains("This request covers the calendar years 2022 to 2023."))
        #expect(!repaired.contains("Where figures"))
        let figure = documents.replacingOccurrences(of: "1. Any internal audit report produced over that period that covers voter ID.",
                                                    with: "1. The number of voters turned away for lack of voter ID.")
        #expect(ListWording.repair(figure).contains("Where figures are requested"))
        // A definition is no item: "reserves levels" in one asks for no figure (the Mid Wales Corporate Joint Committee).
        let defined = documents.replacingOccurrences(of: "I am requesting the following:",
                                                     with: "For the purposes of this request:\n- “reserves levels” has the meaning your organisation gives it in its own records.\n\nI am requesting the following:")
        #expect(ListWording.repair(defined).contains("This request covers the calendar years 2022 to 2023."))
    }

    @Test func theNameTakesItsOwnArticle() {
        #expect(NameArticle.repair("a request to the His Majesty's Inspectorate of Prisons under", authority: "His Majesty's Inspectorate of Prisons")
                == "a request to His Majesty's Inspectorate of Prisons under")
        #expect(NameArticle.repair("writing to the The Highland Council", authority: "The Highland Council") == "writing to the Highland Council")
        #expect(NameArticle.repair("writing to the Environment Agency", authority: "Environment Agency") == "writing to the Environment Agency")
    }
    /// sft38's product letter to Gwynedd Council (session 28): the model cannot tell a Welsh name from an English one.
    @Test func theBodyIsPlacedInItsOwnNation() {
        let gwynedd = Authority(name: "Gwynedd Council", shortName: "Gwynedd", group: "Local and regional",
                                category: "Unitary authorities (Wales)", nation: .wales, regime: .foia2000)
        let text = "I am trying to build an accurate picture of second homes premium in England, and each body's own records are the most reliable source."
        #expect(JudgeRules.otherNation(text, authority: gwynedd) == "England")
        let repaired = NationRepair.repair(text, authority: gwynedd)
        #expect(repaired.contains("premium in Wales, and each body's"))
        #expect(JudgeRules.otherNation(repaired, authority: gwynedd) == nil)
        // A UK-wide body's topic is set in the UK, as the composer writes it; a sentence that is not the composer's is left.
        let ofcom = Authority(name: "Ofcom", shortName: "Ofcom", group: "Regulators", category: "Regulators", nation: .uk, regime: .foia2000)
        #expect(NationRepair.repair(text, authority: ofcom).contains("premium in the UK, and each body's"))
        #expect(JudgeRules.otherNation(text, authority: ofcom) == nil)
        #expect(NationRepair.repair("The Welsh Government's guidance in England differs.", authority: gwynedd) == "The Welsh Government's guidance in England differs.")
        // A letter kept for training says "{place}" there, for either body (session 30).
        let fees = Keyword(text: "licence fees", theme: "Finance", categories: [], environmental: false)
        let slotted = LetterRequest(authority: ofcom, keywords: [fees]).trainingForm(of: "an accurate picture of licence fees in England, and each body's records")
        #expect(slotted == "an accurate picture of {k1} in {place}, and each body's records")
        #expect(LetterRequest(authority: gwynedd, keywords: [fees]).trainingForm(of: "the fees in Wales, and each body's") == "the fees in {place}, and each body's")
    }
    /// sft45's product letters (session 30): another kind's possessive, in every candidate.
    @Test func theBodyIsCalledByItsOwnKind() {
        let bord = Authority(name: "Bòrd na Gàidhlig", shortName: "Bòrd na Gàidhlig", group: "Scottish public bodies",
                             category: "Non-departmental public bodies (Scotland)", nation: .scotland, regime: .foisa2002)
        let profile = BodyProfile.of(bord)
        let text = "(a) The number of reports on the college's social media advertising presented to the college’s board."
        let repaired = BodyReference.repair(text, profile: profile)
        #expect(!repaired.contains("college"), "\(repaired)")
        #expect(repaired.contains(profile.reference + "'s social media advertising"))
        let council = Authority(name: "Leeds City Council", shortName: "Leeds", group: "Local and regional",
                                category: "Metropolitan districts", nation: .england, regime: .foia2000)
        let own = "Reports presented to the council's cabinet."
        #expect(BodyReference.repair(own, profile: .of(council)) == own)
    }
    /// dpo21's product letter to the West Midlands PCC (session 28): a commissioner has no board; its reports go to
    /// the police and crime panel. The composer's own table (`BodyWording`) puts the letter right, and the judge agrees.
    @Test func aCommissionersReportsGoToThePanel() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let authorities = try SeedData.authorities(root: root), keywords = try SeedData.keywords(root: root)
        let judge = Judge(knownAuthorities: authorities, knownKeywords: keywords)
        let pcc = try #require(authorities.first { $0.name == "West Midlands Police and Crime Commissioner" })
        let interim = try #require(keywords.first { $0.text == "interim executives" })
        let letter = """
            Dear West Midlands Police and Crime Commissioner Freedom of Information Team,

            I am making a request to the West Midlands Police and Crime Commissioner under the Freedom of Information Act 2000. I am interested in the calendar years 2019 to 2023.

            Please provide the following figures, broken down by calendar year:
            (a) The number of reports or briefings on interim executives presented to your office's board, audit committee or senior leadership team.

            I would find it easiest to read as a single table, broken down by calendar year. Where a figure is not recorded, please mark it as such rather than leaving it blank.

            If answering would take you over the section 12 cost limit, please suggest how I might narrow the request.

            Yours faithfully,
            [Name]
            """
        #expect(!judge.judge(letter: letter, authority: pcc, keywords: [interim]).valid)
        let worded = BodyWording.apply(letter, authority: pcc, profile: BodyProfile.of(pcc))
        #expect(worded.contains("presented to the police and crime panel, audit committee or senior leadership team."))
        let verdict = judge.judge(letter: worded, authority: pcc, keywords: [interim])
        #expect(verdict.valid, "\(verdict.report)")
        // The panel is the commissioner's alone: sft48's product letter to Skills Development Scotland had it (session 31).
        let sds = try #require(authorities.first { $0.name == "Skills Development Scotland" })
        let toSDS = worded.replacingOccurrences(of: "West Midlands Police and Crime Commissioner", with: "Skills Development Scotland")
            .replacingOccurrences(of: "Freedom of Information Act 2000", with: "Freedom of Information (Scotland) Act 2002")
            .replacingOccurrences(of: "section 12 cost limit", with: "cost limit in section 12")
        #expect(!judge.judge(letter: toSDS, authority: sds, keywords: [interim]).valid)
        let board = BodyWording.apply(toSDS, authority: sds, profile: BodyProfile.of(sds))
        #expect(board.contains("presented to the board, audit committee or senior leadership team."))
        let v = judge.judge(letter: board, authority: sds, keywords: [interim])
        #expect(v.valid, "\(v.report)")
    }
}
