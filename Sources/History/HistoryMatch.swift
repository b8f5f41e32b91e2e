import FOI
import Foundation

/// A history letter ready for the store: matched (or not), with keywords and its duplicate hash.
public struct HistoryEntry: Codable, Sendable, Equatable {
    /// The matched authority's full name; nil when no authority matched (the letter is kept all the same).
    public var authorityName: String?
    public var rawAuthority: String
    public var title: String
    public var body: String
    public var date: String
    public var keywords: [String]
    /// How the authority was matched ("name", "short name", "email domain", "greeting", "mentioned") or nil.
    public var matchedBy: String?
    public var source: String
    public var contentHash: String
    /// Close candidates for an unmatched authority, for the import report.
    public var suggestions: [String]
}

/// Matches imported letters to the store's authorities and keywords.
public struct HistoryMatcher: Sendable {
    public let authorities: [Authority]
    public let keywords: [Keyword]
    let byName: [String: Authority]
    /// The one name resolver every entry point uses.
    let resolver: AuthorityResolver
    let byDomain: [String: Authority]
    let index: AuthorityNameIndex
    let keywordStems: [(Keyword, [String])]

    public init(authorities: [Authority], keywords: [Keyword]) {
        self.authorities = authorities; self.keywords = keywords
        var n = [String: Authority](), d = [String: Authority]()
        for a in authorities { n[Self.key(a.name)] = n[Self.key(a.name)] ?? a }
        // Only hosts that belong to one authority: many share www.gov.uk/government/organisations/...
        let hosts = Dictionary(grouping: authorities.compactMap { a in Self.host(a.website).map { ($0, a) } }, by: \.0)
        for (h, list) in hosts where list.count == 1 { d[h] = list[0].1 }
        byName = n; byDomain = d
        resolver = AuthorityResolver(authorities)
        index = AuthorityNameIndex(authorities)
        keywordStems = keywords.map { ($0, TextTools.contentStems($0.text)) }.filter { !$0.1.isEmpty }
    }

    static func key(_ s: String) -> String { TextTools.words(s).joined(separator: " ") }

    /// `https://www.leeds.gov.uk/foi` -> `leeds.gov.uk`
    static func host(_ website: String) -> String? {
        var w = website.lowercased().trimmingSpaces
        guard !w.isEmpty else { return nil }
        for p in ["https://", "http://"] where w.hasPrefix(p) { w.removeFirst(p.count) }
        if let slash = w.firstIndex(of: "/") { w = String(w[..<slash]) }
        if w.hasPrefix("www.") { w.removeFirst(4) }
        return w.isEmpty ? nil : w
    }

    /// Greetings that name no one in particular.
    static let genericGreetings: Set<String> = [
        "foi officer", "sir or madam", "sir madam", "sirs", "foi team", "information governance", "freedom of information officer",
        "foi", "sir", "madam", "information officer", "records manager", "data protection officer", "colleague", "colleagues",
    ]

    /// Name, short name, the `To:` domain against the authority websites, the greeting, then a single
    /// authority named in the letter.
    public func match(_ r: HistoryRequest) -> (Authority, String)? {
        var raw = r.rawAuthority.trimmingSpaces
        for suffix in [" foi team", " foi", " freedom of information team", " information governance", " foi officer"]
        where raw.lowercased().hasSuffix(suffix) { raw = String(raw.dropLast(suffix.count)) }
        if !raw.isEmpty, !raw.contains("@"), case .resolved(let a, let how) = resolver.resolve(raw) { return (a, how.rawValue) }
        let addr = r.toAddress ?? (raw.contains("@") ? raw.lowercased() : nil)
        if let addr, let at = addr.lastIndex(of: "@") {
            var domain = String(addr[addr.index(after: at)...])
            // foi@council.gov.uk, or a subdomain of the website's host
            while true {
                if let a = byDomain[domain] { return (a, "email domain") }
                guard let dot = domain.firstIndex(of: "."), domain[domain.index(after: dot)...].contains(".") else { break }
                domain = String(domain[domain.index(after: dot)...])
            }
        }
        let lines = TextTools.lines(r.body)
        if let first = lines.first, first.lowercased().hasPrefix("dear ") {
            let g = Self.key(String(first.dropFirst(5)))
            // No typos here: a greeting to a person ("Dear Ms Smith") must not turn into a body.
            if !Self.genericGreetings.contains(g), case .resolved(let a, _) = resolver.resolve(g, guesses: false) { return (a, "greeting") }
        }
        // A single authority named in the letter (longest names win inside the index).
        let none = Authority(name: "\u{1}", shortName: "", group: "", category: "", nation: .uk, regime: .foia2000)
        let found = index.matches(in: TextTools.wordsKeepingCase(r.title + "\n" + r.body), target: none)
        let names = Set(found.map(\.name))
        if names.count == 1, let a = byName[Self.key(names.first!)] { return (a, "mentioned") }
        return nil
    }

