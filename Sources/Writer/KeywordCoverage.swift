import FOI
import Foundation

/// A keyword the letter never names, put in place of one it names in two items. The model's table letters ask three
/// things and, for three keywords, often name one of them twice ("reports or briefings on the school nurses …", "staff
/// working on the school nurses") and leave another out: all eight candidates of 3 of dpo23's 200 ordinary product
/// letters did (session 31). The judge decides whether the swapped item suits the keyword it now names.
/// Or in place of an item that names no keyword, another item's frame asked of the missing one: where the frame guard
/// holds a keyword out of a frame that does not suit it ("staff working on" a sum), the model ends the item on a topic
/// of its own ("staff working on information requests, records management and data protection"), and 3 of sft51's
/// 200 ordinary product letters left a keyword out so in every candidate (session 32).
enum KeywordCoverage {
    /// The letter with one keyword swapped in, the first the judge passes; nil when every keyword is named or no swap
    /// passes.
    static func repaired(_ letter: String, keywords: [Keyword], authority: Authority, judge: Judge) -> (String, JudgeResult)? {
        let texts = keywords.map(\.text)
        for c in candidates(letter, keywords: texts) {
            let fixed = KeywordArticle.repair(c, keywords: texts)
            let v = judge.judge(letter: fixed, authority: authority, keywords: keywords)
            if v.valid { return (fixed, v) }
        }
        return nil
    }

    /// Each letter made by naming a missing keyword in place of a keyword that two items name, item by item; then each
    /// made by giving an item that names no keyword another item's frame about the missing one.
    static func candidates(_ letter: String, keywords: [String]) -> [String] {
        let missing = keywords.filter { range(of: $0, in: letter, within: letter.startIndex..<letter.endIndex) == nil }
        guard !missing.isEmpty else { return [] }
        let items = JudgeRules.listItems(TextTools.lines(letter))
        func names(_ item: String, _ k: String) -> Bool { range(of: k, in: item, within: item.startIndex..<item.endIndex) != nil }
        var out: [String] = []
        for m in missing {
            for item in items {
                guard let at = letter.range(of: item) else { continue }
                for d in keywords where d != m && names(item, d) && items.filter({ names($0, d) }).count >= 2 {
                    guard let r = range(of: d, in: letter, within: at) else { continue }
                    let opens = letter[r].first?.isUppercase == true && d.first?.isLowercase == true
                    out.append(letter.replacingCharacters(in: r, with: opens ? m.prefix(1).uppercased() + m.dropFirst() : m))
                }
            }
        }
        for m in missing {
            for orphan in items where !keywords.contains(where: { names(orphan, $0) }) {
                guard let at = letter.range(of: orphan) else { continue }
                for source in items where source != orphan {
                    let named = keywords.filter { names(source, $0) }
                    guard named.count == 1, let r = range(of: named[0], in: source, within: source.startIndex..<source.endIndex) else { continue }
                    let opens = source[r].first?.isUppercase == true && named[0].first?.isLowercase == true
                    let item = source.replacingCharacters(in: r, with: opens ? m.prefix(1).uppercased() + m.dropFirst() : m)
                    out.append(letter.replacingCharacters(in: at, with: item))
                }
            }
        }
        return out
    }

    /// The first whole occurrence of `keyword` in `text` within `bounds`, case aside: no letter or digit either side.
    static func range(of keyword: String, in text: String, within bounds: Range<String.Index>) -> Range<String.Index>? {
        var from = bounds.lowerBound
        while let r = text.range(of: keyword, options: .caseInsensitive, range: from..<bounds.upperBound) {
            let before = r.lowerBound > text.startIndex ? text[text.index(before: r.lowerBound)] : " "
            let after = r.upperBound < text.endIndex ? text[r.upperBound] : " "
            if !before.isLetter && !before.isNumber && !after.isLetter && !after.isNumber { return r }
            from = r.upperBound
        }
        return nil
    }
}
