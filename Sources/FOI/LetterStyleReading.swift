import FOICore
import Foundation

/// Which of the five styles a letter is written in, as a reader sees it: the style's own sentences from the
/// phrase banks (a table's layout, a documents request's "copies of", a detailed letter's definitions), else its
/// list's shape. A person who asked for a table and got a list of documents did not get what they asked for; the
/// judge's score does not see that (a rejection-sampling round that converged on document items passed the judge
/// and lost 38 of 124 tables, session 17), so the writer's ranking, the training filter and `eval` read it here.
extension LetterStyle {
    /// The style the letter reads as; nil where it has neither a list nor a paragraph of questions.
    public static func read(_ letter: String) -> LetterStyle? {
        let lines = letter.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        func says(_ bank: [String]) -> Bool { bank.contains { p in lines.contains { PhraseTemplate(p).matches($0) } } }
        if says(Phrases.tableIntros) || says(Phrases.tableLayouts) { return .table }
        if says(Phrases.documentIntros) { return .documents }
        if says(Phrases.definitionIntros) { return .detailed }
        // Items on lines of their own ("1.", "(1)", "a)", "(a)"); else the questions run on in one paragraph.
        if lines.contains(where: isListItem) { return .numbered }
        return lines.contains { $0.count > 80 } ? .brief : nil
    }

    /// "1. ", "1) ", "(1) ", "a) ", "(a) " at a line's start: a list item.
    static func isListItem(_ line: String) -> Bool {
        var s = Substring(line)
        let open = s.first == "("
        if open { s = s.dropFirst() }
        let mark = s.prefix { $0.isNumber }
        let label = mark.isEmpty ? s.prefix(1).filter(\.isLowercase) : mark
        guard !label.isEmpty, label.count <= 2 else { return false }
        s = s.dropFirst(label.count)
        let close: Character? = s.first
        guard close == ")" || (!open && close == "." && !mark.isEmpty) else { return false }
        return s.dropFirst().first == " "
    }

    /// Whether `letter` is written in this style. A table with a single figure's worth of questions is still a
    /// table request if it asks for one; a detailed letter's items may be numbered or lettered.
    public func isFollowed(by letter: String) -> Bool { Self.read(letter) == self }
}

/// A phrase-bank sentence with its slots ("{U}", "{LAW}") as gaps: matched when its fixed parts appear in order.
struct PhraseTemplate {
    let parts: [Substring]

    init(_ phrase: String) {
        var parts: [Substring] = [], rest = phrase[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            parts.append(rest[..<open]); rest = rest[rest.index(after: close)...]
        }
        parts.append(rest)
        self.parts = parts.map { $0.trimmingCharacters(in: .whitespaces)[...] }.filter { $0.count >= 4 }
    }

    func matches(_ line: String) -> Bool {
        guard !parts.isEmpty else { return false }
        var from = line.startIndex
        for p in parts {
            guard let r = line.range(of: p, options: .caseInsensitive, range: from..<line.endIndex) else { return false }
            from = r.upperBound
        }
        return true
    }
}