    /// Known keywords whose content words all occur in one sentence of the title or body, most
    /// mentioned first.
    public func knownKeywords(in title: String, _ body: String, limit: Int = 3) -> [String] {
        let sentences = ([title] + TextTools.sentences(body)).map { Set(TextTools.words($0).map(TextTools.stem)) }
        var hits: [(String, Int, Int)] = []
        for (k, stems) in keywordStems {
            let n = sentences.filter { s in stems.allSatisfy { s.contains($0) } }.count
            if n > 0 { hits.append((k.text, n, stems.count)) }
        }
        hits.sort { ($0.1, $0.2, $1.0) > ($1.1, $1.2, $0.0) }
        // Drop a keyword contained in a longer one already taken ("repairs" inside "pothole repairs").
        var out: [String] = []
        for h in hits where out.count < limit {
            let hs = Set(TextTools.contentStems(h.0))
            if out.contains(where: { hs.isSubset(of: Set(TextTools.contentStems($0))) }) { continue }
            out.append(h.0)
        }
        return out
    }

    /// Prepares letters for the store. `corpus` (every letter of the person's history, this import
    /// included) lets "distinctive phrases" skip the person's own boilerplate.
    public func entries(_ requests: [HistoryRequest], corpus: [String]) -> [HistoryEntry] {
        let phrases = DistinctivePhrases(corpus: corpus)
        return requests.map { r in
            let m = match(r)
            var kws = r.keywords
            if kws.isEmpty {
                kws = knownKeywords(in: r.title, r.body)
                for p in phrases.top(in: r.title + "\n" + r.body, limit: 2)
                where !kws.contains(where: { Set(TextTools.contentStems($0)).isSuperset(of: TextTools.contentStems(p)) }) {
                    kws.append(p)
                }
            }
            let suggestions = m == nil && !r.rawAuthority.isEmpty ? resolver.candidates(r.rawAuthority) : []
            return HistoryEntry(authorityName: m?.0.name, rawAuthority: r.rawAuthority.isEmpty ? (r.toAddress ?? "") : r.rawAuthority,
                                title: r.title.isEmpty ? Self.title(from: kws) : r.title, body: r.body, date: r.date,
                                keywords: kws, matchedBy: m?.1, source: r.source,
                                contentHash: Self.contentHash(r.body), suggestions: suggestions)
        }
    }

    static func title(from keywords: [String]) -> String {
        guard let f = keywords.first else { return "" }
        return f.prefix(1).uppercased() + f.dropFirst() + (keywords.count > 1 ? " and \(keywords[1])" : "")
    }

    /// The duplicate key: FNV-1a of the body's lower-cased words, so spacing, line breaks and
    /// punctuation changes do not make a copy look new.
    public static func contentHash(_ body: String) -> String {
        StableHash.hex(StableHash.fnv1a(TextTools.words(body).joined(separator: " ")))
    }
}

/// Two- and three-word phrases of content words that are frequent in one letter and rare across
/// the person's history (tf·idf), so a letter about "pupil referral units" gets that phrase while
/// "preferred format" (in every letter) never becomes a keyword.
struct DistinctivePhrases {
    let df: [String: Int]
    let n: Int

    init(corpus: [String]) {
        var d = [String: Int]()
        for text in corpus { for g in Set(Self.grams(text)) { d[g, default: 0] += 1 } }
        df = d; n = corpus.count
    }

    static let extraStop: Set<String> = [
        "please", "provide", "would", "like", "information", "request", "requesting", "recorded", "dear", "regards",
        "kind", "yours", "faithfully", "sincerely", "following", "number", "each", "year", "years", "copy", "act",
        "freedom", "under", "i", "you", "your", "my", "me", "we", "our", "this", "that", "which", "have", "has",
        "was", "were", "will", "can", "could", "do", "does", "did", "not", "if", "so", "also", "been", "there", "it",
        "they", "them", "those", "these", "what", "who", "how", "when", "any", "since", "last", "period", "officer",
        "foi", "total", "many", "much", "how", "am", "writing", "ask", "asking", "thank", "thanks", "email",
    ]

    static func grams(_ text: String) -> [String] {
        let w = TextTools.words(text)
        var out: [String] = []
        var run: [String] = []
        func flush() {
            if run.count >= 2 { for i in 0..<(run.count - 1) { out.append(run[i] + " " + run[i + 1]) } }
            if run.count >= 3 { for i in 0..<(run.count - 2) { out.append(run[i...(i + 2)].joined(separator: " ")) } }
            run = []
        }
        for x in w {
            if TextTools.stopwords.contains(x) || extraStop.contains(x) || Int(x) != nil || x.count < 3 { flush() } else { run.append(x) }
        }
        flush()
        return out
    }

    func top(in text: String, limit: Int) -> [String] {
        var tf = [String: Int]()
        for g in Self.grams(text) { tf[g, default: 0] += 1 }
        let scored = tf.compactMap { g, c -> (String, Double)? in
            let d = df[g] ?? 1
            if n >= 5 && Double(d) / Double(n) > 0.3 { return nil }     // the person's boilerplate
            let idf = log(Double(max(n, 1) + 1) / Double(d))
            return (g, Double(c) * idf * (g.split(separator: " ").count == 3 ? 1.2 : 1))
        }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        var out: [String] = []
        for (g, _) in scored where out.count < limit {
            if out.contains(where: { $0.contains(g) || g.contains($0) }) { continue }
            out.append(g)
        }
        return out
    }
}
