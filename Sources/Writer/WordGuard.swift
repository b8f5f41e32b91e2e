import FOI
import Foundation

/// Keeps non-words out of a sampled letter: a token that would finish a lower-case word the word list lacks,
/// or start one that no listed word begins with, is not drawn ("arrangeers", "unpension"). The judge fails a
/// letter for one non-word; a small model writes one in a fifth of its letters.
///
/// Curly quotes and dashes (E2 80 xx) end a word like any punctuation. Only words that begin in lower case or
/// with a digit are held: a capitalised word may be a name the list lacks, and words with other scripts are
/// names the judge reads by its own rules. A lower-case word with an apostrophe or a digit is held as the judge
/// reads it: a listed word ("don't", "ks1") or a listed word's possessive ("council's", "workers'"), so a history
/// adapter's "than'd" and "repul7" are not drawn; a word that begins with digits goes on only with a unit or an
/// ordinal ("10am", "3rd", "£2m"; not "3k1", "12months"), the judge's codes.
/// Each step checks the model's most likely tokens (`checked`) and draws from those that pass; when none
/// pass, the step is left as the model wrote it. One guard per sequence: `observe` each token drawn,
/// `constrain` each logits row before drawing.
public struct WordGuard {
    /// The words a letter may use: the word list (`Lexicon`) and the store's names, sorted for prefix search.
    public final class Words: @unchecked Sendable {
        let sorted: [[UInt8]]
        let set: Set<[UInt8]>

        public init(names: Set<String>) {
            // Strings sort in code point order, which is UTF-8's byte order: sorting them (ASCII compares as bytes)
            // and then taking the bytes is a third of a second quicker than sorting byte arrays, at every start.
            sorted = Lexicon.words.union(names).sorted().map { Array($0.utf8) }
            set = Set(sorted)
        }

        func contains(_ w: [UInt8]) -> Bool { set.contains(w) }

