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
        categories.contains(authority.category) || categories.contains(authority.group)
    }
}
