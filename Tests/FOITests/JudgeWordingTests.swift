import Testing
@testable import FOI
@testable import FOICorpus

/// Wording the readers of sft14's product letters stopped at (session 21) that the judge had passed.
@Suite struct JudgeWordingTests {
    typealias F = Fixtures
    let judge = Judge(knownAuthorities: F.authorities, knownKeywords: F.keywords)

    func failed(_ letter: String, _ a: Authority = F.leeds, _ k: [String] = ["pothole repairs", "compensation claims"]) -> [String] {
        judge.judge(letter: letter, authority: a, keywords: k).failed.map(\.id)
    }

    /// Items that ask only for documents, under a period for "figures".
    let documents = F.goodLetter
        .replacingOccurrences(of: "Please provide the following for the financial years 2021/22 to 2024/25:",
                              with: "Where figures are requested, please give them for the financial years 2021/22 to 2024/25.\n\nPlease provide the following:")
        .replacingOccurrences(of: "1. The number of pothole repairs carried out in each year.\n2. The total amount paid out in compensation claims arising from road defects in each year.\n",
                              with: "1. Any internal audit reports concerning pothole repairs in the period.\n2. Any correspondence with the council's insurers about compensation claims in the period.\n")

    @Test func aPeriodForFiguresAboveAListWithoutAny() {
        #expect(failed(documents).contains("coherence"))
        #expect(!JudgeRules.asksForFigures(documents))
        // One figure among them, and the sentence fits.
        let withFigure = documents.replacingOccurrences(of: "1. Any internal audit reports concerning pothole repairs in the period.",
                                                        with: "1. The number of pothole repairs carried out in each year.")
        #expect(!failed(withFigure).contains("coherence"))
        #expect(JudgeRules.asksForFigure("The total spent on pothole repairs"))
        #expect(JudgeRules.asksForFigure("How many claims were paid"))
        #expect(!JudgeRules.asksForFigure("Any corporate policy on separate bins"))
        #expect(!JudgeRules.asksForFigure("Any correspondence with external auditors about zero-hours contracts"))
    }

    @Test func alternativesNeedTheirOr() {
        let item = "3. A copy of your current policy on inspecting roads for defects."
        #expect(failed(F.goodLetter.replacingOccurrences(of: item, with: "3. Any policy, procedure currently in force that covers pothole repairs.")).contains("coherence"))
        #expect(!failed(F.goodLetter.replacingOccurrences(of: item, with: "3. Any policy, procedure or strategy currently in force that covers pothole repairs.")).contains("coherence"))
        #expect(!failed(F.goodLetter.replacingOccurrences(of: item, with: "3. Your policy, guidance and procedures for pothole repairs.")).contains("coherence"))
    }

    @Test func aSecondArticleBeforeTheName() {
        let hmrcLetter = F.goodLetter.replacingOccurrences(of: "Dear Leeds City Council,", with: "Dear HM Revenue and Customs,")
            .replacingOccurrences(of: "I am writing to request information", with: "I am writing to the HM Revenue and Customs to request information")
        #expect(failed(hmrcLetter, F.hmrc, ["compensation claims"]).contains("authority"))
        #expect(!failed(hmrcLetter.replacingOccurrences(of: "to the HM", with: "to HM"), F.hmrc, ["compensation claims"]).contains("authority"))
        let blackpool = Authority(name: "Blackpool and The Fylde College", shortName: "B&FC", group: "Education",
                                  category: "Further education colleges", nation: .england, regime: .foia2000)
        #expect(JudgeRules.secondArticles(of: blackpool.name).first?.wrong == "the Blackpool and The Fylde College")
        #expect(JudgeRules.secondArticles(of: "The Highland Council").map(\.wrong) == ["the The Highland Council", "the the Highland Council"])
        // A name that takes "the" keeps it.
        #expect(!JudgeRules.secondArticles(of: "Environment Agency").contains { $0.wrong == "the Environment Agency" })
        // A one-word name takes none ("a request to the Ofcom", sft49's own letter), but "the Tate" is what people say.
        #expect(JudgeRules.secondArticles(of: "Ofcom").first?.wrong == "the Ofcom")
        #expect(!JudgeRules.secondArticles(of: "Tate").contains { $0.wrong == "the Tate" })
    }

