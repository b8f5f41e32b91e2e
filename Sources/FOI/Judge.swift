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
}

/// The judge's verdict: the sum of the weights of the passed checks (0...100) and every check.
public struct JudgeResult: Codable, Equatable, Sendable {
    public var score: Int
    public var checks: [CheckResult]

    public var failed: [CheckResult] { checks.filter { !$0.passed } }
    public func check(_ id: JudgeCheck) -> CheckResult? { checks.first { $0.id == id.rawValue } }

    /// Plain-text report: the score, then each failed check with its reason.
    public var report: String {
        var lines = ["score: \(score)/100"]
        for c in failed { lines.append("  ✗ \(c.id) (−\(c.weight)): \(c.reason)") }
        if failed.isEmpty { lines.append("  all \(checks.count) checks passed") }
        return lines.joined(separator: "\n")
    }
}

/// The checks, their ids and weights (summing to 100). See DESIGN.md ("The judge").
public enum JudgeCheck: String, CaseIterable, Codable, Sendable {
    case authority, keywords, legislation, items, timeframe, format, length, repetition, close, finished

    public var weight: Int {
        switch self {
        case .authority: 15
        case .keywords: 15
        case .legislation: 15
        case .items: 15
        case .timeframe: 10
        case .format: 5
        case .length: 5
        case .repetition: 10
        case .close: 5
        case .finished: 5
        }
    }

    public var summary: String {
        switch self {
        case .authority: "addressed to the right authority, naming no other"
        case .keywords: "every keyword addressed"
        case .legislation: "legislation right for the nation and the topic"
        case .items: "recorded information asked for in specific items"
        case .timeframe: "a time frame"
        case .format: "a format for the reply"
        case .length: "a sensible length"
        case .repetition: "no repetition loops"
        case .close: "a proper close"
        case .finished: "no unfinished sentence at the end"
        }
    }
}

/// Deterministic, explainable scoring of a request letter.
public struct Judge: Sendable {
    public static let minWords = 60
    public static let maxWords = 450

    let names: AuthorityNameIndex
    public let knownKeywords: [Keyword]

    /// - Parameters:
    ///   - knownAuthorities: every authority we know, to detect a letter naming the wrong one.
    ///   - knownKeywords: keyword flags for the legislation check; unknown topics use the word rules.
    public init(knownAuthorities: [Authority] = [], knownKeywords: [Keyword] = []) {
        names = AuthorityNameIndex(knownAuthorities)
        self.knownKeywords = knownKeywords
    }

    public func judge(letter: String, authority: Authority, keywords: [String]) -> JudgeResult {
        let jurisdiction = Legislation.jurisdiction(for: authority, topics: keywords, known: knownKeywords)
        let ctx = LetterContext(letter)
        var checks: [CheckResult] = []
        for check in JudgeCheck.allCases {
            let (passed, reason): (Bool, String)
            switch check {
            case .authority: (passed, reason) = JudgeRules.authority(ctx, authority: authority, names: names)
            case .keywords: (passed, reason) = JudgeRules.keywords(ctx, keywords: keywords)
            case .legislation: (passed, reason) = JudgeRules.legislation(ctx, jurisdiction: jurisdiction)
            case .items: (passed, reason) = JudgeRules.items(ctx)
            case .timeframe: (passed, reason) = JudgeRules.timeframe(ctx)
            case .format: (passed, reason) = JudgeRules.format(ctx)
            case .length: (passed, reason) = JudgeRules.length(ctx, min: Self.minWords, max: Self.maxWords)
            case .repetition: (passed, reason) = JudgeRules.repetition(ctx, keywords: keywords + AuthorityNameIndex.variants(of: authority))
            case .close: (passed, reason) = JudgeRules.close(ctx)
            case .finished: (passed, reason) = JudgeRules.finished(ctx)
            }
            checks.append(CheckResult(id: check.rawValue, weight: check.weight, passed: passed, reason: reason))
        }
        let score = checks.filter(\.passed).reduce(0) { $0 + $1.weight }
        return JudgeResult(score: score, checks: checks)
    }

    public func judge(letter: String, authority: Authority, keywords: [Keyword]) -> JudgeResult {
        let j = Judge(names: names, knownKeywords: knownKeywords + keywords)
        return j.judge(letter: letter, authority: authority, keywords: keywords.map(\.text))
    }

    private init(names: AuthorityNameIndex, knownKeywords: [Keyword]) {
        self.names = names
        self.knownKeywords = knownKeywords
    }

    /// Looks an authority up by name or short name (case-insensitive) among the known ones.
    public func authority(named name: String) -> Authority? { names.lookup(name) }
}
