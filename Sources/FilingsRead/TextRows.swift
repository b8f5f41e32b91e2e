import Foundation

/// One line of a filing's text split into cells the way its layout separates them: " | " (HTML
/// tables as the reader writes them, or pipes typed by the issuer), tabs (forms pasted from Word) or
/// runs of two or more spaces (fixed-width tables). Blank cells are kept, because in a form a blank
/// cell is a blank column and dropping it moves every later value one column left.
struct Row {
    let text: String
    let cells: [String]
    /// Character offset of each cell in `text`, used to line up fixed-width columns.
    let starts: [Int]
    let fixedWidth: Bool

    init(_ raw: String) {
        let line = raw.replacingOccurrences(of: "\u{A0}", with: " ")
        text = line
        var cells: [String] = [], starts: [Int] = []
        var fixed = false
        if line.contains("|") {
            var offset = 0
            for part in line.components(separatedBy: "|") {
                cells.append(part.trimmingCharacters(in: .whitespaces)); starts.append(offset); offset += part.count + 1
            }
            if cells.count > 1, cells.last == "" { cells.removeLast(); starts.removeLast() }   // "a | b |"
        } else if line.contains("\t") {
            var offset = 0
            for part in line.components(separatedBy: "\t") {
                cells.append(part.trimmingCharacters(in: .whitespaces)); starts.append(offset); offset += part.count + 1
            }
        } else if line.firstMatch(#"\S {2,}\S"#) != nil {
            fixed = true
            var cur = "", start = 0, spaces = 0
            for (i, ch) in line.enumerated() {
                if ch == " " { spaces += 1; continue }
                if !cur.isEmpty && spaces >= 2 { cells.append(cur); starts.append(start); cur = "" }
                else if !cur.isEmpty && spaces == 1 { cur += " " }
                if cur.isEmpty { start = i }
                cur.append(ch); spaces = 0
            }
            if !cur.isEmpty { cells.append(cur); starts.append(start) }
        } else {
            cells = [line.trimmingCharacters(in: .whitespaces)]; starts = [0]
        }
        self.cells = cells; self.starts = starts; self.fixedWidth = fixed
    }

    init(text: String, cells: [String], starts: [Int], fixedWidth: Bool) {
        self.text = text; self.cells = cells; self.starts = starts; self.fixedWidth = fixedWidth
    }

    var filled: [String] { cells.filter { !$0.isEmpty } }
    var isBlank: Bool { filled.isEmpty }
}

/// A filing's text as rows, with label look-ups that work whichever way the issuer laid a form out:
/// "Label | value", "Label<TAB>value", "Label: value", or the label on one line and the value on the next.
struct Doc {
    let text: String
    let rows: [Row]
    /// The text on one line with single spaces, for sentence patterns.
    let flat: String

