import Foundation

/// Whether a letter being written is inside a list item: from a line's marker ("1.", "(a)", "b)", "•", "-") to
/// the line's end. With a history adapter the person's model writes the frame (greeting, opening, markers, close)
/// and the base model the items after each marker (`LetterWriter.itemModel`): 38 letters teach a style, not how
/// to ask for recorded information, and the adapter's own items read as word salad in the person's frame.
struct ItemSpan {
    /// The start of the current line, enough to read a marker.
    private var head = ""
    /// The current line's last character and how many spaces it has had.
    private var last: Character?
    private var spaces = 0

    mutating func push(_ text: String) {
        for ch in text {
            if ch == "\n" { head = ""; last = nil; spaces = 0; continue }
            if head.count < 8 { head.append(ch) }
            if ch == " " { spaces += 1 } else { last = ch }
        }
    }

    /// An item of a few words that has just ended with a full stop: where the person ends every item with one, the
    /// line ends there (the base went on "…agency nurse spending. for", session 15).
    var itemEnded: Bool { inItem && last == "." && spaces >= 4 }

    var inItem: Bool { Self.startsWithMarker(head) }

    /// Just after the marker, before the item's first word: where the base, reading a dash, may begin one of its
    /// definition lines ("- “recorded information” includes …") instead of an item (`LetterWriter` bans a quote there).
    var atStart: Bool { inItem && Self.isMarker(head.trimmingCharacters(in: .whitespaces)) }

    static func isMarker(_ s: String) -> Bool { startsWithMarker(s) && !s.contains(" ") }

    /// A list marker followed by a space or by nothing yet: "1.", "12) ", "(iv)", "a)", "• ".
    static func startsWithMarker(_ line: String) -> Bool {
        let s = Array(line.drop { $0 == " " })
        guard let first = s.first else { return false }
        var end: Int?
        if "•-–*".contains(first) {
            end = 1
        } else if first == "(" {
            if let close = s.firstIndex(of: ")"), close >= 2, close <= 5, s[1..<close].allSatisfy({ $0.isLetter || $0.isNumber }) { end = close + 1 }
        } else if first.isNumber {
            var i = 0
            while i < s.count && i < 2 && s[i].isNumber { i += 1 }
            if i < s.count && (s[i] == "." || s[i] == ")") { end = i + 1 }
        } else if first.isLowercase, s.count >= 2, s[1] == ")" || s[1] == "." {
            end = 2
        }
        guard let end else { return false }
        return end == s.count || s[end] == " "
    }
}
