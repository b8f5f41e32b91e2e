import Foundation

/// Director/PDMR dealings: the UK MAR Article 19 numbered form (1 a) Name, 2 a) Position/status,
/// 4 c) Price(s) and volume(s), 4 d) aggregated, 4 e) Date), laid out as a table, tabs, pipes or
/// "Label: value", with one or several transactions; and the narrative paragraph before it.
extension FieldExtractor {
    static func pdmr(_ d: Doc) -> [String: String] {
        var f: [String: String] = [:]
        let s1 = d.find("details of the person discharging") ?? d.find("person closely associated")
        if let s1 { f["person"] = d.value(["name"], from: s1 + 1, to: s1 + 5).flatMap(Parse.person) }
        if let role = d.value(["position/status", "position / status", "position"], from: s1 ?? 0) {
            f["role"] = role
            if let a = role.firstMatch(#"(?i:closely associated with|associated with|spouse of|wife of|husband of|partner of)\s+(.+)"#) {
                f["associated_with"] = Parse.leadingName(a)
            }
        }
        if let s3 = d.find("details of the issuer") { f["issuer"] = d.value(["name"], from: s3 + 1, to: s3 + 5) }
        if let i = d.value(["description of the financial instrument"]) {
            // "<br>" in an HTML form runs the identification code into the same cell
            f["instrument"] = i.components(separatedBy: " ISIN").first?.components(separatedBy: " Identification code").first?
                .trimmingCharacters(in: CharacterSet(charactersIn: " ,;"))
        }
        f["nature"] = d.value(["nature of the transaction"])
        f["date"] = d.value(["date of the transaction", "date of transaction"]).flatMap(Parse.date)
        f["venue"] = d.value(["place of the transaction", "place of transaction"])
        priceAndVolume(d, &f)
        if f["person"] == nil || f["volume"] == nil { pdmrNarrative(d, &f) }
        holdingAfter(d, &f)
        return f
    }

    /// 4 c) one or more price/volume pairs; 4 d) the aggregate, which is what a reader wants when it is given.
    static func priceAndVolume(_ d: Doc, _ f: inout [String: String]) {
        guard let c = d.find("price(s) and volume(s)") ?? d.find("price and volume") else { return }
        let agg = (c + 1..<min(c + 30, d.rows.count)).first { Doc.norm(d.rows[$0].text).contains("aggregated") }
        let end = agg ?? (c + 1..<min(c + 30, d.rows.count)).first { d.rows[$0].text.lowercased().contains("date of the transaction") } ?? min(c + 8, d.rows.count)
        let unit = Parse.unit(d.rows[c].text).currency
        var pairs: [(price: String?, volume: String?)] = []
        for i in c..<end {
            let r = d.rows[i]
            let text = r.filled.filter { !isNumbering($0) && !Doc.norm($0).hasPrefix("price(s) and volume") }.joined(separator: " | ")
            let nums = Parse.amounts(text)
            let price = nums.first { $0.currency != nil && !$0.percent }.flatMap { $0.money(defaultCurrency: unit) }
            let volume = nums.first { $0.currency == nil && !$0.percent && $0.isWhole && $0.scale == nil }?.value
            if price != nil || volume != nil { pairs.append((price, volume)) }
        }
        var price: String?, volume: String?
        if let a = agg {
            let stop = (a + 1..<min(a + 6, d.rows.count)).first { d.rows[$0].text.lowercased().contains("date of the transaction") } ?? min(a + 4, d.rows.count)
            let text = (a..<stop).map { d.rows[$0].filled.filter { !isNumbering($0) }.joined(separator: " | ") }.joined(separator: " | ")
            let nums = Parse.amounts(text)
            price = nums.first { $0.currency != nil && !$0.percent }.flatMap { $0.money(defaultCurrency: unit) }
            volume = nums.first { $0.currency == nil && !$0.percent && $0.isWhole && $0.scale == nil }?.value
        }
        if price == nil || volume == nil {
            // no aggregate (or "N/A, single transaction"): one pair is the transaction; several agree only when equal
            let prices = Set(pairs.compactMap(\.price)), volumes = pairs.compactMap(\.volume)
            if price == nil, prices.count == 1 { price = prices.first }
            if volume == nil, volumes.count == 1 { volume = volumes[0] }
            if volume == nil, volumes.count > 1 {
                let sum = volumes.compactMap { Int($0) }.reduce(0, +)
                // a total is only stated when the filing states it
                if d.flat.contains(Num.grouped(sum)) || d.flat.contains(" \(sum) ") { volume = String(sum) }
            }
        }
        f["price"] = price ?? f["price"]
        f["volume"] = volume ?? f["volume"]
    }

    /// A form's row numbering cell: "c)", "4c", "(d)", "4.d", "4".
    static func isNumbering(_ cell: String) -> Bool { cell.wholeMatch(#"\(?\d{0,2}\.?\s?[a-f]?\)?\.?"#) }

    /// "…that on 5 March 2026 Gareth Lindqvist, Group Finance Director, sold 48,213 ordinary shares … at a price
    /// of 276.4 pence per share".
    static func pdmrNarrative(_ d: Doc, _ f: inout [String: String]) {
        let t = d.flat
        let verbs = #"(?:bought|purchased|acquired|sold|disposed of|transferred|subscribed for|received)"#
        if let g = t.firstMatchGroups(#"([A-Z][A-Za-z'’.\- ]{3,60}?), ([A-Z][A-Za-z\- ]{3,60}?),? (?:has )?"# + verbs + #" (?:a total of )?([\d,]+) "#) {
            if f["person"] == nil { f["person"] = Parse.person(g[0]) ?? Parse.leadingName(String(g[0].split(separator: " ").suffix(3).joined(separator: " "))) }
            if f["role"] == nil { f["role"] = g[1] }
            if f["volume"] == nil { f["volume"] = Parse.count(g[2]) }
        }
        if f["price"] == nil, let p = t.firstMatch(#"at (?:a|an average) price of ([^,;]{2,30}?) per (?:ordinary )?share"#)
            ?? t.firstMatch(#"\bat ([^ ]{1,15}(?: pence)?) (?:per|a) (?:ordinary )?share"#) {
            f["price"] = Parse.money(p)
        }
        if f["date"] == nil, let s = t.firstMatch(verbs + #"(?:[^.]|\.(?=\d)){0,80}? on (\#(Parse.dateRE))"#) { f["date"] = Parse.date(s) }
        if f["date"] == nil, let s = t.firstMatch(#"\bon (\#(Parse.dateRE))(?:[^.]|\.(?=\d)){0,120}?"# + verbs) {
            f["date"] = Parse.date(s)
        }
    }

    /// "Following this transaction, Mr Lindqvist holds 512,660 ordinary shares, representing approximately 0.21%…"
    static func holdingAfter(_ d: Doc, _ f: inout [String: String]) {
        let t = d.flat
        guard let g = t.firstMatchGroups(#"(?i:following (?:this|these|the) (?:transactions?|purchases?|sales?|acquisitions?|dealings?|vesting)|after (?:this|these|the) (?:transactions?|purchases?))(?:[^.]|\.(?=\d)){0,120}?\b(?:holds?|owns?|is interested in|are interested in|has an interest in|have an interest in|beneficially own)\s+(?:a total of\s+)?([\d,]+)\s+(?:ordinary )?shares(.{0,120})"#)
        else { return }
        f["holding_after"] = Parse.count(g[0])
        if let p = g[1].firstMatch(#"representing (?:approximately |c\. |about )?([\d.]+) ?%"#) { f["holding_percent"] = Parse.percent(p + "%") }
    }
}
