import Foundation

/// A number as written in a filing, with what is written around it: "£412.6m", "(2,140)", "4.960000%",
/// "83.20p", "US$0.0425", "1,052.00 pence".
struct Amount: Equatable {
    var value: String          // canonical decimal, signed: "-2140", "4.96"
    var percent = false
    var currency: String?      // GBP, GBX (pence), USD, EUR; "cents" for US cents (not emitted as money)
    var scale: String?         // k, m, bn
    var decimals = false       // written with a decimal point
    var grouped = false        // written with thousands separators
    var location = 0           // offset in the string it came from

    var double: Double { Double(value) ?? .nan }
    var isWhole: Bool { !decimals && !value.hasPrefix("-") }

    /// "83.2 GBX", "412.6m GBP"; nil without a currency (a money value always carries one).
    func money(defaultCurrency: String? = nil, defaultScale: String? = nil) -> String? {
        guard let c = currency ?? defaultCurrency, FieldSchema.currencies.contains(c) else { return nil }
        return value + (scale ?? defaultScale ?? "") + " " + c
    }
}

enum Parse {
    static let amountPattern = #"(?<![A-Za-z0-9.,/-])(\()?(-|−|–)?(US\$|\$|£|€|GBP\s?|USD\s?|EUR\s?|GBX\s?|GBp\s?)?(-|−)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d/])(\s?%|\s?per ?cent\b|p\b|\s?pence\b|\s?million\b|m\b|bn\b|\s?billion\b|k\b|\s?cents?\b|c\b|\s?GBp\b|\s?GBX\b|\s?GBP\b|\s?USD\b|\s?EUR\b)?(\))?"#

    /// Every number in `s`, with its sign, currency, scale and percent sign.
    static func amounts(_ s: String) -> [Amount] {
        guard let re = try? NSRegularExpression(pattern: amountPattern) else { return [] }
        let ns = s as NSString
        return re.matches(in: s, range: NSRange(location: 0, length: ns.length)).map { m in
            func g(_ i: Int) -> String { m.range(at: i).location == NSNotFound ? "" : ns.substring(with: m.range(at: i)) }
            let raw = g(5), suffix = g(6).trimmingCharacters(in: .whitespaces), cur = g(3).trimmingCharacters(in: .whitespaces)
            // brackets make a negative only when they close on the number: "(2,140)", not "(2024: £210.1m)"
            let negative = !g(2).isEmpty || !g(4).isEmpty || (!g(1).isEmpty && !g(7).isEmpty)
            var a = Amount(value: Num.canonical(raw), decimals: raw.contains("."), grouped: raw.contains(","), location: m.range.location)
            if negative && a.value != "0" { a.value = "-" + a.value }
            switch cur {
            case "£", "GBP": a.currency = "GBP"
            case "$", "US$", "USD": a.currency = "USD"
            case "€", "EUR": a.currency = "EUR"
            case "GBX", "GBp": a.currency = "GBX"
            default: break
            }
            switch suffix.lowercased() {
            case "%", "per cent", "percent": a.percent = true
            case "p", "pence", "gbx": a.currency = "GBX"
            case "gbp": a.currency = "GBP"
            case "usd": a.currency = "USD"
            case "eur": a.currency = "EUR"
            case "m", "million": a.scale = "m"
            case "bn", "billion": a.scale = "bn"
            case "k": a.scale = "k"
            case "cent", "cents", "c": a.currency = "cents"
            default: break
            }
            return a
        }
    }

