import FOI
import Foundation

/// A place in a letter where the training letters' next words come from a closed set: after "a request
/// to" always the authority's name, after "relating to" a keyword, after "Dear" the name or the first
/// word of a plain greeting.
struct Slot: Equatable {
    /// The words before the slot ("request to"), from a word boundary.
    let phrase: [UInt8]
    /// What may follow, each with its leading space. Reaching the end of one frees the letter again.
    let next: [[UInt8]]
    /// Only as the first words of a paragraph, and only while the letter has not yet named the authority.
    var opening = false
    /// A keyword's slot: keywords the letter has not named yet come first, and it stands aside where the
    /// model's likeliest way in would repeat an n-gram already written (`noRepeatNGram`), so that
    /// "3) The number of offences involving care home fees" is not written twice.
    var keywords = false
}

extension CopyGuard {
    /// Phrases that every training letter follows with the authority's name (the composer's `{THEA}`),
    /// checked over the composer's letters by `CopyGuardTests`. The model may choose the article: the
    /// composer's rule for it is not one a small model learns for a name it never saw, and
    /// "the Forestry Commission" and "Forestry Commission" both name it.
    static let authoritySlots = ["request to", "held by", "requesting from", "information from", "grateful if", "Team at"]

    /// Phrases that every training letter follows with one of its prompt's keywords ("records relating to
    /// {K}"), checked the same way. A keyword the letter has not named yet comes first: a person who asks
    /// about two topics wants both (the composer's letters do the same in 95% of these places); among
    /// those the model chooses.
    /// (The specialist question banks follow these phrases with other words as often as with a keyword, so
    /// only the persona sentences' phrases remain.)
    static let keywordSlots = ["looking into", "touches on"]

    static func slots(authority name: String, keywords: [String], law: String) -> [Slot] {
        func bytes(_ s: String) -> [UInt8] { Array((" " + s).utf8) }
        let named = (name.lowercased().hasPrefix("the ") ? [name, "t" + name.dropFirst()] : [name, "the " + name]).map(bytes)
        var s = authoritySlots.map { Slot(phrase: Array($0.utf8), next: named) }
        if !keywords.isEmpty {
            s += keywordSlots.map { Slot(phrase: Array($0.utf8), next: keywords.map(bytes), keywords: true) }
        }
        // The greetings' first words, with "{A}" the whole name: "Dear Halesowen College" or "Dear FOI Team".
        let firsts = Set((Phrases.namedGreetings + Phrases.plainGreetings).compactMap { g -> String? in
            guard g.hasPrefix("Dear ") else { return nil }
            let w = g.dropFirst(5).prefix { $0 != " " && $0 != "," }
            // "Dear Highland Council", not "Dear The Highland Council" (the judge fails that).
            return w == "{A}" ? (name.hasPrefix("The ") ? String(name.dropFirst(4)) : name) : String(w)
        })
        s.append(Slot(phrase: Array("Dear".utf8), next: firsts.sorted().map(bytes)))
        s += openingSlots(law: law).map { phrase, words in
            Slot(phrase: Array(phrase.utf8), next: words.flatMap { $0 == "{THEA}" ? named : [bytes($0)] }, opening: true)
        }
        return s
    }

    /// The composer follows a greeting that does not name the authority with an opening that does. Where a
    /// plain opening parts from the named ones ("I am writing to" make… / {THEA}…), a letter not yet
    /// named must take a named one's next word: (the words so far, the named openings' next words).
    static func openingSlots(law: String) -> [(String, [String])] {
        func words(_ s: String) -> [String] { s.replacingOccurrences(of: "{LAW}", with: law).split(separator: " ").map(String.init) }
        // Every opening that names the body: the named openings, follow-ups of an earlier request, three-line asks.
        let named = (Phrases.namedOpenings + Phrases.followUpOpenings + Phrases.shortAsks).map(words)
        return Phrases.plainOpenings.map(words).compactMap { plain in
            let shared = named.map { n in zip(plain, n).prefix { $0 == $1 }.count }
            guard let c = shared.max(), c > 0, c < plain.count else { return nil }
            let next = Set(zip(named, shared).filter { $1 == c && $0.count > c }.map { $0.0[c] })
            return (plain.prefix(c).joined(separator: " "), next.sorted())
        }
    }

    /// The rests of the slot words the text has begun: nil when the text is in no slot, or has just
    /// finished one of its words.
    func slotRests() -> (rests: [[UInt8]], keywords: Bool)? {
        for slot in slots where !(slot.opening && named) {
            let p = slot.phrase, longest = slot.next.map(\.count).max() ?? 0
            var k = 0
            while k < longest && k + p.count <= text.count {
                let s = text.count - k - p.count
                let boundary = s == 0 || (slot.opening ? text[s - 1] == 0x0A : !Self.isWordByte(text[s - 1]))
                if boundary && text[s..<(s + p.count)].elementsEqual(p) {
                    let tail = text[(s + p.count)...]
                    if slot.next.contains(where: { $0.count == k && $0.elementsEqual(tail) }) { return nil }
                    var next = slot.next
                    if slot.keywords {
                        let fresh = next.filter { !Self.containsLowered(text, $0) }
                        if !fresh.isEmpty { next = fresh }
                    }
                    let rests = next.filter { $0.count > k && $0[0..<k].elementsEqual(tail) }.map { Array($0[k...]) }
                    if !rests.isEmpty { return (rests, slot.keywords) }
                }
                k += 1
            }
        }
        return nil
    }

    static func containsLowered(_ text: [UInt8], _ phrase: [UInt8]) -> Bool {
        guard phrase.count <= text.count else { return false }
        return (0...(text.count - phrase.count)).contains { s in
            var i = 0
            while i < phrase.count && lower(text[s + i]) == lower(phrase[i]) { i += 1 }
            return i == phrase.count
        }
    }
}
