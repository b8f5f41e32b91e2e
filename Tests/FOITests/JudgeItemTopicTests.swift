@testable import FOI
import Testing

/// The shipped model's product letter to the Crown Prosecution Service about rape case charging times (session 29):
/// "the job title of the officer responsible for the department's approach to the menopause" (judge 100 before).
extension JudgeDefectTests {
    @Test func anItemOnATopicNobodyNamed() {
        expectDefect(verdict(item("The job title of the officer responsible for the council's approach to the menopause.")),
                     "topic", quoting: "menopause")
        expectDefect(verdict(item("The name of the officer responsible for your organisation's work relating to agency staff spending.")),
                     "topic", quoting: "agency staff spending")
        // A keyword, a pointer back, or a thing the letter spoke of above the item is no other topic; nor is a person's
        // own thing asked about outside the body's work ("about funding for coastal protection", a handwritten letter).
        #expect(verdict(item("Any correspondence with the Environment Agency about funding for coastal protection.")).valid)
        #expect(verdict(item("The job title of the officer responsible for the council's approach to pothole repairs.")).valid)
        #expect(verdict(item("The name of the officer responsible for the council's work relating to those claims.")).valid)
        let roads = F.goodLetter.replacingOccurrences(of: "3. A copy of your current policy on inspecting roads for defects.",
                                                      with: "3. A copy of your current policy on inspecting roads for defects.\n4. Any correspondence about the council's approach to road defects.")
        #expect(verdict(roads).valid)
    }
}

/// sft39's and sft41's product letters (session 29): a bank phrase with its plural dropped, a possessive with no noun.
extension JudgeDefectTests {
    @Test func aNounsNumberSlippedAndAPossessiveWithoutItsNoun() {
        expectDefect(verdict(item("Any correspondence with government department or funding bodies about pothole repairs.")),
                     "coherence", quoting: "with government departments or")
        #expect(verdict(item("Any correspondence with government departments or funding bodies about pothole repairs.")).valid)
        #expect(verdict(item("Any correspondence with the government department responsible for roads about pothole repairs.")).valid)
        // Product decoding gives the plural back, from the same rule.
        let slipped = item("Any correspondence with government department or funding bodies about pothole repairs.")
        #expect(JudgeRules.numberSlipsRepaired(slipped) == item("Any correspondence with government departments or funding bodies about pothole repairs."))
        #expect(JudgeRules.numberSlipsRepaired(F.goodLetter) == F.goodLetter)
        expectDefect(verdict(item("The job title of the officer responsible for the council's relating to pothole repairs.")),
                     "coherence", quoting: "council's relating")
        #expect(verdict(item("The number of pothole repairs near the Women's and Children's Hospital.")).valid)
    }
}

extension JudgeDefectTests {
    /// A stock sentence begun and broken off (sft43's product letters for our own prompts, session 30, all judged 100).
    @Test func aStockSentenceBrokenOffFails() {
        let broken = [
            "I should explain why I am asking. I am trying to build an accurate picture of stop and search in £450, and I would like to see what your organisation's own records show rather than rely on second-hand accounts.",
            "I am trying to build an accurate relation to agency nurse spending in the calendar years 2019 to 2023.",
            "I am trying to build an accurate picture of clean air zone fines in clean air zone fines, and each body's own records are the most reliable source.",
        ]
        for b in broken {
            #expect(JudgeRules.brokenStockSentence(LetterContext("Dear FOI Team,\n\n" + b + "\n\nYours faithfully,\nA Person")) != nil, "\(b)")
        }
        let whole = "I should explain why I am asking. I am trying to build an accurate picture of stop and search in the UK, and each body’s own records are the most reliable source."
        #expect(JudgeRules.brokenStockSentence(LetterContext("Dear FOI Team,\n\n" + whole + "\n\nYours faithfully,\nA Person")) == nil)
        // A person's own sentence that shares fewer words is theirs.
        let own = "I am trying to build a picture of how often the bins are missed."
        #expect(JudgeRules.brokenStockSentence(LetterContext("Dear FOI Team,\n\n" + own + "\n\nYours faithfully,\nA Person")) == nil)
    }

    /// "in the year" of a request for 2019 to 2023 (sft43's product letter to the Office for Students, session 30).
    @Test func theYearOfSeveralFails() {
        func letter(_ period: String, _ item: String) -> LetterContext {
            LetterContext("Dear FOI Team,\n\nI am interested in \(period).\n\nI am requesting the following:\n(a) Any internal audit reports on franchised courses in the period.\n(b) \(item)\n\nYours faithfully,\nA Person")
        }
        let slip = "Any correspondence with regulators about franchised courses in the year."
        #expect(JudgeRules.yearOfSeveral(letter("the calendar years 2019 to 2023", slip)) != nil)
        #expect(JudgeRules.yearOfSeveral(letter("the financial year 2023/24", slip)) == nil)
        #expect(JudgeRules.yearOfSeveral(letter("the calendar years 2019 to 2023", "Any correspondence about franchised courses in the year to March 2023.")) == nil)
        // Product decoding says "in the period" instead, and the judge passes it.
        let text = "Dear FOI Team,\n\nI am interested in the calendar years 2019 to 2023.\n\nI am requesting the following:\n(a) \(slip)\n\nYours faithfully,\nA Person"
        #expect(JudgeRules.yearOfSeveral(LetterContext(JudgeRules.yearOfSeveralRepaired(text))) == nil)
        #expect(JudgeRules.yearOfSeveralRepaired(text).contains("franchised courses in the period."))
    }

    /// "in the public" where an item's period belongs (sft48's letter to British Transport Police, session 31).
    @Test func thePeriodAsThePublicFails() {
        func letter(_ item: String) -> LetterContext {
            LetterContext("Dear FOI Team,\n\nI am interested in the calendar years 2019 to 2023.\n\nI am requesting the following:\n(a) \(item)\n\nYours faithfully,\nA Person")
        }
        #expect(JudgeRules.periodAsPublic(letter("Any correspondence with regulators about the body-worn video in the public.")) != nil)
        #expect(JudgeRules.periodAsPublic(letter("Any correspondence with regulators about the body-worn video in the period.")) == nil)
        #expect(JudgeRules.periodAsPublic(letter("The number of complaints from members of the public.")) == nil)
        // Product decoding says "in the period" instead.
        let slip = "Dear FOI Team,\n\nI am requesting the following:\n(a) Any correspondence about the body-worn video in the public.\n(b) Any internal audit reports on the body-worn video in the period.\n\nYours faithfully,\nA Person"
        #expect(JudgeRules.periodAsPublic(LetterContext(JudgeRules.periodAsPublicRepaired(slip))) == nil)
        #expect(JudgeRules.periodAsPublicRepaired(slip).contains("body-worn video in the period.\n(b)"))
    }
}
