import Foundation

/// Whom the opening says the request is made to. A known body other than the authority is caught by name
/// (`JudgeRules.authority`); this catches the names no list holds: the v2 model wrote "I am making a request to
/// the State Hospitals NHS Foundation Trust" in a letter to The Shrewsbury and Telford Hospital NHS Trust, and
/// the judge scored it 100.
extension JudgeRules {
    /// The words that put the addressee's name next ("writing to X", "held by X").
    static let addresseeLeads = ["writing to ", "request to ", "held by ", "information from ", "requesting from ", "request from "]

    /// Small words inside bodies' names ("Over and Willingham", "Bòrd na Gàidhlig"), kept only between
    /// capitalised words.
    static let nameConnectors: Set<String> = ["of", "and", "for", "the", "on", "upon", "in", "na", "nan", "an", "y", "le"]

    /// The name written after a lead in `line`, as its words: capitalised words up to the first lower-case word
    /// or punctuation, with a leading "the" dropped. Nil when what follows is not such a name ("your
    /// organisation", "the council") or is one word only (an initialism could be anyone's).
    static func addressee(after lead: String, in line: String) -> [String]? {
        guard let r = line.range(of: lead, options: .caseInsensitive) else { return nil }
        var tail = line[r.upperBound...]
        if let stop = tail.firstIndex(where: { ",.;:()\u{201C}\"".contains($0) }) { tail = tail[..<stop] }
        var run: [String] = []
        for w in TextTools.wordsKeepingCase(String(tail)) {
            if w.first?.isUppercase == true || w.first?.isNumber == true { run.append(w); continue }
            if nameConnectors.contains(w) { run.append(w); continue }
            break
        }
        while let last = run.last, nameConnectors.contains(last) { run.removeLast() }
        while let first = run.first, nameConnectors.contains(first.lowercased()) { run.removeFirst() }
        return run.filter { !nameConnectors.contains($0) }.count >= 2 ? run : nil
    }

    /// The other body the opening addresses the request to, or nil when it names the authority (in any of its
    /// forms, in part, or within a longer name) or no name at all.
    static func otherAddressee(_ opening: String, authority: Authority) -> String? {
        let forms = AuthorityNameIndex.variants(of: authority).map { TextTools.words($0).filter { $0 != "the" } }
        for lead in addresseeLeads {
            guard let run = addressee(after: lead, in: opening) else { continue }
            let words = run.map { $0.lowercased() }.filter { $0 != "the" }
            let written = run.joined(separator: " ")
            if forms.contains(where: { contains(words, $0) || contains($0, words) }) || namesPartOf(authority, in: written) { continue }
            return written
        }
        return nil
    }

    /// Whether `part` appears in `whole` as consecutive words.
    package static func contains(_ whole: [String], _ part: [String]) -> Bool {
        guard !part.isEmpty, part.count <= whole.count else { return false }
        return (0...(whole.count - part.count)).contains { Array(whole[$0..<($0 + part.count)]) == part }
    }
}