    @Test func anotherSectorsWords() {
        let item = "3. A copy of your current policy on inspecting roads for defects."
        let spd = F.goodLetter.replacingOccurrences(of: item, with: "3. Any policy, guidance or supplementary planning document that covers compensation claims.")
        #expect(!failed(spd).contains("body"))
        let hmrcSPD = spd.replacingOccurrences(of: "Dear Leeds City Council,", with: "Dear HM Revenue and Customs,")
        #expect(failed(hmrcSPD, F.hmrc, ["compensation claims"]).contains("body"))
        let prison = Authority(name: "Independent Monitoring Board HMP Leeds", shortName: "IMB Leeds", group: "Independent monitoring boards for prisons",
                               category: "Prisons, probation and holding facilities", nation: .england, regime: .foia2000)
        let centre = Authority(name: "Independent Monitoring Board Brook House Immigration Removal Centre", shortName: "IMB Brook House",
                               group: "Independent monitoring boards for immigration removal centres",
                               category: "Prisons, probation and holding facilities", nation: .england, regime: .foia2000)
        let raised = "Any concerns about self-harm in custody that the board raised with the governor or centre manager in the period."
        #expect(JudgeRules.otherSectorWords(LetterContext(raised), authority: prison, profile: BodyProfile.of(prison)) != nil)
        #expect(JudgeRules.otherSectorWords(LetterContext(raised), authority: centre, profile: BodyProfile.of(centre)) == nil)
    }

    /// A college has no neighbouring authorities; a council has (sft45's own letter, read in session 31).
    @Test func neighbouringAuthoritiesAreACouncils() {
        let college = Authority(name: "West Thames College", shortName: "West Thames", group: "Education",
                                category: "Further education colleges", nation: .england, regime: .foia2000)
        let item = "Any benchmarking that compares staff turnover at the college with neighbouring authorities."
        #expect(JudgeRules.otherSectorWords(LetterContext(item), authority: college, profile: BodyProfile.of(college)) != nil)
        #expect(JudgeRules.otherSectorWords(LetterContext(item), authority: F.leeds, profile: BodyProfile.of(F.leeds)) == nil)
    }

    /// A police and crime panel scrutinises a commissioner, not the Children's Commissioner (dpo23's product letter, session 31).
    @Test func aPoliceAndCrimePanelIsACommissioners() {
        let children = Authority(name: "Children's Commissioner for England", shortName: "CCO", group: "Government - other",
                                 category: "Commissioners", nation: .england, regime: .foia2000)
        let pcc = Authority(name: "Bedfordshire Police and Crime Commissioner", shortName: "Bedfordshire PCC", group: "Emergency services",
                            category: "Police and Crime Commissioners", nation: .england, regime: .foia2000)
        let item = "The number of reports or briefings on internal reviews presented to the police and crime panel, audit committee or senior leadership team."
        #expect(JudgeRules.otherSectorWords(LetterContext(item), authority: children, profile: BodyProfile.of(children)) != nil)
        #expect(JudgeRules.otherSectorWords(LetterContext(item), authority: pcc, profile: BodyProfile.of(pcc)) == nil)
    }

    /// Two benchmarking items on one keyword ask one thing (sft45's own letter, read in session 31).
    @Test func benchmarkingAskedTwice() {
        let a = "Any benchmarking the council has carried out of pothole repairs against similar organisations"
        let b = "Any benchmarking that compares pothole repairs at the council with neighbouring authorities"
        #expect(JudgeRules.askedTwice(a, b, keywords: ["pothole repairs"])?.kind == "for its benchmarking")
        #expect(JudgeRules.askedTwice(a, "Any internal audit reports on pothole repairs", keywords: ["pothole repairs"]) == nil)
    }

