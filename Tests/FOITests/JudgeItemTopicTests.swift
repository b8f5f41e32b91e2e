import FOI
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
