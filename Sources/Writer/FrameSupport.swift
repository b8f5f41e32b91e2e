import FOI
import Foundation

/// How much of a letter's frame (every line but its list items) anyone has written before: the word trigrams of
/// the person's own letters and of the composer's phrase banks, names masked. Reading 70 best-of-8 adapter
/// letters, 18 had a frame line of word salad that the judge passed ("I would like to build an accurate of
/// consultancy spending in a board", "please provide what you can within one charity bands"); such a line is made
/// of trigrams nobody wrote, while the person's sentences and the banks' are not. So among letters the judge finds
/// equal, the writer prefers the one with the fewest trigrams nobody wrote, then the fewest the person never
/// wrote (issue 27).
public struct FrameSupport: Sendable {
    /// The person's trigrams, and the phrase banks' (`Phrases`).
    let person: Set<String>
    let banks: Set<String>
    /// Whether the person ends every list item with a full stop ("1. The number of … ."), not only the last one
    /// ("- how many …;" then "- … ."). The base writing the items keeps to the person's ending (`LetterWriter`).
    public let itemsEndWithFullStop: Bool

    /// What a frame has that nobody wrote, what it has that the person never wrote, and how many trigrams it has.
    public struct Reading: Sendable, Equatable {
        public var unseen: [String]
        public var foreign: [String]
        public var total: Int
        /// The share of the frame the person never wrote, in thousandths: a share, not a count, so that a shorter
        /// letter is not preferred for being short (counting, the kept letters fell from 102 words to 81, the
        /// person's being 103).
        public var foreignPermille: Int { total == 0 ? 0 : 1000 * foreign.count / total }
    }

    /// `letters`: the person's letters, each with the names it was written for (its authority and keywords),
    /// which are masked so that the frame around them is what counts.
    public init(letters: [(body: String, names: [String])]) {
        var g = Set<String>()
        for l in letters { g.formUnion(Self.trigrams(in: l.body, names: l.names)) }
        person = g
        banks = Self.bankTrigrams
        // The last character of each item but a list's last, over all the letters.
        var stops = 0, others = 0
        for l in letters {
            let items = JudgeRules.listItems(l.body.components(separatedBy: "\n")).dropLast()
            for item in items { if item.trimmingSpaces.hasSuffix(".") { stops += 1 } else { others += 1 } }
        }
        itemsEndWithFullStop = stops > others
    }

    public func read(_ letter: String, names: [String]) -> Reading {
        let all = Self.trigrams(in: letter, names: names), t = all.subtracting(person)
        return Reading(unseen: t.subtracting(banks).sorted(), foreign: t.sorted(), total: all.count)
    }

    /// The letter without its frame's sentences that hold a trigram nobody wrote, where a reader loses nothing they
    /// need: not the greeting, the request itself (the first sentence after the greeting), a list's lead-in or the
    /// sign-off. In the Scottish Government's letters every candidate of two rounds ended its cost sentence "within one
    /// charity bands"; without the sentence the person's own close remains. Nil when there is nothing to drop.
    public func withoutUnseenSentences(_ letter: String, names: [String]) -> String? {
        var lines = letter.components(separatedBy: "\n")
        guard let close = lines.lastIndex(where: JudgeRules.isCloseLine) else { return nil }
        let body = lines.indices.filter { $0 < close && !lines[$0].trimmingCharacters(in: .whitespaces).isEmpty }
        guard body.count > 2 else { return nil }
        var changed = false
        for i in body.dropFirst() where Self.frameLines(lines[i]) == [lines[i]] {
            let parts = Self.sentences(lines[i])
            let kept = parts.enumerated().filter { k, sentence in
                (i == body[1] && k == 0) || sentence.hasSuffix(":")
                    || Self.trigrams(in: sentence, names: names).subtracting(person).isSubset(of: banks)
            }.map(\.element)
            guard kept.count < parts.count else { continue }
            changed = true
            lines[i] = kept.joined(separator: " ")
        }
        guard changed else { return nil }
        // A paragraph left empty goes, with the blank line that set it off.
        var out: [String] = []
        for line in lines {
            if line.isEmpty, out.last?.isEmpty == true { continue }
            out.append(line)
        }
        return out.joined(separator: "\n")
    }

