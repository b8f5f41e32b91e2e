@testable import FOI
@testable import FOICorpus
import Foundation
import Testing
@testable import Writer

/// DPO pairs follow the writer's order of preference, so preference tuning moves the model toward the letter
/// the product would pick: a valid letter whose items are bank questions over a valid letter with a spliced item
/// (the judge scores both 100), and any valid letter over an invalid one.
@Suite struct PreferencePairTests {
    @Test func pairsSeparateValidityAndGroundingNotJustTheScore() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let authorities = try SeedData.authorities(root: root), keywords = try SeedData.keywords(root: root)
        let judge = Judge(knownAuthorities: authorities, knownKeywords: keywords)
        let leeds = try #require(authorities.first { $0.name == "Leeds City Council" })
        let potholes = try #require(keywords.first { $0.text == "pothole repairs" })
        func written(_ text: String) -> WrittenLetter {
            WrittenLetter(prompt: "", letter: text, judge: judge.judge(letter: text, authority: leeds, keywords: [potholes]),
                          modelId: "t", seed: 0, tokens: 0,
                          ungrounded: ItemGrounding(authority: leeds, keywords: [potholes]).ungrounded(in: text), overlaps: 0)
        }
        let clean = Composer().compose(authority: leeds, keywords: [potholes], style: .numbered, seed: 3).text
        let good = written(clean)
        try #require(good.judge.valid && (good.ungrounded ?? []).isEmpty, "\(clean)\n\(good.judge.report)")

        // The same letter with its first item swapped for a question of no bank: still valid to the judge.
        var lines = clean.components(separatedBy: "\n")
        // The first item, whatever its numbering ("1.", "(1)", "-"): its marker kept, its question replaced.
        let first = try #require(lines.firstIndex { $0.hasPrefix("- ") || $0.first?.isNumber == true || $0.hasPrefix("(1)") })
        let marker = lines[first].prefix { $0 != " " }
        var swapped = lines
        swapped[first] = marker + " The number of pothole repairs that were visited twice, and the total cost of the second visits."
        let spliced = written(swapped.joined(separator: "\n"))
        #expect(!(spliced.ungrounded ?? []).isEmpty)
        // A splice the shipped model wrote, a phishing question with the keyword dropped in, the judge now fails
        // (JudgeTransplant, session 17); until then it was valid and only grounding caught it.
        lines[first] = marker + " The number of pothole repairs that led to compromised staff accounts or payments to fraudsters, and the total money lost."
        #expect(!written(lines.joined(separator: "\n")).judge.valid)

        // Another body's name in the opening: invalid.
        let wrong = written(clean.replacingOccurrences(of: "Leeds City Council", with: "Bristol City Council"))
        #expect(!wrong.judge.valid, "\(wrong.judge.report)")

