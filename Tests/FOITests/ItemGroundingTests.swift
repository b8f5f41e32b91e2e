import Foundation
import Testing
@testable import FOI
@testable import FOICorpus

/// Which items come from the question banks: every composer item does, and the model's splices and borrowed
/// questions do not (the items below are the shipped model's, from `eval --save-letters`).
@Suite struct ItemGroundingTests {
    typealias F = Fixtures

    @Test func composerItemsAreAllGrounded() throws {
        guard let root = repoRoot() else { return }
        let authorities = try SeedData.authorities(root: root), keywords = try SeedData.keywords(root: root)
        var rng = SplitMix64(seed: 5)
        var off: [String] = []
        for _ in 0..<60 {  // 3,000 in `compose --audit 2400`; a debug build is slow
            let (a, ks, style, seed) = DomainCorpus.drawPrompt(authorities: authorities, keywords: keywords, rng: &rng)
            let letter = Composer().compose(authority: a, keywords: ks, style: style, seed: seed).text
            off += ItemGrounding(authority: a, keywords: ks).ungrounded(in: letter).map { "\(a.name) / \(ks.map(\.text)): \($0)" }
        }
        #expect(off.isEmpty, "\(off.prefix(5))")
    }

    @Test func modelSplicesAndBorrowedQuestionsAreNot() throws {
        guard let root = repoRoot() else { return }
        let keywords = try SeedData.keywords(root: root)
        let potholes = try #require(keywords.first { $0.text == "pothole repairs" })
        let g = ItemGrounding(authority: F.leeds, keywords: [potholes])
        func grounded(_ text: String) -> Bool { g.ungrounded(in: "Please provide:\n1. " + text).isEmpty }
        // Spliced, or a noun swapped in the middle.
        #expect(!grounded("The number of recommendation staff, ombudsmen or parliamentary committees, and how many have been carried out."))
        #expect(!grounded("The number of pothole repairs that led to compromised staff accounts or payments to fraudsters, and the total money lost."))
        // Another keyword's own question ("reasonable adjustments") with this keyword in it; a question that names no topic.
        #expect(!grounded("The total spent on pothole repairs for staff in each year, and how much was reclaimed through the Access to Work scheme."))
        #expect(!grounded("The total spent by the council with external suppliers in each year, and the percentage spent with small and medium-sized businesses."))
        // A question with one noun swapped, as the shipped model wrote "the number of full-time indicators staff"
        // (all but one word shared, in order); the question itself, with a period of its own, is grounded.
        #expect(!grounded("The number of pothole repairs completed, and the average time in days between a defect being reported and inspected."))
        #expect(!grounded("The percentage of pothole repairs completed within the council's target indicators times in each year, by defect category."))
        #expect(grounded("The percentage of pothole repairs completed within the council's target response times in each year, by defect category."))
        // A keyword's definition with a stock term where the keyword belongs.
        #expect(!g.ungrounded(in: "In this request:\n- Where the council records “documents” under another heading, please treat that heading as included;").isEmpty)
        // Any theme's frame that reads right with any topic is fair, with any period back-reference and the body named
        // as the letter names it.
        #expect(grounded("Any internal audit reports or reviews relating to pothole repairs in each of those years, with their findings."))
        #expect(grounded("Any benchmarking your organisation has carried out of pothole repairs against similar organisations."))
        #expect(g.ungrounded(in: "In this request:\n- Where the council records “pothole repairs” under another heading, please treat that heading as included;").isEmpty)
    }

    @Test func aKeywordsOwnQuestionAskedOfAnotherIsNot() throws {
        guard let root = repoRoot() else { return }
        let keywords = try SeedData.keywords(root: root)
        let ks = try ["grants to voluntary organisations", "records retention schedule"].map { k in try #require(keywords.first { $0.text == k }) }
        let g = ItemGrounding(authority: F.leeds, keywords: ks)
        func grounded(_ text: String) -> Bool { g.ungrounded(in: "Please provide:\n1. " + text).isEmpty }
        // dpo6's product letter to the West of England Combined Authority, and the question as the bank asks it.
        #expect(!grounded("The number of files or boxes of records destroyed in line with the grants to voluntary organisations since then."))
        #expect(grounded("The number of files or boxes of records destroyed in line with the records retention schedule since then."))
        // An initial's full stop does not end the question (the composer's own item was cut at "C").
        let infections = try #require(keywords.first { $0.text == "hospital-acquired infections" })
        let trust = ItemGrounding(authority: F.leeds, keywords: [infections])
        #expect(trust.ungrounded(in: "Please provide:\n1. The number of hospital-acquired infections, by organism, including MRSA, C. difficile and E. coli.").isEmpty)
        // The same question in a three-line "tell me" letter (audit after seed 9102: cut at "C." it read as two).
        #expect(trust.ungrounded(in: "Please could the trust tell me, under the Freedom of Information Act 2000, the number of hospital-acquired infections, by organism, including MRSA, C. difficile and E. coli; and the number of ward closures caused by norovirus or other infections, and the bed days lost, for the financial year 2024/25?").isEmpty)
    }

    @Test func itemsAskingOneKeywordTheSameThingOverlap() throws {
        let g = ItemGrounding(authority: F.leeds, keywords: [F.potholes, F.claims])
        // The shipped model's: two audit items, then two job titles, about one keyword.
        #expect(g.overlaps(in: "1. Any internal audit reports concerning pothole repairs.\n2. Any internal or external audit reports covering pothole repairs.") == 1)
        #expect(g.overlaps(in: "1. The job title of the officer responsible for pothole repairs.\n2. The job title of the officer responsible for signing off decisions on pothole repairs.") == 1)
        // The same kind about two keywords, or two kinds about one, is a fair letter.
        #expect(g.overlaps(in: "1. Any internal audit reports concerning pothole repairs.\n2. Any internal audit reports concerning compensation claims.") == 0)
        #expect(g.overlaps(in: "1. Any internal audit reports concerning pothole repairs.\n2. The total spent on pothole repairs.") == 0)
    }

    @Test func citationsAreNotInlineItems() {
        // "regulation 12(4)(b)" has "(4)" and "(b)" in it, but no list.
        #expect(ItemGrounding.items("If it is manifestly unreasonable under regulation 12(4)(b) of the EIR, please say.").isEmpty)
        #expect(ItemGrounding.items("Please provide (a) the number of repairs; and (b) the amount paid.").count == 2)
        // A three-line request's questions (the shipped model's salad in the second).
        let short = "Under the Freedom of Information Act 2000, please could TransPennine Express send me the total spent on investment properties; the number of office attendance that were rerun or abandoned, with the reasons; and the number of investment properties, for each calendar year from 2021 to 2024 inclusive?"
        #expect(ItemGrounding.items(short) == ["the total spent on investment properties", "the number of office attendance that were rerun or abandoned, with the reasons", "the number of investment properties"])
        #expect(ItemGrounding.items("Please could Leeds City Council tell me, under the Freedom of Information Act 2000, the number of potholes repaired, for the calendar year 2023?") == ["the number of potholes repaired"])
    }
}
