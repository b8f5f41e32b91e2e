import Foundation

/// The prompt format of DESIGN.md ("Prompt format"):
///
///     <|authority|> Leeds City Council<|jurisdiction|> FOIA 2000<|keywords|> pothole repairs; compensation claims<|style|> default<|request|>
///     Dear Leeds City Council,
///     ...
///     Yours faithfully,
///     <|endoftext|>
///
/// The special tokens are single vocabulary entries in the tokenizer.
public struct Prompt: Codable, Equatable, Sendable {
    public var authority: String
    public var jurisdiction: String
    public var keywords: [String]
    public var style: String

    public init(authority: String, jurisdiction: String, keywords: [String], style: String) {
        self.authority = authority
        self.jurisdiction = jurisdiction
        self.keywords = keywords
        self.style = style
    }

    public init(authority: Authority, keywords: [Keyword], style: String) {
        self.init(authority: authority.name,
                  jurisdiction: Legislation.jurisdiction(for: authority, keywords: keywords).label,
                  keywords: keywords.map(\.text), style: style)
    }

    /// The prompt text, up to and including `<|request|>` and the newline after it.
    public var text: String { PromptFormat.prompt(self) }
}

public enum PromptFormat {
    public static let authorityToken = "<|authority|>"
    public static let jurisdictionToken = "<|jurisdiction|>"
    public static let keywordsToken = "<|keywords|>"
    public static let styleToken = "<|style|>"
    public static let requestToken = "<|request|>"
    public static let endToken = "<|endoftext|>"
    /// Every special token, for the tokenizer.
    public static let specialTokens = [authorityToken, jurisdictionToken, keywordsToken, styleToken, requestToken, endToken]
    public static let keywordSeparator = "; "
    public static let defaultStyle = "default"

    /// `<|authority|> NAME<|jurisdiction|> LAW<|keywords|> k1; k2<|style|> STYLE<|request|>\n`
    ///
    /// Each value follows its marker after one space, so a name tokenises in the prompt exactly as
    /// it does inside the letter (" Leeds", not "Leeds"): the model then learns to copy tokens
    /// rather than to translate between two spellings of the same word.
    public static func prompt(_ p: Prompt) -> String {
        authorityToken + " " + clean(p.authority) + jurisdictionToken + " " + clean(p.jurisdiction) + keywordsToken
            + " " + p.keywords.map(clean).joined(separator: keywordSeparator) + styleToken + " " + clean(p.style)
            + requestToken + "\n"
    }

    /// The full training text: prompt, letter (ending in a newline), end token.
    public static func document(_ p: Prompt, letter: String) -> String {
        prompt(p) + completion(letter)
    }

    /// The part the model learns to write: the letter with one trailing newline, then the end token.
    public static func completion(_ letter: String) -> String {
        var l = letter
        while l.hasSuffix("\n") { l.removeLast() }
        return l + "\n" + endToken
    }

    /// Parses a prompt (and the letter after it, if any, up to `<|endoftext|>`).
    /// Returns nil when `text` does not start with the prompt format (leading whitespace allowed).
    public static func parse(_ text: String) -> (prompt: Prompt, letter: String)? {
        var s = Substring(text)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        guard s.hasPrefix(authorityToken) else { return nil }
        s = s.dropFirst(authorityToken.count)
        guard let (authority, r1) = until(jurisdictionToken, in: s),
              let (jurisdiction, r2) = until(keywordsToken, in: r1),
              let (keywords, r3) = until(styleToken, in: r2),
              let (style, r4) = until(requestToken, in: r3) else { return nil }
        var letter = r4
        if letter.hasPrefix("\n") { letter.removeFirst() }
        if let end = letter.range(of: endToken) { letter = letter[..<end.lowerBound] }
        let kws = keywords.split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        let p = Prompt(authority: String(authority).trimmingSpaces, jurisdiction: String(jurisdiction).trimmingSpaces,
                       keywords: kws, style: String(style).trimmingSpaces)
        return (p, String(letter))
    }

    private static func until(_ token: String, in s: Substring) -> (Substring, Substring)? {
        guard let r = s.range(of: token) else { return nil }
        return (s[..<r.lowerBound], s[r.upperBound...])
    }

    /// Field values may not contain special tokens or line breaks; `;` separates keywords.
    private static func clean(_ s: String) -> String {
        var out = s
        for t in specialTokens { out = out.replacingOccurrences(of: t, with: "") }
        return out.replacingOccurrences(of: "\n", with: " ").trimmingSpaces
    }
}

/// The five letter styles the composer writes in. The style name goes in the prompt's `<|style|>` field.
public enum LetterStyle: String, CaseIterable, Codable, Sendable {
    /// Numbered and formal.
    case numbered
    /// One short paragraph with inline (a), (b), (c) items.
    case brief
    /// With definitions, then numbered items.
    case detailed
    /// Copies of documents and policies.
    case documents
    /// A data table: figures by year, with a layout.
    case table
}
