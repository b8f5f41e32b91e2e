/// Categories as people type them. The seed data's names are long ("Other police forces/constabularies",
/// "Non-metropolitan district councils"); a person types "police", "nhs" or "council". One resolver serves
/// the spinner (so every entry point accepts the same words) and the error messages that explain a miss.
public struct CategoryPair: Hashable, Sendable {
    public var group: String
    public var category: String
    public init(group: String, category: String) { self.group = group; self.category = category }
}

public enum CategoryMatch: Equatable, Sendable {
    /// The category and group names (normalised) that the words stand for.
    case names(Set<String>)
    /// Several categories fit equally: the caller lists them.
    case ambiguous([String])
    case unknown(suggestions: [String])

    /// Lower case, single spaces, no surrounding space: how names are compared.
    public static func normalise(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Common words for sets of categories. Each is a test on the normalised (group, category).
    static let aliases: [(words: [String], test: @Sendable (String, String) -> Bool)] = [
        (["police", "police force", "police forces", "constabulary", "constabularies", "the police"],
         { _, c in c.contains("police forces") }),
        (["nhs", "health", "the nhs", "health service"],
         { g, c in g == "health and social care" && !c.contains("regulator") }),
        (["council", "councils", "local council", "local councils", "local authority", "local authorities"],
         { g, c in g == "local and regional" && (c.contains("council") || c.contains("borough") || c.hasPrefix("unitary")) }),
        (["university", "universities"], { _, c in c.contains("universit") }),
        (["fire", "fire service", "fire services", "fire and rescue"], { _, c in c.contains("fire and rescue") }),
        (["department", "departments", "government department", "government departments", "ministry"],
         { g, _ in g == "government departments" }),
    ]

    /// Resolves `query` against the known pairs: an exact category or group (any case and spacing), then
    /// a common word, then categories whose words start with the query's words.
    public static func resolve(_ query: String, in pairs: [CategoryPair]) -> CategoryMatch {
        let q = normalise(query)
        let normal = pairs.map { (g: normalise($0.group), c: normalise($0.category)) }
        if normal.contains(where: { $0.c == q || $0.g == q }) { return .names([q]) }
        if let alias = aliases.first(where: { $0.words.contains(q) }) {
            let hits = Set(normal.filter { alias.test($0.g, $0.c) }.map(\.c))
            if !hits.isEmpty { return .names(hits) }
        }
        let words = q.split(separator: " ").map { String($0.hasSuffix("s") && $0.count > 3 ? $0.dropLast() : $0[...]) }
        func fits(_ name: String) -> Bool {
            let own = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            return !words.isEmpty && words.allSatisfy { w in own.contains { $0.hasPrefix(w) } }
        }
        var found: [String] = []
        for p in pairs {
            for name in [p.category, p.group] where fits(normalise(name)) && !found.contains(name) { found.append(name) }
        }
        if found.count == 1 { return .names([normalise(found[0])]) }
        if found.count > 1 { return .ambiguous(found.sorted()) }
        let all = Array(Set(pairs.flatMap { [$0.category, $0.group] }))
        return .unknown(suggestions: Suggest.closest(to: query, among: all))
    }
}

extension Spinner {
    /// Why a spin in `category` found nothing, as a person can act on it.
    /// - Parameter known: every category the store knows, including ones no authority is in yet.
    public func emptySpinReason(category: String?, chaos: Bool, known: [CategoryPair] = []) -> String {
        guard let category, !CategoryMatch.normalise(category).isEmpty else {
            return "no authority has two suitable keywords"
        }
        switch CategoryMatch.resolve(category, in: Array(Set(known + categoryPairs))) {
        case .ambiguous(let list):
            return "category '\(category)' could be any of: " + list.map { "'\($0)'" }.joined(separator: ", ") + "; give one of them"
        case .unknown(let ideas):
            return "unknown category '\(category)'" + (ideas.isEmpty ? "" : "; did you mean: " + ideas.map { "'\($0)'" }.joined(separator: ", ") + "?")
                + " (`foibandit categories list` shows them all)"
        case .names:
            if authorities(in: category).isEmpty {
                return "no authorities in category '\(category)' yet: import some with `foibandit db import FILE.csv`"
            }
            return "no authority in '\(category)' has two keywords that suit it: import keywords for the category, or spin with --chaos"
        }
    }
}
