import Foundation

/// TR-1 notifications of major holdings: the FCA form (sections 3, 5, 7 and 8A, in any of the layouts
/// issuers paste it in) and the short narrative some AIM companies publish instead.
extension FieldExtractor {
    static func holdings(_ d: Doc) -> [String: String] {
        var f: [String: String] = [:]
        f["issuer"] = d.value(["issuer name", "name of the issuer"])
            ?? d.value(["identity of the issuer or the underlying issuer"], nextLine: false)
        if let s3 = d.find("details of person subject to the notification obligation") {
            f["holder"] = d.value(["name"], from: s3 + 1, to: s3 + 8).flatMap(holderName)
        }
        f["crossing_date"] = d.value(["date on which the threshold was crossed or reached"]).flatMap(Parse.date)
        totalPositions(d, &f)
        votingRightsAttached(d, &f)
        if f["percent_after"] == nil { narrative(d, &f) }
        return f
    }

    /// A holder cell: an organisation as written, or a person without honorifics.
    static func holderName(_ s: String) -> String? {
        let t = s.trimmingCharacters(in: CharacterSet(charactersIn: " :"))
        if t.isEmpty || Doc.norm(t).hasPrefix("city") || Doc.norm(t).hasPrefix("country") { return nil }
        return FieldSchema.isPerson(t) ? t : (Parse.person(t) ?? t)
    }

    /// Section 7: the "resulting situation" and "previous notification" rows under the header that says
    /// which column is shares, instruments, their total and the number of voting rights.
    static func totalPositions(_ d: Doc, _ f: inout [String: String]) {
        guard let s7 = d.find("total positions of person"),
              let res = (s7..<min(s7 + 14, d.rows.count)).first(where: { Doc.norm(d.rows[$0].filled.first ?? "").hasPrefix("resulting situation") })
        else { return }
        let prev = (res + 1..<min(res + 6, d.rows.count)).first { Doc.norm(d.rows[$0].filled.first ?? "").hasPrefix("position of previous notification") }
        guard let (header, hIndex) = headerAbove(d, row: res, from: s7, keys: ["total of both", "attached to shares"]) else {
            // no header found: shares %, instruments %, total %, number — in the form's order
            fallbackPositions(d.rows[res], prev.map { d.rows[$0] }, &f)
            return
        }
        _ = hIndex
        func column(_ test: (String) -> Bool) -> Int? { header.cells.indices.first { test(header.cells[$0].lowercased()) } }
        let cShares = column { $0.contains("attached to shares") }
        let cInstr = column { $0.contains("financial instruments") }
        let cTotal = column { $0.contains("total of both") }
        let cNumber = column { $0.contains("total number of voting rights") }
        let heldByHolder = cNumber.map { header.cells[$0].lowercased().contains("held") } ?? false
        func pct(_ r: Row, _ c: Int?) -> String? { c.flatMap { d.cell(r, under: $0, of: header) }.flatMap { Parse.percent($0, column: true) } }
        let r = d.rows[res]
        if d.cell(r, under: 0, of: header) == nil { fallbackPositions(r, prev.map { d.rows[$0] }, &f); return }
        f["percent_shares"] = pct(r, cShares)
        f["percent_instruments"] = pct(r, cInstr)
        f["percent_after"] = pct(r, cTotal)
        if let c = cNumber, let v = d.cell(r, under: c, of: header).flatMap(Parse.count) {
            f[heldByHolder ? "voting_rights" : "issuer_voting_rights"] = v
        }
        if let p = prev { f["percent_before"] = pct(d.rows[p], cTotal) }
    }

    /// The header row above `row` (within the section) that names the columns; a fixed-width header
    /// spread over several lines is merged column by column.
    static func headerAbove(_ d: Doc, row: Int, from: Int, keys: [String]) -> (Row, Int)? {
        for i in stride(from: row - 1, through: from, by: -1) {
            let r = d.rows[i]
            if r.fixedWidth {
                // merge the fixed-width header lines that start here, each cell under the first line's columns
                var cells = r.cells
                var j = i + 1
                while j < row, d.rows[j].fixedWidth || !d.rows[j].isBlank {
                    let next = d.rows[j]
                    for (k, c) in next.cells.enumerated() {
                        let at = next.starts[k]
                        if let col = r.starts.lastIndex(where: { $0 <= at + 2 }) { cells[col] += " " + c }
                    }
                    j += 1
                }
                let text = cells.joined(separator: " ").lowercased()
                if keys.contains(where: { text.contains($0) }) {
                    return (Row(merged: cells, starts: r.starts), i)
                }
                continue
            }
            if keys.contains(where: { r.text.lowercased().contains($0) }) { return (r, i) }
        }
        return nil
    }

