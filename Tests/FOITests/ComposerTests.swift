import Foundation
import Testing
@testable import FOI
@testable import FOICorpus
@testable import FOICore

@Suite struct ComposerTests {
    typealias F = Fixtures
    let composer = Composer()

    /// Keyword sets covering every theme, mixed and environmental-only requests.
    var keywordSets: [[Keyword]] {
        let k = F.keywords
        var sets: [[Keyword]] = k.map { [$0] }
        for i in k.indices { sets.append([k[i], k[(i + 1) % k.count]]) }
        sets.append([k[0], k[2], k[4]])
        return sets
    }

    @Test(arguments: LetterStyle.allCases)
    func composerLettersScore100(style: LetterStyle) {
        var failures: [String] = []
        var seed: UInt64 = 0
        for a in F.authorities {
            for ks in keywordSets {
                // One seed per pair and style (every style is its own case): the audit (`compose --audit`) and
                // composerLettersOnRealDataScore100 read thousands more on the real data.
                do {
                    seed += 1
                    let l = composer.compose(authority: a, keywords: ks, style: style, seed: seed)
                    let r = F.judge.judge(letter: l.text, authority: a, keywords: ks)
                    let words = TextTools.wordCount(l.text)
                    // From three-line requests (about 40 words) to long ones with a background paragraph.
                    if r.score != 100 || words < 40 || words > 350 {
                        failures.append("\(words) words; \(r.report)\n\(l.text)")
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures; first:\n\(failures.first ?? "")")
    }

    @Test func deterministic() {
        let a = composer.compose(authority: F.leeds, keywords: [F.potholes, F.claims], style: .numbered, seed: 42)
        let b = composer.compose(authority: F.leeds, keywords: [F.potholes, F.claims], style: .numbered, seed: 42)
        let c = composer.compose(authority: F.leeds, keywords: [F.potholes, F.claims], style: .numbered, seed: 43)
        #expect(a == b)
        #expect(a.text != c.text)
        #expect(a.prompt.text.hasPrefix("<|authority|> Leeds City Council<|jurisdiction|> FOIA 2000<|keywords|> pothole repairs; compensation claims<|style|> numbered<|request|>"))
    }

    /// A fixed letter: guards determinism across platforms and runs (SplitMix64 + FNV-1a only).
    @Test func stableAcrossRuns() {
        let l = composer.compose(authority: F.cardiff, keywords: [F.flyTipping], style: .brief, seed: 1)
        #expect(StableHash.fnv1a(l.text) == StableHash.fnv1a(composer.compose(authority: F.cardiff, keywords: [F.flyTipping], style: .brief, seed: 1).text))
        var r = SplitMix64(seed: 0)
        #expect(r.next() == 0xE220_A839_7B1D_CDAF)
        #expect(StableHash.fnv1a("") == 0xCBF2_9CE4_8422_2325)
        #expect(StableHash.fnv1a("a") == 0xAF63_DC4C_8601_EC8C)
    }

    @Test func namesTheAuthorityAndRightLaw() {
        for seed in UInt64(0)..<50 {
            let l = composer.compose(authority: F.sepa, keywords: [F.airQuality], style: LetterStyle.allCases[Int(seed) % 5], seed: seed)
            #expect(l.text.contains("Scottish Environment Protection Agency"))
            #expect(l.text.contains("Environmental Information (Scotland) Regulations 2004"))
            #expect(!l.text.contains("Freedom of Information Act"))
            #expect(l.prompt.jurisdiction == "EISR 2004")
        }
    }

    /// Over the real seed data: the fixtures' made-up themes have no question bank, only the generic one.
    @Test func quickDiversity() throws {
        guard let root = repoRoot() else { return }
        let stats = ComposerStats.measure(count: 600, authorities: try SeedData.authorities(root: root),
                                          keywords: try SeedData.keywords(root: root), seed: 1)
        #expect(stats.distinctLetters == 600)
        #expect(stats.shapes > 450)
        #expect(stats.distinct2 > 0.05)
        // Letters as varied as people's: every structure turns up (2% of letters or more), short ones and long ones.
        let st = stats.structures ?? [:]
        for (_, name) in ComposerStats.structureTags { #expect(st[name, default: 0] >= 12, "\(name): \(st[name, default: 0]) of 600") }
        #expect(stats.minWords < 60 && stats.maxWords > 250)
    }

    /// Every theme has at least 8 specialist questions that fit all its keywords, and every keyword-specific
    /// bank belongs to a keyword of its theme (a misspelt key would never be read).
    @Test func everyThemeHasSpecialistQuestions() throws {
        guard let root = repoRoot() else { return }
        let keywords = try SeedData.keywords(root: root)
        for theme in Set(keywords.map(\.theme)) {
            let bank = try #require(QuestionBanks.themes[theme], "no questions for theme \(theme)")
            #expect(bank.general.count >= 8, "theme \(theme) has \(bank.general.count) general questions")
            let texts = Set(keywords.filter { $0.theme == theme }.map(\.text))
            for k in bank.keywords.keys { #expect(texts.contains(k), "\(theme): “\(k)” is not one of its keywords") }
        }
        for q in QuestionBanks.themes.values.flatMap({ $0.general + $0.keywords.values.flatMap { $0 } }) + QuestionBanks.generic {
            let placeholders = q.text.split(separator: "{").dropFirst().map { $0.prefix { $0 != "}" } }
            #expect(placeholders.allSatisfy { ["K", "T", "ORG"].contains($0) }, "\(q.text)")
            #expect(!q.text.hasSuffix("."), "\(q.text)")
        }
    }

    @Test func articles() {
        #expect(NameForms.withArticle("Environment Agency") == "the Environment Agency")
        #expect(NameForms.withArticle("Leeds City Council") == "Leeds City Council")
        #expect(NameForms.withArticle("Nursing and Midwifery Council", localCouncil: false) == "the Nursing and Midwifery Council")
        #expect(NameForms.withArticle("University of Leeds") == "the University of Leeds")
        #expect(NameForms.withArticle("HM Revenue and Customs") == "HM Revenue and Customs")
        // A plural name takes no article (a reading found "writing again to the National Museums Scotland").
        #expect(NameForms.withArticle("National Museums Scotland") == "National Museums Scotland")
        #expect(NameForms.withArticle("National Trust for Scotland") == "the National Trust for Scotland")
        #expect(NameForms.withArticle("Scottish Government") == "the Scottish Government")
        #expect(NameForms.withArticle("University for the Creative Arts") == "the University for the Creative Arts")
    }
}

@Suite struct ComposerJurisdictionTests {
    @Test func unsureTopicCitesBoth() {
        let ks = Keyword.resolve(["planning department staffing"], known: [])
        let j = Legislation.jurisdiction(for: Fixtures.leeds, topics: ks.map(\.text))
        let l = Composer().compose(authority: Fixtures.leeds, keywords: ks, style: .brief, seed: 2, jurisdiction: j)
        #expect(l.prompt.jurisdiction == "FOIA 2000 + EIR 2004")
        #expect(l.text.contains("Freedom of Information Act 2000 and, where the information is environmental"))
        #expect(Judge().judge(letter: l.text, authority: Fixtures.leeds, keywords: ks.map(\.text)).score == 100)
    }
}

@Suite struct CorpusTests {
    @Test func corpusUsesOnlyTheTrainingSplitAndIsDeterministic() throws {
        guard let root = repoRoot() else { return }
        let a = try SeedData.authorities(root: root), k = try SeedData.keywords(root: root)
        var cpt: [String] = [], sft: [String] = []
        let s = DomainCorpus.build(authorities: a, keywords: k, letters: 80, seed: 5, cpt: { cpt.append($0) }, sft: { sft.append($0) })
        #expect(s.sftExamples == 80 && sft.count == 80 && s.guidanceParagraphs > 20)
        let held = Splits.heldOutAuthorities(a).map(\.name)
        for line in sft {
            let ex = try JSONDecoder().decode(SFTExample.self, from: Data(line.utf8))
            let p = try #require(PromptFormat.parse(ex.prompt))
            #expect(!held.contains(p.prompt.authority))
            #expect(ex.prompt.hasSuffix("<|request|>\n") && ex.letter.hasSuffix("\n"))
        }
        var again: [String] = []
        _ = DomainCorpus.build(authorities: a, keywords: k, letters: 80, seed: 5, cpt: { _ in }, sft: { again.append($0) })
        #expect(again == sft)
    }

    @Test func surrogatesAreNeitherRealNorHeldOut() throws {
        guard let root = repoRoot() else { return }
        let a = try SeedData.authorities(root: root), k = try SeedData.keywords(root: root)
        let s = Surrogates(authorities: Splits.trainingAuthorities(a), keywords: Splits.trainingKeywords(k), reserved: (a, k))
        let names = Set(a.map { $0.name.lowercased() }), topics = Set(k.map { $0.text.lowercased() })
        var rng = SplitMix64(seed: 9)
        var made = 0
        for base in a.prefix(300) {
            guard let b = s.authority(like: base, rng: &rng) else { continue }
            made += 1
            #expect(!names.contains(b.name.lowercased()))
            #expect(b.nation == base.nation && b.regime == base.regime && b.category == base.category)
        }
        #expect(made > 150)   // most names have a rare (place) word to swap
        for base in k.prefix(200) {
            let b = s.keyword(like: base, rng: &rng)
            #expect(b == base || !topics.contains(b.text.lowercased()))
            #expect(b.environmental == base.environmental && b.categories == base.categories)
        }
    }

    @Test func evalSetsAreHeldOut() throws {
        guard let root = repoRoot() else { return }
        let a = try SeedData.authorities(root: root), k = try SeedData.keywords(root: root)
        let sets = EvalSets.make(authorities: a, keywords: k, size: 50)
        #expect(sets.unseenAuthorities.count == 50 && sets.unseenKeywords.count == 50 && sets.ordinary.count == 50)
        let heldA = Set(Splits.heldOutAuthorities(a).map(\.name)), heldK = Set(Splits.heldOutKeywords(k).map(\.text))
        #expect(sets.unseenAuthorities.allSatisfy { heldA.contains($0.authority) })
        #expect(sets.unseenKeywords.allSatisfy { $0.keywords.contains(where: heldK.contains) && !heldA.contains($0.authority) })
        #expect(sets.ordinary.allSatisfy { !heldA.contains($0.authority) && !$0.keywords.contains(where: heldK.contains) })
        #expect(sets.reference.count == 100)
    }
}
