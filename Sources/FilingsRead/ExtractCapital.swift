import Foundation

/// Share capital announcements: transactions in own shares (one day as "Label: value" lines or a
/// sentence, several days as a table with a total row, venues broken out), total voting rights
/// (sentence or table) and block listing returns (form or sentence).
extension FieldExtractor {
    static func ownShares(_ d: Doc) -> [String: String] {
        var f: [String: String] = [:]
        let t = d.flat
        f["date"] = d.value(["date of purchase", "date of transaction", "transaction date", "trade date", "date of the purchase"], nextLine: false).flatMap(Parse.date)
        // "Number of ordinary shares purchased", "Aggregate number of ordinary shares of 25 pence each purchased", …
        f["shares_bought"] = d.value(where: { l in
            (l.contains("purchased") || l.contains("bought") || l.contains("repurchased")) && (l.contains("number") || l.contains("volume") || l.contains("shares"))
                && !l.contains("price") && !l.contains("date") && !l.contains("treasury") && !l.contains("average")
        }).flatMap { Parse.count($0.value) }
        for (key, labels) in [("highest_price", ["highest price paid", "highest price"]), ("lowest_price", ["lowest price paid", "lowest price"]),
                              ("vwap", ["volume weighted average price", "volume-weighted average price", "average price paid", "vwap"])] {
            guard let (label, value) = labelled(d, labels) else { continue }
            f[key] = Parse.money(value, currency: Parse.unit(label).currency)
        }
        if f["shares_bought"] == nil || f["highest_price"] == nil { dailyTable(d, &f) }
        if f["date"] == nil, f["period_from"] == nil,
           let s = t.firstMatch(#"\bon ([^,]{6,30}?),? (?:it|the Company) (?:has )?(?:purchased|bought|repurchased)"#) ?? t.firstMatch(#"(?:purchased|bought)(?:[^.]|\.(?=\d)){0,80}? on (\#(Parse.dateRE))"#) {
            f["date"] = Parse.date(s)
        }
        if f["shares_bought"] == nil,
           let n = t.firstMatch(#"(?:purchased|bought|repurchased|bought back) (?:back )?(?:a total of )?([\d,]+) (?:of its )?(?:own )?(?:ordinary )?shares"#) {
            f["shares_bought"] = Parse.count(n)
        }
        // told in a sentence: "at a volume weighted average price of 84.35 pence per share (highest 85.00p, lowest 83.90p)"
        if f["vwap"] == nil, let p = t.firstMatch(#"(?i:volume[- ]weighted average price)(?: paid)?(?: per share)? (?:of|was) ([^,;()]{2,30}?)(?: per (?:ordinary )?share|[,;(]|$)"#) {
            f["vwap"] = Parse.money(p)
        }
        if f["highest_price"] == nil, let p = t.firstMatch(#"(?i:highest)(?: price)?(?: paid)?(?: per share)?(?: of| was|:)? ([^,;()]{2,20}?)(?:[,;)]| and)"#) { f["highest_price"] = Parse.money(p) }
        if f["lowest_price"] == nil, let p = t.firstMatch(#"(?i:lowest)(?: price)?(?: paid)?(?: per share)?(?: of| was|:)? ([^,;()]{2,20}?)(?:[,;)]| and)"#) { f["lowest_price"] = Parse.money(p) }
        if f["highest_price"] == nil, f["vwap"] == nil,
           let p = t.firstMatch(#"at a price of ([^,;]{2,30}?) per (?:ordinary )?share"#) { f["price"] = Parse.money(p) }
        if let c = t.range(of: #"(?i)(intends? to hold|will be held in treasury|to be held in treasury|(?:placed|transferred|held) (?:them |the shares )?(?:in|into) treasury\.|for holding in treasury)"#, options: .regularExpression)?.lowerBound,
           t.range(of: #"(?i)(intends? to cancel|will be cancelled|to be cancelled|for cancellation)"#, options: .regularExpression).map({ c < $0.lowerBound }) ?? true {
            f["treasury_or_cancel"] = "treasury"
        } else if t.range(of: #"(?i)(intends? to cancel|will be cancelled|to be cancelled|for cancellation|cancel the purchased)"#, options: .regularExpression) != nil {
            f["treasury_or_cancel"] = "cancel"
        }
        treasuryAndCapital(d, &f)
        return f
    }

    /// The label cell and value of the first row matching `labels`.
    static func labelled(_ d: Doc, _ labels: [String]) -> (label: String, value: String)? {
        d.valueRow(labels, nextLine: false).map { ($0.label, $0.value) }
    }

    /// Several days in one table: a row per date and, usually, a total row; the columns say which figure is which.
    static func dailyTable(_ d: Doc, _ f: inout [String: String]) {
        guard let h = d.rows.indices.first(where: { i in
            let l = d.rows[i].cells.map { $0.lowercased() }
            return l.count >= 3 && l.contains { $0.contains("highest") } && l.contains { $0.contains("lowest") }
                && (l.first?.contains("date") ?? false)
        }) else { return }
        let header = d.rows[h]
        func col(_ w: String) -> Int? { header.cells.indices.first { header.cells[$0].lowercased().contains(w) } }
        let cN = col("number") ?? col("volume") ?? col("shares"), cHi = col("highest"), cLo = col("lowest")
        let cAvg = col("weighted") ?? col("vwap") ?? col("average")
        var days: [String] = []
        var total: Row?
        for i in h + 1..<min(h + 40, d.rows.count) {
            let r = d.rows[i]
            if r.isBlank { break }
            let first = r.filled.first ?? ""
            if let iso = Parse.date(first) { days.append(iso) } else if Doc.norm(first).hasPrefix("total") || Doc.norm(first).hasPrefix("aggregate") { total = r }
        }
        guard let lo = days.min(), let hi = days.max() else { return }
        if lo == hi { f["date"] = lo } else { f["period_from"] = lo; f["period_to"] = hi }
        guard let total else { return }
        func get(_ c: Int?) -> String? { c.flatMap { d.cell(total, under: $0, of: header) } }
        f["shares_bought"] = get(cN).flatMap(Parse.count)
        f["highest_price"] = get(cHi).flatMap { Parse.money($0, currency: Parse.unit(header.cells[cHi!]).currency) }
        f["lowest_price"] = get(cLo).flatMap { Parse.money($0, currency: Parse.unit(header.cells[cLo!]).currency) }
        f["vwap"] = get(cAvg).flatMap { Parse.money($0, currency: Parse.unit(header.cells[cAvg!]).currency) }
    }

    /// Shares in treasury, shares in issue and total voting rights, as buyback and TVR announcements state them.
    static func treasuryAndCapital(_ d: Doc, _ f: inout [String: String]) {
        let t = d.flat
        if t.range(of: #"(?i)((?:holds|has) no (?:ordinary )?shares (?:held )?in treasury|does not hold any (?:ordinary )?shares in treasury|no (?:ordinary )?shares (?:are |were )?(?:currently )?held in treasury|none of which are held in treasury)"#, options: .regularExpression) != nil {
            f["treasury_shares"] = "0"
        }
        if let n = t.firstMatch(#"holds ([\d,]+) (?:ordinary )?shares (?:of [^ ]+ each )?in treasury"#)
            ?? t.firstMatch(#"excluding ([\d,]+) (?:ordinary )?shares held in treasury"#)
            ?? t.firstMatch(#"of which ([\d,]+) (?:are|were) held in treasury"#)
            ?? t.firstMatch(#"([\d,]+) (?:ordinary )?shares (?:are )?held in treasury"#) {
            f["treasury_shares"] = Parse.count(n)
        }
        if let v = d.value(["number of shares held in treasury", "shares held in treasury", "treasury shares"], nextLine: false), let n = Parse.count(v) {
            f["treasury_shares"] = n
        }
        if let n = t.firstMatch(#"has ([\d,]+) (?:ordinary )?shares (?:of [^ ]+ each )?in issue"#)
            ?? t.firstMatch(#"issued (?:ordinary )?share capital(?: \([^)]{0,40}\))? (?:will be|is|consists of|comprises) ([\d,]+) (?:ordinary )?shares"#)
            ?? t.firstMatch(#"(?:will have|has|have) ([\d,]+) (?:ordinary )?shares (?:of [^ ]+ each )?in issue"#) {
            f["shares_in_issue"] = Parse.count(n)
        }
        if let n = t.firstMatch(#"(?i:total number of voting rights)(?:[^.]|\.(?=\d)){0,60}? (?:is|was|will be|of)(?: therefore)? ([\d,]+)"#) {
            f["voting_rights"] = Parse.count(n)
        }
        if let v = d.value(["total voting rights", "total number of voting rights"], nextLine: false), let n = Parse.count(v) { f["voting_rights"] = n }
    }

    static func votingRights(_ d: Doc) -> [String: String] {
        var f: [String: String] = [:]
        let t = d.flat
        f["date"] = t.firstMatch(#"\b(?:as at|at) (\#(Parse.dateRE))"#).flatMap(Parse.date)
            ?? d.value(["date$", "as at$", "date of this announcement$"], nextLine: false).flatMap(Parse.date)
        if let n = t.firstMatch(#"issued (?:ordinary )?share capital(?:[^.]|\.(?=\d)){0,60}? (?:consists|consisted|comprised|comprises|comprising|consisting|was|is|of)(?: of)? ([\d,]+)"#)
            ?? t.firstMatch(#"(?:had|has|with|are|were) ([\d,]+) (?:ordinary )?shares (?:of [^ ]+ (?:each )?)?in issue"#)
            ?? t.firstMatch(#"([\d,]+) (?:ordinary )?shares (?:of [^ ]+ (?:each )?)?(?:are |were )?in issue"#) {
            f["share_capital"] = Parse.count(n)
        }
        treasuryAndCapital(d, &f)
        f["shares_in_issue"] = nil
        // a table: one row per class, columns for shares in issue, treasury and voting rights
        if let h = d.rows.indices.first(where: { d.rows[$0].cells.filter { $0.lowercased().contains("voting rights") || $0.lowercased().contains("in issue") }.count >= 2 }),
           let r = (h + 1..<min(h + 4, d.rows.count)).first(where: { !d.rows[$0].isBlank }) {
            let header = d.rows[h], row = d.rows[r]
            for (k, c) in header.cells.enumerated() {
                let l = c.lowercased()
                guard let v = d.cell(row, under: k, of: header).flatMap(Parse.count) else { continue }
                if l.contains("treasury") { f["treasury_shares"] = v }
                else if l.contains("in issue") { f["share_capital"] = v }
                else if l.contains("total voting rights") || l.contains("total number of voting rights") { f["voting_rights"] = v }
            }
        }
        if f["share_capital"] == nil {
            f["share_capital"] = d.value(["total number of ordinary shares in issue", "total number of shares in issue", "number of shares in issue", "shares in issue"], nextLine: false).flatMap(Parse.count)
        }
        return f
    }

    static func blockListing(_ d: Doc) -> [String: String] {
        var f: [String: String] = [:]
        let t = d.flat
        f["issuer"] = d.value(["name of applicant", "name of issuer"], nextLine: false)
        f["scheme"] = d.value(["name of scheme", "name of the scheme"], nextLine: false)
            ?? t.firstMatch(#"block ?listing (?:facility|facilities) (?:for|in respect of) (?:its|the) (.{4,80}?) (?:for the period|in respect of|during)"#)
        if let i = d.find("period of return") {
            // "From: … To: …" on the label's line, or on the one or two lines below it
            let ds = Parse.dates((i..<min(i + 3, d.rows.count)).map { d.rows[$0].text }.joined(separator: " "))
            if ds.count >= 2 { f["period_from"] = ds[0].iso; f["period_to"] = ds[1].iso }
        } else if let g = t.firstMatchGroups(#"(?:for|covering) the (?:six month )?period (?:from )?(\#(Parse.dateRE)) (?:to|until|-) (\#(Parse.dateRE))"#) {
            f["period_from"] = Parse.date(g[0]); f["period_to"] = Parse.date(g[1])
        }
        f["previous_balance"] = d.value(["balance of unallotted securities under scheme(s) from previous return", "balance of unallotted securities at the start",
                                         "balance of unallotted securities from previous return", "balance at the start"], nextLine: false).flatMap(Parse.count)
        f["increase"] = d.value(["plus: the amount by which", "plus", "increase in the block listing", "increase during the period", "amount by which the block"],
                                nextLine: false).flatMap(Parse.count)
        f["issued"] = d.value(["less: number of securities issued", "less", "number of securities issued", "securities allotted during",
                               "securities issued during", "number of shares allotted", "number of securities allotted"], nextLine: false).flatMap(Parse.count)
        f["balance"] = d.value(["equals: balance under scheme", "equals", "balance of unallotted securities at the end", "balance remaining",
                                "balance under scheme(s) not yet issued", "balance at the end"], nextLine: false).flatMap(Parse.count)
        return f
    }
}