    init(_ raw: String) {
        // "4.95 per cent" is how many UK issuers write a percentage
        let text = raw.replacingOccurrences(of: #"(\d) ?(?:per ?cent|percent)\b"#, with: "$1%", options: [.regularExpression, .caseInsensitive])
        self.text = text
        rows = text.components(separatedBy: "\n").map(Row.init)
        flat = text.replacingOccurrences(of: "\u{A0}", with: " ").split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
            .joined(separator: " ").replacingOccurrences(of: " | ", with: " ; ")
            // "10.00 a.m. today, 11 December" is one sentence: the time's full stops would end it
            .replacingOccurrences(of: "a.m.", with: "am").replacingOccurrences(of: "p.m.", with: "pm")
    }

    /// Where the body starts in `flat`: the first line that is a sentence of ten words or more (after the
    /// issuer, headline and date lines).
    var bodyStart: String.Index {
        guard let row = rows.first(where: { $0.text.split(separator: " ").count >= 10 }) else { return flat.startIndex }
        let probe = row.text.split(whereSeparator: { $0 == " " || $0 == "\t" }).prefix(6).joined(separator: " ")
            .replacingOccurrences(of: " | ", with: " ; ")
        return flat.range(of: probe)?.lowerBound ?? flat.startIndex
    }

    /// A label cell as compared: lower case, numbering ("5.", "1a.", "a)", "(c)", "8A.", "-") and the closing
    /// colon removed, spaces collapsed.
    static func norm(_ s: String) -> String {
        var t = s.lowercased().replacingOccurrences(of: "’", with: "'")
        t = t.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        while let r = t.range(of: #"^(?:\(?\d{1,2}[a-z]?[.)]?|\(?[a-h]\)|[a-h]\.|\(?[ivx]{1,3}\)|[-*•·–])\s+"#, options: .regularExpression) {
            t.removeSubrange(r)
        }
        while let last = t.last, last == ":" || last == " " || last == "." { t.removeLast() }
        return t
    }

    /// Index of the first row at or after `from` whose text contains `needle` (case-insensitive).
    func find(_ needle: String, from: Int = 0, to: Int? = nil) -> Int? {
        let end = min(to ?? rows.count, rows.count)
        guard from < end else { return nil }
        return (from..<end).first { rows[$0].text.range(of: needle, options: .caseInsensitive) != nil }
    }

    /// The value of the first label cell that `matches` (given the cell lower case, without numbering or colon).
    func value(where matches: (String) -> Bool, nextLine: Bool = false) -> (value: String, label: String)? {
        for row in rows {
            for (k, cell) in row.cells.enumerated() where !cell.isEmpty && matches(Doc.norm(cell)) {
                if let v = row.cells[(k + 1)...].first(where: { !$0.isEmpty && $0 != ":" }) { return (v, cell) }
                if let c = cell.firstIndex(of: ":"), case let v = cell[cell.index(after: c)...].trimmingCharacters(in: .whitespaces), !v.isEmpty { return (v, cell) }
            }
        }
        return nil
    }

    /// The value of the first label that starts with one of `labels` (already lower case):
    /// the next filled cell of its row, the text after its colon, or the next filled line.
    /// A row whose value cell is present but blank ("Name<TAB>") is passed over, as is a heading that only
    /// repeats the label ("Total Voting Rights").
    func value(_ labels: [String], from: Int = 0, to: Int? = nil, nextLine: Bool = true) -> String? {
        valueRow(labels, from: from, to: to, nextLine: nextLine)?.value
    }

    func valueRow(_ labels: [String], from: Int = 0, to: Int? = nil, nextLine: Bool = true) -> (value: String, row: Int, label: String)? {
        let end = min(to ?? rows.count, rows.count)
        guard from < end else { return nil }
        rowLoop: for i in from..<end {
            let row = rows[i]
            for (k, cell) in row.cells.enumerated() where !cell.isEmpty {
                let n = Doc.norm(cell)
                // a label ending in "$" must be the whole label ("date$" is not "date of purchase"); one starting
                // with "~" may stand anywhere in it ("~dividend per share" in "Third interim dividend per share")
                guard let label = labels.first(where: { l in
                    if l.hasSuffix("$") { return n == String(l.dropLast()) || n.hasPrefix(String(l.dropLast()) + ":") }
                    if l.hasPrefix("~") { return n.contains(l.dropFirst()) }
                    return n.hasPrefix(l)
                }) else { continue }
                let bare = label.hasSuffix("$") ? String(label.dropLast()) : label.hasPrefix("~") ? String(label.dropFirst()) : label
                let after = row.cells[(k + 1)...].filter { !$0.isEmpty && $0 != ":" }
                if let v = after.first { return (v, i, cell) }
                if let colon = Doc.afterColon(cell, label: bare) { return (colon, i, cell) }
                // a blank value column ("Name<TAB>"), or a heading that repeats the label: look further down
                if row.cells.count > k + 1 || !nextLine { continue rowLoop }
                var j = i + 1
                while j < min(i + 3, rows.count), rows[j].isBlank { j += 1 }
                if j < rows.count, j <= i + 2, let v = rows[j].filled.first { return (v, j, cell) }
                continue rowLoop
            }
        }
        return nil
    }

    /// "Date of purchase: 1 October 2025" → "1 October 2025".
    static func afterColon(_ cell: String, label: String) -> String? {
        guard let c = cell.firstIndex(of: ":") else { return nil }
        let head = norm(String(cell[..<c]))
        guard head.hasPrefix(label) || label.hasPrefix(head) || head.contains(label) else { return nil }
        let v = cell[cell.index(after: c)...].trimmingCharacters(in: .whitespaces)
        return v.isEmpty ? nil : v
    }

    /// Rows from `start` up to the next blank line (or `limit` rows).
    func block(from start: Int, limit: Int = 40) -> [Int] {
        var out: [Int] = []
        var i = start
        while i < rows.count && out.count < limit && !rows[i].isBlank { out.append(i); i += 1 }
        return out
    }

    /// The cell of `row` under the header cell `column` of `header`: by position when the two rows have
    /// the same cells (or the header lacks the row-label column), by character offset in a fixed-width
    /// table; nil when the layout does not say.
    /// `reference`, a full row of the same table, settles whether the header lacks the row-label column
    /// when a sparser row has lost its blank trailing cells.
    func cell(_ row: Row, under column: Int, of header: Row, reference: Row? = nil) -> String? {
        if row.fixedWidth || header.fixedWidth {
            let lo = header.starts[column] - 2
            let hi = column + 1 < header.starts.count ? header.starts[column + 1] - 2 : Int.max
            return zip(row.cells, row.starts).first { $0.1 >= lo && $0.1 < hi }?.0 ?? ""
        }
        let rc = row.cells, hc = header.cells
        if let ref = reference, !ref.fixedWidth, ref.cells.count - hc.count == 0 || ref.cells.count - hc.count == 1 {
            let i = column + ref.cells.count - hc.count
            return i < rc.count ? rc[i] : ""
        }
        if rc.count == hc.count { return rc[column] }
        if rc.count == hc.count + 1 { return rc[column + 1] }                     // the header has no label column
        if rc.count == hc.count + 2, rc.first == "", rc.last == "" { return rc[column + 1] }   // "| a | b |"
        if rc.count < hc.count, rc.count >= 2, hc.count - rc.count <= 2 { return column < rc.count ? rc[column] : "" }   // blank trailing cells
        return nil
    }
}

extension String {
    /// Whether `pattern` matches anywhere (capture groups or not: `firstMatch` returns nil when group 1 did not take part).
    func matches(_ pattern: String) -> Bool { range(of: pattern, options: .regularExpression) != nil }

