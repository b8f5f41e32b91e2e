import Foundation
import FOI

/// One composed letter, with its prompt and the part variants it was built from.
public struct ComposedLetter: Codable, Equatable, Sendable {
    public var prompt: Prompt
    public var text: String
    /// The sequence of part variants, e.g. ["style:numbered", "greeting:p3", "opening:n5", ...].
    public var shape: [String]
    public var style: LetterStyle

    /// Prompt + letter + end token: one training document.
    public var document: String { PromptFormat.document(prompt, letter: text) }
}

/// Writes varied, realistic request letters from phrase banks and per-theme question banks.
///
/// Deterministic: the same (authority, keywords, style, seed) gives the same letter everywhere.
/// Dates are relative to `referenceYear`, not the clock.
public struct Composer: Sendable {
    /// Letters are written as if in this year: the last complete financial year is 2024/25.
    public static let referenceYear = 2025

    public init() {}

    /// - Parameter jurisdiction: overrides the laws worked out from the keywords' flags, e.g. one from
    ///   `Legislation.jurisdiction(for:topics:known:)` where unknown topics were classified as unsure.
    public func compose(authority: Authority, keywords: [Keyword], style: LetterStyle, seed: UInt64,
                        jurisdiction override: Jurisdiction? = nil) -> ComposedLetter {
        let jurisdiction = override ?? Legislation.jurisdiction(for: authority, keywords: keywords)
        let mixed = StableHash.fnv1a([authority.name] + keywords.map(\.text) + [style.rawValue, String(seed)])
        var b = LetterBuilder(rng: SplitMix64(seed: mixed), authority: authority, keywords: keywords,
                              jurisdiction: jurisdiction)
        b.shape.append("style:\(style.rawValue)")
        let text: String
        switch style {
        case .numbered: text = b.numbered()
        case .brief: text = b.brief()
        case .detailed: text = b.detailed()
        case .documents: text = b.documents()
        // A topic with no figure of its own (one no bank knows: "red calls") has nothing for a table's column;
        // its documents are asked in a list instead of as a row of minutes per quarter (session 17).
        case .table where keywords.contains { k in !QuestionBanks.questions(for: k).contains { $0.numeric && $0.text.contains("{K}") } }:
            text = b.numbered()
        case .table: text = b.table()
        }
        let prompt = Prompt(authority: authority.name, jurisdiction: jurisdiction.label,
                            keywords: keywords.map(\.text), style: style.rawValue)
        return ComposedLetter(prompt: prompt, text: text, shape: b.shape, style: style)
    }
}

/// A time frame relative to the reference year.
struct TimeFrame {
    var id: String
    /// Nominal phrase: "the financial years 2020/21 to 2024/25".
    var phrase: String
    /// Breakdown unit for tables: "financial year".
    var unit: String
    /// A start date, for "since {D}".
    var start: String
    /// Short references back to the period, for items.
    var backRefs: [String]

    // The back-references of each kind of period ("" leaves an item without one). Read by the composer and by
    // `ItemGrounding`, which cuts them from items before comparing them with the banks.
    // Not "year by year": after a figure it reads as part of it ("paid more than £1,000 a day year by year").
    static let multiYearBackRefs = ["in each of those years", "in each year", "for each year", "over that period", "in the period", "", ""]
    static let sinceBackRefs = ["since then", "in that period", "over that period", "broken down by year", "", ""]
    static let singleYearBackRefs = ["in that year", "during that year", "", ""]
    /// The same period with a row per year; one year becomes the three years to it ("the financial years
    /// 2022/23 to 2024/25"), for a table whose figures are a year's (a headcount, a rate) and not a quarter's.
    func byYear() -> TimeFrame {
        guard id == "single", let y = start.split(separator: " ").last.flatMap({ Int($0) }) else {
            var t = self
            t.unit = unit == "month" || unit == "quarter" ? "year" : unit
            return t
        }
        let financial = start.hasPrefix("1 April")
        func fy(_ y: Int) -> String { "\(y)/\(String(format: "%02d", (y + 1) % 100))" }
        return TimeFrame(id: financial ? "fy" : "cal", phrase: financial ? "the financial years \(fy(y - 2)) to \(fy(y))" : "the calendar years \(y - 2) to \(y)",
                         unit: financial ? "financial year" : "year", start: financial ? "1 April \(y - 2)" : "1 January \(y - 2)",
                         backRefs: [""])
    }

    static var allBackReferences: [String] { Array(Set(multiYearBackRefs + sinceBackRefs + singleYearBackRefs)).filter { !$0.isEmpty } }
}

