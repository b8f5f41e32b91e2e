import Foundation

/// One check's outcome.
public struct CheckResult: Codable, Equatable, Sendable {
    public var id: String
    public var weight: Int
    public var passed: Bool
    public var reason: String

    public init(id: String, weight: Int, passed: Bool, reason: String) {
        self.id = id
        self.weight = weight
        self.passed = passed
        self.reason = reason
    }

    /// A defect a person sees (see `JudgeCheck.critical`); nil for an id this build does not know.
    public var critical: Bool { JudgeCheck(rawValue: id)?.critical ?? false }
}

/// The judge's verdict: the weights of the passed checks (0...100), less `JudgeCheck.defectPenalty` for
/// each failed critical check, and every check. Valid (score ≥ 80) exactly when no critical check failed.
public struct JudgeResult: Codable, Equatable, Sendable {
    public var score: Int
    public var checks: [CheckResult]

    public var failed: [CheckResult] { checks.filter { !$0.passed } }
    /// The failed checks that make the letter one a person would not send.
    public var defects: [CheckResult] { failed.filter(\.critical) }
    public var valid: Bool { defects.isEmpty }
    public func check(_ id: JudgeCheck) -> CheckResult? { checks.first { $0.id == id.rawValue } }

    /// Plain-text report: the score, then each failed check with its reason.
    public var report: String {
        var lines = ["score: \(score)/100 (\(valid ? "valid" : "invalid: \(defects.count) defect\(defects.count == 1 ? "" : "s")"))"]
        for c in failed { lines.append("  \(c.critical ? "✗" : "·") \(c.id) (−\(c.weight)\(c.critical ? ", defect" : "")): \(c.reason)") }
        if failed.isEmpty { lines.append("  all \(checks.count) checks passed") }
        return lines.joined(separator: "\n")
    }
}

/// The checks, their ids and weights (summing to 100). See DESIGN.md ("The judge").
///
/// Critical checks are defects an FOI officer sees at once: one makes the letter invalid. The others are
/// niceties (a time frame, a format, a citation, a length) that cost points but never validity.
public enum JudgeCheck: String, CaseIterable, Codable, Sendable {
    case authority, keywords, legislation, items, words, names, body, people, topic, coherence, law, signed,
         repetition, finished, citation, timeframe, format, length

    public var weight: Int {
        switch self {
        case .authority, .keywords, .legislation, .items: 10
        case .words: 6
        case .topic: 4
        case .names, .body, .people, .coherence, .law, .signed, .repetition, .finished: 5
        case .citation: 4
        case .timeframe: 3
        case .format: 2
        case .length: 1
        }
    }

    public var critical: Bool {
        switch self {
        case .citation, .timeframe, .format, .length: false
        default: true
        }
    }

    /// What a defect costs beyond its weight, so that one defect takes any letter below 80.
    public static let defectPenalty = 20

    public var summary: String {
        switch self {
        case .authority: "addressed to the right authority"
        case .keywords: "every keyword addressed"
        case .legislation: "no law that does not apply to the body"
        case .items: "recorded information asked for in specific items"
        case .words: "every word an English word or a known name"
        case .names: "keywords and names whole"
        case .body: "the body called what it is"
        case .people: "only people the body serves"
        case .topic: "questions that suit their topic"
        case .coherence: "one persona, one list, whole sentences, one period"
        case .law: "the right sections and cost limit"
        case .signed: "signed with the requester's name"
        case .repetition: "no repetition loops"
        case .finished: "no unfinished sentence at the end"
        case .citation: "cites the law it falls under"
        case .timeframe: "a time frame"
        case .format: "a format for the reply"
        case .length: "a sensible length"
        }
    }
}

/// Deterministic, explainable scoring of a request letter.
public struct Judge: Sendable {
    public static let minWords = 25
    public static let maxWords = 450

    let names: AuthorityNameIndex
    public let knownKeywords: [Keyword]
    /// Lower-cased words of every known name and keyword: words the word list need not have.
    package let nameWords: Set<String>
    /// Lower-cased known keywords, so that a keyword inside another is not a broken name.
    let keywordPhrases: Set<String>
    /// Known keywords by lower-cased text.
    let keywordIndex: [String: Keyword]

