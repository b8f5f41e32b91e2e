import FOI
import Foundation
import LM
import LMDecode
import Tokenizer

/// Holds a letter to the names its prompt gives. A small model starts a name right and then drifts
/// ("Bassetlaw District Council" → "Basset andot District Council", "Freedom of Information (Scotland) Act"
/// to an English council), because copying a rare name token by token is the hardest thing it does.
///
/// - Copy: once the letter has unmistakably begun one of the prompt's names (the authority, a keyword
///   of two or more words, the title of a law that applies), only tokens that continue that name exactly
///   are allowed, so a begun name is finished as the prompt spells it.
/// - Rivals: tokens that would complete the citation of a law of the other jurisdiction (a Scottish
///   title to an English council, an English one to a Scottish body) are ruled out.
///
/// - Slots: after the few phrases that introduce the authority in every training letter ("a request
///   to", "held by", "Dear", …), what follows is one of the words the training letters put there, the
///   authority's name spelt out in full (`CopyGuardSlots.swift`). That is where a small model, meeting a
///   name it never saw, writes a stray letter and drifts off ("a request to H request information").
///
/// Elsewhere the guard never starts a name: what the letter says is still the model's.
/// One guard per sequence; `observe` each chosen token, `constrain` each logits row before drawing.
public struct CopyGuard {
    /// A name to copy, and how much of it must already be written before the rest is held to it.
    struct Target: Equatable {
        let bytes: [UInt8]
        var need: Int
        /// The authority's name only: from this many bytes (two letters of its first distinctive word,
        /// same case) the name is held when the model itself gives it a fair chance (`softMass`).
        var early: Int? = nil
        /// The authority's name: once finished it may not run on into a longer word ("Economyief").
        /// Keywords may ("pothole repair" → "repairs").
        var isAuthority = false
        /// Held only in the name's own case: an authority's name, unless it starts with "The" ("the
        /// university's" is not "University of Bristol").
        var exactCase = false
        /// Where a law's title may stop before its year ("section 12 of the Freedom of Information Act;").
        var mayEnd: Int? = nil
    }

    /// The share of probability the model must give the name's continuation before an early match
    /// holds. Measured on the eval sets: early matches on track get 0.1–1, drifting ones ("Dear Wh" →
    /// "connectionlesey") 0.009–0.06, and the text's own words that start like a name far less.
    static let softMass: Float = 0.005

    let targets: [Target]
    /// Where the letter's next words come from a closed set (`CopyGuardSlots.swift`).
    let slots: [Slot]
    let name: [UInt8]
    /// Whether the text has named the authority yet.
    private(set) var named = false
    /// Lower-cased phrases the letter must not complete.
    let rivals: [[UInt8]]
    /// Tokens that hold a rival phrase whole: never allowed.
    let holders: [Int]
    private let vocab: TokenTable
    private(set) var text: [UInt8] = []
    private var tokens: [Int] = []

