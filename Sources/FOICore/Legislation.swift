/// Which access-to-information law a request falls under.
///
/// The rules (see DESIGN.md, "The judge"):
/// - Non-environmental information: the Freedom of Information Act 2000 for authorities in England,
///   Wales and Northern Ireland and for UK-wide or cross-border bodies; the Freedom of Information
///   (Scotland) Act 2002 for Scottish public authorities. The seeded `Authority.regime` says which;
///   Scotland always means FOISA.
/// - Environmental information: the Environmental Information Regulations 2004 (EIR), or the
///   Environmental Information (Scotland) Regulations 2004 (EISR) for Scottish authorities.
/// - A request that mixes the two cites both: "the Freedom of Information Act 2000 and, where the
///   information is environmental, the Environmental Information Regulations 2004".
public enum Law: String, Codable, CaseIterable, Sendable {
    case foia2000 = "FOIA 2000"
    case foisa2002 = "FOISA 2002"
    case eir2004 = "EIR 2004"
    case eisr2004 = "EISR 2004"

    public var fullTitle: String {
        switch self {
        case .foia2000: "the Freedom of Information Act 2000"
        case .foisa2002: "the Freedom of Information (Scotland) Act 2002"
        case .eir2004: "the Environmental Information Regulations 2004"
        case .eisr2004: "the Environmental Information (Scotland) Regulations 2004"
        }
    }

    /// The usual abbreviation: FOIA, FOISA, EIR, EISR.
    public var shortForm: String {
        switch self {
        case .foia2000: "FOIA"
        case .foisa2002: "FOISA"
        case .eir2004: "EIR"
        case .eisr2004: "EISR"
        }
    }

    public var isEnvironmental: Bool { self == .eir2004 || self == .eisr2004 }
    public var isScottish: Bool { self == .foisa2002 || self == .eisr2004 }

    /// The section of the duty to advise and assist: FOIA s.16, FOISA s.15 (nil for the regulations).
    public var adviceSection: Int? {
        switch self {
        case .foia2000: 16
        case .foisa2002: 15
        case .eir2004, .eisr2004: nil
        }
    }

    /// The environmental counterpart of an access regime.
    public static func environmental(for regime: Regime) -> Law {
        regime == .foisa2002 ? .eisr2004 : .eir2004
    }

    public static func general(for regime: Regime) -> Law {
        regime == .foisa2002 ? .foisa2002 : .foia2000
    }
}

/// How sure a classification is.
public enum Confidence: String, Codable, Sendable {
    /// From the seed data's own flag.
    case known
    /// From the word rules, with a clear signal.
    case confident
    /// From the word rules, with a weak or conflicting signal: output should say "unsure".
    case unsure
}

/// Whether a topic is environmental information, and why.
public struct EnvironmentalAssessment: Codable, Equatable, Sendable {
    public var topic: String
    public var environmental: Bool
    public var confidence: Confidence
    public var reason: String
    public var sure: Bool { confidence != .unsure }
}

/// The documented word rules for keywords we have no flag for.
///
/// A topic is environmental when it contains a *strong* term (emissions, pollution, flooding,
/// planning, waste, air quality...) — the categories in regulation 2(1) of the EIR: the state of
/// the elements (air, water, soil, land, landscape, biodiversity), factors affecting them
/// (substances, energy, noise, radiation, waste, emissions, discharges), and measures such as
/// policies, plans and agreements affecting them (land use, planning, transport schemes).
/// A *weak* term (water, energy, roads, transport, housing development...) alone makes it
/// environmental but unsure; a strong term next to a clearly non-environmental one (staff,
/// salaries, complaints about staff...) is also unsure. No term at all: not environmental,
/// confident, since most FOI topics are not.
public enum EnvironmentalRules {
    /// Multi-word phrases are matched on word stems in order; single words on their stems.
    public static let strongTerms: [String] = [
        "emission", "emissions", "discharge", "discharges", "pollution", "pollutant", "air quality",
        "water quality", "land use", "planning application", "planning applications", "planning permission",
        "planning enforcement", "planning", "waste", "recycling", "landfill", "fly-tipping", "fly tipping",
        "litter", "flooding", "flood", "flood defences", "drainage", "sewage", "sewer", "trees", "tree",
        "tree preservation", "hedgerow", "woodland", "noise", "noise complaints", "contaminated land",
        "biodiversity", "habitat", "wildlife", "species", "pesticide", "pesticides", "herbicide", "glyphosate",
        "climate", "carbon", "net zero", "greenhouse", "radiation", "radioactive", "nuclear waste",
        "air pollution", "nitrogen dioxide", "particulate", "asbestos", "soil", "coastal erosion", "erosion",
        "green belt", "greenspace", "green space", "parks", "allotments", "environmental", "environment",
        "conservation area", "ecology", "rivers", "river", "bathing water", "groundwater", "wetland",
        "fracking", "quarry", "mineral extraction", "incinerator", "incineration", "low emission zone",
        "clean air zone", "ulez", "street lighting", "light pollution", "odour", "dust", "invasive species",
        "japanese knotweed", "bin collections", "refuse", "compost", "chemicals", "energy efficiency",
        "renewable", "solar", "wind farm", "wind turbines", "heat network", "insulation", "fuel poverty",
        // Bringing a species back is biodiversity ("beaver reintroduction" to the Highland Council, session 27).
        "reintroduction", "rewilding",
    ]

