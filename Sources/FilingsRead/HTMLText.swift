import Foundation

/// HTML named entities beyond XML's five, as Unicode scalars. Announcement pages and iXBRL files
/// written by HTML tools use these; XML parsers reject them unless they are rewritten first.
let htmlEntities: [String: UInt32] = [
    "nbsp": 0xA0, "pound": 0xA3, "euro": 0x20AC, "copy": 0xA9, "reg": 0xAE, "trade": 0x2122,
    "ndash": 0x2013, "mdash": 0x2014, "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A, "ldquo": 0x201C,
    "rdquo": 0x201D, "bdquo": 0x201E, "hellip": 0x2026, "bull": 0x2022, "middot": 0xB7, "deg": 0xB0,
    "frac12": 0xBD, "frac14": 0xBC, "frac34": 0xBE, "times": 0xD7, "divide": 0xF7, "sect": 0xA7,
    "para": 0xB6, "cent": 0xA2, "yen": 0xA5, "laquo": 0xAB, "raquo": 0xBB, "eacute": 0xE9, "egrave": 0xE8,
    "ecirc": 0xEA, "aacute": 0xE1, "agrave": 0xE0, "acirc": 0xE2, "ccedil": 0xE7, "uuml": 0xFC, "ouml": 0xF6,
    "auml": 0xE4, "iacute": 0xED, "oacute": 0xF3, "uacute": 0xFA, "ntilde": 0xF1, "Eacute": 0xC9,
    "shy": 0xAD, "zwnj": 0x200C, "zwj": 0x200D, "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009,
    "plusmn": 0xB1, "micro": 0xB5, "sup1": 0xB9, "sup2": 0xB2, "sup3": 0xB3, "le": 0x2264, "ge": 0x2265,
    "minus": 0x2212, "dagger": 0x2020, "Dagger": 0x2021, "permil": 0x2030, "iexcl": 0xA1, "iquest": 0xBF,
    "ordf": 0xAA, "ordm": 0xBA, "not": 0xAC, "macr": 0xAF, "acute": 0xB4, "cedil": 0xB8, "uml": 0xA8,
    "curren": 0xA4, "brvbar": 0xA6, "szlig": 0xDF,
    "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27,
]

/// Decodes character references (`&amp;`, `&#163;`, `&#xA3;`, HTML named entities); unknown ones stay as written.
func decodeEntities(_ s: Substring) -> String {
    guard s.contains("&") else { return String(s) }
    var out = "", i = s.startIndex
    while i < s.endIndex {
        let c = s[i]
        if c == "&", let semi = s[i...].prefix(12).firstIndex(of: ";") {
            let name = s[s.index(after: i)..<semi]
            var scalar: UInt32?
            if name.hasPrefix("#x") || name.hasPrefix("#X") { scalar = UInt32(name.dropFirst(2), radix: 16) }
            else if name.hasPrefix("#") { scalar = UInt32(name.dropFirst()) }
            else { scalar = htmlEntities[String(name)] }
            if let v = scalar, let u = Unicode.Scalar(v) {
                out.unicodeScalars.append(u)
                i = s.index(after: semi)
                continue
            }
        }
        out.append(c)
        i = s.index(after: i)
    }
    return out
}

/// Tolerant HTML → text: drops head, scripts, styles, comments and iXBRL's hidden header; block
/// elements end lines; each table row becomes one line with cells joined by " | ".
/// Works on HTML that is not well-formed (unclosed tags, stray `<`), which announcement pages often are.
public enum HTMLText {
    static let blockTags: Set<String> = ["p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
                                          "table", "tr", "section", "article", "header", "footer", "title", "hr",
                                          "blockquote", "pre", "dd", "dt", "dl", "thead", "tbody", "caption"]
    static let skipTags: Set<String> = ["script", "style", "head", "ix:header", "noscript", "svg"]

