import Foundation
import Testing
@testable import FOI

/// The defects an FOI officer sees at once: each makes a good letter invalid, on its own check, with a
/// reason that quotes the offending words. The letters are the shipped model's failures, rewritten into
/// the fixture's good letter.
@Suite struct JudgeDefectTests {
    typealias F = Fixtures
    let judge = F.judge
    let kws = ["pothole repairs", "compensation claims"]

    func verdict(_ letter: String, _ a: Authority = F.leeds, _ k: [String]? = nil) -> JudgeResult {
        judge.judge(letter: letter, authority: a, keywords: k ?? kws)
    }

    func item(_ text: String) -> String {
        F.goodLetter.replacingOccurrences(of: "3. A copy", with: "3. \(text)\n4. A copy")
    }

    /// The letter fails exactly `id`, is invalid, and the reason quotes `quote`.
    func expectDefect(_ r: JudgeResult, _ id: String, quoting quote: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.failed.map(\.id) == [id], "\(r.report)", sourceLocation: sourceLocation)
        #expect(!r.valid && r.score < 80, sourceLocation: sourceLocation)
        #expect(r.check(JudgeCheck(rawValue: id)!)?.reason.contains(quote) == true, "\(r.report)", sourceLocation: sourceLocation)
    }

    /// The shipped model's product letter: "the number of ethnicity pay gap that were upheld" (judge 100 before).
    @Test func aCountOfWhatIsNotCounted() {
        let r = verdict(item("The number of gender pay gap that were upheld in full or in part."), F.leeds, kws + ["gender pay gap"])
        #expect(r.failed.contains { $0.id == "topic" && $0.reason.contains("“the number of gender pay gap” counts what cannot be counted") }, "\(r.report)")
        #expect(!r.valid)
    }

    /// sft33's product letters the judge passed (session 26): a count of a measure, and of a topic "reported" to the
    /// regulator. Vacancies are counted as they are.
    @Test func aCountOfAMeasure() {
        let times = verdict(item("The number of FOI response times where the deadline was extended because of complexity."), F.leeds,
                            kws + ["FOI response times"])
        #expect(times.failed.contains { $0.id == "topic" && $0.reason.contains("“the number of FOI response times” counts a measure") }, "\(times.report)")
        let reported = verdict(item("The number of website accessibility reported to the Information Commissioner."), F.leeds,
                               kws + ["website accessibility"])
        #expect(reported.failed.contains { $0.id == "topic" && $0.reason.contains("“the number of website accessibility” counts what cannot be counted") }, "\(reported.report)")
        let vacancies = verdict(item("The number of social worker vacancies at the end of each year."), F.leeds, kws + ["social worker vacancies"])
        #expect(vacancies.failed.allSatisfy { $0.id != "topic" }, "\(vacancies.report)")
    }

    /// A name that cannot stand bare: "I am requesting from Scottish Government" (sft35's letter for a prompt of our
    /// own, session 26). The writer's repair adds the article; "Colchester Institute" is written both ways and passes.
    @Test func aNameWithoutTheArticleItNeeds() {
        let gov = Authority(name: "Scottish Government", shortName: "", group: "Government Departments",
                            category: "Scottish Government", nation: .scotland, regime: .foisa2002)
        let bare = JudgeRules.bareName(gov.name, in: "I am requesting from Scottish Government, and Scottish Government's reply.")
        #expect(bare?.quote == "from Scottish Government")
        #expect(bare?.fixed == "I am requesting from the Scottish Government, and the Scottish Government's reply.")
        #expect(JudgeRules.bareName(gov.name, in: "I am requesting from the Scottish Government.") == nil)
        #expect(JudgeRules.bareName("Colchester Institute", in: "a request to Colchester Institute") == nil)
        #expect(JudgeRules.bareName("Council for the Curriculum, Examinations and Assessment",
                                    in: "a request to Council for the Curriculum, Examinations and Assessment")?.fixed
                == "a request to the Council for the Curriculum, Examinations and Assessment")
    }

    /// Read in the shipped model's product letters, each judged 100 before: a Welsh council's topic "in
    /// England", a closing paragraph spliced after the Act's title, a count of a sum.
    @Test func productLetterDefects() {
        let wales = Authority(name: "Ceredigion County Council", shortName: "", group: "Local and regional",
                              category: "Unitary authorities (Wales)", nation: .wales, regime: .foia2000)
        let wrongPlace = F.goodLetter.replacingOccurrences(of: "Dear Leeds City Council,", with: "Dear Ceredigion County Council,")
            .replacingOccurrences(of: "under the Freedom of Information Act 2000.", with: "under the Freedom of Information Act 2000. I am researching pothole repairs across public bodies in England.")
        let r = verdict(wrongPlace, wales)
        #expect(r.failed.contains { $0.id == "authority" && $0.reason.contains("in England") }, "\(r.report)")
        #expect(verdict(wrongPlace.replacingOccurrences(of: "in England", with: "in Wales"), wales).failed.allSatisfy { $0.id != "authority" })
        let spliced = F.goodLetter.replacingOccurrences(of: "under section 12 of the Act,", with: "under section 12 of the Act-time equivalent finance staff,")
        #expect(verdict(spliced).failed.contains { $0.id == "coherence" && $0.reason.contains("spliced") }, "\(verdict(spliced).report)")
        let twice = F.goodLetter.replacingOccurrences(of: "3. A copy", with: """
            3. The number of complaints from members of the public relating to pothole repairs, and how many were upheld.
            4. The number of complaints about the way the council handled pothole repairs, and how many were upheld.
            5. A copy
            """)
        #expect(verdict(twice).failed.contains { $0.id == "repetition" && $0.reason.contains("upheld about “pothole repairs”") }, "\(verdict(twice).report)")
        // Outside advice paid for twice (a v2 product letter, judge 100); two different questions about one topic pass.
        let advice = F.goodLetter.replacingOccurrences(of: "3. A copy", with: """
            3. The amount spent on external advisers or consultants in connection with your organisation's pothole repairs.
            4. The total spent on external consultants, advisers or legal advice in connection with pothole repairs.
            5. A copy
            """)
        // (Read as nearly the same words since "your organisation" counts as one word, as "the council" does.)
        #expect(verdict(advice).failed.contains { $0.id == "repetition" && ($0.reason.contains("outside advice") || $0.reason.contains("ask the same")) },
                "\(verdict(advice).report)")
        let distinct = F.goodLetter.replacingOccurrences(of: "3. A copy", with: """
            3. The amount spent on external advisers or consultants in connection with pothole repairs.
            4. The number of full-time equivalent staff working on pothole repairs.
            5. A copy
            """)
        #expect(verdict(distinct).failed.allSatisfy { $0.id != "repetition" }, "\(verdict(distinct).report)")
        // Complaints about one topic counted twice (a product letter to Tameside, session 23); complaints counted
        // and complaints sent to the ombudsman are two questions.
        let complaints = F.goodLetter.replacingOccurrences(of: "3. A copy", with: """
            3. The number of complaints received about pothole repairs, and how many were upheld.
            4. The number of complaints from the public relating to pothole repairs.
            5. A copy
            """)
        expectDefect(verdict(complaints), "repetition", quoting: "how many complaints there were about “pothole repairs”")
        let ombudsman = complaints.replacingOccurrences(of: "from the public relating to pothole repairs", with: "about pothole repairs referred to the Local Government and Social Care Ombudsman")
        #expect(verdict(ombudsman).failed.allSatisfy { $0.id != "repetition" }, "\(verdict(ombudsman).report)")
        // A stock definition given to another term (v2 product letters, judge 100); the right pairing passes.
        let defined = F.goodLetter.replacingOccurrences(of: "3. A copy", with: "- “the period” includes emails, spreadsheets, reports, notes and database records.\n3. A copy")
        #expect(verdict(defined).failed.contains { $0.id == "coherence" && $0.reason.contains("definition of “recorded information”") }, "\(verdict(defined).report)")
        let right = defined.replacingOccurrences(of: "“the period”", with: "“recorded information”")
        #expect(verdict(right).failed.allSatisfy { $0.id != "coherence" }, "\(verdict(right).report)")
        let count = verdict(item("The number of agency nurse spending completed in that year."), F.leeds, kws + ["agency nurse spending"])
        #expect(count.failed.contains { $0.id == "topic" }, "\(count.report)")
    }

    @Test func nonWords() throws {
        try #require(Lexicon.available, "install wbritish-large (make deps)")
        expectDefect(verdict(item("The amount of unpension debt written off in each year.")), "words", quoting: "unpension")
        expectDefect(verdict(item("The ten largestionH payments in each year.")), "words", quoting: "largestionH")
        expectDefect(verdict(item("Any contracts with supply Thachers in each year.")), "words", quoting: "Thachers")
        // A capital sampled onto the end of a word (a history adapter's letters, session 14); units keep theirs.
        expectDefect(verdict(item("A copy of the threefolD review of each repair.")), "words", quoting: "threefolD")
        #expect(verdict(item("The pH of the water in each reservoir and the kW rating of each pump in each year.")).check(.words)?.passed == true)
        // Place names, firms and codes are not non-words.
        #expect(verdict(item("The number of potholes on the A61 in Headingley reported to PwC auditors in each year.")).valid)
    }

    @Test func brokenKeywordNames() {
        let k = ["fixed penalty notices"]
        let base = F.goodLetter.replacingOccurrences(of: "pothole repairs", with: "fixed penalty notices")
            .replacingOccurrences(of: "2. The total amount paid out in compensation claims arising from road defects in each year.\n", with: "")
        #expect(verdict(base, F.leeds, k).valid, "\(verdict(base, F.leeds, k).report)")
        let broken = base.replacingOccurrences(of: "1. The number of fixed penalty notices", with: "1. The number of database penalty notices")
        let r = verdict(broken + "\nP.S. I also ask about fixed penalty notices issued in 2024.", F.leeds, k)
        #expect(r.check(.names)?.passed == false && r.check(.names)?.reason.contains("database penalty notices") == true, "\(r.report)")
    }

    /// Two keywords that end alike are two names, not one garbled: "data protection impact assessments" beside
    /// "equality impact assessments" (a composer letter the check failed).
    @Test func keywordsThatEndAlikeAreBothNamed() {
        let k = ["equality impact assessments", "data protection impact assessments"]
        let letter = F.goodLetter.replacingOccurrences(of: "pothole repairs", with: "equality impact assessments")
            .replacingOccurrences(of: "2. The total amount paid out in compensation claims arising from road defects in each year.",
                                  with: "2. A list of the data protection impact assessments completed in each year.")
        #expect(verdict(letter, F.leeds, k).check(.names)?.passed == true, "\(verdict(letter, F.leeds, k).report)")
        let garbled = letter.replacingOccurrences(of: "the data protection impact", with: "the data cabinet impact")
        #expect(verdict(garbled, F.leeds, k).check(.names)?.passed == false, "\(verdict(garbled, F.leeds, k).report)")
    }

    @Test func wrongKindOfBody() {
        expectDefect(verdict(item("What targets does the college set for pothole repairs?")), "body", quoting: "the college set")
        expectDefect(verdict(item("Any reports on compensation claims made to the trust.")), "body", quoting: "the trust")
        expectDefect(verdict(item("Any policy, strategy or action plan of the college that covers pothole repairs.")), "body", quoting: "the college that")
        // Two breakdowns spliced into one (sft33's product letter, session 25); a bank's own passes.
        let splice = F.goodLetter.replacingOccurrences(of: "3. A copy", with: "3. The total legal costs of the council, split by ethnicity, gas and other fuels.\n4. A copy")
        #expect(verdict(splice, F.leeds, ["pothole repairs", "legal costs"]).check(.topic)?.reason.contains("splices") == true, "\(verdict(splice, F.leeds, ["pothole repairs", "legal costs"]).report)")
        let whole = splice.replacingOccurrences(of: "split by ethnicity, gas", with: "split by electricity, gas")
        #expect(verdict(whole, F.leeds, ["pothole repairs", "legal costs"]).check(.topic)?.reason.contains("splices") != true)
        // A sum measured in kilowatt hours (sft33's product letter, session 25); a quantity may be.
        let kwh = F.goodLetter.replacingOccurrences(of: "3. A copy", with: "3. The total legal costs of each of the council's sites, in kilowatt hours.\n4. A copy")
        #expect(verdict(kwh, F.leeds, ["pothole repairs", "legal costs"]).check(.topic)?.passed == false, "\(verdict(kwh, F.leeds, ["pothole repairs", "legal costs"]).report)")
        let energy = kwh.replacingOccurrences(of: "legal costs", with: "energy consumption")
        #expect(verdict(energy, F.leeds, ["pothole repairs", "energy consumption"]).check(.topic)?.passed == true, "\(verdict(energy, F.leeds, ["pothole repairs", "energy consumption"]).report)")
        // The banks' "cost to {ORG} of" with another kind's noun (sft33's product letter to a drainage board, session 25).
        expectDefect(verdict(item("The total cost to the trust of work on pothole repairs.")), "body", quoting: "the trust of")
        #expect(verdict(item("The total cost to the council of work on pothole repairs.")).check(.body)?.passed == true)
        // A body named a council that is none has no cabinet.
        let ccea = Authority(name: "Council for the Curriculum, Examinations and Assessment", shortName: "CCEA", group: "Education",
                             category: "Exam boards", nation: .northernIreland, regime: .foia2000)
        let cabinet = F.goodLetter.replacingOccurrences(of: "Leeds City Council", with: ccea.name)
            .replacingOccurrences(of: "3. A copy", with: "3. Any reports on pothole repairs presented to its cabinet or audit committee.\n4. A copy")
        #expect(verdict(cabinet, ccea).check(.body)?.reason.contains("cabinet") == true, "\(verdict(cabinet, ccea).report)")
        #expect(verdict(F.goodLetter.replacingOccurrences(of: "3. A copy", with: "3. Any reports on pothole repairs presented to its cabinet.\n4. A copy")).valid)
        // The NHS's national bodies write to health bodies, not to a council.
        expectDefect(verdict(item("Any correspondence with government, national NHS bodies or regulators about pothole repairs.")), "body", quoting: "national NHS bodies")
        // "council tax" is not the council; "the force" is right for a police force.
        #expect(verdict(item("Any council tax refunds linked to compensation claims in each year.")).valid)
        let psni = F.goodLetter.replacingOccurrences(of: "Leeds City Council", with: "Police Service of Northern Ireland")
            .replacingOccurrences(of: "A copy of your current", with: "A copy of the force's current")
        #expect(verdict(psni, F.psni).check(.body)?.passed == true)
    }

    @Test func peopleTheBodyDoesNotServe() {
        expectDefect(verdict(item("The number of patients who complained about pothole repairs in each year.")), "people", quoting: "patients")
        expectDefect(verdict(item("The number of arrests linked to compensation claims.")), "people", quoting: "arrests")
        // A keyword about them makes them fit: "school exclusions" lets a council be asked about pupils.
        let pupils = item("The number of pupils excluded in each year.")
        #expect(verdict(pupils, F.leeds, kws + ["school exclusions"]).check(.people)?.passed == true)
        // A persona is not a question: "I am a student" asks about nobody.
        #expect(verdict(F.goodLetter.replacingOccurrences(of: "I am writing", with: "I am a student, and I am writing")).valid)
    }

    @Test func questionsThatDoNotSuitTheTopic() {
        expectDefect(verdict(item("The number of incidents involving compensation claims in each year.")), "topic", quoting: "incidents involving compensation claims")
        expectDefect(verdict(item("The number of households affected by compensation claims in each year.")), "topic", quoting: "affected by compensation claims")
    }

    /// Read in composer letters the judge passed (seed 811): a frame for a service given a document, an event or
    /// a sum. The judge reads them with the composer's own table (`KeywordNature.frames`), through "the
    /// university's"; the same frame with a service passes.
    @Test func framesThatDoNotSuitWhatTheKeywordNames() {
        let epc = kws + ["energy performance certificates"]
        expectDefect(verdict(item("The number of full-time equivalent staff working on energy performance certificates."), F.leeds, epc),
                     "topic", quoting: "staff working on energy performance certificates")
        let fraud = kws + ["fraud investigations"]
        expectDefect(verdict(item("The decision papers and minutes for decisions about the council's fraud investigations."), F.leeds, fraud),
                     "topic", quoting: "decisions about fraud investigations")
        let costs = kws + ["interpreting and translation costs"]
        expectDefect(verdict(item("The number of complaints from members of the public or staff relating to interpreting and translation costs, and how many were upheld."), F.leeds, costs),
                     "topic", quoting: "complaints about “interpreting and translation costs”")
        // Seed 9101 and held-back prompts: a policy on a waiting time, an ombudsman investigating a document.
        let waits = kws + ["call waiting times"]
        expectDefect(verdict(item("A copy of the council's current policy or procedure on call waiting times."), F.leeds, waits),
                     "topic", quoting: "policy or procedure on call waiting times")
        let settlements = kws + ["settlement agreements"]
        expectDefect(verdict(item("The number of ombudsman investigations concerning settlement agreements in each year, and how many found fault."), F.leeds, settlements),
                     "topic", quoting: "ombudsman investigations concerning settlement agreements")
        // Read in sft27's own letters (session 24): a sum provided to others, firms monitored.
        expectDefect(verdict(item("The total spent by the council on providing advertising spend to others."), F.leeds, kws + ["advertising spend"]),
                     "topic", quoting: "on providing advertising spend")
        expectDefect(verdict(item("Any data the council collects to monitor executive search firms."), F.leeds, kws + ["executive search firms"]),
                     "topic", quoting: "collects to monitor executive search firms")
        #expect(verdict(item("The total spent by the council on providing hospitality and gifts to others."), F.leeds, kws + ["hospitality and gifts"]).valid)
        // A tree disease affects trees: the bank's own question passes.
        let dieback = verdict(item("The number of ash trees on land the council manages that are affected by ash dieback, and the number felled."), F.leeds, kws + ["ash dieback"])
        #expect(dieback.failed.allSatisfy { $0.id != "topic" }, "\(dieback.report)")
        let ok = verdict(item("The number of full-time equivalent staff working on pothole repairs."))
        #expect(ok.failed.allSatisfy { $0.id != "topic" }, "\(ok.report)")
    }

    @Test func incoherence() {
        let personas = F.goodLetter.replacingOccurrences(of: "I am writing to request", with: "I am a student writing a dissertation. I am a journalist. I am writing to request")
        expectDefect(verdict(personas), "coherence", quoting: "two personas")
        let spliced = F.goodLetter.replacingOccurrences(of: "If this request would exceed the cost limit under section 12 of the Act, please tell me how I could narrow it.",
                                                        with: "If the cost limit in section 12 of the Act, please provide the data as a spreadsheet.")
        expectDefect(verdict(spliced), "coherence", quoting: "spliced")
        // A sentence of a clause alone (a product letter of the self-trained model, judged 100): "… preferred. If you."
        let fragment = F.goodLetter.replacingOccurrences(of: "as a spreadsheet.", with: "as a spreadsheet. If you.")
        expectDefect(verdict(fragment), "coherence", quoting: "breaks off")
        // A history adapter's closing lines (session 12, judged valid): a question word and a bare subject, a
        // preposition with nothing after it.
        let howIt = F.goodLetter.replacingOccurrences(of: "as a spreadsheet.", with: "as a spreadsheet. If anything is unclear, please let me know how it.")
        expectDefect(verdict(howIt), "coherence", quoting: "breaks off")
        let toNothing = F.goodLetter.replacingOccurrences(of: "as a spreadsheet.", with: "as a spreadsheet. Please send me the figures and their.")
        expectDefect(verdict(toNothing), "coherence", quoting: "breaks off")
        // A preposition left at the end is English: "what it was used for."
        let strandedFor = F.goodLetter.replacingOccurrences(of: "as a spreadsheet.", with: "as a spreadsheet, with each loan and what it was used for.")
        #expect(verdict(strandedFor).check(.coherence)?.passed == true, "\(verdict(strandedFor).report)")
        // A bank's "corporate risk register" beside the keyword "community risk register" is another register, named whole.
        let corporate = verdict(item("The number of risks relating to the community risk register recorded on the council's corporate risk register."),
                                F.leeds, kws + ["community risk register"])
        #expect(corporate.check(.names)?.passed == true, "\(corporate.report)")
        // A lettered item run into the one before (an own letter of the law-slots model, judged valid before).
        let lettered = F.goodLetter.replacingOccurrences(of: "\n3. A copy", with: "(c) A copy")
        expectDefect(verdict(lettered), "coherence", quoting: "spliced")
        expectDefect(verdict(F.goodLetter.replacingOccurrences(of: "\n3. A copy", with: "c) A copy")), "coherence", quoting: "spliced")
        // Prose breaking into the list, ending as an item does (a history adapter's letter the judge passed, session 14).
        let proseInList = F.goodLetter.replacingOccurrences(of: "\n3. A copy", with: "\n\nI would like to build an accurate of repairs in a board, and the number of cards in issue;\n3. A copy")
        expectDefect(verdict(proseInList), "coherence", quoting: "prose breaks into the list")
        let undefined = F.goodLetter.replacingOccurrences(of: " for the financial years 2021/22 to 2024/25", with: "")
            .replacingOccurrences(of: "carried out in each year", with: "carried out in each of those years")
        #expect(verdict(undefined).check(.coherence)?.reason.contains("never gave") == true)
        let twice = F.goodLetter.replacingOccurrences(of: "Yours faithfully,", with: "I know the section 12 cost limit applies.\n\nYours faithfully,")
        expectDefect(verdict(twice), "coherence", quoting: "cost limit is raised twice")
        // One year asked for, many referred back to (a model letter: "the calendar year 2023" … "for each year").
        let oneYear = F.goodLetter.replacingOccurrences(of: "the financial years 2021/22 to 2024/25", with: "the financial year 2023/24")
        expectDefect(verdict(oneYear), "coherence", quoting: "single year")
        #expect(verdict(oneYear.replacingOccurrences(of: " in each year", with: "")).valid)
    }

    /// sft24's product letter (session 24): a period sentence spliced into an item, with no space after its full stop.
    @Test func sentencesRunTogether() {
        expectDefect(verdict(item("The number of complaints received about pothole repairs. All parts of the request relate to 2023.vedantic has carried out of compensation claims.")),
                     "coherence", quoting: "2023.vedantic")
        #expect(verdict(F.goodLetter.replacingOccurrences(of: "as a spreadsheet.", with: "as a spreadsheet (e.g. a .csv file) to foi@leeds.gov.uk.")).valid)
    }

    /// sft36's product letter for the London Borough of Havering (session 27): a second item run onto an item's line.
    /// A second sentence that says how to answer the item ("Please provide copies.") is part of it.
    @Test func twoItemsOnOneLine() {
        expectDefect(verdict(item("The number of complaints received about pothole repairs, and how many were upheld. The number of reports or briefings on compensation claims presented to the council's cabinet.")),
                     "coherence", quoting: "two items on one line")
        #expect(verdict(item("What briefings on pothole repairs were prepared for senior managers? Please provide copies.")).valid)
        #expect(verdict(item("The number of compensation claims received. Where the figure is not held, please say so.")).valid)
    }

    @Test func legalSlips() {
        let foisa = F.goodLetter.replacingOccurrences(of: "Leeds City Council", with: "City of Edinburgh Council")
            .replacingOccurrences(of: "Freedom of Information Act 2000", with: "Freedom of Information (Scotland) Act 2002")
            .replacingOccurrences(of: "please tell me how I could narrow it.", with: "please advise and assist me under section 16 to narrow it.")
        expectDefect(verdict(foisa, F.edinburgh), "law", quoting: "section 15")
        let noAct = F.goodLetter.replacingOccurrences(of: "Leeds City Council", with: "City of Edinburgh Council")
            .replacingOccurrences(of: "Freedom of Information Act 2000", with: "Freedom of Information (Scotland) Act 2002")
            .replacingOccurrences(of: "the cost limit under section 12 of the Act", with: "the cost limit under section 12 of the Freedom of Information (Scotland) 2000")
        expectDefect(verdict(noAct, F.edinburgh), "law", quoting: "freedom of information (scotland) 2000")
        let police = F.goodLetter.replacingOccurrences(of: "the cost limit under section 12", with: "the £600 cost limit under section 12")
        expectDefect(verdict(police), "law", quoting: "£450")
        let hmrc = F.goodLetter.replacingOccurrences(of: "Leeds City Council", with: "HM Revenue and Customs")
            .replacingOccurrences(of: "the cost limit under section 12", with: "the £600 cost limit under section 12")
        #expect(verdict(hmrc, F.hmrc.with(category: "Ministerial Departments - UK")).check(.law)?.passed == true)
        // HMPPS is an agency of the Ministry of Justice: £600, not £450.
        let hmpps = F.hmrc.with(category: "Prison and probation services")
        #expect(BodyProfile.of(hmpps).costLimit(under: .foia2000) == 600)
    }

    @Test func goodLettersPeopleWriteAreValid() {
        let plain = """
        Hello,

        Please can you tell me how much the council spent on pothole repairs in 2023/24, and how many compensation claims for vehicle damage it paid?

        Thanks,
        Jo Whitmore
        """
        #expect(verdict(plain).valid, "\(verdict(plain).report)")
        let mention = item("Any correspondence with Leeds Teaching Hospitals NHS Trust about compensation claims.")
        #expect(verdict(mention).valid)
    }

    /// Read in sft6's own letters and the composer's audit (session 12): a sum where the topic should be fails;
    /// a hyphenated word after its own head ("on on-call") and a short item inside a longer, different one pass.
    @Test func aSumForATopicAndTwoNearMisses() {
        expectDefect(verdict(item("Any internal audit reports concerning £450 in the period, with their findings.")), "coherence", quoting: "concerning £450")
        expectDefect(verdict(item("The number of complaints about pothole repairs, and how many were upheld..")), "coherence", quoting: "upheld..")
        let dash = F.goodLetter.replacingOccurrences(of: "3. A copy", with: "- A copy of the inspection manual.\n-22 the original file format is fine.\n3. A copy")
        expectDefect(verdict(dash), "coherence", quoting: "-22 the")
        let again = F.goodLetter.replacingOccurrences(of: "3. A copy", with: "3. A copy of the inspection manual.\n\nSince 2021, please provide the following:\n4. A copy")
        let twice = again.replacingOccurrences(of: "3. A copy of the inspection manual.", with: "3. A copy of the inspection manual.\n\nSince 2020, please provide the following:\n4. The number of claims.")
        #expect(verdict(again).failed.allSatisfy { $0.id != "coherence" }, "\(verdict(again).report)")
        expectDefect(verdict(twice), "coherence", quoting: "the request starts again")
        #expect(verdict(item("Copies of reports on on-call crews presented to the council's cabinet.")).valid)
        let shortAndLong = F.goodLetter.replacingOccurrences(of: "3. A copy", with: """
            3. The number of pothole repairs completed.
            4. A copy of the council's template and guidance for pothole repairs completed.
            5. A copy
            """)
        #expect(verdict(shortAndLong).failed.allSatisfy { $0.id != "repetition" }, "\(verdict(shortAndLong).report)")
    }

    /// Read in a researcher's handwritten letters and a history adapter's (session 15): specialist words and their
    /// inflections are words, garbles built on a word are not; a word after an item's full stop is a stray; one
    /// question asked again with the body named differently is asked twice.
    @Test func researcherLetters() throws {
        try #require(Lexicon.available, "install wbritish-large (make deps)")
        for w in ["readmissions", "tranquillisation", "sessional", "desflurane"] { #expect(JudgeRules.isKnown(w, names: []), "\(w)") }
        for w in ["fundinging", "giftsed", "contractal", "unpension", "proced"] { #expect(!JudgeRules.isKnown(w, names: []), "\(w)") }
        expectDefect(verdict(item("The job title of the officer responsible for pothole repairs. for")), "coherence", quoting: "stray word")
        #expect(verdict(item("The number of repairs by type, e.g. patching or resurfacing.")).valid)
        let again = F.goodLetter.replacingOccurrences(of: "3. A copy", with: """
            3. Any correspondence with external auditors about the council's pothole repairs.
            4. Any correspondence with external auditors about your organisation's pothole repairs.
            5. A copy
            """)
        #expect(verdict(again).failed.contains { $0.id == "repetition" }, "\(verdict(again).report)")
        // A second inline list run into the first (a product letter the judge passed); a regulation's "12(4)(b)" is no list.
        let brief = "Dear Leeds City Council,\n\nUnder the Freedom of Information Act 2000, please provide for 2023 (a) the number of "
            + "pothole repairs, (b) the total paid in compensation claims, and (c) your road inspection policy. If this exceeds "
            + "the cost limit, such as contractors, (ii) any reports on pothole repairs, and (iii) the number of claims refused.\n\n"
            + "Yours faithfully,\n[Your name]"
        #expect(verdict(brief).failed.contains { $0.id == "coherence" && $0.reason.contains("two lists run together") }, "\(verdict(brief).report)")
        #expect(JudgeRules.inlineMarkerFamilies("manifestly unreasonable under regulation 12(4)(b) of the EIR") == nil)
        // A figure of today in a row per year (3 of 4 product letters read, session 15); a count per year passes.
        let table = F.goodLetter.replacingOccurrences(of: "Please provide the following for the financial years 2021/22 to 2024/25:",
                                                      with: "For each financial year from 2021/22 to 2024/25, please provide:")
        #expect(verdict(table).valid, "\(verdict(table).report)")
        let snapshot = table.replacingOccurrences(of: "3. A copy of your current policy on inspecting roads for defects.",
                                                  with: "3. The number of recommendations auditors made about pothole repairs, and how many remain outstanding.")
        #expect(verdict(snapshot).failed.contains { $0.id == "coherence" && $0.reason.contains("how things stand now") }, "\(verdict(snapshot).report)")
    }

    /// The labelled set's acceptance: the judge agrees with the people who read the letters.
    @Test func calibrationOnTheLabelledSet() throws {
        guard let root = repoRoot() else { return }
        try #require(Lexicon.available, "install wbritish-large (make deps)")
        let j = Judge(knownAuthorities: try SeedData.authorities(root: root), knownKeywords: try SeedData.keywords(root: root))
        let good = try JudgeCalibration.load(root + "/evalsets/judge/good.jsonl")
        let model = try JudgeCalibration.load(root + "/evalsets/judge/model_letters.jsonl")
        #expect(good.count >= 100 && model.count >= 200)
        let c = try JudgeCalibration.measure(good: good, labelled: model, judge: j)
        #expect(c.goodValidRate >= 0.98, "\(c.report)")
        #expect(c.defectiveInvalidRate >= 0.95, "\(c.report)")
    }
}

extension Authority {
    func with(name: String) -> Authority { var a = self; a.name = name; return a }
    func with(category: String) -> Authority { var a = self; a.category = category; return a }
}
