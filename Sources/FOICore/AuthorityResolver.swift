import Foundation

/// Turns a name as a person writes it into one of the store's authorities. Every entry point uses it:
/// generate, compose, judge, batch, the HTTP API, history import, `authorities search` and the TUI's search.
///
/// Tiers, each tried only when the one before found nothing: the name or short name as written; the
/// same folded (case, accents, "&", punctuation, a leading "the"); the name forms of `NameForms`
/// (council and police designators, "Department of/for", short forms); the start of a name; then a
/// typo within a small edit budget. One body found resolves; several are listed; none gets suggestions.
public struct AuthorityResolver: Sendable {
    public enum Match: String, Sendable, Equatable {
        case name, shortName = "short name", form = "name form", abbreviation, start = "start of the name", spelling
    }

    public enum Resolution: Sendable, Equatable {
        case resolved(Authority, Match)
        case ambiguous([Authority])
        case unknown(suggestions: [String])
    }

    public let authorities: [Authority]
    private let exactName: [String: [Int]], exactShort: [String: [Int]]
    private let plain: [String: [Int]], loose: [String: [Int]], aliases: [String: [Int]]
    private let councils: [String: [Int]], police: [String: [Int]]
    /// Folded name keys in order, for the start-of-name tier.
    private let nameKeys: [String]
    /// Folded words of each name and short name, for `search`.
    private let searchWords: [[String]]
    /// Keys a typo may be measured against, as bytes: (key, authority).
    private let typoKeys: [([UInt8], Int)]
    /// Every folded word of every name and short name, for putting a mistyped word right.
    private let vocabulary: Set<String>
    private let vocabularyBytes: [[UInt8]]

    /// The most candidates an ambiguous answer lists; a query that fits more names is too broad to be one body.
    static let maxCandidates = 8

    public init(_ authorities: [Authority]) {
        self.authorities = authorities
        var en = [String: [Int]](), es = [String: [Int]](), p = [String: [Int]](), l = [String: [Int]]()
        var c = [String: [Int]](), po = [String: [Int]](), al = [String: [Int]]()
        var keys: [String] = [], words: [[String]] = [], typo: [([UInt8], Int)] = []
        func add(_ d: inout [String: [Int]], _ k: String?, _ i: Int) {
            guard let k, !k.isEmpty else { return }
            if d[k]?.contains(i) != true { d[k, default: []].append(i) }
        }
        var byName = [String: Int]()
        for (i, a) in authorities.enumerated() {
            let short = a.shortName.trimmingSpaces
            let names = short.count >= 2 ? [a.name, short] : [a.name]
            add(&en, a.name.trimmingSpaces.lowercased(), i)
            if names.count > 1 { add(&es, short.lowercased(), i) }
            for n in names {
                let k = NameForms.key(n)
                add(&p, k, i)
                add(&l, NameForms.looseKey(n), i)
                add(&c, NameForms.councilCore(n, isCouncil: n == a.name && NameForms.isCouncilCategory(a.category)), i)
                add(&po, NameForms.policeCore(n), i)
                if k.count >= 5 { typo.append((Array(k.utf8), i)) }
            }
            keys.append(NameForms.key(a.name))
            words.append(NameForms.words(names.joined(separator: " ")))
            byName[a.name] = byName[a.name] ?? i
        }
        for (alias, targets) in NameForms.aliases {
            for t in targets { if let i = byName[t] { add(&al, NameForms.key(alias), i) } }
        }
        exactName = en; exactShort = es; plain = p; loose = l; councils = c; police = po; aliases = al
        nameKeys = keys; searchWords = words; typoKeys = typo
        vocabulary = Set(words.joined())
        vocabularyBytes = vocabulary.sorted().map { Array($0.utf8) }
    }

    /// The query is cut to `InputLimits.suggestionCharacters`: no tier's work then grows with what a caller sent.
    /// Without `guesses`, only the name tiers: no start of a name, no typo (for text that may name no body).
    public func resolve(_ query: String, guesses: Bool = true) -> Resolution {
        let q = String(query.trimmingSpaces.prefix(InputLimits.suggestionCharacters))
        if let r = found(q, guesses: guesses) { return r }
        return .unknown(suggestions: q.isEmpty ? [] : suggestions(q))
    }

