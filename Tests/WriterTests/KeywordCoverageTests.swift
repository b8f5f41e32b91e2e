import FOI
import FOICore
import Foundation
import Testing
@testable import Writer

/// dpo23's product letter to the London Borough of Havering (session 31): three keywords, the school nurses named in two
/// items and the contracts register in none, in all eight candidates.
@Suite struct KeywordCoverageTests {
    static let havering = Authority(name: "London Borough of Havering", shortName: "Havering", group: "Local and regional",
                                    category: "London boroughs", nation: .england, regime: .foia2000)
    static let keywords = ["contracts register", "accessibility audits", "school nurses"]
    static let letter = """
    Dear London Borough of Havering Freedom of Information Team,

    I am making a request to the London Borough of Havering under the Freedom of Information Act 2000. I am interested in the calendar years 2019 to 2023.

    Please provide the following figures, broken down by calendar year:
    (a) The number of reports or briefings on the school nurses presented to the council's cabinet, audit committee or senior leadership team.
    (b) The number of full-time officers whose work covers the accessibility audits.
    (c) The number of full-time equivalent staff working on the school nurses.

    I would find it easiest to read as a single table, broken down by calendar year. Where a figure is not recorded, please mark it as such rather than leaving it blank.

    If answering would take you over the section 12 cost limit, please suggest how I might narrow the request.

    Yours faithfully,
    [Requester's name]
    """

    @Test func aMissingKeywordTakesARepeatedOnesPlace() throws {
        let judge = Judge(knownAuthorities: [Self.havering], knownKeywords: [])
        let ks = Self.keywords.map { Keyword(text: $0, theme: "", categories: [], environmental: false) }
        #expect(!judge.judge(letter: Self.letter, authority: Self.havering, keywords: ks).valid)
        let candidates = KeywordCoverage.candidates(Self.letter, keywords: Self.keywords)
        #expect(candidates.count == 2)
        #expect(candidates[0].contains("briefings on the contracts register presented"))
        #expect(candidates[1].contains("staff working on the contracts register."))
        // Staff do not work on a register (`KeywordNature.document`): the judge takes the first swap, not the second.
        let (fixed, verdict) = try #require(KeywordCoverage.repaired(Self.letter, keywords: ks, authority: Self.havering, judge: judge))
        #expect(verdict.valid)
        #expect(fixed == candidates[0])
        #expect(!judge.judge(letter: candidates[1], authority: Self.havering, keywords: ks).valid)
    }

    /// sft51's product letter to Saint David's Roman Catholic College (session 32): the frame guard held credit card
    /// spending out of "staff working on", and the model ended the item on a topic of its own.
    @Test func anItemNamingNoKeywordTakesAnotherItemsFrameForTheMissingOne() throws {
        let college = Authority(name: "Saint David's Roman Catholic College", shortName: "St David's", group: "Education",
                                category: "Sixth form colleges", nation: .wales, regime: .foia2000)
        let texts = ["electricity bills", "credit card spending", "supplier spend"]
        let ks = texts.map { Keyword(text: $0, theme: "", categories: [], environmental: false) }
        let letter = Self.letter
            .replacingOccurrences(of: "London Borough of Havering", with: college.name)
            .replacingOccurrences(of: "the school nurses presented to the council's cabinet", with: "supplier spend presented to the college's board")
            .replacingOccurrences(of: "the accessibility audits.", with: "electricity bills.")
            .replacingOccurrences(of: "staff working on the school nurses.",
                                  with: "staff working on information requests, records management and data protection at the college.")
        let judge = Judge(knownAuthorities: [college], knownKeywords: [])
        #expect(!judge.judge(letter: letter, authority: college, keywords: ks).valid)
        let (fixed, verdict) = try #require(KeywordCoverage.repaired(letter, keywords: ks, authority: college, judge: judge))
        #expect(verdict.valid, "\(verdict)")
        // The first frame the judge passes with it: (b)'s ("officers whose work covers" suits any topic).
        #expect(fixed.contains("(c) The number of full-time officers whose work covers credit card spending."), "\(fixed)")
        #expect(!fixed.contains("data protection"))
    }

    @Test func aLetterNamingEveryKeywordIsLeftAlone() {
        let all = Self.letter.replacingOccurrences(of: "(a) The number of reports or briefings on the school nurses",
                                                   with: "(a) The number of reports or briefings on the contracts register")
        #expect(KeywordCoverage.candidates(all, keywords: Self.keywords).isEmpty)
        // No keyword named twice: nothing to give up.
        let once = Self.letter.replacingOccurrences(of: "(c) The number of full-time equivalent staff working on the school nurses.\n", with: "")
        #expect(KeywordCoverage.candidates(once, keywords: Self.keywords).isEmpty)
    }
}
