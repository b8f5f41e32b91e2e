@testable import FOI
import Foundation
import Testing
@testable import Writer

/// Best-of-8 letters of the v2 model that the judge failed only for a definition line: the product drops the
/// line (and the lead-in left with nothing under it), and the letter is then sound.
@Suite struct DefinitionRepairTests {
    static let gwent = Authority(name: "Gwent Police and Crime Commissioner", shortName: "Gwent PCC", group: "Police and justice",
                                 category: "Police and crime commissioners", nation: .wales, regime: .foia2000)
    static let bord = Authority(name: "Bòrd na Gàidhlig", shortName: "Bòrd na Gàidhlig", group: "Culture",
                                category: "Executive NDPBs", nation: .scotland, regime: .foisa2002)

    static let wrongTerm = """
        Dear Information Governance Team,

        I am making a request to the Gwent Police and Crime Commissioner under the Freedom of Information Act 2000. I am compiling a comparison of Welsh language standards across several authorities.

        Some definitions, to make the request precise:
        - “the period” includes drafts where no final version exists;
        - “recorded information” includes emails, spreadsheets, reports, notes and database records.

        All parts of the request relate to the financial years 2019/20 to 2023/24.

        I am requesting the following:
        1) Any equality analysis your office has carried out relating to Welsh language standards over that period.
        2) Any equality objectives or action plan targets your office has set relating to credit card spending, with progress against each.

        Electronic copies (PDF or the original file format) sent by email would be ideal.

        If responding in full would exceed the appropriate limit under section 12 of the Freedom of Information Act, please tell me which parts you can answer within the limit and how I could narrow the rest.

        Yours faithfully,
        [Requester's name]
        """

    static let onlyDefinitionWrong = """
        Dear Bòrd na Gàidhlig Freedom of Information Team,

        I am making a request to Bòrd na Gàidhlig under the Freedom of Information (Scotland) Act 2002.

        Some definitions, to make the request precise:
        - “contractor” includes emails, spreadsheets, reports, notes and database records.

        Please answer each question for the financial years 2020/21 to 2023/24.

        I would like the following recorded information:
        (1) Any internal audit, inspection or regulator findings concerning advertising spend in each of those years, and the actions taken in response.

        Please send the documents electronically; PDF is fine.

        Should this request exceed the cost limit in section 12 of FOISA, please contact me so that I can narrow it before you issue a refusal.

        Kind regards,
        [Name]
        """

    @Test func aWrongDefinitionIsDroppedAndTheRestKept() {
        let judge = Judge(knownAuthorities: [Self.gwent])
        let kws = ["Welsh language standards", "credit card spending"]
        #expect(!judge.judge(letter: Self.wrongTerm, authority: Self.gwent, keywords: kws).valid)
        let fixed = DefinitionRepair.repair(Self.wrongTerm, keywords: kws)
        #expect(!fixed.contains("“the period”"))
        #expect(fixed.contains("Some definitions, to make the request precise:\n- “recorded information” includes"))
        // Dropping the last line of a block ends the one before it with a full stop.
        let last = Self.wrongTerm.replacingOccurrences(of: "- “the period” includes drafts where no final version exists;\n- “recorded information” includes emails, spreadsheets, reports, notes and database records.",
                                                       with: "- “recorded information” includes emails, spreadsheets, reports, notes and database records;\n- “the period” includes drafts where no final version exists.")
        #expect(DefinitionRepair.repair(last, keywords: kws).contains("database records.\n\nAll parts"))
        let r = judge.judge(letter: fixed, authority: Self.gwent, keywords: kws)
        #expect(r.valid, "\(fixed)\n\(r.report)")
    }

    @Test func aBlockLeftEmptyLosesItsLeadIn() {
        let judge = Judge(knownAuthorities: [Self.bord])
        let kws = ["advertising spend"]
        #expect(!judge.judge(letter: Self.onlyDefinitionWrong, authority: Self.bord, keywords: kws).valid)
        let fixed = DefinitionRepair.repair(Self.onlyDefinitionWrong, keywords: kws)
        #expect(!fixed.contains("definitions") && !fixed.contains("“contractor”"))
        #expect(fixed.contains("Act 2002.\n\nPlease answer each question"), "\(fixed)")
        let r = judge.judge(letter: fixed, authority: Self.bord, keywords: kws)
        #expect(r.valid, "\(fixed)\n\(r.report)")
    }

    @Test func itemsAreNotTheRepairsToDrop() {
        // A numbered item that quotes a term the request is not about: the judge's to fail, not the repair's to cut.
        let item = Self.onlyDefinitionWrong.replacingOccurrences(
            of: "(1) Any internal audit", with: "(1) Any policy where “staff” includes contractors.\n(2) Any internal audit")
        let fixed = DefinitionRepair.repair(item, keywords: ["advertising spend"])
        #expect(fixed.contains("(1) Any policy where “staff” includes contractors."))
        #expect(!fixed.contains("“contractor”"))
    }

    @Test func soundDefinitionsAreLeftAlone() {
        let letter = Self.wrongTerm.replacingOccurrences(of: "- “the period” includes drafts", with: "- “documents” includes drafts")
        #expect(DefinitionRepair.repair(letter, keywords: ["Welsh language standards", "credit card spending"]) == letter)
        let keyword = Self.onlyDefinitionWrong.replacingOccurrences(
            of: "- “contractor” includes emails, spreadsheets, reports, notes and database records.",
            with: "- Where the board records “advertising spend” under another heading, please treat that heading as included.")
        #expect(DefinitionRepair.repair(keyword, keywords: ["advertising spend"]) == keyword)
    }
}
