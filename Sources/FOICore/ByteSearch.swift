extension String {
    /// Whether the text holds `needle` byte for byte: the judge's phrase tests, which run on every sampled
    /// letter, on raw UTF-8 rather than through Foundation's locale-aware search (four times slower here).
    public func has(_ needle: String) -> Bool { byteOffset(of: needle) != nil }

    /// The UTF-8 offset of the first `needle`, byte for byte.
    public func byteOffset(of needle: String) -> Int? {
        var hay = self, n = needle
        return hay.withUTF8 { h in
            n.withUTF8 { nb -> Int? in
                guard let first = nb.first, h.count >= nb.count else { return nil }
                var i = 0
                let last = h.count - nb.count
                outer: while i <= last {
                    if h[i] == first {
                        for k in 1..<nb.count where h[i + k] != nb[k] { i += 1; continue outer }
                        return i
                    }
                    i += 1
                }
                return nil
            }
        }
    }
}

extension String {
    /// The text with one character put for another (curly apostrophes, line breaks), without Foundation's
    /// search: a copy only when the character is there.
    public func replacing(_ from: Unicode.Scalar, with to: Unicode.Scalar) -> String {
        guard unicodeScalars.contains(from) else { return self }
        var out = String.UnicodeScalarView()
        for u in unicodeScalars { out.append(u == from ? to : u) }
        return String(out)
    }
}

extension String {
    /// Every `from` put as `to`, byte for byte. Chosen over the standard library's generic `replacing`, which
    /// searches character by character and was an eighth of the judge's time.
    public func replacing(_ from: String, with to: String) -> String {
        var hay = self, f = from
        return hay.withUTF8 { h in
            f.withUTF8 { nb -> String in
                guard let first = nb.first, h.count >= nb.count else { return self }
                var out: [UInt8] = []
                var i = 0, copied = 0, found = false
                let last = h.count - nb.count
                outer: while i <= last {
                    if h[i] == first {
                        for k in 1..<nb.count where h[i + k] != nb[k] { i += 1; continue outer }
                        if !found { out.reserveCapacity(h.count); found = true }
                        out.append(contentsOf: h[copied..<i])
                        out.append(contentsOf: to.utf8)
                        i += nb.count; copied = i
                        continue
                    }
                    i += 1
                }
                guard found else { return self }
                out.append(contentsOf: h[copied...])
                return String(decoding: out, as: UTF8.self)
            }
        }
    }
}
