import FOI
import FOICorpus

/// Drops the list items that match no question of the banks (`ItemGrounding`) from the letter the product chose,
/// where what is left is still valid. Such an item is a last resort already (the writer prefers letters without
/// one and draws a second round for them), and reading the 99 left in sft33's 600 product letters, about half were
/// nonsense the judge passed: "The total gender identity policy, broken down by merchant category", "The total
/// spent with external suppliers-sized audit, and their total cost". What is left asks the banks' questions about
/// every keyword. Items on lines of their own only (a brief letter's one sentence stays whole); product decoding
/// only, like `DefinitionRepair`.
enum UngroundedItems {
    /// `letter` without the item lines whose text begins with one of `items`, the rest renumbered and their endings
    /// ("; and", ".") kept by their place from the end; nil when no such line is there or no item would be left.
    static func dropped(_ items: [String], from letter: String) -> String? {
        var lines = letter.components(separatedBy: "\n")
        let itemLines = lines.indices.filter { JudgeRules.stripMarker(lines[$0]) != nil }
        let off = Set(itemLines.filter { i in
            let body = JudgeRules.stripMarker(lines[i])!.trimmingCharacters(in: .whitespaces)
            return items.contains { !$0.isEmpty && body.hasPrefix($0.trimmingCharacters(in: .whitespaces)) }
        })
        guard !off.isEmpty, off.count < itemLines.count else { return nil }
        // Each line's marker, core and ending, so the kept items can take the places of the first ones.
        let parts = itemLines.map { split(lines[$0]) }
        let kept = itemLines.indices.filter { !off.contains(itemLines[$0]) }
        for (k, j) in kept.enumerated() {
            // Endings counted from the list's end: the last item keeps the full stop, the one before it the "; and".
            let ending = parts[parts.count - kept.count + k].ending
            lines[itemLines[j]] = parts[k].marker + parts[j].core + ending
        }
        for i in off.sorted(by: >) { lines.remove(at: i) }
        return lines.joined(separator: "\n")
    }

    /// A list line as its marker with the space after it ("(b) ", "2. ", "- "), its text, and the punctuation that
    /// joins it to the next item ("; and", ";", ".", or nothing).
    static func split(_ line: String) -> (marker: String, core: String, ending: String) {
        let body = JudgeRules.stripMarker(line) ?? line
        let marker = line.range(of: body).map { String(line[..<$0.lowerBound]) } ?? ""
        var core = body
        var ending = ""
        for e in ["; and", "; or", ";", ".", ","] where core.hasSuffix(e) {
            ending = e
            core.removeLast(e.count)
            break
        }
        return (marker, core, ending)
    }
}

extension LetterWriter {
    /// `l` without its items from no bank (`UngroundedItems`) where the letter stays valid and every item left is
    /// grounded; otherwise `l` as it was.
    func withoutUngroundedItems(_ l: WrittenLetter, _ r: LetterRequest) -> WrittenLetter {
        guard guardsNames, groundsItems, l.judge.valid, let off = l.ungrounded, !off.isEmpty,
              let cut = UngroundedItems.dropped(off, from: l.letter) else { return l }
        let verdict = judge.judge(letter: cut, authority: r.authority, keywords: r.keywords)
        let g = ItemGrounding(authority: r.authority, keywords: r.keywords)
        guard verdict.valid, g.ungrounded(in: cut).isEmpty else { return l }
        var out = l
        out.letter = cut
        out.judge = verdict
        out.ungrounded = []
        out.overlaps = g.overlaps(in: cut)
        out.ownQuestions = g.ownQuestions(in: cut)
        return out
    }
}
