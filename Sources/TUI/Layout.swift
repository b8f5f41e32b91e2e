/// Pure text layout for the screen (no ncurses), so it can be tested without a terminal.
public enum Layout {
    public static let minWidth = 80
    public static let minHeight = 24

    /// Display width of a string, counting one column per character except East Asian wide
    /// characters and most emoji (two) and combining marks (none).
    public static func width(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 + width($1) } }

    static func width(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v == 0 { return 0 }
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }

    /// Cuts `s` to at most `w` columns, ending with an ellipsis when cut.
    public static func fit(_ s: String, _ w: Int) -> String {
        guard w > 0 else { return "" }
        if width(s) <= w { return s }
        var out = ""
        var used = 0
        for ch in s {
            let cw = width(String(ch))
            if used + cw > w - 1 { break }
            out.append(ch)
            used += cw
        }
        return out + "…"
    }

    /// `s` centred in `w` columns (cut when longer).
    public static func center(_ s: String, _ w: Int) -> String {
        let t = fit(s, w)
        let pad = max(0, w - width(t))
        return String(repeating: " ", count: pad / 2) + t + String(repeating: " ", count: pad - pad / 2)
    }

    /// `s` padded with spaces to exactly `w` columns (cut when longer).
    public static func pad(_ s: String, _ w: Int) -> String {
        let t = fit(s, w)
        return t + String(repeating: " ", count: max(0, w - width(t)))
    }

    /// Word-wraps `text` to `w` columns, keeping its line breaks; words longer than `w` are split.
    public static func wrap(_ text: String, _ w: Int) -> [String] {
        guard w > 0 else { return [] }
        var lines: [String] = []
        for para in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lw = 0
            for word in para.split(separator: " ", omittingEmptySubsequences: false) {
                var word = String(word)
                var ww = width(word)
                while ww > w {  // hard-split very long words
                    if lw > 0 { lines.append(line); line = ""; lw = 0 }
                    var head = "", hw = 0
                    var rest = word[...]
                    while let c = rest.first, hw + width(String(c)) <= w { head.append(c); hw += width(String(c)); rest = rest.dropFirst() }
                    lines.append(head)
                    word = String(rest); ww = width(word)
                }
                if lw == 0 && line.isEmpty {
                    line = word; lw = ww
                } else if lw + 1 + ww <= w {
                    line += " " + word; lw += 1 + ww
                } else {
                    lines.append(line); line = word; lw = ww
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// Widths of the three reels inside a cabinet of inner width `inner` (two separators between).
    public static func reelWidths(inner: Int) -> [Int] {
        let usable = inner - 2
        let r0 = usable * 44 / 100
        let r1 = (usable - r0) / 2
        return [r0, r1, usable - r0 - r1]
    }

    /// Short lamp labels for the judge's checks.
    public static func lampLabel(_ id: String) -> String {
        switch id {
        case "authority": "auth"
        case "keywords": "keywords"
        case "legislation": "law"
        case "items": "items"
        case "timeframe": "dates"
        case "format": "format"
        case "length": "length"
        case "repetition": "no-loop"
        case "finished": "ending"
        case "words": "words"
        case "names": "names"
        case "body": "body"
        case "people": "people"
        case "topic": "topic"
        case "coherence": "sense"
        case "law": "sections"
        case "signed": "signed"
        case "citation": "cites"
        default: String(id.prefix(8))
        }
    }
}
