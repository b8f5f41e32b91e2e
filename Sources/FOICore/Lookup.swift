/// Name lookups that are not authorities (those are `AuthorityResolver`'s).
public enum Lookup {
    public enum Outcome<T> {
        case found(T)
        case notFound(suggestions: [String])
    }

    /// Splits "k1; k2" into keyword texts.
    public static func keywordTexts(_ list: String) -> [String] {
        list.split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }
}