    /// A line's sentences, each with its closing stop.
    static func sentences(_ line: String) -> [String] {
        var out: [String] = [], cur = ""
        let chars = Array(line)
        for (i, c) in chars.enumerated() {
            cur.append(c)
            if ".?!".contains(c), i + 1 == chars.count || chars[i + 1] == " " {
                out.append(cur.trimmingCharacters(in: .whitespaces)); cur = ""
            }
        }
        if !cur.trimmingCharacters(in: .whitespaces).isEmpty { out.append(cur.trimmingCharacters(in: .whitespaces)) }
        return out
    }

    /// The banks' phrases with each body's reference and each law's title in place; names masked.
    static let bankTrigrams: Set<String> = {
        let references = ["your organisation", "the council", "the trust", "the force", "the college", "the university",
                          "the board", "the department", "the authority", "the agency", "the service", "your office"]
        var out = Set<String>()
        for phrase in Phrases.all {
            var forms = [phrase.replacingOccurrences(of: "{THEA}", with: "{A}")]
            if phrase.contains("{ORG}") { forms = forms.flatMap { f in references.map { f.replacingOccurrences(of: "{ORG}", with: $0) } } }
            if phrase.contains("{LAW}") { forms = forms.flatMap { f in Law.allCases.map { f.replacingOccurrences(of: "{LAW}", with: $0.fullTitle) } } }
            for f in forms { out.formUnion(trigrams(in: f.replacingOccurrences(of: "{A}", with: maskWord).replacingOccurrences(of: "{K}", with: maskWord), names: [])) }
        }
        return out
    }()

    static let maskWord = " qqname "

    /// The trigrams of the frame's lines, one line at a time (a trigram does not span two lines).
    static func trigrams(in letter: String, names: [String]) -> Set<String> {
        var out = Set<String>()
        for line in frameLines(masked(letter, names: names)) {
            let w = words(line)
            guard w.count >= 3 else { continue }
            for i in 0...(w.count - 3) { out.insert(w[i..<(i + 3)].joined(separator: " ")) }
        }
        return out
    }

    /// The lines that are not list items ("- …", "• …", "1. …", "(a) …", "b) …"): the items are the base model's
    /// (`ItemSpan`), and the person's own questions are about other things.
    public static func frameLines(_ letter: String) -> [String] {
        letter.split(separator: "\n").map(String.init).filter { line in
            let t = line.drop { $0 == " " }
            guard let first = t.first else { return false }
            if "-•*–".contains(first) { return false }
            let marker = t.prefix { $0 != " " }
            let core = marker.trimmingCharacters(in: CharacterSet(charactersIn: "().:"))
            let isMarker = marker.count <= 5 && (marker.hasSuffix(")") || marker.hasSuffix("."))
                && !core.isEmpty && core.count <= 3 && core.allSatisfy { $0.isNumber || $0.isLetter }
                && (core.allSatisfy(\.isNumber) || core.count == 1 || Set(core).isSubset(of: Set("ivx")))
            return !isMarker
        }
    }

    /// Each name (and its plural) as one token, so that "the Home Office" and "Leeds City Council" read alike.
    static func masked(_ text: String, names: [String]) -> String {
        var s = text
        for n in names.filter({ $0.count >= 3 }).sorted(by: { $0.count > $1.count }) {
            s = s.replacingOccurrences(of: NSRegularExpression.escapedPattern(for: n) + "s?\\b", with: maskWord,
                                       options: [.regularExpression, .caseInsensitive])
        }
        return s
    }

    /// Lower-case words, each run of digits as "0" ("1 April 2021" and "1 July 2022" share their shape).
    static func words(_ line: String) -> [String] {
        TextTools.words(line).map { w in w.allSatisfy(\.isNumber) ? "0" : w }
    }
}
