/// Bounds on what a request may name, by characters and by UTF-8 bytes. Characters alone are not a
/// bound: "e" followed by 60,000 combining accents is one Character but 120,001 bytes, and the
/// tokenizer and edit distance work on bytes and scalars. Checked before any lookup, suggestion or
/// tokenizing, so the work a request can cause is fixed (issue 26, item 1).
public enum InputLimits {
    /// The longest seed authority name is 77 characters; room for a long official title.
    public static let authorityCharacters = 200, authorityBytes = 800
    public static let keywordCharacters = 100, keywordBytes = 400, keywords = 8
    public static let styleBytes = 40
    /// Suggestions compare at most this many characters of a name (the limit lives with the ranking).
    public static let suggestionCharacters = Suggest.queryCharacters

    /// nil when `text` fits; otherwise the message to send back, naming the field.
    public static func check(_ field: String, _ text: String, characters: Int, bytes: Int) -> String? {
        // utf8.count first: O(1) for native strings, and it caps the cost of counting characters.
        let n = text.utf8.count
        if n > bytes { return "\(field) is \(n) bytes; at most \(bytes) bytes (\(characters) characters)" }
        let c = text.count
        if c > characters { return "\(field) is \(c) characters; at most \(characters)" }
        return nil
    }

    public static func checkAuthority(_ name: String) -> String? {
        check("authority", name, characters: authorityCharacters, bytes: authorityBytes)
    }

    /// Every keyword within bounds, and not too many of them.
    public static func checkKeywords(_ texts: [String]) -> String? {
        if texts.count > keywords { return "at most \(keywords) keywords (got \(texts.count))" }
        for t in texts {
            if let m = check("keyword", t, characters: keywordCharacters, bytes: keywordBytes) { return m }
        }
        return nil
    }

    public static func checkStyle(_ style: String) -> String? {
        check("style", style, characters: styleBytes, bytes: styleBytes)
    }
}