    @Test func theBoardsKeywordToABodyThatIsNoBoard() {
        let ombudsman = Authority(name: "Pensions Ombudsman", shortName: "TPO", group: "Central government",
                                  category: "Non-departmental public bodies", nation: .uk, regime: .foia2000)
        let profile = BodyProfile.of(ombudsman)
        let line = "Any correspondence with external auditors about the board's disability access in the period."
        #expect(JudgeRules.possessiveOfAnotherKind(LetterContext(line), keywords: ["disability access"], profile: profile) != nil)
        let defined = "- “disability access” has the meaning the board gives it in its own records."
        #expect(JudgeRules.possessiveOfAnotherKind(LetterContext(defined), keywords: ["disability access"], profile: profile) != nil)
        #expect(JudgeRules.possessiveOfAnotherKind(LetterContext(defined.replacingOccurrences(of: "the board", with: "your organisation")),
                                                   keywords: ["disability access"], profile: profile) == nil)
        // Presented to the board: a body's board, not the body.
        #expect(JudgeRules.possessiveOfAnotherKind(LetterContext("Any reports on disability access presented to the board."),
                                                   keywords: ["disability access"], profile: profile) == nil)
    }

    /// 9 and 3 of the 70 product letters read in session 22.
    @Test func auditorsAndOfficersForWhatTheySuit() {
        let item = "3. A copy of your current policy on inspecting roads for defects."
        func with(_ line: String, _ k: String) -> [String] {
            failed(F.goodLetter.replacingOccurrences(of: item, with: line), F.leeds, ["pothole repairs", k])
        }
        #expect(with("3. Any correspondence with external auditors about the council's crisis teams in the period.", "crisis teams").contains("topic"))
        #expect(!with("3. Any correspondence with external auditors about the council's legal costs in the period.", "legal costs").contains("topic"))
        #expect(!with("3. Any correspondence with external auditors about IT contracts in the period.", "IT contracts").contains("topic"))
        // What an audit tests beyond money: data controls, the staff report, the people the body pays (session 24's reader).
        #expect(!with("3. Any correspondence with external auditors about your organisation's personal data breaches.", "personal data breaches").contains("topic"))
        #expect(!with("3. Any correspondence with external auditors about the council's interim managers.", "interim managers").contains("topic"))
        #expect(with("3. Any correspondence with external auditors about the council's working from home policy.", "working from home policy").contains("topic"))
        // Money is paid to people and bodies, not to a topic.
        #expect(with("3. The total paid to supplier due diligence in each year.", "supplier due diligence").contains("topic"))
        #expect(with("3. The total paid to each of the consultants' day rates.", "consultants' day rates").contains("topic"))
        #expect(!with("3. The highest hourly rate paid to locum doctors in each year.", "locum doctors").contains("topic"))
        #expect(!with("3. The total paid to interim managers in each year.", "interim managers").contains("topic"))
        #expect(!with("3. The weekly allowance paid to kinship carers for a child in each age band.", "kinship care").contains("topic"))
        // Only requests are answered in full or in part; another keyword's question moved onto a keyword of its own kind.
        #expect(with("3. The number of outsourcing contracts received, and how many were answered in full, answered in part or refused.", "outsourcing contracts").contains("topic"))
        #expect(!with("3. The number of freedom of information requests received, and how many were answered in full, answered in part or refused.", "freedom of information requests").contains("topic"))
        #expect(with("3. The total supplier spend, and the number of cards in issue.", "supplier spend").contains("topic"))
        #expect(!with("3. The total purchase card spending, and the number of cards in issue.", "purchase card spending").contains("topic"))
        // Upholding what is no complaint, a total amount of what is no sum (sft29's own letters, session 24).
        #expect(with("3. The number of interim executives that were upheld in full or in part.", "interim executives").contains("topic"))
        #expect(!with("3. The number of staff grievances in each year that were upheld in full or in part.", "staff grievances").contains("topic"))
        #expect(with("3. The total amount of staff headcount in each year.", "staff headcount").contains("topic"))
        #expect(!with("3. The total amount of legal costs in each year.", "legal costs").contains("topic"))
        #expect(!with("3. The total amount of exceptional financial support paid in each year.", "exceptional financial support").contains("topic"))
        #expect(with("3. The job title of the officer responsible for your organisation's personal data breaches.", "personal data breaches").contains("topic"))
        #expect(!with("3. The job title of the officer responsible for fraud investigations.", "fraud investigations").contains("topic"))
        // The composer asks neither.
        let breaches = Keyword(text: "personal data breaches", theme: "information rights", categories: [], environmental: false)
        #expect(!QuestionBanks.suited(QuestionBanks.generic, to: breaches).contains { $0.text.contains("responsible for") })
        #expect(!QuestionBanks.complaintsSuit(Keyword(text: "energy contracts", theme: "energy", categories: [], environmental: false)))
        func words(_ s: String) -> [String] { TextTools.words(s) }
        #expect(KeywordNature.misfitFrame(inWords: words("the number of staff who received training relating to interim executives"), keyword: "interim executives") != nil)
        #expect(KeywordNature.misfitFrame(inWords: words("the number of staff who received training relating to flood warnings"), keyword: "flood warnings") == nil)
        #expect(KeywordNature.misfitFrame(inWords: words("the number of data breaches engaged, and the total paid"), keyword: "data breaches") != nil)
        #expect(KeywordNature.misfitFrame(inWords: words("the number of interim managers engaged, and the total paid"), keyword: "interim managers") == nil)
    }

    /// sft25's own letters read in session 23: complaints about the body's investments, a commissioner's board.
    @Test func complaintsAboutWhatNobodyReceivesAndACommissionersBoard() {
        let properties = Keyword(text: "investment properties", theme: "finance", categories: [], environmental: false)
        let noise = Keyword(text: "noise abatement notices", theme: "trading standards and environmental health", categories: [], environmental: false)
        let item = "(b) the number of complaints about the way the council handled investment properties, and how many were upheld;"
        #expect(JudgeRules.framesThatDoNotSuit(LetterContext(item), keywords: [properties, noise]) != nil)
        #expect(JudgeRules.framesThatDoNotSuit(LetterContext(item.replacingOccurrences(of: "investment properties", with: "noise abatement notices")),
                                               keywords: [properties, noise]) == nil)
        // Complaints in one clause, the keyword in the next: no complaint about it.
        #expect(!JudgeRules.complaintsAbout("investment properties", in: "the number of complaints upheld, and a list of investment properties"))

        let pcc = Authority(name: "South Wales Police and Crime Commissioner", shortName: "South Wales PCC", group: "Emergency services",
                            category: "Police and Crime Commissioners", nation: .wales, regime: .foia2000)
        let board = "(c) any reports on your office's interim managers presented to its board or audit committee."
        #expect(JudgeRules.otherSectorWords(LetterContext(board), authority: pcc, profile: BodyProfile.of(pcc)) != nil)
        let panel = board.replacingOccurrences(of: "its board", with: "the police and crime panel")
        #expect(JudgeRules.otherSectorWords(LetterContext(panel), authority: pcc, profile: BodyProfile.of(pcc)) == nil)
        // The composer writes the panel.
        var composed = ""
        for seed in UInt64(1)...6 {
            composed += Composer().compose(authority: pcc, keywords: [F.agencyStaff, F.claims], style: .numbered, seed: seed).text
        }
        #expect(!TextTools.words(composed).contains("board"))
    }

    /// "Any correspondence with external auditors from the debt write-offs since then" (14 of sft26's 600 own letters).
    @Test func aPrepositionTheQuestionNeverHas() {
        let item = "- Any correspondence with external auditors from the debt write-offs since then"
        #expect(JudgeRules.prepositionFromNowhere(LetterContext(item), keywords: ["debt write-offs"], authority: "Leeds City Council") != nil)
        #expect(JudgeRules.prepositionFromNowhere(LetterContext(item.replacingOccurrences(of: "from", with: "about")),
                                                  keywords: ["debt write-offs"], authority: "Leeds City Council") == nil)
        // A person swaps "about" for "concerning" freely, and the body's own name is no question.
        #expect(JudgeRules.prepositionFromNowhere(LetterContext(item.replacingOccurrences(of: "from", with: "concerning")),
                                                  keywords: ["debt write-offs"], authority: "Leeds City Council") == nil)
        let named = "I am writing to Avon Fire and Rescue Service about councillor code of conduct complaints."
        #expect(JudgeRules.prepositionFromNowhere(LetterContext(named), keywords: ["councillor code of conduct complaints"],
                                                  authority: "Avon Fire and Rescue Service") == nil)
    }

    /// A definition above one item is no second part (sft14's product letter to Greater Brighton Metropolitan College).
    @Test func aDefinitionIsNoPart() {
        let letter = "Dear Sirs,\n\nSome definitions:\n- “disciplinary cases” has the meaning the college gives it in its own records.\n\nI am requesting the following:\n1. Any internal audit report on disciplinary cases completed in the period.\n\nIf answering every part would take you over the section 12 cost limit, please answer as many parts as you can and suggest how I might narrow the others.\n"
        #expect(JudgeRules.itemCount(letter) == 1)
        #expect(JudgeRules.coherence(LetterContext(letter)).0 == false)
    }

    @Test func aKeywordBeforeAParticipleTakesItsArticle() {
        let line = "Any internal audit or external review reports on records retention schedule completed in the period."
        #expect(KeywordArticle.repair(line, keywords: ["records retention schedule"])
                == "Any internal audit or external review reports on the records retention schedule completed in the period.")
    }
}

