import Foundation

/// Names through placeholders. A model trained with name slots writes "{authority}" where the prompt's
/// authority stands and "{k1}", "{k2}", … where its keywords do ("{K1}" for a keyword that opens a sentence),
/// and the writer fills them in. Copying a rare name token by token is what a small model does worst
/// ("unpension debt", "animal penalty notices"); a slot cannot be garbled, and a letter that leaves a keyword
/// out leaves out a slot the decoder can see. The mapping is lossless: `fill(delexicalise(l)) == l`.
public struct NameSlots: Sendable, Equatable {
    public static let authoritySlot = "{authority}"

    /// (slot, text), longest text first so "fixed penalty notices" is taken before "penalty notices".
    package let names: [(slot: String, text: [UInt8])]
    private let fills: [String: String]
    private let place: String?
    /// The keyword slots whose keyword needs "the" when it stands alone ("{k1}" for "records retention schedule":
    /// `KeywordArticle.withTopicArticle`). After a governing word the slot writes its own article.
    private let articled: Set<String>
    /// Whether the body's name takes "the" within a sentence; nil where not known, and then the model's own article
    /// before `{authority}` stands.
    private let authorityArticle: Bool?

    public static func == (a: NameSlots, b: NameSlots) -> Bool { a.fills == b.fills }

    /// Every slot the writer fills for this prompt: the names' and, where the body is known, `{place}`.
    package var slots: [String] { names.map(\.slot) + (place == nil ? [] : [Self.placeSlot]) }

    /// - Parameter authority: a name that opens with "The" ("The Highland Council") is slotted without it: letters
    ///   write "the Highland Council" within a sentence and "Dear Highland Council", so "the {authority}" and
    ///   "Dear {authority}" say both, as they do for "the Environment Agency".
    /// - Parameter law: the law's figures as slots (`lawFills`), for a model trained with them.
    /// - Parameter place: where the letter sets its topic (`Nation.place`), slotted only in `placeFrames`.
    /// - Parameter authorityArticle: whether the name takes "the" within a sentence (`BodyProfile.nameTakesArticle`):
    ///   then the slot gives it, as a keyword slot gives its own (`withoutGovernedArticles`).
    public init(authority: String, keywords: [String], law: [(slot: String, text: String)] = [], place: String? = nil,
                authorityArticle: Bool? = nil) {
        self.place = place
        self.authorityArticle = authorityArticle
        var n: [(String, String)] = law.map { ($0.slot, $0.text) }
        let bare = authority.hasPrefix("The ") && authority.count > 4 ? String(authority.dropFirst(4)) : authority
        if !bare.isEmpty { n.append((Self.authoritySlot, bare)) }
        var articled: Set<String> = []
        for (i, k) in keywords.enumerated() where !k.isEmpty && i < 9 {
            n.append(("{k\(i + 1)}", k))
            if KeywordArticle.withTopicArticle(k) != nil { articled.insert("{k\(i + 1)}") }
            let cap = k.prefix(1).uppercased() + k.dropFirst()
            if cap != k { n.append(("{K\(i + 1)}", cap)) }
        }
        self.articled = articled
        fills = Dictionary(n + (place.map { [(Self.placeSlot, $0)] } ?? []), uniquingKeysWith: { a, _ in a })
        names = n.map { ($0.0, Array($0.1.utf8)) }
            .sorted { $0.1.count != $1.1.count ? $0.1.count > $1.1.count : $0.0 < $1.0 }
    }

    public init(_ p: Prompt) { self.init(authority: p.authority, keywords: p.keywords) }

    /// Names and the law's figures, for the body whose profile is `body` (nil: a body we cannot look up, whose
    /// cost limit is then left as written).
    public init(_ p: Prompt, body: BodyProfile?) {
        self.init(authority: p.authority, keywords: p.keywords, law: Self.lawFills(jurisdiction: p.jurisdiction, body: body),
                  place: body?.place, authorityArticle: body?.nameTakesArticle)
    }

    /// "{place}": the body's nation where the letter sets its topic. The model cannot tell a Welsh council's name from
    /// an English one's, nor a UK-wide regulator's: sft42 wrote "in England" in all 14 of its letters to UK-wide
    /// bodies that placed the topic, and the wrong nation failed 15 of its 600 own letters (session 30).
    public static let placeSlot = "{place}"