    private func found(_ q: String, guesses: Bool) -> Resolution? {
        guard !q.isEmpty else { return nil }
        if let r = named(q) { return r }
        guard guesses else { return nil }
        let key = NameForms.key(q)
        if key.count >= 4 {
            let starts = nameKeys.indices.filter { nameKeys[$0].hasPrefix(key + " ") }
            if starts.count <= Self.maxCandidates, let r = one(starts, .start) { return r }
        }
        // A mistyped word ("Counsil", "Birmingam") put right, then the name tiers again.
        if let fixed = respelled(key), let r = named(fixed) {
            if case .resolved(let a, _) = r { return .resolved(a, .spelling) }
            return r
        }
        return one(typoMatches(q), .spelling)
    }

    /// The tiers that read the name as written: exact, folded, name forms and short forms.
    private func named(_ q: String) -> Resolution? {
        let lower = q.lowercased()
        if let r = one(exactName[lower], .name) ?? one(exactShort[lower], .shortName) { return r }
        let key = NameForms.key(q)
        guard !key.isEmpty else { return nil }
        if let r = one(plain[key], .name) { return r }
        if let hits = aliases[key], let r = one(hits + (loose[NameForms.looseKey(q)] ?? []), .abbreviation) { return r }
        var forms: [Int] = loose[NameForms.looseKey(q)] ?? []
        if let core = NameForms.councilCore(q) { forms += councils[core] ?? [] }
        if let core = NameForms.policeCore(q) { forms += police[core] ?? [] }
        return one(forms, .form)
    }

    /// The query with each unknown word of five letters or more replaced by the one known word within
    /// its typo budget; nil when nothing changed.
    private func respelled(_ key: String) -> String? {
        var words = key.split(separator: " ").map(String.init), changed = false
        for (n, w) in words.enumerated() where w.count >= 5 && !vocabulary.contains(w) {
            let budget = NameForms.typoBudget(w), wb = Array(w.utf8)
            var best = Int.max, pick: [String] = []
            for v in vocabularyBytes where abs(v.count - wb.count) <= budget {
                guard let d = Suggest.editDistance(wb, v, within: budget) else { continue }
                if d < best { best = d; pick = [String(decoding: v, as: UTF8.self)] } else if d == best { pick.append(String(decoding: v, as: UTF8.self)) }
            }
            if pick.count == 1 { words[n] = pick[0]; changed = true }
        }
        return changed ? words.joined(separator: " ") : nil
    }

    /// One authority resolves; a few are ambiguous; none (or too many to list) is nil, for the next tier.
    private func one(_ hits: [Int]?, _ how: Match) -> Resolution? {
        guard let hits else { return nil }
        var seen = Set<Int>(), unique: [Int] = []
        for i in hits where seen.insert(i).inserted { unique.append(i) }
        if unique.count == 1 { return .resolved(authorities[unique[0]], how) }
        if unique.count > 1 && unique.count <= Self.maxCandidates {
            return .ambiguous(unique.map { authorities[$0] }.sorted { $0.name < $1.name })
        }
        return nil
    }

    /// Authorities within the typo budget of the query (as a whole name, or as a council's or force's
    /// place), at the smallest distance found.
    private func typoMatches(_ q: String) -> [Int] {
        var best = Int.max, found: [Int] = []
        func consider(_ d: Int, _ i: Int) {
            if d < best { best = d; found = [i] } else if d == best, !found.contains(i) { found.append(i) }
        }
        let key = NameForms.key(q)
        let budget = NameForms.typoBudget(key)
        if budget > 0 {
            let qb = Array(key.utf8)
            for (k, i) in typoKeys {
                if let d = Suggest.editDistance(qb, k, within: budget) { consider(d, i) }
            }
        }
        for (core, table) in [(NameForms.councilCore(q), councils), (NameForms.policeCore(q), police)] {
            guard let core else { continue }
            let b = NameForms.typoBudget(core)
            guard b > 0 else { continue }
            let qb = Array(core.utf8)
            for (k, list) in table {
                if let d = Suggest.editDistance(qb, Array(k.utf8), within: b) { for i in list { consider(d, i) } }
            }
        }
        return found
    }