    /// First capture group of the first match (or the whole match when there are no groups).
    package func firstMatch(_ pattern: String, options: NSRegularExpression.Options = []) -> String? {
        guard let re = try? NSRegularExpression(pattern: pattern, options: options) else { return nil }
        let ns = self as NSString
        guard let m = re.firstMatch(in: self, range: NSRange(location: 0, length: ns.length)) else { return nil }
        let r = m.numberOfRanges > 1 ? m.range(at: 1) : m.range
        return r.location == NSNotFound ? nil : ns.substring(with: r)
    }
    package func firstMatchGroups(_ pattern: String, options: NSRegularExpression.Options = []) -> [String]? {
        guard let re = try? NSRegularExpression(pattern: pattern, options: options) else { return nil }
        let ns = self as NSString
        guard let m = re.firstMatch(in: self, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return (1..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0)) }
    }
    package func allMatches(_ pattern: String) -> [String] {
        guard let re = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = self as NSString
        return re.matches(in: self, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
    }
    /// Every match's capture groups.
    package func allMatchGroups(_ pattern: String, options: NSRegularExpression.Options = []) -> [[String]] {
        guard let re = try? NSRegularExpression(pattern: pattern, options: options) else { return [] }
        let ns = self as NSString
        return re.matches(in: self, range: NSRange(location: 0, length: ns.length)).map { m in
            (1..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0)) }
        }
    }
}
