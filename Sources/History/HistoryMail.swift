import FOI
import Foundation

/// Sent requests kept as mail (`.eml`, mbox): headers, MIME parts, transfer encodings and charsets,
/// and the letter itself without quoted replies, reply chains or the signature.
public enum HistoryMail {
    struct Part {
        var headers: [String: String]
        var body: [UInt8]
    }

    /// An mbox: messages start at lines beginning `From ` (after a blank line or at the top);
    /// `>From ` inside a message is unescaped.
    public static func mbox(_ data: Data, file: String) -> HistoryParser.Result {
        var r = HistoryParser.Result()
        let bytes = [UInt8](data)
        var starts: [Int] = []
        var i = 0
        while i < bytes.count {
            let atLineStart = i == 0 || bytes[i - 1] == 0x0A
            if atLineStart, bytes[i...].starts(with: Array("From ".utf8)) { starts.append(i) }
            if let nl = bytes[i...].firstIndex(of: 0x0A) { i = nl + 1 } else { break }
        }
        if starts.isEmpty { r.problems.append(.badRow(file, "no `From ` line: not an mbox file")); return r }
        for (n, s) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1] : bytes.count
            var msg = Array(bytes[s..<end])
            if let nl = msg.firstIndex(of: 0x0A) { msg.removeFirst(nl + 1) } else { continue }   // the From_ line
            let unescaped = Data(unescapeFrom(msg))
            do { r.requests.append(try message(unescaped, source: "\(file)#\(n + 1)")) }
            catch let e as HistoryImportError { r.problems.append(e) }
            catch { r.problems.append(.badRow("\(file)#\(n + 1)", "\(error)")) }
        }
        return r
    }

    static func unescapeFrom(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            let atLineStart = i == 0 || b[i - 1] == 0x0A
            if atLineStart, b[i] == UInt8(ascii: ">"), b[(i + 1)...].drop(while: { $0 == UInt8(ascii: ">") }).starts(with: Array("From ".utf8)) {
                i += 1; continue
            }
            out.append(b[i]); i += 1
        }
        return out
    }

    /// One RFC 822 message: the first text/plain part (text/html stripped of tags when there is none),
    /// decoded, with quotes, reply chains and signature removed.
    public static func message(_ data: Data, source: String) throws -> HistoryRequest {
        if data.isEmpty { throw HistoryImportError.empty(source) }
        let part = split(Array(data))
        guard !part.headers.isEmpty else { throw HistoryImportError.badRow(source, "no mail headers (From:, To:, Subject:); not a mail message") }
        guard let text = try firstText(part, source: source) else { throw HistoryImportError.noTextPart(source) }
        let body = HistoryParser.normaliseLetter(stripQuotes(text))
        guard !body.isEmpty else { throw HistoryImportError.empty(source + " (the mail's text is only quoted reply)") }
        let to = decodeHeader(part.headers["to"] ?? "")
        var subject = decodeHeader(part.headers["subject"] ?? "")
        for prefix in ["re:", "fwd:", "fw:", "freedom of information request -", "foi request -", "foi request:", "foi:"] {
            while subject.lowercased().hasPrefix(prefix) { subject = String(subject.dropFirst(prefix.count)).trimmingSpaces }
        }
        return HistoryRequest(rawAuthority: displayName(to), title: subject, body: body,
                              date: isoDate(part.headers["date"] ?? ""), keywords: [], source: source, toAddress: address(to))
    }

    /// Headers (lower-cased names, folded lines joined) and the raw body after the first blank line.
    static func split(_ b: [UInt8]) -> Part {
        var bytes = b
        // normalise CRLF
        if bytes.contains(0x0D) {
            var o: [UInt8] = []; o.reserveCapacity(bytes.count)
            for (i, c) in bytes.enumerated() where !(c == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A) { o.append(c) }
            bytes = o
        }
        var headers: [String: String] = [:]
        var i = 0, last: String?
        while i < bytes.count {
            let nl = bytes[i...].firstIndex(of: 0x0A) ?? bytes.count
            let line = String(decoding: bytes[i..<nl], as: UTF8.self)
            i = nl + 1
            if line.isEmpty { break }
            if let f = line.first, f == " " || f == "\t", let l = last {
                headers[l, default: ""] += " " + line.trimmingSpaces
            } else if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].lowercased().trimmingSpaces
                if headers[name] == nil { headers[name] = String(line[line.index(after: colon)...]).trimmingSpaces; last = name }
                else { last = nil }
            } else {
                // not a header line: no headers after all
                return Part(headers: headers, body: Array(bytes[min(i, bytes.count)...]))
            }
        }
        return Part(headers: headers, body: i < bytes.count ? Array(bytes[i...]) : [])
    }

    /// `text/plain; charset="utf-8"` -> ("text/plain", ["charset": "utf-8"])
    static func contentType(_ h: String?) -> (String, [String: String]) {
        guard let h else { return ("text/plain", [:]) }
        let parts = h.split(separator: ";").map { String($0).trimmingSpaces }
        var params: [String: String] = [:]
        for p in parts.dropFirst() {
            guard let eq = p.firstIndex(of: "=") else { continue }
            var v = String(p[p.index(after: eq)...]).trimmingSpaces
            if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()) }
            params[p[..<eq].lowercased().trimmingSpaces] = v
        }
        return ((parts.first ?? "text/plain").lowercased(), params)
    }

    static func firstText(_ part: Part, source: String) throws -> String? {
        var plain: String?, html: String?
        var charsetProblem: HistoryImportError?
        func walk(_ p: Part) {
            if plain != nil { return }
            let (type, params) = contentType(p.headers["content-type"])
            if type.hasPrefix("multipart/") {
                guard let boundary = params["boundary"] else { return }
                for sub in multipartParts(p.body, boundary: boundary) { walk(split(sub)) }
                return
            }
            if (p.headers["content-disposition"] ?? "").lowercased().hasPrefix("attachment") { return }
            guard type == "text/plain" || type == "text/html" else { return }
            let raw = transferDecode(p.body, encoding: (p.headers["content-transfer-encoding"] ?? "7bit").lowercased())
            do {
                let text = try decodeCharset(raw, charset: params["charset"] ?? "us-ascii", source: source)
                if type == "text/plain" { plain = text } else if html == nil { html = stripHTML(text) }
            } catch let e as HistoryImportError { charsetProblem = charsetProblem ?? e } catch {}
        }
        walk(part)
        if let plain { return plain }
        if let html { return html }
        if let charsetProblem { throw charsetProblem }
        return nil
    }

    static func multipartParts(_ body: [UInt8], boundary: String) -> [[UInt8]] {
        let text = String(decoding: body, as: UTF8.self)   // boundaries are ASCII; parts re-encoded as UTF-8 below
        let delim = "--" + boundary
        var parts: [[UInt8]] = []
        let chunks = text.components(separatedBy: delim)
        for c in chunks.dropFirst() {
            if c.hasPrefix("--") { break }
            var s = Substring(c)
            if s.hasPrefix("\n") { s.removeFirst() }
            parts.append(Array(s.utf8))
        }
        return parts
    }

    static func transferDecode(_ b: [UInt8], encoding: String) -> [UInt8] {
        switch encoding {
        case "base64":
            let s = String(decoding: b, as: UTF8.self).filter { !$0.isWhitespace }
            return [UInt8](Data(base64Encoded: s, options: .ignoreUnknownCharacters) ?? Data())
        case "quoted-printable": return quotedPrintable(b, underscoreIsSpace: false)
        default: return b
        }
    }

    static func quotedPrintable(_ b: [UInt8], underscoreIsSpace: Bool) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        func hex(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: return c - 0x30
            case 0x41...0x46: return c - 0x41 + 10
            case 0x61...0x66: return c - 0x61 + 10
            default: return nil
            }
        }
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "=") {
                if i + 1 < b.count, b[i + 1] == 0x0A { i += 2; continue }                    // soft line break
                if i + 2 < b.count, b[i + 1] == 0x0D, b[i + 2] == 0x0A { i += 3; continue }
                if i + 2 < b.count, let h = hex(b[i + 1]), let l = hex(b[i + 2]) { out.append(h << 4 | l); i += 3; continue }
            }
            if underscoreIsSpace && c == UInt8(ascii: "_") { out.append(0x20) } else { out.append(c) }
            i += 1
        }
        return out
    }

    /// The charsets sent mail really uses; anything else is refused with its name.
    static func decodeCharset(_ b: [UInt8], charset: String, source: String) throws -> String {
        let cs = charset.lowercased().trimmingSpaces
        let enc: String.Encoding
        switch cs {
        case "utf-8", "utf8", "us-ascii", "ascii", "": enc = .utf8
        case "iso-8859-1", "latin1", "latin-1", "iso8859-1": enc = .isoLatin1
        case "windows-1252", "cp1252", "iso-8859-15": enc = .windowsCP1252
        case "utf-16": enc = .utf16
        default:
            throw HistoryImportError.encoding(source, "the text is in an unknown charset “\(charset)”")
        }
        guard let s = String(data: Data(b), encoding: enc) else {
            throw HistoryImportError.encoding(source, "the text is not valid \(charset)")
        }
        return s.replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// RFC 2047 encoded words (`=?UTF-8?Q?...?=`, `=?utf-8?B?...?=`) in a header.
    static func decodeHeader(_ h: String) -> String {
        var out = h
        while let start = out.range(of: "=?"), let end = out.range(of: "?=", range: start.upperBound..<out.endIndex) {
            let inner = out[start.upperBound..<end.lowerBound].split(separator: "?", maxSplits: 2, omittingEmptySubsequences: false)
            guard inner.count == 3 else { break }
            let bytes: [UInt8] = inner[1].lowercased() == "b"
                ? [UInt8](Data(base64Encoded: String(inner[2])) ?? Data())
                : quotedPrintable(Array(inner[2].utf8), underscoreIsSpace: true)
            let text = (try? decodeCharset(bytes, charset: String(inner[0]), source: "")) ?? String(decoding: bytes, as: UTF8.self)
            out.replaceSubrange(start.lowerBound..<end.upperBound, with: text)
        }
        return out.trimmingSpaces
    }

    /// `"Leeds City Council" <foi@leeds.gov.uk>` -> Leeds City Council; a bare address stays as it is.
    public static func displayName(_ to: String) -> String {
        let first = to.split(separator: ",").first.map(String.init) ?? to
        if let lt = first.firstIndex(of: "<") {
            var name = String(first[..<lt]).trimmingSpaces
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
            if !name.isEmpty { return name }
        }
        return address(first) ?? first.trimmingSpaces
    }

    public static func address(_ to: String) -> String? {
        let first = to.split(separator: ",").first.map(String.init) ?? to
        if let lt = first.firstIndex(of: "<"), let gt = first.firstIndex(of: ">"), lt < gt {
            return String(first[first.index(after: lt)..<gt]).trimmingSpaces.lowercased()
        }
        let t = first.trimmingSpaces
        return t.contains("@") && !t.contains(" ") ? t.lowercased() : nil
    }

    /// Drops what follows the letter in a sent mail: quoted lines, the quoted original under
    /// "On … wrote:" / "-----Original Message-----" / an Outlook header block, and the signature after "-- ".
    public static func stripQuotes(_ text: String) -> String {
        var kept: [String] = []
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        for (i, line) in lines.enumerated() {
            let t = line.trimmingSpaces
            if line == "-- " || line == "--" { break }
            if t.hasPrefix("-----Original Message") || t.hasPrefix("________________") { break }
            if t.hasPrefix("On "), t.hasSuffix("wrote:") { break }
            if t.hasSuffix("wrote:"), i + 1 < lines.count, lines[i + 1].hasPrefix(">") { break }
            if t.hasPrefix("From:"), i > 0, lines[i - 1].trimmingSpaces.isEmpty,
               lines[(i + 1)...].prefix(4).contains(where: { $0.hasPrefix("Sent:") || $0.hasPrefix("To:") || $0.hasPrefix("Subject:") || $0.hasPrefix("Date:") }) { break }
            if t.hasPrefix(">") { continue }
            kept.append(line)
        }
        return kept.joined(separator: "\n")
    }

    static func stripHTML(_ html: String) -> String {
        var s = html
        for tag in ["<br>", "<br/>", "<br />", "</p>", "</div>", "</li>"] {
            s = s.replacingOccurrences(of: tag, with: tag == "</p>" ? "\n\n" : "\n", options: .caseInsensitive)
        }
        var out = "", inTag = false
        for ch in s {
            if ch == "<" { inTag = true } else if ch == ">" { inTag = false } else if !inTag { out.append(ch) }
        }
        for (e, r) in [("&nbsp;", " "), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'")] {
            out = out.replacingOccurrences(of: e, with: r)
        }
        return out
    }

    /// RFC 2822 `Date:` -> yyyy-MM-dd; unparseable dates are kept as written.
    static func isoDate(_ raw: String) -> String {
        let t = raw.trimmingSpaces
        if t.isEmpty { return "" }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        for fmt in ["EEE, d MMM yyyy HH:mm:ss Z", "d MMM yyyy HH:mm:ss Z", "EEE, d MMM yyyy HH:mm Z", "EEE, d MMM yyyy HH:mm:ss zzz"] {
            f.dateFormat = fmt
            let cleaned = t.replacingOccurrences(of: #"\s*\([^)]*\)$"#, with: "", options: .regularExpression)
            if let d = f.date(from: cleaned) {
                let o = DateFormatter()
                o.locale = Locale(identifier: "en_US_POSIX"); o.timeZone = TimeZone(identifier: "UTC"); o.dateFormat = "yyyy-MM-dd"
                return o.string(from: d)
            }
        }
        return t
    }
}
