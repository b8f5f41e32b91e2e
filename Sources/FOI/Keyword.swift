/// A request topic, as seeded from `keywords/`.
public struct Keyword: Hashable, Codable, Sendable {
    public var text: String
    public var theme: String
    /// Categories or groups of the authority taxonomy this topic suits.
    public var categories: [String]
    /// Environmental information: the request cites the EIR 2004 (EISR 2004 in Scotland).
    public var environmental: Bool

    public init(text: String, theme: String, categories: [String], environmental: Bool) {
        self.text = text
        self.theme = theme
        self.categories = categories
        self.environmental = environmental
    }

    /// Whether a request on this topic makes sense for `authority`.
    public func suits(_ authority: Authority) -> Bool {
        // Duties in one nation's language: the Welsh language standards bind bodies in Wales (and UK bodies
        // serving it), Gaelic language plans bodies in Scotland.
        let t = text.lowercased()
        if t.contains("welsh") && authority.nation != .wales && authority.nation != .uk { return false }
        if t.contains("gaelic") && authority.nation != .scotland { return false }
        // A monitoring board runs nothing: only topics written for its own category suit it, none of its group's.
        if authority.category.hasPrefix("Independent monitoring boards") { return categories.contains(authority.category) }
        return categories.contains(authority.category) || categories.contains(authority.group)
    }
}