        /// Whether some word starts with `p`.
        func begins(_ p: [UInt8]) -> Bool {
            var lo = 0, hi = sorted.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if sorted[mid].lexicographicallyPrecedes(p) { lo = mid + 1 } else { hi = mid }
            }
            return lo < sorted.count && sorted[lo].starts(with: p)
        }
    }

    /// The model's most likely tokens that each step checks; the rest are not drawn (sampling keeps its
    /// top 40 of these).
    static let checked = 64
    /// How many of the next likeliest tokens a step checks first when the first `checked` all fail.
    static let fallback = 256

    struct State: Equatable {
        var word: [UInt8] = []
        var inWord = false
        /// This word is not held (capitalised, digits, apostrophe, another script).
        var free = false
        /// The bytes after an open "{", while a slot is being written.
        var slot: [UInt8]? = nil
        var prev: UInt8 = 0
        var prev2: UInt8 = 0
        /// The bytes after an opening quotation mark, while a quoted term is being written (slots models).
        var quote: [UInt8]? = nil
        /// This quotation follows "records": a keyword's definition, so it holds a slot, not a stock term.
        var quoteNeedsSlot = false
        /// A stock term's quotation just closed: its definition goes on with "includes" or "means", not with
        /// a keyword definition's "has the meaning" (the bytes of the next word so far).
        var afterStock: [UInt8]? = nil
        /// The word as written, lower-cased, apostrophes and digits kept, for a held word with either (`mixed`).
        var raw: [UInt8] = []
        /// A held (lower-case) word with an apostrophe or a digit in it: read whole against the list.
        var mixed = false
        /// The word began with a digit: what follows the digits must be a unit or an ordinal (`units`).
        var leadDigit = false
    }

    /// What may follow a number in one token and still be a code to the judge (`JudgeRules.isCode`, which this
    /// keeps to): ordinals, times, money, units.
    static let units: [[UInt8]] = ["st", "nd", "rd", "th", "am", "pm", "m", "bn", "k", "km", "mph", "kg", "mm", "cm", "ft", "kw",
                                   "kwh", "mw", "mwh", "gw", "gwh", "gb", "tb", "s", "g", "a", "b", "c", "d", "e", "f", "x", "ml",
                                   "l"].map { Array($0.utf8) }

    let words: Words
    /// The prompt's own words (authority and keywords), lower-cased.
    let extra: Set<[UInt8]>
    let vocab: TokenTable
    private(set) var state = State()

    /// The slots a slots model may write, without their "{" ("authority}", "k1}", "K1}", …); nil for a model
    /// without slots.
    let slots: [[UInt8]]?

    /// What may stand in quotation marks, closing mark included: the slots and the stock terms (slots models).
    let quotable: [[UInt8]]?
    static let stockQuoted = ["recorded information", "documents", "the period", "information", "contractor"]
    static let stockClosers = Set(stockQuoted.map { Array(($0 + "\u{201D}").utf8) })
    /// The words a stock term's definition goes on with, and the word before a keyword's quoted definition:
    /// read from the definitions bank (`Phrases`), the same one the composer writes from.
    static let stockPredicates: [[UInt8]] = Phrases.otherDefinitions.compactMap { d in
        d.components(separatedBy: "\u{201D}").dropFirst().first.flatMap { TextTools.words($0).first }.map { Array($0.utf8) }
    }
    static let slotQuoteLeads: Set<[UInt8]> = Set(Phrases.keywordDefinitions.compactMap { d in
        d.components(separatedBy: "\u{201C}").first.flatMap { TextTools.words($0).last }.map { Array($0.utf8) }
    })

    public init(words: Words, names: [String], vocabulary: TokenTable, slots: NameSlots? = nil) {
        self.words = words
        self.slots = slots.map { $0.slots.map { Array($0.utf8.dropFirst()) } }
        quotable = slots.map { sl in (sl.names.map(\.slot) + Self.stockQuoted).map { Array(($0 + "\u{201D}").utf8) } }
        extra = Set(names.flatMap { TextTools.words($0) }.map { Array($0.utf8) })
        vocab = vocabulary
    }

    public mutating func observe(_ token: Int) {
        _ = Self.scan(vocab.bytes(token), &state, known: known, mixedKnown: mixedKnown, slots: slots, quotable: quotable)
    }

    public func constrain(_ logits: UnsafeMutablePointer<Float>, V: Int) {
        // The top `checked` ids by logit.
        var top: [(Float, Int)] = []
        top.reserveCapacity(Self.checked + 1)
        for id in 0..<V where logits[id] > -.infinity {
            if top.count < Self.checked { top.append((logits[id], id)); if top.count == Self.checked { top.sort { $0.0 > $1.0 } }; continue }
            if logits[id] > top[top.count - 1].0 {
                var i = top.count - 1
                top[i] = (logits[id], id)
                while i > 0 && top[i].0 > top[i - 1].0 { top.swapAt(i, i - 1); i -= 1 }
            }
        }
        var keep = [Bool](repeating: false, count: V)
        var any = false
        for (_, id) in top where passes(id) { keep[id] = true; any = true }
        if !any {
            // Deep in a rare word the likely tokens all fail: the next most likely that keep to the list will do,
            // first among the `fallback` likeliest, then among all. A word the list begins with can always be
            // finished (every letter is a token), so the whole vocabulary is read only at such a step; left
            // unheld there, a history adapter went on to "orurelled", "hadthed", "danela them" (issue 27).
            var ranked = (0..<V).filter { logits[$0] > -.infinity }
            if ranked.count > Self.fallback {
                ranked.sort { logits[$0] > logits[$1] }
                for id in ranked.prefix(Self.fallback) where passes(id) { keep[id] = true; any = true }
                if !any { for id in ranked.dropFirst(Self.fallback) where passes(id) { keep[id] = true; any = true } }
            } else {
                for id in ranked where passes(id) { keep[id] = true; any = true }
            }
        }
        guard any else { return }
        for id in 0..<V where !keep[id] { logits[id] = -.infinity }
    }

    func passes(_ id: Int) -> Bool {
        // No end of the letter inside an open quotation or slot: held there, a model would rather stop.
        var s = state
        // Nor inside a word that is none ("danela" and the end): the end of text ends the word as a line does.
        if vocab.bytes(id).isEmpty {
            return state.quote == nil && state.slot == nil && Self.scan([10], &s, known: known, mixedKnown: mixedKnown)
        }
        guard Self.scan(vocab.bytes(id), &s, known: known, mixedKnown: mixedKnown, slots: slots, quotable: quotable) else { return false }
        guard s.inWord && !s.free else { return true }
        if s.leadDigit { return s.word.isEmpty || Self.units.contains { $0.starts(with: s.word) } }
        if s.mixed { return mixedBegins(s.raw) }
        return s.word.count < 2 || begins(s.word)
    }

    /// Whether a held word with an apostrophe or digit can still become a listed word or a listed word's
    /// possessive (the apostrophe then "s" or nothing).
    func mixedBegins(_ raw: [UInt8]) -> Bool {
        if begins(raw) { return true }
        guard let q = raw.firstIndex(of: UInt8(ascii: "'")) else { return false }
        let tail = raw[(q + 1)...]
        return known(Array(raw[..<q])) && (tail.isEmpty || Array(tail) == [UInt8(ascii: "s")])
    }

    /// Whether a held word with an apostrophe or digit, now ended, is a listed word or a listed word's possessive.
    func mixedKnown(_ raw: [UInt8]) -> Bool {
        if known(raw) { return true }
        var w = raw
        if w.last == UInt8(ascii: "s") && w.dropLast().last == UInt8(ascii: "'") { w.removeLast(2) }
        else if w.last == UInt8(ascii: "'") { w.removeLast() }
        else { return false }
        return !w.contains(UInt8(ascii: "'")) && known(w)
    }

    func known(_ w: [UInt8]) -> Bool { words.contains(w) || extra.contains(w) }
    func begins(_ p: [UInt8]) -> Bool { words.begins(p) || extra.contains { $0.starts(with: p) } }

    /// Runs `bytes` through the word state; false when a held word ends that is not a word, or (with `slots`)
    /// when a "{" opens something other than one of the prompt's slots ("{k3}" for two keywords).
    static func scan(_ bytes: [UInt8], _ s: inout State, known: ([UInt8]) -> Bool, mixedKnown: (([UInt8]) -> Bool)? = nil,
                     slots: [[UInt8]]? = nil, quotable: [[UInt8]]? = nil) -> Bool {
        for c in bytes {
            // "capital,P": a comma runs into the next word only inside a number.
            if s.prev == UInt8(ascii: ",") && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) { return false }
            // "any- performance", "full-\n": a hyphen after a word's letter joins it to the next word (the judge
            // reads "any-" as no word).
            let alnum = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57)
            let prevLetter = (s.prev2 >= 65 && s.prev2 <= 90) || (s.prev2 >= 97 && s.prev2 <= 122)
            if s.prev == UInt8(ascii: "-") && prevLetter && !alnum && s.slot == nil { return false }
            // What a slots model quotes (a definition's term) is a slot or a stock term: in quotation marks the
            // model otherwise writes the keyword itself, and garbles it ("“titter fines” has the meaning…").
            if let quotable {
                if s.quote != nil {
                    s.quote!.append(c)
                    let stock = stockClosers.contains(s.quote!)
                    if stock && s.quoteNeedsSlot { return false }
                    if quotable.contains(s.quote!) { s.quote = nil; if stock { s.afterStock = [] } }
                    else if !quotable.contains(where: { $0.starts(with: s.quote!) && !(s.quoteNeedsSlot && stockClosers.contains($0)) }) { return false }
                } else if c == 0x9C && s.prev == 0x80 && s.prev2 == 0xE2 {
                    s.quote = []
                    s.quoteNeedsSlot = !s.inWord && slotQuoteLeads.contains(s.word)
                } else if s.afterStock != nil {
                    let letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
                    if letter {
                        s.afterStock!.append(c | 0x20)
                        if !stockPredicates.contains(where: { $0.starts(with: s.afterStock!) }) { return false }
                    } else if !s.afterStock!.isEmpty || c != UInt8(ascii: " ") { s.afterStock = nil }
                }
            }
            s.prev2 = s.prev
            s.prev = c
            let inSlot = s.slot != nil
            if let slots {
                if c == UInt8(ascii: "}") && s.slot == nil { return false }
                if c == UInt8(ascii: "{") { s.slot = [] }
                else if s.slot != nil {
                    s.slot!.append(c)
                    if slots.contains(s.slot!) { s.slot = nil } else if !slots.contains(where: { $0.starts(with: s.slot!) }) { return false }
                }
            }
            // A slot's name ("k1}") is no word: the slots check above holds it.
            if inSlot && slots != nil { continue }
            let upper = c >= 65 && c <= 90, lower = c >= 97 && c <= 122, digit = c >= 48 && c <= 57
            // Held words are read whole where the judge reads them so (`mixed`, `leadDigit`); without
            // `mixedKnown` (older callers) a digit or apostrophe frees the word as before.
            let holdsMixed = mixedKnown != nil
            if upper || lower {
                if !s.inWord { s.word = []; s.raw = []; s.inWord = true; s.free = upper; s.mixed = false; s.leadDigit = false }
                s.word.append(upper ? c + 32 : c)
                s.raw.append(upper ? c + 32 : c)
            } else if c >= 0x80 && c <= 0xBF && !s.inWord {
                continue  // the rest of a quotation mark or dash (below)
            } else if holdsMixed && digit && !s.inWord {
                s.word = []; s.raw = [c]; s.inWord = true; s.free = false; s.mixed = false; s.leadDigit = true
            } else if holdsMixed && !s.free && s.inWord && (digit || c == 39) {
                // "3k1": a digit after a number's letters is no code; "ofhe'm", "repul7": read whole below.
                if s.leadDigit { if digit && !s.word.isEmpty { return false }; if c == 39 { s.free = true } }
                else { s.mixed = true }
                s.raw.append(c)
            } else if holdsMixed && c >= 0x80 && c != 0xE2 && s.inWord && !s.free && !s.leadDigit && !s.word.isEmpty {
                return false   // "yout\u{FFFD}", "danela\u{FFFD}": another script does not free a begun word
            } else if c != 0xE2 && (digit || c >= 0x80 || (c == 39 && s.inWord)) {
                if !s.inWord { s.word = []; s.raw = []; s.inWord = true }
                s.free = true
            } else {
                if s.inWord && !s.free {
                    if s.leadDigit { if !s.word.isEmpty && !units.contains(s.word) { return false } }
                    else if s.mixed { if !(mixedKnown?(s.raw) ?? true) { return false } }
                    else if s.word.count >= 2 && !known(s.word) { return false }
                }
                s.inWord = false
            }
        }
        return true
    }
}