    /// The names a query might mean: the one it resolves to, the candidates, or the suggestions.
    public func candidates(_ query: String) -> [String] {
        switch resolve(query) {
        case .resolved(let a, _): return [a.name]
        case .ambiguous(let list): return list.map(\.name)
        case .unknown(let s): return s
        }
    }

    /// "Did you mean" names for an unknown query, closest first.
    public func suggestions(_ query: String, limit: Int = 3) -> [String] {
        let q = String(query.prefix(InputLimits.suggestionCharacters))
        var out: [String] = []
        for a in search(q, limit: limit, resolving: false) where !out.contains(a.name) { out.append(a.name) }
        // A council or force whose place is spelt nearly so ("Lowland Council": The Highland Council).
        for (core, table) in [(NameForms.councilCore(q), councils), (NameForms.policeCore(q), police)] {
            guard let core, core.count >= 4 else { continue }
            let near = table.map { (Suggest.editDistance(core.lowercased(), $0.key.lowercased()), $0.value) }
                .filter { $0.0 <= max(2, core.count / 2) }.sorted { $0.0 < $1.0 }
            for (_, list) in near { for i in list where out.count < limit && !out.contains(authorities[i].name) { out.append(authorities[i].name) } }
        }
        for n in Suggest.closest(to: q, among: authorities.map(\.name), limit: limit) where out.count < limit && !out.contains(n) {
            out.append(n)
        }
        return Array(out.prefix(limit))
    }

    /// Bodies for a search box: what the query resolves to (or its candidates) first, then every body
    /// whose name or short name has a word starting with each word of the query, shortest name first.
    public func search(_ query: String, limit: Int = 20) -> [Authority] {
        search(query, limit: limit, resolving: true)
    }

    private func search(_ query: String, limit: Int, resolving: Bool) -> [Authority] {
        let q = String(query.trimmingSpaces.prefix(InputLimits.suggestionCharacters))
        guard !q.isEmpty, limit > 0 else { return [] }
        var out: [Authority] = []
        if resolving {
            switch found(q, guesses: true) {
            case .resolved(let a, _): out = [a]
            case .ambiguous(let list): out = list
            case .unknown, nil: break
            }
        }
        let qw = NameForms.words(q)
        guard !qw.isEmpty else { return Array(out.prefix(limit)) }
        var hits: [(Int, Int)] = []   // (whole words matched, index)
        for (i, w) in searchWords.enumerated() {
            var whole = 0, all = true
            for x in qw {
                if w.contains(x) { whole += 1 } else if !w.contains(where: { $0.hasPrefix(x) }) { all = false; break }
            }
            if all { hits.append((whole, i)) }
        }
        hits.sort { a, b in
            a.0 != b.0 ? a.0 > b.0 : authorities[a.1].name.count != authorities[b.1].name.count
                ? authorities[a.1].name.count < authorities[b.1].name.count : authorities[a.1].name < authorities[b.1].name
        }
        for (_, i) in hits where out.count < limit && !out.contains(authorities[i]) { out.append(authorities[i]) }
        return Array(out.prefix(limit))
    }

    /// What a command says when a name resolved to a body by another name; nil when it was the name itself.
    public static func note(query: String, authority: Authority, match: Match) -> String? {
        // Case, accents, "&" or a leading "the" are not worth a note.
        if match == .name, NameForms.key(query) == NameForms.key(authority.name) { return nil }
        return "'\(query.trimmingSpaces)' is \(authority.name) (by \(match.rawValue))"
    }

    /// The message for a name that did not resolve to one body.
    public static func failure(query: String, _ r: Resolution) -> String? {
        let q = query.trimmingSpaces
        switch r {
        case .resolved: return nil
        case .ambiguous(let list):
            return "'\(q)' could be any of: " + list.map { "'\($0.name)'" }.joined(separator: ", ") + "; give the full name"
        case .unknown(let s):
            return "unknown authority '\(q)'" + Suggest.didYouMean(s)
        }
    }
}