    /// - Parameter slots: hold the slots of the composer's letters (`CopyGuardSlots.swift`); off for a
    ///   person's style, whose letters have their own phrasing.
    public init(request: LetterRequest, vocabulary: TokenTable, slots holdsSlots: Bool = true) {
        var t: [Target] = []
        // Named within a sentence a "The …" body takes a small article ("the Royal Marsden NHS Foundation Trust"):
        // without it the guard took every later paragraph for an opening (session 17).
        name = Array((request.authority.name.hasPrefix("The ") ? String(request.authority.name.dropFirst(4)) : request.authority.name).utf8)
        if var a = Self.nameTarget(request.authority.name) {
            // early only inside a longer first word: "Sir" of "Sir John Soane's Museum" is also "Dear Sir"
            let e = Self.distinctiveStart(request.authority.name) + 2
            if e < a.need && Self.isWordByte(a.bytes[e]) { a.early = e }
            a.isAuthority = true
            a.exactCase = Self.distinctiveStart(request.authority.name) == 0
            t.append(a)
        }
        // Keywords are not held: the specialist questions use a keyword's words in phrases of their own
        // ("paid trade union duties" beside "trade union facility time"), so finishing a begun keyword would
        // rule out what the training letters write. The judge's names check catches a broken one.
        let j = Legislation.jurisdiction(for: request.authority, keywords: request.keywords)
        slots = holdsSlots ? Self.slots(authority: request.authority.name, keywords: request.keywords.map(\.text), law: j.citation) : []
        t += j.laws.map(Self.lawTarget)
        rivals = Self.rivalPhrases(scottish: j.general == .foisa2002).map { Array($0.utf8) }
        holders = rivals.flatMap(vocabulary.holding)
        vocab = vocabulary
        // A target begun is one that could be no other: its trigger runs past what it shares with the rest
        // ("Freedom of s…" for the keyword "freedom of speech", not the law's "Freedom of Information").
        // The authority's name also goes past a plain greeting it starts like ("Information Governance Team"
        // for the Information Commissioner's Office).
        // Nor has a name begun at the nation it starts with: "across public bodies in Northern Ireland." is the
        // persona's place, not the start of "Northern Ireland Human Rights Commission" (session 17).
        let greetings = Phrases.plainGreetings.map { Array($0.dropFirst(5).utf8) }
            + ["Northern Ireland ", "Scotland ", "Wales ", "England "].map { Array($0.utf8) }
        targets = t.map { x in
            let shared = (t.filter { $0 != x }.map(\.bytes) + (x.isAuthority ? greetings : [])).map { Self.sharedPrefix(x.bytes, $0) }.max() ?? 0
            let need = min(max(x.need, shared + 1), x.bytes.count - 1)
            var y = x
            y.need = need
            y.early = x.early.map { min(max($0, shared + 1), need) }
            return y
        }
    }

    public mutating func observe(_ token: Int) {
        let b = vocab.bytes[token]
        text += b
        tokens.append(token)
        if !named && text.count >= name.count {
            let from = max(0, text.count - name.count - b.count)
            named = (from...(text.count - name.count)).contains { text[$0..<($0 + name.count)].elementsEqual(name) }
        }
    }

    /// Sets the logits of disallowed tokens to -infinity. The first byte of a name is always a token
    /// of its own, so a begun name always has a way on.
    public func constrain(_ logits: UnsafeMutablePointer<Float>, V: Int) {
        for id in holders where id < V { logits[id] = -.infinity }
        for id in rivalCompletions() where id < V { logits[id] = -.infinity }
        if let (rests, keywords) = slotRests() {
            let allowed = (0..<V).filter { Self.continuesAny(rests, with: vocab.bytes($0)) }
            let repeats = keywords ? Sampler.repeatedNGramCompletions(tokens, n: LetterWriter.noRepeatNGram) : []
            // the model's own way into the slot, not a one-letter detour around the ban ("c" + "are")
            if let best = allowed.max(by: { logits[$0] < logits[$1] }), !repeats.contains(best) {
                var keep = [Bool](repeating: false, count: V)
                for id in allowed { keep[id] = true }
                for id in 0..<V where !keep[id] { logits[id] = -.infinity }
                return
            }
        }
        let (sure, maybe, finished) = continuations()
        if !sure.isEmpty || (!maybe.isEmpty && mass(logits, V: V, continuing: maybe) >= Self.softMass) {
            let rest = sure.isEmpty ? maybe : sure
            for id in 0..<V where !Self.continuesAny(rest, with: vocab.bytes(id)) { logits[id] = -.infinity }
        } else if finished {
            for id in 0..<V where vocab.bytes(id).first.map(Self.isWordByte) ?? true { logits[id] = -.infinity }
        }
    }