    static func fallbackPositions(_ r: Row, _ prev: Row?, _ f: inout [String: String]) {
        func split(_ row: Row) -> (pcts: [String], counts: [String]) {
            let nums = Parse.amounts(row.filled.dropFirst().joined(separator: " | "))
            return (nums.filter { $0.percent || ($0.decimals && $0.double <= 100) }.map(\.value),
                    nums.filter { $0.isWhole && $0.grouped && !$0.percent }.map(\.value))
        }
        let (p, c) = split(r)
        if p.count == 3 { f["percent_shares"] = p[0]; f["percent_instruments"] = p[1]; f["percent_after"] = p[2] }
        else if let last = p.last { f["percent_after"] = last }
        if c.count == 1 { f["voting_rights"] = c[0] }
        if let prev { let (pp, _) = split(prev); f["percent_before"] = pp.count == 3 ? pp[2] : pp.last }
    }

    /// Section 8A: numbers and percentages of direct and indirect voting rights for the class of shares.
    static func votingRightsAttached(_ d: Doc, _ f: inout [String: String]) {
        guard let s7 = d.find("resulting situation"),
              let s8 = (s7 + 1..<d.rows.count).first(where: { i in
                  let t = d.rows[i].text.lowercased()
                  return t.contains("voting rights attached to shares") && !t.contains("total of 8")
              }) else { return }
        // the header: the row (of the next few) that names direct and indirect columns
        guard let h = (s8 + 1..<min(s8 + 5, d.rows.count)).first(where: { d.rows[$0].cells.filter { $0.lowercased().contains("direct") }.count >= 2 })
        else { return }
        var header = d.rows[h]
        if header.fixedWidth, let merged = headerAbove(d, row: firstDataRow(d, after: h) ?? h + 1, from: h, keys: ["direct"]) { header = merged.0 }
        guard let data = firstDataRow(d, after: h) else { return }
        // columns in the form's order: number direct, number indirect, % direct, % indirect
        var direct: [Int] = [], indirect: [Int] = []
        for (k, c) in header.cells.enumerated() {
            let l = c.lowercased()
            if l.contains("indirect") { indirect.append(k) } else if l.contains("direct") { direct.append(k) }
        }
        guard direct.count == 2, indirect.count == 2 else { return }
        let row = d.rows[data]
        guard d.cell(row, under: 0, of: header) != nil else { return }
        func cell(_ c: Int) -> String? { d.cell(row, under: c, of: header) }
        f["direct_voting_rights"] = cell(direct[0]).flatMap(Parse.count)
        f["indirect_voting_rights"] = cell(indirect[0]).flatMap(Parse.count)
        f["percent_direct"] = cell(direct[1]).flatMap { Parse.percent($0, column: true) }
        f["percent_indirect"] = cell(indirect[1]).flatMap { Parse.percent($0, column: true) }
    }

    /// The first row after the header that holds figures and is not a subtotal.
    static func firstDataRow(_ d: Doc, after h: Int) -> Int? {
        (h + 1..<min(h + 6, d.rows.count)).first { i in
            let r = d.rows[i]
            let first = Doc.norm(r.filled.first ?? "")
            return !first.hasPrefix("sub") && !first.contains("direct") && r.filled.count >= 2
                && Parse.amounts(r.filled.dropFirst().joined(separator: " | ")).contains { $0.grouped || $0.decimals || $0.percent }
        }
    }

    /// "…received notification from Draycott Family Office Limited ("Draycott") that, following a disposal of
    /// shares on 2 June 2025, … now holds 2,475,000 ordinary shares, representing 4.95% … previously … (6.12%)".
    static func narrative(_ d: Doc, _ f: inout [String: String]) {
        let t = d.flat
        if f["holder"] == nil,
           let h = t.firstMatch(#"(?:notification|notified|notice) (?:from|by) ([A-Z][^"“(]{2,90}?)\s*(?:\(|,? that\b)"#) {
            f["holder"] = holderName(h)
        }
        if f["crossing_date"] == nil,
           let s = t.firstMatch(#"(?:following|as a result of|after) (?:an? |the )?(?:acquisition|disposal|sale|purchase|transfer)(?:[^.]|\.(?=\d)){0,80}? on ([^,.]{6,30})"#) {
            f["crossing_date"] = Parse.date(s)
        }
        if let g = t.firstMatchGroups(#"holds? ([\d,]+) (?:ordinary )?shares(?:[^.]|\.(?=\d)){0,80}?representing (?:approximately |c\. )?([\d.]+) ?%"#) {
            f["voting_rights"] = Parse.count(g[0]); f["percent_after"] = Parse.percent(g[1] + "%")
        }
        if let p = t.firstMatch(#"previously (?:held|holding|interested in)(?:[^.]|\.(?=\d)){0,60}?\(([\d.]+) ?%\)"#)
            ?? t.firstMatch(#"previously (?:held|holding)(?:[^.]|\.(?=\d)){0,40}?([\d.]+) ?%"#) {
            f["percent_before"] = Parse.percent(p + "%")
        }
        if let g = t.firstMatchGroups(#"from ([\d.]+) ?% to ([\d.]+) ?%"#) {
            f["percent_before"] = f["percent_before"] ?? Parse.percent(g[0] + "%")
            f["percent_after"] = f["percent_after"] ?? Parse.percent(g[1] + "%")
        }
    }
}

extension Row {
    /// A header row built from merged fixed-width lines.
    init(merged cells: [String], starts: [Int]) {
        self.init(text: cells.joined(separator: "  "), cells: cells, starts: starts, fixedWidth: true)
    }
}