    /// - Parameters:
    ///   - knownAuthorities: every authority we know, to detect a letter naming the wrong one.
    ///   - knownKeywords: keyword flags for the legislation check; unknown topics use the word rules.
    public init(knownAuthorities: [Authority] = [], knownKeywords: [Keyword] = []) {
        names = AuthorityNameIndex(knownAuthorities)
        self.knownKeywords = knownKeywords
        var w = Set<String>()
        for a in knownAuthorities { w.formUnion(TextTools.words(a.name + " " + a.shortName)) }
        for k in knownKeywords { w.formUnion(TextTools.words(k.text)) }
        nameWords = w
        keywordPhrases = Set(knownKeywords.map { TextTools.words($0.text).joined(separator: " ") })
        keywordIndex = Dictionary(knownKeywords.map { ($0.text.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Judges with the keywords' themes and flags taken from the known keywords where they match.
    public func judge(letter: String, authority: Authority, keywords: [String]) -> JudgeResult {
        judge(letter: letter, authority: authority, keywords: self.keywords(keywords))
    }

    /// Keywords given as text: known ones with their theme and flags (as `Keyword.resolve`, by index).
    public func keywords(_ texts: [String]) -> [Keyword] {
        texts.map { keywordIndex[$0.lowercased()] ?? Keyword.resolve([$0], known: [])[0] }
    }

    /// - Parameter profile: what the body is; by default its category's profile (`BodyProfile.of`).
    public func judge(letter: String, authority: Authority, keywords: [Keyword], profile: BodyProfile? = nil) -> JudgeResult {
        let texts = keywords.map(\.text)
        // Known keywords carry their flags (a keyword with a theme came from the store); others are assessed.
        let jurisdiction = Legislation.jurisdiction(for: authority, topics: texts, known: keywords.filter { !$0.theme.isEmpty })
        let profile = profile ?? BodyProfile.of(authority)
        let ctx = LetterContext(letter)
        let words = nameWords.union(texts.flatMap(TextTools.words)).union(TextTools.words(authority.name))
        var checks: [CheckResult] = []
        for check in JudgeCheck.allCases {
            let (passed, reason): (Bool, String)
            switch check {
            case .authority: (passed, reason) = JudgeRules.doubledArticle(ctx, authority: authority)
                ?? JudgeRules.authority(ctx, authority: authority, names: names)
            case .keywords: (passed, reason) = JudgeRules.keywords(ctx, keywords: texts)
            case .legislation: (passed, reason) = JudgeRules.legislation(ctx, jurisdiction: jurisdiction)
            case .items: (passed, reason) = JudgeRules.items(ctx)
            case .words: (passed, reason) = JudgeRules.words(ctx, names: words)
            // The body's own name is no broken keyword: "the Welsh Ambulance Services University NHS Trust" beside the
            // keyword "private ambulance services" (the composer's audit, session 15).
            case .names: (passed, reason) = JudgeRules.names(ctx, keywords: texts, knownPhrases: keywordPhrases.union(Self.runs(of: authority.name)))
            case .body: (passed, reason) = JudgeRules.otherSectorWords(ctx, authority: authority, profile: profile)
                ?? JudgeRules.possessiveOfAnotherKind(ctx, keywords: texts, profile: profile) ?? JudgeRules.body(ctx, profile: profile)
            case .people: (passed, reason) = JudgeRules.people(ctx, profile: profile, keywords: keywords)
            case .topic:
                let t = JudgeRules.framesThatDoNotSuit(ctx, keywords: keywords)
                    ?? JudgeRules.prepositionFromNowhere(ctx, keywords: texts, authority: authority.name)
                    ?? JudgeRules.itemOnAnotherTopic(ctx, keywords: texts, authority: authority.name, profile: profile)
                    ?? JudgeRules.topic(ctx, profile: profile, keywords: keywords)
                (passed, reason) = t.0 ? (JudgeRules.wordsThatDoNotSuit(ctx, keywords: keywords) ?? t) : t
            case .coherence: (passed, reason) = JudgeRules.coherence(ctx, keywords: texts)
            case .law: (passed, reason) = JudgeRules.law(ctx, jurisdiction: jurisdiction, profile: profile)
            case .signed: (passed, reason) = JudgeRules.signed(ctx)
            case .repetition: (passed, reason) = JudgeRules.repetition(ctx, keywords: texts + AuthorityNameIndex.variants(of: authority))
            case .finished: (passed, reason) = JudgeRules.finished(ctx)
            case .citation: (passed, reason) = JudgeRules.citation(ctx, jurisdiction: jurisdiction)
            case .timeframe: (passed, reason) = JudgeRules.timeframe(ctx)
            case .format: (passed, reason) = JudgeRules.format(ctx)
            case .length: (passed, reason) = JudgeRules.length(ctx, min: Self.minWords, max: Self.maxWords)
            }
            checks.append(CheckResult(id: check.rawValue, weight: check.weight, passed: passed, reason: reason))
        }
        let earned = checks.filter(\.passed).reduce(0) { $0 + $1.weight }
        let defects = checks.filter { !$0.passed && $0.critical }.count
        return JudgeResult(score: max(0, earned - JudgeCheck.defectPenalty * defects), checks: checks)
    }

    /// Looks an authority up by name or short name (case-insensitive) among the known ones.
    public func authority(named name: String) -> Authority? { names.lookup(name) }

    /// Every run of two or three words of `name`, lower-cased, as the names check reads phrases.
    static func runs(of name: String) -> Set<String> {
        let w = TextTools.words(name)
        var out = Set<String>()
        for n in 2...3 where w.count >= n { for i in 0...(w.count - n) { out.insert(w[i..<(i + n)].joined(separator: " ")) } }
        return out
    }
}