    public static let weakTerms: [String] = [
        "water", "energy", "road", "roads", "transport", "traffic", "highway", "highways", "development",
        "housing development", "building", "buildings", "construction", "land", "coast", "beach",
        "cycle lanes", "cycling", "bus", "parking", "potholes", "pothole", "farm", "farming", "agriculture",
        "fishing", "fisheries", "animal", "animals", "heating", "electricity", "gas", "fuel", "vehicle",
        "vehicles", "fleet", "infrastructure", "demolition", "estate", "grounds maintenance", "gritting",
        "winter maintenance", "cemetery", "burial",
    ]

    /// Terms that pull a topic back towards ordinary FOI (people, money, administration).
    public static let counterTerms: [String] = [
        "staff", "staffing", "salary", "salaries", "pay", "employee", "employees", "recruitment",
        "complaint about staff", "sickness", "absence", "disciplinary", "grievance", "agency staff",
        "consultants", "compensation claims", "legal costs", "freedom of information", "foi",
        "data breaches", "subject access", "pension", "expenses", "hospitality", "gifts",
    ]

    public static func assess(_ keyword: Keyword) -> EnvironmentalAssessment {
        EnvironmentalAssessment(
            topic: keyword.text, environmental: keyword.environmental, confidence: .known,
            reason: keyword.environmental
                ? "“\(keyword.text)” is flagged environmental in the keyword list"
                : "“\(keyword.text)” is flagged not environmental in the keyword list")
    }

    /// Classifies a topic we have no flag for, from its words.
    public static func assess(_ topic: String) -> EnvironmentalAssessment {
        let words = TextTools.words(topic)
        let strong = matches(strongTerms, in: words)
        let weak = matches(weakTerms, in: words)
        let counter = matches(counterTerms, in: words)
        if !strong.isEmpty && counter.isEmpty {
            return .init(topic: topic, environmental: true, confidence: .confident,
                         reason: "“\(topic)” mentions \(quoted(strong)), an environmental matter (EIR reg. 2(1))")
        }
        if !strong.isEmpty {
            return .init(topic: topic, environmental: true, confidence: .unsure,
                         reason: "“\(topic)” mentions \(quoted(strong)) but also \(quoted(counter)); unsure whether the information is environmental")
        }
        if !weak.isEmpty && counter.isEmpty {
            return .init(topic: topic, environmental: true, confidence: .unsure,
                         reason: "“\(topic)” mentions \(quoted(weak)), which may be environmental; unsure")
        }
        if !weak.isEmpty {
            return .init(topic: topic, environmental: false, confidence: .unsure,
                         reason: "“\(topic)” mentions \(quoted(weak)) and \(quoted(counter)); probably not environmental, unsure")
        }
        return .init(topic: topic, environmental: false, confidence: .confident,
                     reason: "“\(topic)” has no environmental terms")
    }

    /// Looks a topic up in the known keywords (case-insensitively) and falls back to the word rules.
    public static func assess(_ topic: String, known: [Keyword]) -> EnvironmentalAssessment {
        let t = topic.lowercased().trimmingSpaces
        if let k = known.first(where: { $0.text.lowercased() == t }) { return assess(k) }
        return assess(topic)
    }

    /// Two words match when their stems agree and both or neither end in "-ing"
    /// (so "planning" does not match "plans", but "trees" matches "tree").
    static func wordMatch(_ a: String, _ b: String) -> Bool {
        TextTools.stem(a) == TextTools.stem(b) && a.hasSuffix("ing") == b.hasSuffix("ing")
    }

    /// A term as words' stems and "-ing" flags, worked out once (the judge assesses topics on every letter).
    private struct Term { let text: String; let stems: [String]; let ing: [Bool] }
    private static let termCache: [String: Term] = {
        var out: [String: Term] = [:]
        for t in strongTerms + weakTerms + counterTerms {
            let w = TextTools.words(t)
            out[t] = Term(text: t, stems: w.map(TextTools.stem), ing: w.map { $0.hasSuffix("ing") })
        }
        return out
    }()