    /// The currency and scale a table header or label states for its figures: "£m", "(pence)", "£'000",
    /// "(GBp)", "$m", "(£)".
    static func unit(_ label: String) -> (currency: String?, scale: String?) {
        let l = label.lowercased()
        var cur: String?, scale: String?
        if label.contains("GBp") || label.contains("GBX") || l.matches(#"\bpence\b|\(p\)"#) { cur = "GBX" }
        else if l.contains("cents") { cur = "cents" }
        else if l.contains("£") || l.contains("gbp") || l.contains("sterling") { cur = "GBP" }
        else if l.contains("$") || l.contains("usd") || l.contains("dollar") { cur = "USD" }
        else if l.contains("€") || l.contains("eur") { cur = "EUR" }
        if l.matches(#"(£|\$|€|gbp|usd|eur)\s?m\b|\bmillions?\b|\(m\)"#) { scale = "m" }
        else if l.matches(#"(£|\$|€|gbp|usd|eur)\s?bn\b|\bbillions?\b"#) { scale = "bn" }
        else if l.matches(#"'000|(£|\$|€)\s?000\b|thousands"#) { scale = "k" }
        return (cur, scale)
    }

    /// A price or amount: the first number in `s` with a currency (or `currency`, from the label or column).
    static func money(_ s: String, currency: String? = nil, scale: String? = nil) -> String? {
        for a in amounts(s) where !a.percent {
            if a.currency == "cents" { return nil }
            if let m = a.money(defaultCurrency: currency, defaultScale: scale) { return m }
        }
        return nil
    }

    /// The first whole number in `s` that is not a percentage or money: "84,250", "6,144,000".
    static func count(_ s: String) -> String? {
        if s.lowercased().firstMatch(#"^\s*(nil|none|-|–)\s*\.?$"#) != nil { return "0" }
        return amounts(s).first { !$0.percent && $0.currency == nil && $0.scale == nil && $0.isWhole }?.value
    }

    /// The first number in `s` that is a percentage (written with "%" or a plain decimal in a "%" column), 0–100.
    static func percent(_ s: String, column: Bool = false) -> String? {
        amounts(s).first { ($0.percent || (column && $0.currency == nil && $0.scale == nil && ($0.decimals || !$0.grouped)))
            && $0.double >= 0 && $0.double <= 100 }?.value
    }

    // MARK: dates

    /// A date as filings write it ("5 July 2021", "5th Jul 2021", "05-Jul-2021", "05/07/2021", "2021-07-05",
    /// "July 5, 2021"), for use inside larger patterns; no capture groups.
    static let dateRE = #"(?:\d{1,2}(?:st|nd|rd|th)?[ -](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?[ -]\d{4}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2})"#

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
    static let monthRE = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
    static let datePatterns: [(String, @Sendable ([String]) -> (Int, Int, Int)?)] = [
        (#"\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+|-)"# + monthRE + #"\.?,?(?:\s+|-)(\d{4})\b"#, { g in month(g[1]).map { (Int(g[2])!, $0, Int(g[0])!) } }),
        (#"\b"# + monthRE + #"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"#, { g in month(g[0]).map { (Int(g[2])!, $0, Int(g[1])!) } }),
        (#"\b(\d{4})-(\d{2})-(\d{2})\b"#, { g in (Int(g[0])!, Int(g[1])!, Int(g[2])!) }),
        (#"(?<![\d.,])(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?![\d.,/])"#, { g in
            let y = Int(g[2])!; return (y < 100 ? 2000 + y : y, Int(g[1])!, Int(g[0])!) }),
    ]

    static func month(_ s: String) -> Int? {
        let l = s.lowercased().prefix(3)
        return months.firstIndex { $0.hasPrefix(l) }.map { $0 + 1 }
    }

    /// Every date written in `s`, in order, as ISO 8601 with its offset.
    static func dates(_ s: String) -> [(iso: String, at: Int)] {
        var out: [(String, Int)] = []
        let ns = s as NSString
        for (p, make) in datePatterns {
            guard let re = try? NSRegularExpression(pattern: p, options: [.caseInsensitive]) else { continue }
            for m in re.matches(in: s, range: NSRange(location: 0, length: ns.length)) {
                // a range already taken by an earlier pattern ("2025-11-21" inside nothing else) is skipped
                if out.contains(where: { abs($0.1 - m.range.location) < 3 }) { continue }
                let g = (1..<m.numberOfRanges).map { ns.substring(with: m.range(at: $0)) }
                guard let (y, mo, d) = make(g) else { continue }
                let iso = String(format: "%04d-%02d-%02d", y, mo, d)
                if FieldSchema.isValid(iso, FieldSpec("d", .date)) { out.append((iso, m.range.location)) }
            }
        }
        return out.sorted { $0.1 < $1.1 }
    }

    static func date(_ s: String) -> String? { dates(s).first?.iso }

    // MARK: names

    static let honorifics = ["mr", "mrs", "ms", "miss", "mx", "dr", "dame", "sir", "professor", "prof", "lord", "lady", "baroness", "baron", "the rt hon", "rt hon", "hon"]
    static let postNominals: Set<String> = ["cbe", "obe", "mbe", "kbe", "dbe", "fca", "aca", "kc", "qc", "frs", "freng", "phd", "cfa", "jr", "sr"]

    /// A person's name from a cell or phrase: honorifics and post-nominals dropped, and anything after a
    /// comma or bracket (a role) cut: "Dr Imogen Faraday-Lowe, CEO" → "Imogen Faraday-Lowe".
    static func person(_ s: String) -> String? {
        var t = s.trimmingCharacters(in: .whitespaces)
        if let cut = t.firstIndex(where: { $0 == "," || $0 == "(" || $0 == ";" }) { t = String(t[..<cut]) }
        var words = t.split(separator: " ").map(String.init)
        while let f = words.first, honorifics.contains(f.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))) { words.removeFirst() }
        while let l = words.last, postNominals.contains(l.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))) { words.removeLast() }
        let name = words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " .\""))
        return FieldSchema.isPerson(name) ? name : nil
    }

    /// A capitalised name (two to five words) at the start of `s`: "Priya Shah as Independent…" → "Priya Shah".
    static func leadingName(_ s: String) -> String? {
        var words: [String] = []
        for w in s.split(separator: " ").map(String.init) {
            let bare = w.trimmingCharacters(in: CharacterSet(charactersIn: ",.;:\""))
            let lower = bare.lowercased()
            if words.isEmpty, honorifics.contains(lower.trimmingCharacters(in: CharacterSet(charactersIn: "."))) { continue }
            // a name followed by "plc" or "Limited" was a company's
            if FieldSchema.companyWords.contains(lower) { return nil }
            guard let f = bare.first, f.isUppercase || (FieldSchema.particles.contains(bare) && !words.isEmpty) else { break }
            if postNominals.contains(lower) { break }
            words.append(bare)
            if bare != w || words.count == 5 { break }   // a comma or full stop ends the name
        }
        while let l = words.last, FieldSchema.particles.contains(l) { words.removeLast() }
        return person(words.joined(separator: " "))
    }
}

/// Number writings: grouping commas, fixed decimals, canonical decimals (the readers' values and the
/// composer's documents write numbers the same way).
package enum Num {
    package static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }
    package static func fixed(_ v: Double, _ places: Int) -> String { String(format: "%.\(places)f", v) }
    /// Canonical decimal: no trailing zeros, no grouping ("4.5", "12", "0.25").
    package static func canonical(_ s: String) -> String {
        guard let d = Decimal(string: s.replacingOccurrences(of: ",", with: ""), locale: Locale(identifier: "en_US_POSIX")) else { return s }
        return Transform.plainString(d)
    }
    package static func canonical(_ v: Double, _ places: Int) -> String { canonical(fixed(v, places)) }
}