    /// The composer's two ways of saying where the person looks (`Phrases`' `{PLACE}`), as the words either side of
    /// the nation. Only there is the nation slotted: "England" elsewhere is part of a name ("NHS England").
    /// Read by the judge (`JudgeRules.otherNation`) and the writer's repair (`NationRepair`) too.
    public static let placeFrames: [(before: String, after: String)] = [("across public bodies in ", ""), (" in ", ", and each body's")]

    public static let costLimitSlot = "{limit}"
    public static let adviceSectionSlot = "{advice}"

    /// The figures of the law that turn on the regime and the body: the cost limit ("{limit}": "£600") and the
    /// section of the duty to advise and assist ("{advice}": "section 16"). A small model mixes up £450 and £600,
    /// and section 15 and 16, for bodies it has seen; the writer knows both, so the model need not remember them.
    /// `jurisdiction` is the prompt's label ("FOISA 2002 + EISR 2004"); requests under the regulations alone have neither.
    public static func lawFills(jurisdiction: String, body: BodyProfile?) -> [(slot: String, text: String)] {
        let laws = jurisdiction.components(separatedBy: " + ").compactMap(Law.init(rawValue:))
        guard let general = laws.first(where: { !$0.isEnvironmental }) else { return [] }
        var fills: [(slot: String, text: String)] = []
        if let limit = general == .foisa2002 ? 600 : body?.costLimit(under: general) { fills.append((costLimitSlot, "£\(limit)")) }
        if let section = general.adviceSection { fills.append((adviceSectionSlot, "section \(section)")) }
        return fills
    }

    /// The letter with each whole occurrence of a name replaced by its slot. A name is whole when no letter
    /// or digit touches it, except a plural "s" ("pothole repair" in "pothole repairs"). Curly quotes and dashes
    /// are not letters: "“pothole repair” means" is slotted too.
    public func delexicalise(_ letter: String) -> String {
        let b = Array(letter.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        scan: while i < b.count {
            if !Self.wordEnds(b, at: i) {
                for (slot, t) in names where i + t.count <= b.count && b[i] == t[0] && Array(b[i..<(i + t.count)]) == t {
                    let e = i + t.count
                    let whole = !Self.wordStarts(b, at: e)
                        || (b[e] == UInt8(ascii: "s") && !Self.wordStarts(b, at: e + 1))
                    guard whole else { continue }
                    out += Array(slot.utf8)
                    i = e
                    continue scan
                }
            }
            out.append(b[i]); i += 1
        }
        var text = Self.withoutGovernedArticles(String(decoding: out, as: UTF8.self))
        if authorityArticle != nil { text = Self.withoutArticleBeforeName(text) }
        if let place {
            for f in Self.placeFrames { text = text.replacing(f.before + place + f.after, with: f.before + Self.placeSlot + f.after) }
        }
        return text
    }

    /// A keyword slot owns its article where a governing word stands before it ("about {k1}", "a copy of {k1}"):
    /// the writer gives "the" to a keyword that needs it and none to one that takes none. Choosing it was the model's
    /// commonest slip (30 of sft48's 600 own letters: "the purchase card spending", "about records retention
    /// schedule"), and DPO on pairs that fixed it both ways made it commoner (46, session 32): the model cannot tell
    /// a mass noun from a count noun behind a slot. So a letter's "the" between a governing word and a keyword slot
    /// is not part of what the model learns to write; "{k1}s" (the keyword made plural) keeps its own.
    public static func withoutGovernedArticles(_ text: String) -> String {
        guard text.contains("the {k") else { return text }
        var out = "", rest = Substring(text)
        while let r = rest.range(of: "the {k") {
            let before = out + rest[..<r.lowerBound]
            let after = rest[r.upperBound...]
            let slotEnd = after.firstIndex(of: "}")
            let plural = slotEnd.map { after[after.index(after: $0)...].hasPrefix("s") } ?? true
            let wordStart = before.isEmpty || !(before.last!.isLetter)
            if wordStart && !plural && governs(before) {
                out = before
            } else {
                out = before + "the "
            }
            rest = rest[rest.index(r.lowerBound, offsetBy: 4)...]
        }
        return out + rest
    }

    /// The body's name owns its article too, where a word of the sentence stands before it ("a request to {authority}",
    /// not "Dear {authority}"): the model cannot tell from a name whether it takes one, and wrote "the His Majesty's
    /// Prison and Probation Service" and "the Ofcom" (sft49's own letters, session 32).
    static func withoutArticleBeforeName(_ text: String) -> String {
        let marker = "the " + authoritySlot
        guard text.contains(marker) else { return text }
        var out = "", rest = Substring(text)
        while let r = rest.range(of: marker) {
            let before = out + rest[..<r.lowerBound]
            out = before + (inSentence(before) ? "" : "the ")
            rest = rest[rest.index(r.lowerBound, offsetBy: 4)...]
        }
        return out + rest
    }

    /// Whether `before` ends with a lower-case word and a space: within a sentence, where a name may take "the".
    static func inSentence(_ before: String) -> Bool {
        guard before.hasSuffix(" ") else { return false }
        let word = before.dropLast().reversed().prefix { !$0.isWhitespace }.reversed()
        guard let first = word.first, let last = word.last else { return false }
        return first.isLetter && first.isLowercase && last.isLetter
    }

    /// Whether `before` ends with a word that governs a noun phrase after it (`KeywordArticle.governors`) and a space.
    static func governs(_ before: String) -> Bool {
        guard before.hasSuffix(" ") else { return false }
        let lower = before.dropLast().lowercased()
        return KeywordArticle.governors.contains { g in
            lower.hasSuffix(g) && (lower.count == g.count || !lower.dropLast(g.count).last!.isLetter)
        }
    }

    /// The text with every known slot replaced by its name; unknown ones ("{k4}" for three keywords) stay, and
    /// the judge fails them. `context` is the text written before it (the streamed letter so far), which a keyword
    /// slot reads for its governing word.
    public func fill(_ text: String, after context: String = "") -> String {
        guard text.contains("{") else { return text }
        var out = "", rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            rest = rest[open...]
            if let close = rest.prefix(Self.longestSlot).firstIndex(of: "}"), let name = fills[String(rest[...close])] {
                let slot = String(rest[...close])
                rest = rest[rest.index(after: close)...]
                let plural = rest.hasPrefix("s") && !(rest.dropFirst().first?.isLetter ?? false)
                let before = String((context + out).suffix(40))
                if articled.contains(slot) && !plural && Self.governs(before) { out += "the " }
                if slot == Self.authoritySlot, authorityArticle == true, Self.inSentence(before), !before.lowercased().hasSuffix("the ") { out += "the " }
                out += name
            } else {
                out.append("{")
                rest = rest.dropFirst()
            }
        }
        return out + rest
    }