    /// What is left of every target the text has begun: surely (past its trigger), maybe (an early
    /// match of the authority), and whether the text has just finished the authority's name.
    func continuations() -> (sure: [[UInt8]], maybe: [[UInt8]], finished: Bool) {
        var sure: [[UInt8]] = [], maybe: [[UInt8]] = [], finished = false
        for t in targets {
            if t.isAuthority && Self.endsWith(text, prefix: t.bytes[...]) { finished = true; continue }
            var k = min(t.bytes.count - 1, text.count)
            while k >= (t.early ?? t.need) {
                if Self.endsWith(text, prefix: t.bytes[0..<k], exactCase: k < t.need || t.exactCase) {
                    if k < t.need {
                        maybe.append(Array(t.bytes[k...]))
                    } else if let e = t.mayEnd, k <= e {
                        sure.append(Array(t.bytes[k...]))
                        sure.append(k < e ? Array(t.bytes[k..<e]) : [])   // [] : may stop here
                    } else {
                        sure.append(Array(t.bytes[k...]))
                    }
                    break
                }
                k -= 1
            }
        }
        return (sure, maybe, finished)
    }

    /// The model's probability (at temperature 1) of the tokens that continue one of `rests`.
    func mass(_ logits: UnsafeMutablePointer<Float>, V: Int, continuing rests: [[UInt8]]) -> Float {
        var m = -Float.infinity
        for id in 0..<V { m = max(m, logits[id]) }
        var total: Float = 0, hit: Float = 0
        for id in 0..<V {
            let e = expf(logits[id] - m)
            total += e
            if Self.continuesAny(rests, with: vocab.bytes(id)) { hit += e }
        }
        return total > 0 ? hit / total : 0
    }

    /// Token ids that would complete a rival phrase begun in the text (`holders` hold one whole).
    func rivalCompletions() -> [Int] {
        var banned: [Int] = []
        for r in rivals {
            for k in 1..<r.count where k <= text.count && Self.endsLowered(text, with: r[0..<k]) {
                let need = r[k...]
                for id in vocab.byFirstByte[Int(need.first!)] where vocab.lowerBytes[id].starts(with: need) { banned.append(id) }
            }
        }
        return banned
    }

    static func endsLowered(_ text: [UInt8], with p: ArraySlice<UInt8>) -> Bool {
        let s = text.count - p.count
        var i = 0
        while i < p.count { if lower(text[s + i]) != p[p.startIndex + i] { return false }; i += 1 }
        return true
    }

    // MARK: targets

    static let stopwords: Set<String> = ["the", "of", "for", "and", "a", "an", "in", "on", "to", "at"]

    /// Trigger: the first distinctive word's first five letters, or a shorter word, a space and one
    /// more character (so "NHS" alone, as in "NHS trusts", does not start "NHS Counter Fraud Authority").
    static func nameTarget(_ name: String, firstWordOnly: Bool = false) -> Target? {
        let b = Array(name.utf8)
        let start = firstWordOnly ? 0 : distinctiveStart(name)
        guard start < b.count else { return nil }
        let word = b[start...].prefix { $0 != 0x20 && $0 != 0x2D }   // up to a space or hyphen
        let need = start + (word.count >= 5 && !firstWordOnly ? 5 : word.count + 2)
        return need < b.count ? Target(bytes: b, need: need) : nil
    }

    /// Where the first word that is not a stopword begins ("The Pensions Regulator": at "Pensions").
    static func distinctiveStart(_ name: String) -> Int {
        var start = 0
        for w in name.split(separator: " ", omittingEmptySubsequences: false) {
            if !stopwords.contains(w.lowercased()) { break }
            start += w.utf8.count + 1
        }
        return start
    }

    /// A law's title without "the ", triggered one character past the part it shares with another
    /// law ("Freedom of Information A…" is FOIA, "Freedom of Information (S…" FOISA), so the common
    /// phrase "Freedom of Information request" is never touched.
    static func lawTarget(_ law: Law) -> Target {
        let title = Array(law.fullTitle.dropFirst(4).utf8)
        var shared = 0
        for other in Law.allCases where other != law {
            let o = Array(other.fullTitle.dropFirst(4).utf8)
            var i = 0
            while i < min(title.count, o.count) && title[i] == o[i] { i += 1 }
            shared = max(shared, i)
        }
        let year = title.count > 5 && title.suffix(4).allSatisfy { $0 >= 0x30 && $0 <= 0x39 } ? title.count - 5 : nil
        return Target(bytes: title, need: min(shared + 1, title.count - 1), mayEnd: year)
    }

