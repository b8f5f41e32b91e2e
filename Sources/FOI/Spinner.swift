/// Picks an authority and two keywords that make sense together: the slot machine's reels,
/// `spin --plain` and `GET /v1/spin` all draw from here.
public struct Spinner: Sendable {
    public struct Result: Hashable, Codable, Sendable {
        public var authority: Authority
        public var keywords: [Keyword]
    }

    public let authorities: [Authority]
    public let keywords: [Keyword]

    public init(authorities: [Authority], keywords: [Keyword]) {
        self.authorities = authorities
        self.keywords = keywords
    }

    /// Authorities in `category` (matched against category or group, case-insensitively); all when nil.
    public func authorities(in category: String?) -> [Authority] {
        guard let c = category?.lowercased(), !c.isEmpty else { return authorities }
        return authorities.filter { $0.category.lowercased() == c || $0.group.lowercased() == c }
    }

    /// Keywords that suit `authority`; with `chaos`, any keyword.
    public func keywords(for authority: Authority, chaos: Bool = false) -> [Keyword] {
        chaos ? keywords : keywords.filter { $0.suits(authority) }
    }

    /// One spin. Returns nil when no authority in the category has two suitable keywords.
    public func spin(category: String? = nil, chaos: Bool = false, count: Int = 2,
                     rng: inout SplitMix64) -> Result? {
        // Only authorities with enough suitable keywords can land, so a spin never dead-ends.
        let candidates = authorities(in: category).filter { keywords(for: $0, chaos: chaos).count >= count }
        guard !candidates.isEmpty else { return nil }
        let authority = rng.pick(candidates)
        return Result(authority: authority, keywords: rng.sample(keywords(for: authority, chaos: chaos), count))
    }
}