    static let longestSlot = 12

    static func isWordByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c >= 0x80
    }

    /// Whether a letter or digit ends just before `i`. U+2000–U+203F (E2 80 xx: dashes, curly quotes) is punctuation.
    static func wordEnds(_ b: [UInt8], at i: Int) -> Bool {
        guard i > 0, isWordByte(b[i - 1]) else { return false }
        return !(i >= 3 && b[i - 3] == 0xE2 && b[i - 2] == 0x80)
    }

    /// Whether a letter or digit starts at `i`.
    static func wordStarts(_ b: [UInt8], at i: Int) -> Bool {
        guard i < b.count, isWordByte(b[i]) else { return false }
        return !(b[i] == 0xE2 && i + 1 < b.count && b[i + 1] == 0x80)
    }

    /// Fills slots in streamed text: holds back an opened "{" until it closes (or cannot be a slot).
    public struct Filler: Sendable {
        let slots: NameSlots
        var pending = ""
        public init(_ slots: NameSlots) { self.slots = slots }

        /// The last of what was written: a keyword slot reads its governing word there.
        var written = ""

        public mutating func push(_ chunk: String) -> String {
            pending += chunk
            // Everything before the last unclosed "{" (if it is short enough to still become a slot) is final; so is
            // a slot that has just closed once the character after it (a plural "s") has come.
            if let open = pending.lastIndex(of: "{"), pending.hasSuffix("}") || !pending[open...].contains("}"),
               pending[open...].utf8.count <= NameSlots.longestSlot {
                let done = emit(String(pending[..<open]))
                pending = String(pending[open...])
                return done
            }
            defer { pending = "" }
            return emit(pending)
        }

        public mutating func finish() -> String {
            defer { pending = "" }
            return emit(pending)
        }

        private mutating func emit(_ text: String) -> String {
            let filled = slots.fill(text, after: written)
            written = String((written + filled).suffix(40))
            return filled
        }
    }
}