struct LetterBuilder {
    var rng: SplitMix64
    let authority: Authority
    let keywords: [Keyword]
    let jurisdiction: Jurisdiction
    var shape: [String] = []
    var time: TimeFrame
    var org: String
    var usedKinds: [String] = []
    var usedBackRefs: [String] = []
    /// What the items chosen so far ask for: the intro, format and follow-up lines must suit them.
    var askedFigures = false
    /// Whether the letter has offered a link for published information (`closing`).
    var saidLink = false
    var askedDocuments = false
    /// What the body is, and the people a letter may ask it about (its own and those its keywords name).
    let profile: BodyProfile
    let servedPeople: Set<Population>

    init(rng: SplitMix64, authority: Authority, keywords: [Keyword], jurisdiction: Jurisdiction) {
        self.rng = rng
        self.authority = authority
        self.keywords = keywords
        self.jurisdiction = jurisdiction
        profile = BodyProfile.of(authority)
        servedPeople = JudgeRules.servedPeople(profile: profile, keywords: keywords)
        time = TimeFrame(id: "", phrase: "", unit: "", start: "", backRefs: [])
        org = ""
        time = makeTimeFrame()
        org = makeOrg()
    }

    // MARK: parts

    static let numberWords = ["", "one", "two", "three", "four", "five", "six", "seven"]

    mutating func makeTimeFrame() -> TimeFrame {
        let r = Composer.referenceYear
        func fy(_ y: Int) -> String { "\(y)/\(String(format: "%02d", (y + 1) % 100))" }
        let multi = TimeFrame.multiYearBackRefs
        let kind = rng.below(6)
        switch kind {
        case 0, 1:
            let end = r - 1 - rng.below(2)
            let n = 3 + rng.below(4)
            let start = end - n + 1
            // "The last three complete financial years" are the three before the reference year, no others.
            let v = end == r - 1 ? rng.below(3) : rng.below(2)
            let phrase = timeWording("fy", v, [
                "the financial years \(fy(start)) to \(fy(end))",
                "the \(Self.numberWords[n]) financial years from \(fy(start)) to \(fy(end))",
                "the last \(Self.numberWords[n]) complete financial years (\(fy(start)) to \(fy(end)))",
            ])
            return TimeFrame(id: "fy", phrase: phrase, unit: "financial year", start: "1 April \(start)", backRefs: multi)
        case 2, 3:
            let end = r - 1 - rng.below(2)
            let n = 2 + rng.below(5)
            let start = end - n + 1
            let phrase = timeWording("cal", rng.below(3), [
                "the calendar years \(start) to \(end)",
                "the period from 1 January \(start) to 31 December \(end)",
                "each calendar year from \(start) to \(end) inclusive",
            ])
            return TimeFrame(id: "cal", phrase: phrase, unit: rng.chance(0.5) ? "calendar year" : "year",
                             start: "1 January \(start)", backRefs: multi)
        case 4:
            let y = r - 2 - rng.below(4)
            let date = rng.pick(["1 January \(y)", "1 April \(y)", "1 September \(y)", "1 July \(y)"])
            let phrase = timeWording("since", rng.below(3), [
                "the period since \(date)",
                "the period from \(date) to the date of this request",
                "the years since \(date)",
            ])
            // Financial years start in April: "since 1 July 2020 … for each financial year" leaves the first one part-covered.
            return TimeFrame(id: "since", phrase: phrase,
                             unit: rng.pick(date.hasPrefix("1 April") ? ["year", "quarter", "financial year"] : ["year", "quarter", "year"]),
                             start: date, backRefs: TimeFrame.sinceBackRefs)
        default:
            let v = rng.below(2)
            shape.append("time:single\(v)")
            if v == 0 {
                let y = r - 1 - rng.below(2)
                return TimeFrame(id: "single", phrase: "the financial year \(fy(y))", unit: rng.pick(["month", "quarter"]),
                                 start: "1 April \(y)", backRefs: TimeFrame.singleYearBackRefs)
            }
            let y = r - 1 - rng.below(2)
            return TimeFrame(id: "single", phrase: "the calendar year \(y)", unit: rng.pick(["month", "quarter"]),
                             start: "1 January \(y)", backRefs: TimeFrame.singleYearBackRefs)
        }
    }

    /// Wording `v` of a time frame of kind `id`, recorded in the shape as `part` records a bank's variant.
    mutating func timeWording(_ id: String, _ v: Int, _ wordings: [String]) -> String {
        shape.append("time:\(id)\(v)")
        return wordings[v]
    }