    public static func text(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count / 3)
        var line = ""           // current line
        var cellsInRow = 0
        var inRow = false
        var inPre = 0           // inside <pre>: line breaks and runs of spaces are the layout (fixed-width tables)
        func endLine() {
            let t = inPre > 0 ? line.replacingOccurrences(of: "\u{A0}", with: " ").trimmingCharacters(in: .whitespaces).isEmpty ? "" : String(line.reversed().drop { $0 == " " }.reversed())
                : line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }).joined(separator: " ")
            if !t.isEmpty && t != "|" { out += t; out += "\n" }
            line = ""
        }
        let s = Substring(html)
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] != "<" {
                // text run up to the next tag
                let end = s[i...].firstIndex(of: "<") ?? s.endIndex
                let raw = s[i..<end]
                var text = decodeEntities(raw)
                if inPre > 0 {
                    let parts = text.replacingOccurrences(of: "\r", with: "").components(separatedBy: "\n")
                    for (k, p) in parts.enumerated() { if k > 0 { endLine() }; line += p }
                    i = end
                    continue
                }
                text = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
                line += text
                i = end
                continue
            }
            // comment or declaration
            if s[i...].hasPrefix("<!--") {
                if let r = s.range(of: "-->", range: i..<s.endIndex) { i = r.upperBound } else { i = s.endIndex }
                continue
            }
            if s[i...].hasPrefix("<!") || s[i...].hasPrefix("<?") {
                i = s[i...].firstIndex(of: ">").map { s.index(after: $0) } ?? s.endIndex
                continue
            }
            guard let close = s[i...].firstIndex(of: ">") else { line += s[i...]; break }
            let inner = s[s.index(after: i)..<close]
            let closing = inner.hasPrefix("/")
            let nameChars = inner.drop(while: { $0 == "/" }).prefix(while: { !$0.isWhitespace && $0 != "/" && $0 != ">" })
            let name = nameChars.lowercased()
            guard let first = name.first, first.isLetter else {
                // a stray "<" in text
                line += "<"
                i = s.index(after: i)
                continue
            }
            i = s.index(after: close)
            if !closing, skipTags.contains(name), !inner.hasSuffix("/") {
                // skip to the matching end tag (case-insensitive)
                if let r = s.range(of: "</" + name, options: .caseInsensitive, range: i..<s.endIndex) {
                    i = s[r.upperBound...].firstIndex(of: ">").map { s.index(after: $0) } ?? s.endIndex
                } else { i = s.endIndex }
                continue
            }
            if name == "pre" { endLine(); inPre = max(0, inPre + (closing ? -1 : 1)); continue }
            switch name {
            case "tr":
                endLine()
                inRow = !closing
                cellsInRow = 0
            case "td", "th":
                if !closing {
                    if inRow && cellsInRow > 0 { line += " | " } else { line += " " }
                    cellsInRow += 1
                } else { line += " " }
            default:
                if blockTags.contains(name) { if !(inRow && (name == "p" || name == "div" || name == "br")) { endLine() } else { line += " " } }
                else { line += "" }
            }
        }
        endLine()
        // Empty cells stay ("a |  | b"): in a form's table a blank cell is a blank column (TR-1 section 8A
        // leaves "direct" blank for an indirect holder), and dropping it shifts every later value one
        // column left. Rows with no text at all (layout spacers) go.
        return out.split(separator: "\n", omittingEmptySubsequences: true).map { l -> String in
            // a line that is not a table row keeps its leading spaces (a fixed-width line from <pre>)
            if !l.contains(" | ") { return l.allSatisfy(\.isWhitespace) ? "" : String(l) }
            let cells = l.components(separatedBy: " | ").map { $0.trimmingCharacters(in: .whitespaces) }
            return cells.allSatisfy(\.isEmpty) ? "" : cells.joined(separator: " | ")
        }.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    static let voidElements: Set<String> = ["br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr", "source"]

    /// An HTML void element written without "/>" (`<br>`, `<img src=…>`), rewritten self-closed.
    static func voidTag(_ s: Substring, at lt: Substring.Index) -> (String, Substring.Index)? {
        let nameStart = s.index(after: lt)
        let name = s[nameStart...].prefix(while: { $0.isLetter }).lowercased()
        guard voidElements.contains(name), let gt = s[nameStart...].firstIndex(of: ">") else { return nil }
        let tag = s[lt..<gt]
        if tag.hasSuffix("/") || tag.dropFirst().contains("<") { return nil }
        return (String(tag) + "/>", s.index(after: gt))
    }

    /// Rewrites what XML does not define: HTML named entities become numeric references, a bare `&`
    /// becomes `&amp;`, HTML void elements (`<br>`) are self-closed, and a DOCTYPE (which may point at
    /// an external DTD) is dropped.
    public static func xmlSafe(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 64)
        let sub = Substring(s)
        var i = sub.startIndex
        while i < sub.endIndex {
            guard let amp = sub[i...].firstIndex(where: { $0 == "&" || $0 == "<" }) else { out += sub[i...]; break }
            out += sub[i..<amp]
            if sub[amp] == "<" {
                if sub[amp...].hasPrefix("<!DOCTYPE") || sub[amp...].hasPrefix("<!doctype") {
                    i = sub[amp...].firstIndex(of: ">").map { sub.index(after: $0) } ?? sub.endIndex
                } else if let (tag, next) = voidTag(sub, at: amp) {
                    out += tag; i = next
                } else { out.append("<"); i = sub.index(after: amp) }
                continue
            }
            let after = sub.index(after: amp)
            let name = sub[after...].prefix(12).prefix(while: { $0 != ";" && ($0.isLetter || $0.isNumber || $0 == "#") })
            let end = name.endIndex
            if end < sub.endIndex, sub[end] == ";", !name.isEmpty {
                let n = String(name)
                if ["amp", "lt", "gt", "quot", "apos"].contains(n) || n.hasPrefix("#") {
                    out += "&" + n + ";"
                } else if let v = htmlEntities[n] {
                    out += "&#\(v);"
                } else {
                    out += "&amp;" + n + ";"
                }
                i = sub.index(after: end)
            } else {
                out += "&amp;"
                i = after
            }
        }
        return out
    }
}