    private static func matches(_ terms: [String], in words: [String]) -> [String] {
        var found: [String] = []
        let stems = words.map(TextTools.stem), ing = words.map { $0.hasSuffix("ing") }
        for term in terms {
            guard let t = termCache[term], !t.stems.isEmpty, t.stems.count <= words.count else { continue }
            for i in 0...(words.count - t.stems.count)
            where t.stems.indices.allSatisfy({ stems[i + $0] == t.stems[$0] && ing[i + $0] == t.ing[$0] }) {
                if !found.contains(term) { found.append(term) }
                break
            }
        }
        // Prefer the longest phrases in the explanation; drop terms contained in another found term.
        return found.filter { f in !found.contains { $0 != f && $0.contains(f) } }
    }

    private static func quoted(_ terms: [String]) -> String {
        terms.prefix(3).map { "“\($0)”" }.joined(separator: ", ")
    }
}

/// The laws that a request to one authority about some topics falls under.
public struct Jurisdiction: Codable, Equatable, Sendable {
    /// FOIA 2000 or FOISA 2002: the authority's general regime.
    public var general: Law
    /// EIR 2004 or EISR 2004: the environmental counterpart.
    public var environmentalLaw: Law
    /// Per-topic assessments, in the order given.
    public var topics: [EnvironmentalAssessment]

    /// Every topic environmental (sure or not): cite the regulations alone.
    public var allEnvironmental: Bool { !topics.isEmpty && topics.allSatisfy { $0.environmental && $0.sure } }
    /// Some topic environmental, or unsure: cite both.
    public var mixed: Bool { !allEnvironmental && topics.contains { $0.environmental || !$0.sure } }
    /// Whether every classification is sure.
    public var sure: Bool { topics.allSatisfy(\.sure) }

    /// The laws to cite, general first.
    public var laws: [Law] {
        if allEnvironmental { return [environmentalLaw] }
        if mixed { return [general, environmentalLaw] }
        return [general]
    }

    /// The prompt's `<|jurisdiction|>` value: "FOIA 2000", "EISR 2004", "FOIA 2000 + EIR 2004".
    public var label: String { laws.map(\.rawValue).joined(separator: " + ") }

    /// How a letter cites it in full.
    public var citation: String {
        if allEnvironmental { return environmentalLaw.fullTitle }
        if mixed {
            return "\(general.fullTitle) and, where the information is environmental, \(environmentalLaw.fullTitle)"
        }
        return general.fullTitle
    }

    /// A short citation: "FOIA", "the EIR", "FOIA and the EIR".
    public var shortCitation: String {
        if allEnvironmental { return "the \(environmentalLaw.shortForm)" }
        if mixed { return "\(general.shortForm) and the \(environmentalLaw.shortForm)" }
        return general.shortForm
    }

    /// One line per topic that the rules were unsure about; empty when all are sure.
    public var notes: [String] { topics.filter { !$0.sure }.map { "unsure: \($0.reason)" } }

    /// Parses a prompt label back ("FOIA 2000 + EIR 2004").
    public static func laws(fromLabel label: String) -> [Law] {
        label.split(separator: "+").compactMap { Law(rawValue: String($0).trimmingSpaces) }
    }
}

public enum Legislation {
    /// The general regime for an authority: Scottish authorities answer under FOISA whatever the
    /// seed says; others under the seeded regime (FOIA for England, Wales, NI and UK-wide bodies).
    public static func regime(for authority: Authority) -> Regime {
        authority.nation == .scotland ? .foisa2002 : (authority.regime == .foisa2002 ? .foisa2002 : .foia2000)
    }

    /// A keyword with no theme is none of ours (`Keyword.resolve` made it from text): the word rules judge it again,
    /// so an unsure call cites both laws. Its flag alone read "Ajax armoured vehicle" as sure and environmental, and
    /// a letter to the Ministry of Defence cited the EIR alone (session 27, a prompt of our own).
    public static func jurisdiction(for authority: Authority, keywords: [Keyword]) -> Jurisdiction {
        let regime = regime(for: authority)
        return Jurisdiction(general: Law.general(for: regime), environmentalLaw: Law.environmental(for: regime),
                            topics: keywords.map { $0.theme.isEmpty ? EnvironmentalRules.assess($0.text) : EnvironmentalRules.assess($0) })
    }

    /// For topics given as text: known keywords use their flag, others the word rules.
    public static func jurisdiction(for authority: Authority, topics: [String], known: [Keyword] = []) -> Jurisdiction {
        let regime = regime(for: authority)
        return Jurisdiction(general: Law.general(for: regime), environmentalLaw: Law.environmental(for: regime),
                            topics: topics.map { EnvironmentalRules.assess($0, known: known) })
    }
}
