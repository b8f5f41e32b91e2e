import Foundation

/// Results and trading updates: the headline figures from a highlights table (units in the header:
/// "£m", "£'000", "$m", "(pence)"), a "Revenue £58.3m (H1 2024: £51.0m)" line or a sentence ("Revenue
/// up 8% to £226.9 million"). Always the current period: the first figure after the label.
extension FieldExtractor {
    static func results(_ d: Doc) -> [String: String] {
        var f: [String: String] = [:]
        f["period_end"] = periodEnd(d.flat)
        f["revenue"] = figure(d, ["revenue", "group revenue", "total revenue", "turnover", "group turnover", "sales", "total sales", "net revenue"])
        f["profit_before_tax"] = figure(d, ["statutory profit before tax", "reported profit before tax", "profit before tax", "profit/(loss) before tax",
                                            "loss before tax", "(loss)/profit before tax", "statutory loss before tax", "reported loss before tax",
                                            "statutory pbt", "reported pbt", "pbt"])
        f["eps"] = figure(d, ["basic earnings per share", "basic eps", "earnings per share", "basic loss per share", "loss per share",
                              "basic earnings/(loss) per share"], perShare: true)
        return f
    }

    static func tradingUpdate(_ d: Doc) -> [String: String] {
        var f: [String: String] = [:]
        f["period_end"] = periodEnd(d.flat)
        f["revenue"] = figure(d, ["revenue", "group revenue", "total revenue", "total sales", "group sales", "sales", "turnover", "net revenue"])
        f["growth_percent"] = growth(d)
        return f
    }

    /// "year ended 31 January 2025", "six months to 31 December 2024", "17 weeks to 28 December 2025".
    static func periodEnd(_ t: String) -> String? {
        t.firstMatch(#"(?i:year|months|weeks|quarter|period|half)\)? (?:ended|ending|to) (\#(Parse.dateRE))"#)
            .flatMap(Parse.date)
    }

    /// The current-period figure on the first row labelled with one of `labels` (never an "adjusted" or
    /// "underlying" measure), in the unit its header, label or own writing gives; a loss is negative.
    static func figure(_ d: Doc, _ labels: [String], perShare: Bool = false) -> String? {
        for label in labels {
            for (i, row) in d.rows.enumerated() {
                guard let first = row.filled.first else { continue }
                let n = Doc.norm(first)
                guard n.hasPrefix(label), !n.contains("adjusted"), !n.contains("underlying"), !n.contains("like-for-like"),
                      !n.contains("diluted") || label.contains("diluted") else { continue }
                let unit = Parse.unit(first), header = headerUnit(d, above: i)
                let currency = unit.currency ?? header.currency, scale = unit.scale ?? header.scale
                if currency == "cents" { return nil }
                // in the label cell ("Revenue £58.3m (H1 2024: £51.0m)") only figures that carry their own unit count
                let amounts = Parse.amounts(first).filter { $0.currency != nil }
                    + Parse.amounts(row.filled.dropFirst().joined(separator: " | ")).filter { !($0.isWhole && !$0.grouped && $0.currency == nil && (1990...2100).contains(Int($0.value) ?? 0)) }
                for a in amounts where !a.percent {
                    if a.currency == "cents" { return nil }
                    guard var m = a.money(defaultCurrency: currency, defaultScale: perShare ? nil : scale) else { continue }
                    if n.contains("loss") && !n.contains("profit") && !m.hasPrefix("-") && !m.hasPrefix("0 ") { m = "-" + m }
                    return m
                }
            }
        }
        return sentenceFigure(d.flat, labels: labels)
    }

    /// The unit a table states in its header row (up to eight rows above): "£m | 2025 | 2024", "2025 £'000".
    static func headerUnit(_ d: Doc, above i: Int) -> (currency: String?, scale: String?) {
        for j in stride(from: i - 1, through: max(0, i - 8), by: -1) {
            let r = d.rows[j]
            if r.isBlank { continue }
            let u = Parse.unit(r.text)
            if u.currency != nil || u.scale != nil { return u }
        }
        return (nil, nil)
    }

    /// "Group revenue for the year … is expected to be approximately £1.24bn".
    static func sentenceFigure(_ t: String, labels: [String]) -> String? {
        for label in labels {
            let re = "(?i:\\b" + NSRegularExpression.escapedPattern(for: label) + ")\\b(?:[^.;]|\\.(?=\\d)){0,90}?((?:£|\\$|€|US\\$)\\s?[\\d,.]+(?:\\s?million|\\s?billion|bn|m|k)?\\b)"
            if let g = t.firstMatch(re), let m = Parse.money(g) { return label.contains("loss") && !m.hasPrefix("-") ? "-" + m : m }
        }
        return nil
    }

    /// Revenue (or sales) growth in percent, signed: "up 7%", "increased by 12%", "1.4% below last year", "+10%".
    static func growth(_ d: Doc) -> String? {
        let t = d.flat
        let down = #"(?:down|decreased|decrease|fell|declined|decline|lower|below|behind|reduction)"#
        let pat = #"(?i:(?:group |total )?(?:revenue|sales|turnover))(?:[^.;]|\.(?=\d)){0,160}?(?:(up|down|increased by|increase of|decreased by|decrease of|grew by|grew|rose by|rose|fell by|fell|declined by|growth of|an increase of|a decrease of)\s+)?(?:approximately |around |about |c\. ?|some |over |more than |almost |nearly |circa )?([+-]?[\d.]+)\s?%(\s+(?:below|above|lower|higher|ahead of|behind|up|down))?"#
        for g in t.allMatchGroups(pat) {
            let context = (g[0] + " " + g[2]).lowercased()
            // a like-for-like or share-of-revenue figure is not the revenue change
            if let s = t.range(of: g[1] + "%"), t[..<s.lowerBound].suffix(40).lowercased().contains("like-for-like") { continue }
            if g[0].isEmpty && g[2].isEmpty && !g[1].hasPrefix("+") && !g[1].hasPrefix("-") { continue }
            guard let x = Double(g[1]) else { continue }
            let negative = x < 0 || context.range(of: down, options: .regularExpression) != nil
            return Num.canonical(String(abs(x))).withSign(negative)
        }
        // a table row "Revenue | 241.6 | 220.3 | +10%"
        for row in d.rows {
            guard let first = row.filled.first, ["revenue", "group revenue", "total revenue", "sales", "total sales"].contains(where: { Doc.norm(first).hasPrefix($0) })
            else { continue }
            if let a = Parse.amounts(row.filled.dropFirst().joined(separator: " | ")).first(where: { $0.percent }) { return a.value }
        }
        return nil
    }
}

extension String {
    func withSign(_ negative: Bool) -> String { negative && self != "0" ? "-" + self : self }
}
