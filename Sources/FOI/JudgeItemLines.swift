import Foundation

/// The judge's reading of a list's lines: one item a line, and nothing on an item's line that is not part of it.
extension JudgeRules {
    /// The phrase banks' sentences on the reply's format, as words.
    static let formatSentences: Set<String> = Set((Phrases.formats + Phrases.documentFormats + Phrases.tableFormats + Phrases.briefFormats)
        .map { TextTools.words($0).joined(separator: " ") })

    /// The first three words of an item ("the number of", "any internal audit"): a sentence that opens so, inside
    /// another item's line, is a second item.
    static func opening(_ text: String) -> String? {
        let w = TextTools.words(text)
        return w.count >= 3 ? w.prefix(3).joined(separator: " ") : nil
    }

    /// The first failure in the list's lines, if any.
    static func itemLines(_ ctx: LetterContext) -> Outcome? {
        // A list item run into the sentence before it: "relating to dog wardens.4. Any training".
        for line in ctx.bodyLines {
            let c = Array(line)
            for i in c.indices.dropLast(3) where c[i] == "." && (c[i + 1].isNumber || (c[i + 1] == "(" && c[i + 2].isNumber)) {
                var j = i + 1
                while j < c.count, c[j] == "(" || c[j].isNumber { j += 1 }
                if j + 1 < c.count, c[j] == "." || c[j] == ")", c[j + 1] == " " || c[j + 1].isUppercase {
                    return (false, "a list item is spliced into a sentence: “…\(String(c[max(0, i - 30)..<min(c.count, i + 20)]))…”")
                }
            }
            // Lettered items too: "how many remain outstanding.(d) The number", "were upheld.d) The number".
            for i in c.indices.dropLast(4) where c[i] == "." && (c[i + 1] == "(" && c[i + 2].isLowercase && c[i + 3] == ")" && c[i + 4] == " "
                                                            || c[i + 1].isLowercase && c[i + 2] == ")" && c[i + 3] == " " && c[i + 4].isUppercase) {
                return (false, "a list item is spliced into a sentence: “…\(String(c[max(0, i - 30)..<min(c.count, i + 20)]))…”")
            }
        }
        // A word or two after an item's full stop, with no stop of its own: "… agency nurse spending. for" (the base
        // writing a history adapter's item went on past its end, session 15). Not after "etc." or "e.g.".
        for line in ctx.bodyLines {
            guard let item = stripMarker(line), let dot = item.lastIndex(of: ".") else { continue }
            let after = item[item.index(after: dot)...].split(separator: " ")
            let before = TextTools.words(String(item[..<dot])).last ?? ""
            if (1...2).contains(after.count), after.allSatisfy({ $0.allSatisfy(\.isLowercase) }),
               !["etc", "e", "g", "i", "eg", "ie", "incl", "approx", "no", "vs"].contains(before) {
                return (false, "a stray word after the item's end: “…\(item.suffix(40))”")
            }
        }
        // A format sentence of the phrase banks on an item's line: "b) The number of complaints … upheld. Electronic
        // copies are preferred." (sft19's product table letters, session 20); it belongs below the list.
        for line in ctx.bodyLines {
            guard let item = stripMarker(line) else { continue }
            if let s = TextTools.sentences(item).dropFirst().first(where: { Self.formatSentences.contains(TextTools.words($0).joined(separator: " ")) }) {
                return (false, "a format sentence inside an item: “…\(s)”")
            }
        }
        // A second item on an item's line: "(b) The number of complaints received about accessibility audits, and how
        // many were upheld. The number of reports or briefings on the contracts register presented to …" (sft36's
        // product letter for the London Borough of Havering, session 27). A second sentence that asks for more is
        // fine ("Please provide copies."); one that opens as the letter's items open is an item of its own.
        let openings = Set(ctx.items.compactMap(opening))
        for line in ctx.bodyLines {
            guard let item = stripMarker(line) else { continue }
            if let s = TextTools.sentences(item).dropFirst().first(where: { opening($0).map(openings.contains) ?? false }) {
                return (false, "two items on one line: “…\(s.prefix(60))”")
            }
        }
        return nil
    }
}
