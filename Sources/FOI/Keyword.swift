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

    /// Categories that take only topics naming them, none of their group's (scripts/seed/build_keywords.py
    /// names them on the group-wide topics that suit them).
    static let explicitOnly = ["Independent monitoring boards", "Integration Joint Boards"]

    /// A department category holds a service theme only in the departments that run it: rail is the
    /// Department for Transport's, not the Ministry of Justice's; prisons are not the Home Office's.
    static let departmentCategories: Set<String> = ["Ministerial Departments - UK", "Departments - NI"]
    static let departmentRemits: [String: [String]] = [
        "transport": ["Department for Transport"],
        "highways": ["Department for Infrastructure"],
        "courts and justice": ["Ministry of Justice", "Department of Justice", "Attorney General's Office"],
        "prisons": ["Ministry of Justice", "Department of Justice"],
        "immigration": ["Home Office"],
        "energy": ["Department for Energy Security and Net Zero"],
        "council tax and benefits": ["Department for Work and Pensions", "Department for Communities", "Department of Finance"],
    ]

    /// Whether a request on this topic makes sense for `authority`.
    public func suits(_ authority: Authority) -> Bool {
        // Duties in one nation's language: the Welsh language standards bind bodies in Wales (and UK bodies
        // serving it), Gaelic language plans bodies in Scotland.
        let t = text.lowercased()
        if t.contains("welsh") && authority.nation != .wales && authority.nation != .uk { return false }
        if t.contains("gaelic") && authority.nation != .scotland { return false }
        // A monitoring board runs nothing: only topics written for its own category suit it, none of its group's.
        // Nor does an integration joint board: it directs care that the NHS board and the council provide.
        if Self.explicitOnly.contains(where: authority.category.hasPrefix) { return categories.contains(authority.category) }
        if categories.contains(authority.category) {
            guard Self.departmentCategories.contains(authority.category), let remit = Self.departmentRemits[theme] else { return true }
            return remit.contains(where: authority.name.hasPrefix) || categories.contains(authority.group)
        }
        return categories.contains(authority.group)
    }
}