    /// How the letter refers to the body once named: what the body is (`BodyProfile`), or a neutral phrase.
    mutating func makeOrg() -> String {
        let own = profile.reference
        let v = rng.below(4)
        shape.append("org:\(v)")
        return [own, own, "your organisation", own][v]
    }

    var place: String { authority.nation.place }

    /// The body's own words for its meetings and members (`BodyWording`).
    func bodyWording(_ text: String) -> String { BodyWording.apply(text, authority: authority, profile: profile) }

    /// Fills placeholders and tidies spacing.
    /// - Parameter numeric: the text asks for figures; a request for documents takes no "for each year".
    mutating func fill(_ template: String, keyword: String? = nil, numeric: Bool = true) -> String {
        var s = template
        // "the council's council tax bailiffs": the body's noun begins the keyword ("the department's departmental spending").
        // "how the council manages flood risk management" says it twice.
        if let k = keyword, k.hasSuffix("management") { s = s.replacing(" manages {K}", with: " approaches {K}") }
        // Nor are arrears the council's own: "policy for council tax arrears", "the council tax reduction scheme".
        if let k = keyword, let noun = org.split(separator: " ").last,
           k.lowercased().hasPrefix(noun.lowercased()) || k.split(separator: " ").last.map({ Self.notTheBodys.contains($0.lowercased()) }) == true {
            s = s.replacing("{ORG}'s {K}", with: KeywordArticle.withTopicArticle(k) == nil ? "{K}" : "the {K}")
        }
        s = s.replacing("{THEA}", with: NameForms.withArticle(authority.name, localCouncil: authority.group == "Local and regional"))
        // "Dear Oldham College", not "Dear The Oldham College" (the copy guard's greeting slot agrees).
        if authority.name.hasPrefix("The ") { s = s.replacing("Dear {A}", with: "Dear " + authority.name.dropFirst(4)) }
        s = s.replacing("{A}", with: authority.name)
        s = s.replacing("{LAW}", with: jurisdiction.citation)
        s = s.replacing("{P}", with: time.phrase)
        s = s.replacing("{D}", with: time.start)
        s = s.replacing("{U}", with: time.unit)
        s = s.replacing("{PLACE}", with: place)
        s = s.replacing("{ORG}", with: org)
        s = bodyWording(s)
        s = Self.devolved(s, nation: authority.nation)
        if let k = keyword {
            // After a preposition a keyword stands alone as a noun phrase: a singular one needs its article
            // ("looking into the gender pay gap", not "looking into gender pay gap").
            if let topic = KeywordArticle.withTopicArticle(k) {
                for p in KeywordArticle.governors {
                    s = s.replacing(" \(p) {K}", with: " \(p) \(topic)")
                }
            }
            s = s.replacing("{K}", with: k)
        }
        // Figures are broken down by year; documents are not.
        var refs = time.backRefs
        if !numeric { refs = refs.filter { !["for each year", "broken down by year", "in each year"].contains($0) }; if refs.isEmpty { refs = [""] } }
        // Nor is a breakdown "broken down by year" ("a breakdown of supplier spend broken down by year by category", seed 8484).
        // Nor before a breakdown of its own ("placed in unregulated placements broken down by year, by age", session 16).
        if s.contains("breakdown") || s.contains("broken down") || s.contains("{T}, by ") {
            refs = refs.filter { $0 != "broken down by year" }; if refs.isEmpty { refs = [""] }
        }
        if s.contains("{T}") {
            // Each back-reference at most once per letter (the empty one may repeat).
            // After "produced" or "carried out" the reference is needed: the phrase is unfinished without it.
            let before = s.components(separatedBy: "{T}")[0].trimmingSpaces
            let needed = before.hasSuffix("ed") || before.hasSuffix(" out") || before.hasSuffix(" made")
            let periods = refs.filter { ["in ", "since", "over", "during"].contains(where: $0.hasPrefix) }
            var fresh = needed ? periods.filter { !usedBackRefs.contains($0) }
                               : refs.filter { $0.isEmpty || !usedBackRefs.contains($0) }
            if fresh.isEmpty { fresh = needed && !periods.isEmpty ? periods : refs }
            // No period to refer back to (the brief styles give it once, at the end): "completed" alone dangles.
            // A count keeps it: "the number of impact assessments completed" is a column of a table (seed 5354).
            if needed && periods.isEmpty && !numeric, let cut = Self.withoutPeriodParticiple(s, subject: org.split(separator: " ").last.map(String.init)) { s = cut }
            let ref = rng.pick(fresh)
            usedBackRefs.append(ref)
            s = s.replacing("{T}", with: ref)
        }
        // Under the Regulations alone, information is withheld under exceptions.
        if jurisdiction.allEnvironmental { s = s.replacing("exemption", with: "exception") }
        while s.has("  ") { s = s.replacing("  ", with: " ") }
        for p in [",", ".", "?", ";", ":", ")"] { s = s.replacing(" " + p, with: p) }
        return s.trimmingSpaces
    }