        // Both valid to the judge, the same score or near it: only the grounding tells them apart.
        try #require(spliced.judge.valid, "\(spliced.judge.report)")
        #expect(PreferencePairBuilder.separates(good, spliced, minMargin: 5))
        #expect(!PreferencePairBuilder.separates(spliced, good, minMargin: 5))
        #expect(PreferencePairBuilder.separates(good, wrong, minMargin: 50))
        #expect(PreferencePairBuilder.separates(spliced, wrong, minMargin: 50))
        #expect(!PreferencePairBuilder.separates(wrong, good, minMargin: 0))
        // A letter teaches nothing against itself.
        #expect(!PreferencePairBuilder.separates(good, good, minMargin: 1))
        // A margin of 0 keeps ties, in order.
        #expect(PreferencePairBuilder.separates(good, good, minMargin: 0))
    }

    /// The shipped model as the writer, judged against the seed data.
    func shippedWriter() throws -> (LetterWriter, [Authority], [Keyword]) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let authorities = try SeedData.authorities(root: root), keywords = try SeedData.keywords(root: root)
        return (try LetterWriter(modelDirectory: CopyGuardTests.modelDir, judge: Judge(knownAuthorities: authorities, knownKeywords: keywords)),
                authorities, keywords)
    }

    /// With retries, a prompt none of whose samples is clean gets the product's letter as its chosen one, in the
    /// form the model trains on (names and the law's figures as slots); the rejected letter is still a sample.
    @Test(.enabled(if: CopyGuardTests.shipped)) func aPromptWithNoCleanSampleGetsTheProductsLetter() throws {
        let (writer, authorities, keywords) = try shippedWriter()
        // Keywords whose frames the model mixes up (a quarter of its own letters fail on a frame that does not suit).
        // Pairs of them, so most samples have a frame to get wrong.
        let texts = ["disciplinary cases", "advertising spend", "vacancy rates", "contracts register", "cancelled operations",
                     "internal reviews", "investment properties", "penetration testing", "outsourcing contracts",
                     "flood grant funding", "whistleblowing reports", "staff suspensions"]
        let leeds = try #require(authorities.first { $0.name == "Leeds City Council" })
        let prompts = try stride(from: 0, to: texts.count, by: 2).map { i in
            LetterRequest(authority: leeds, keywords: try [texts[i], texts[i + 1]].map { t in try #require(keywords.first { $0.text == t }) },
                          style: .table, seed: UInt64(40 + i))
        }
        let settings = (writer.candidates, writer.guardsNames)
        // One sample a prompt is its own best and worst: no pair without a retry.
        let plain = PreferencePairBuilder.build(writer: writer, prompts: prompts, samplesPerPrompt: 1, minMargin: 5)
        #expect(plain.stats.kept == 0)
        let retried = PreferencePairBuilder.build(writer: writer, prompts: prompts, samplesPerPrompt: 1, minMargin: 5,
                                                  retryCandidates: 4)
        #expect(writer.candidates == settings.0 && writer.guardsNames == settings.1, "the writer's settings come back")
        #expect(retried.stats.retried > 0, "some of these prompts' samples fail and the product's letter passes")
        #expect(retried.stats.kept == retried.stats.retried)
        for chosen in retried.pairs.map(\.chosen) {
            #expect(chosen.contains(NameSlots.authoritySlot), "the product's letter in the slots form: \(chosen)")
            #expect(!chosen.contains("Leeds City Council"))
        }
    }

    /// A failed sample is mended at the item that failed it: the item is swapped for a clean sample's item, so the
    /// pair differs in that line alone; with no clean sample to take an item from, there is no pair.
    @Test(.enabled(if: CopyGuardTests.shipped)) func aFailedSampleIsMendedAtTheItemThatFailed() throws {
        let (writer, authorities, keywords) = try shippedWriter()
        let leeds = try #require(authorities.first { $0.name == "Leeds City Council" })
        let r = LetterRequest(authority: leeds, keywords: try ["pothole repairs", "supplier spend"].map { t in
            try #require(keywords.first { $0.text == t })
        }, style: .numbered, seed: 1)
        func letter(_ items: [String]) -> String {
            """
            Dear {authority} Freedom of Information Team,

            I am making a request to {authority} under the Freedom of Information Act 2000.

            I am interested in the calendar years 2019 to 2023.

            I am requesting the following:
            \(items.enumerated().map { "\($0 + 1). \($1)" }.joined(separator: "\n"))

            Electronic copies are preferred, in whatever format the documents are held.

            Yours faithfully,
            [Requester's name]
            """
        }
        let audit = "The number of {k1} completed in the period, and the average time in days between a defect being reported and repaired."
        // Nobody complains to a council about what it spends with its suppliers (`QuestionBanks.complaintsSuit`).
        let failed = writer.judged(raw: letter([audit, "The number of complaints received about {k2}, and how many were upheld."]), for: r)
        try #require(!failed.judge.valid, "\(failed.letter)")
        let donor = writer.judged(raw: letter(["Any correspondence with external auditors about {k2}.", audit]), for: r)
        try #require(donor.groundedValid && donor.followsStyle, "\(donor.letter)\n\(donor.ungrounded ?? [])")

        let pairs = MendedPairs.pairs([failed, donor], request: r, writer: writer)
        try #require(pairs.count == 1, "one failed sample, one pair")
        #expect(pairs[0].rejected == failed.raw)
        let changed = zip(pairs[0].chosen.components(separatedBy: "\n"), pairs[0].rejected.components(separatedBy: "\n")).filter { $0 != $1 }
        #expect(changed.map(\.0) == ["2. Any correspondence with external auditors about {k2}."], "only the failed item changes")
        // No donor: nothing is learnt from this sample (cutting the item taught shorter lists).
        #expect(MendedPairs.pairs([failed], request: r, writer: writer).isEmpty)

        // A slip the product's repairs mend ("the" before a keyword that takes none) needs no donor: the pair is the
        // letter with the repair, and differs from what the model wrote in that word alone.
        let article = writer.judged(raw: letter([audit, "Any correspondence with external auditors about the {k2}."]), for: r)
        try #require(!article.judge.valid, "\(article.letter)")
        let repaired = MendedPairs.pairs([article], request: r, writer: writer)
        try #require(repaired.count == 1, "one repaired pair")
        #expect(repaired[0].rejected == article.raw)
        let diff = zip(repaired[0].chosen.components(separatedBy: "\n"), repaired[0].rejected.components(separatedBy: "\n")).filter { $0 != $1 }
        #expect(diff.map(\.0) == ["2. Any correspondence with external auditors about {k2}."], "only the article goes")
    }
}
