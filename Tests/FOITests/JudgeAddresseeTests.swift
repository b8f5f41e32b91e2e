import Foundation
import Testing
@testable import FOI
@testable import FOICorpus

/// The opening names whom the request is made to; a name no list holds is still another body.
@Suite struct JudgeAddresseeTests {
    static let shrewsbury = Authority(name: "The Shrewsbury and Telford Hospital NHS Trust", shortName: "SaTH", group: "Health",
                                      category: "NHS trusts", nation: .england, regime: .foia2000)

    /// The v2 model's letter (best of 8, judged 100 before this check): its opening makes the request to a trust
    /// that does not exist.
    static let letter = """
        Dear Records Management Team,

        I am making a request to the State Hospitals NHS Foundation Trust under the Freedom of Information Act 2000.

        Where figures are requested, please give them for the financial year 2023/24.

        Could you please provide:
        (a) Any guidance for managers the trust has issued relating to staff headcount, with the date it was last reviewed.
        (b) Any internal audit reports or external reviews concerning staff headcount, and their main findings.

        Electronic copies (PDF or the original file format) sent by email would be ideal.

        If responding in full would exceed the appropriate limit under section 12 of the Freedom of Information Act, please tell me which parts you can answer within the limit and how I could narrow the rest.

        Best regards,
        [Full name]
        """

    @Test func aRequestMadeToAnUnknownBodyIsTheWrongAuthority() {
        let judge = Judge(knownAuthorities: Fixtures.authorities + [Self.shrewsbury])
        let wrong = judge.judge(letter: Self.letter, authority: Self.shrewsbury, keywords: ["staff headcount"])
        let check = wrong.checks.first { $0.id == "authority" }
        #expect(check?.passed == false, "\(wrong.report)")
        #expect(check?.reason.contains("State Hospitals NHS Foundation Trust") == true)
        #expect(!wrong.valid)
        // The same letter made to the trust itself passes.
        let right = Self.letter.replacingOccurrences(of: "the State Hospitals NHS Foundation Trust", with: "The Shrewsbury and Telford Hospital NHS Trust")
        #expect(judge.judge(letter: right, authority: Self.shrewsbury, keywords: ["staff headcount"]).checks.first { $0.id == "authority" }?.passed == true)
    }

    @Test func theAuthorityInAnyOfItsFormsIsNoOtherBody() {
        func other(_ opening: String, _ a: Authority) -> String? { JudgeRules.otherAddressee(opening, authority: a) }
        let bedford = Authority(name: "The Bedford College Group", shortName: "Bedford College", group: "Education",
                                category: "Further education", nation: .england, regime: .foia2000)
        let bord = Authority(name: "Bòrd na Gàidhlig", shortName: "Bòrd na Gàidhlig", group: "Culture",
                             category: "Executive NDPBs", nation: .scotland, regime: .foisa2002)
        let nhse = Authority(name: "NHS England", shortName: "NHSE", group: "Health", category: "Executive NDPBs",
                             nation: .england, regime: .foia2000)
        #expect(other("Further to my earlier request to the Bedford College Group about settlement agreements, I ask", bedford) == nil)
        #expect(other("I am making a request to Bòrd na Gàidhlig under the Freedom of Information (Scotland) Act 2002.", bord) == nil)
        #expect(other("I would like to request the following information from Leeds City Council. Where figures are requested", Fixtures.leeds) == nil)
        #expect(other("I would like to request the following information from Leeds CC.", Fixtures.leeds) == nil)
        #expect(other("I am requesting information from NHS England and NHS Improvement under the Act.", nhse) == nil)
        // A name with a comma in it, cut there.
        let ccea = Authority(name: "Council for the Curriculum, Examinations and Assessment", shortName: "CCEA", group: "Education",
                             category: "Executive NDPBs", nation: .northernIreland, regime: .foia2000)
        #expect(other("I am making a request to the Council for the Curriculum, Examinations and Assessment under the Act.", ccea) == nil)
        // Words that name no one: lower case, or one capitalised word.
        #expect(other("I am requesting information held by your organisation under the Act.", Fixtures.leeds) == nil)
        #expect(other("I am writing to request information under the Freedom of Information Act 2000.", Fixtures.leeds) == nil)
        #expect(other("I am making a request to HMRC under the Act.", Fixtures.leeds) == nil)
        // Another body, listed or not.
        #expect(other("I am requesting information from Bradford Metropolitan District Council under the Act.", Fixtures.leeds) == "Bradford Metropolitan District Council")
        #expect(other("I am writing to the Leeds Teaching Hospitals NHS Trust, under the Act.", Fixtures.leeds) == "Leeds Teaching Hospitals NHS Trust")
    }

    @Test func composerOpeningsAllNameTheirAuthority() throws {
        guard let root = repoRoot() else { return }
        let authorities = try SeedData.authorities(root: root), keywords = try SeedData.keywords(root: root)
        var rng = SplitMix64(seed: 41)
        var off: [String] = []
        for _ in 0..<200 {
            let (a, ks, style, seed) = DomainCorpus.drawPrompt(authorities: authorities, keywords: keywords, rng: &rng)
            let lines = TextTools.lines(Composer().compose(authority: a, keywords: ks, style: style, seed: seed).text)
            if let o = JudgeRules.otherAddressee(lines.dropFirst().first ?? "", authority: a) { off.append("\(a.name): \(o)") }
        }
        #expect(off.isEmpty, "\(off.prefix(5))")
    }
}
