/// Picks an authority and two keywords that make sense together: the slot machine's reels,
/// `spin` and `GET /v1/spin` all draw from here.
public struct Spinner: Sendable {
    public struct Result: Hashable, Codable, Sendable {
        public var authority: Authority
        public var keywords: [Keyword]
    }

    public let authorities: [Authority]
    public let keywords: [Keyword]

    /// The groups and categories the authorities are in.
    public let categoryPairs: [CategoryPair]

    /// The keywords (as indices, in order) that name each category or group: a spin asks which keywords suit
    /// every authority, and most keywords name none of its two.
    private let keywordsNaming: [String: [Int]]

    public init(authorities: [Authority], keywords: [Keyword]) {
        self.authorities = authorities
        self.keywords = keywords
        var seen = Set<CategoryPair>()
        categoryPairs = authorities.map { CategoryPair(group: $0.group, category: $0.category) }.filter { seen.insert($0).inserted }
        var naming: [String: [Int]] = [:]
        for (i, k) in keywords.enumerated() { for c in Set(k.categories) { naming[c, default: []].append(i) } }
        keywordsNaming = naming
    }

    /// Authorities in `category`: a category or group in any case and spacing, or a word people use for
    /// several ("police", "nhs", "council"; see `CategoryMatch`); all when nil. Empty when the words are
    /// ambiguous or unknown (`emptySpinReason` says which).
    public func authorities(in category: String?) -> [Authority] {
        guard let category, !CategoryMatch.normalise(category).isEmpty else { return authorities }
        guard case .names(let names) = CategoryMatch.resolve(category, in: categoryPairs) else { return [] }
        return authorities.filter {
            names.contains(CategoryMatch.normalise($0.category)) || names.contains(CategoryMatch.normalise($0.group))
        }
    }

    /// Keywords that suit `authority`; with `chaos`, any keyword.
    public func keywords(for authority: Authority, chaos: Bool = false) -> [Keyword] {
        if chaos { return keywords }
        let named = Set(keywordsNaming[authority.category, default: []] + keywordsNaming[authority.group, default: []])
        return named.sorted().map { keywords[$0] }.filter { $0.suits(authority) }
    }

    /// One spin. Returns nil when no authority in the category has two suitable keywords.
    public func spin(category: String? = nil, chaos: Bool = false, count: Int = 2,
                     rng: inout SplitMix64) -> Result? {
        // Only authorities with enough suitable keywords can land, so a spin never dead-ends.
        let candidates = authorities(in: category).filter { keywords(for: $0, chaos: chaos).count >= count }
        guard !candidates.isEmpty else { return nil }
        let authority = rng.pick(candidates)
        let suited = keywords(for: authority, chaos: chaos)
        // Not one keyword inside another ("houses in multiple occupation" with "… licences"): a letter would ask the
        // same thing twice. Drawn again, so spins without such a pair stay as they were; 32 draws leave a nested
        // pair only where nearly every pair nests.
        var drawn = rng.sample(suited, count)
        for _ in 0..<32 where Keyword.anyNest(drawn) { drawn = rng.sample(suited, count) }
        return Result(authority: authority, keywords: drawn)
    }
}