    /// Picks from a bank, records the variant in the shape, and fills it.
    mutating func part(_ name: String, _ bank: [String], keyword: String? = nil) -> String {
        let (i, t) = rng.pickIndexed(bank)
        shape.append("\(name):\(i)")
        if t.contains("link") { saidLink = true }
        return fill(t, keyword: keyword)
    }

    /// Greeting and opening: if the greeting does not name the authority, the opening does.
    mutating func greetingAndOpening(allowContext: Bool = true) -> (String, String) {
        // Not "Dear The Highland Council": a name with its own article goes in the opening instead.
        let named = rng.chance(0.4) && !authority.name.hasPrefix("The ")
        let greeting = named ? part("greeting-n", Phrases.namedGreetings) : part("greeting-p", Phrases.plainGreetings)
        var opening: String
        if named && rng.chance(0.4) {
            opening = part("opening-p", Phrases.plainOpenings)
        } else {
            opening = part("opening-n", Phrases.namedOpenings)
        }
        // Now and then a request that follows an earlier one: it names the body, so any greeting goes with it.
        if allowContext && rng.chance(0.1), let k = keywords.first {
            let ref = rng.chance(0.5) ? "FOI-\(Composer.referenceYear - rng.below(2))-\(1000 + rng.below(9000))" : "\(10000 + rng.below(90000))"
            opening = part("opening-f", Phrases.followUpOpenings, keyword: k.text).replacing("{REF}", with: ref)
        }
        // One voice: a line of context, or a background paragraph, or neither.
        let r = rng.below(20)
        if allowContext && r < 9, let k = keywords.first {
            // "How the picture has changed in recent years" asks for more than one year.
            let nature = KeywordNature(k.text)
            let contexts = Phrases.contexts.filter { nature.suits($0) && (time.id != "single" || !$0.contains("recent years")) }
            opening += " " + part("context", contexts, keyword: k.text)
        } else if allowContext && r < 13, let k = keywords.first {
            let suited = Phrases.backgrounds.filter { KeywordNature(k.text).suits($0) }
            opening += "\n\n" + Self.capitalised(part("background", suited, keyword: k.text))
        } else {
            shape.append("context:-")
        }
        return (greeting, opening)
    }

    mutating func costClause() -> String {
        let scottish = jurisdiction.general == .foisa2002
        if jurisdiction.allEnvironmental {
            return part("cost-env", scottish ? Phrases.costEISR : Phrases.costEIR)
        }
        // Part environmental: the Act's cost limit and the Regulations' exception, each for its part.
        if jurisdiction.laws.contains(where: \.isEnvironmental) {
            return part("cost-mixed", scottish ? Phrases.costFOISAandEISR : Phrases.costFOIAandEIR)
        }
        // Now and then the figure itself, which differs by body (£600 central government, £450 the rest).
        if !scottish, let limit = profile.foiaCostLimit, rng.chance(0.3) {
            return part("cost-fig", Phrases.costFOIAFigure).replacing("{LIMIT}", with: "£\(limit)")
        }
        return part("cost", scottish ? Phrases.costFOISA : Phrases.costFOIA)
    }

    mutating func closing() -> String {
        var lines: [String] = []
        // A format line that offered a link already has said what a link to published information is worth.
        if rng.chance(0.5) {
            lines.append(part("clarify", saidLink ? Phrases.clarifications.filter { !$0.contains("link") } : Phrases.clarifications))
        } else { shape.append("clarify:-") }
        if rng.chance(0.6) { lines.append(part("thanks", Phrases.thanks)) } else { shape.append("thanks:-") }
        // After a thanks line, a sign-off that thanks again reads twice.
        let thanked = lines.contains { $0.lowercased().contains("thank") }
        let sign = part("sign", thanked ? Phrases.signOffs.filter { !$0.lowercased().contains("thank") } : Phrases.signOffs)
        let name = part("name", Phrases.names)
        var out = lines.isEmpty ? "" : lines.joined(separator: rng.chance(0.5) ? " " : "\n\n") + "\n\n"
        out += sign
        if !name.isEmpty { out += "\n" + name }
        return out
    }

}