    /// Citations of the other jurisdiction's laws, as the judge recognises them (JudgeRules.citedLaws).
    static func rivalPhrases(scottish: Bool) -> [String] {
        scottish ? ["freedom of information act", "environmental information regulations", "foia", "foi act"]
                 : ["(scotland)", "foisa", "foi(s)", "eisr"]
    }

    // MARK: bytes

    static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c + 32 : c }
    static func isWordByte(_ c: UInt8) -> Bool { lower(c) >= 0x61 && lower(c) <= 0x7A || c >= 0x30 && c <= 0x39 || c >= 0x80 }

    static func sharedPrefix(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var i = 0
        while i < min(a.count, b.count) && lower(a[i]) == lower(b[i]) { i += 1 }
        return i
    }

    /// Whether `text` ends with `prefix`, starting at a word boundary; the first letter may differ in
    /// case unless `exactCase`.
    static func endsWith(_ text: [UInt8], prefix: ArraySlice<UInt8>, exactCase: Bool = false) -> Bool {
        let k = prefix.count, s = text.count - k
        guard k > 0, s >= 0 else { return false }
        if s > 0 && isWordByte(text[s - 1]) { return false }
        let first = prefix[prefix.startIndex]
        if exactCase ? text[s] != first : lower(text[s]) != lower(first) { return false }
        var i = 1
        while i < k { if text[s + i] != prefix[prefix.startIndex + i] { return false }; i += 1 }
        return true
    }

    static func continuesAny(_ rests: [[UInt8]], with token: [UInt8]) -> Bool {
        !token.isEmpty && rests.contains { continues($0, with: token) }
    }

    /// A token continues `rest` if it is a prefix of it, or holds all of it and then leaves the word.
    /// An empty rest (a law's title stopping before its year) is left by punctuation, not by " 1998".
    static func continues(_ rest: [UInt8], with token: [UInt8]) -> Bool {
        if rest.isEmpty { return !isWordByte(token[0]) && token[0] != 0x20 }
        if token.count <= rest.count { return rest.starts(with: token) }
        return token.starts(with: rest) && !isWordByte(token[rest.count])
    }
}

/// The vocabulary as bytes, built once per tokenizer for `CopyGuard` (special tokens are empty: never allowed).
public final class TokenTable: @unchecked Sendable {
    let bytes: [[UInt8]]
    let lowerBytes: [[UInt8]]
    /// Token ids by the lower-cased first byte, for the rival scan.
    let byFirstByte: [[Int]]

    /// A token's bytes; empty for special tokens and ids past the vocabulary.
    func bytes(_ id: Int) -> [UInt8] { id < bytes.count ? bytes[id] : [] }

    public init(tokenizer: BPETokenizer) {
        bytes = (0..<tokenizer.vocabSize).map { tokenizer.isSpecial($0) ? [] : tokenizer.tokenBytes($0) }
        let lowered = bytes.map { $0.map(CopyGuard.lower) }
        lowerBytes = lowered
        var first = [[Int]](repeating: [], count: 256)
        for (id, b) in lowered.enumerated() where !b.isEmpty { first[Int(b[0])].append(id) }
        byFirstByte = first
        var holding: [[UInt8]: [Int]] = [:]
        for p in (CopyGuard.rivalPhrases(scottish: true) + CopyGuard.rivalPhrases(scottish: false)).map({ Array($0.utf8) }) {
            holding[p] = lowered.indices.filter { id in
                let b = lowered[id]
                return b.count >= p.count && (0...(b.count - p.count)).contains { b[$0..<($0 + p.count)].elementsEqual(p) }
            }
        }
        holdingRival = holding
    }

    /// Tokens that hold a rival phrase whole, for each phrase of `CopyGuard.rivalPhrases`.
    private let holdingRival: [[UInt8]: [Int]]

    func holding(_ phrase: [UInt8]) -> [Int] { holdingRival[phrase] ?? [] }
}
