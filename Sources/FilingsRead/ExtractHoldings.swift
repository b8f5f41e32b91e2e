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
        let prev = (res + 1..<min(res + 8, d.rows.count)).first { Doc.norm(d.rows[$0].filled.first ?? "").hasPrefix("position of previous notification") }
        if d.rows[res].filled.count == 1, stackedPositions(d, s7: s7, res: res, prev: prev, &f) { return }
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
        let r = d.rows[res]
        func pct(_ row: Row, _ c: Int?) -> String? { c.flatMap { d.cell(row, under: $0, of: header, reference: r) }.flatMap { Parse.percent($0, column: true) } }
        if d.cell(r, under: 0, of: header) == nil { fallbackPositions(r, prev.map { d.rows[$0] }, &f); return }
        f["percent_shares"] = pct(r, cShares)
        f["percent_instruments"] = pct(r, cInstr)
        f["percent_after"] = pct(r, cTotal)
        if let c = cNumber, let v = d.cell(r, under: c, of: header).flatMap(Parse.count) {
            f[heldByHolder ? "voting_rights" : "issuer_voting_rights"] = v
        }
        if let p = prev { f["percent_before"] = pct(d.rows[p], cTotal) }
    }

    /// The header row above `row` (within the section) that names the columns. A fixed-width header spread
    /// over several lines ("% of voting rights / attached to shares / (total of 8. A)") is merged column by
    /// column under its first line.
    static func headerAbove(_ d: Doc, row: Int, from: Int, keys: [String]) -> (Row, Int)? {
        var i = row - 1
        while i >= from {
            let r = d.rows[i]
            if r.fixedWidth {
                var top = i
                while top - 1 >= from, d.rows[top - 1].fixedWidth { top -= 1 }
                let anchor = d.rows[top]
                var cells = anchor.cells
                for j in top + 1...i {
                    let next = d.rows[j]
                    for (k, c) in next.cells.enumerated() {
                        if let col = anchor.starts.lastIndex(where: { $0 <= next.starts[k] + 2 }) { cells[col] += " " + c }
                    }
                }
                if keys.contains(where: { cells.joined(separator: " ").lowercased().contains($0) }) {
                    return (Row(text: cells.joined(separator: "  "), cells: cells, starts: anchor.starts, fixedWidth: true), top)
                }
                i = top - 1
                continue
            }
            if keys.contains(where: { r.text.lowercased().contains($0) }) { return (r, i) }
            i -= 1
        }
        return nil
    }

    /// A table flattened to one cell a line (as some text renderings publish it): the column labels, then
    /// each row's label followed by its values, in the header's order.
    static func stackedPositions(_ d: Doc, s7: Int, res: Int, prev: Int?, _ f: inout [String: String]) -> Bool {
        func values(after i: Int) -> [String] {
            var out: [String] = []
            var j = i + 1
            while j < d.rows.count, out.count < 4 {
                let r = d.rows[j]; j += 1
                if r.isBlank { continue }
                guard r.filled.count == 1, let v = r.filled.first, v.count <= 24, Parse.amounts(v).count == 1 else { break }
                out.append(v)
            }
            return out
        }
        let keys = [("percent_shares", "attached to shares"), ("percent_instruments", "financial instruments"), ("percent_after", "total of both"), ("number", "total number of voting rights")]
        let order = keys.compactMap { k in (s7 + 1..<res).first { d.rows[$0].text.lowercased().contains(k.1) }.map { (k.0, $0) } }.sorted { $0.1 < $1.1 }.map(\.0)
        let got = values(after: res)
        guard order.count >= 3, got.count == order.count else { return false }
        let held = (s7 + 1..<res).contains { d.rows[$0].text.lowercased().contains("held in issuer") }
        for (k, v) in zip(order, got) {
            if k == "number" { f[held ? "voting_rights" : "issuer_voting_rights"] = Parse.count(v) } else { f[k] = Parse.percent(v, column: true) }
        }
        if let p = prev, let i = order.firstIndex(of: "percent_after") {
            let before = values(after: p)
            if i < before.count { f["percent_before"] = Parse.percent(before[i], column: true) }
        }
        return true
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
        if header.fixedWidth, let merged = headerAbove(d, row: firstDataRow(d, after: h) ?? h + 1, from: s8 + 1, keys: ["direct"]) { header = merged.0 }
        guard let data = firstDataRow(d, after: h) else { return }
        // more than one class of shares: the direct/indirect split is per class, and the form gives no total of it
        let classes = (data..<min(data + 6, d.rows.count)).prefix { !d.rows[$0].isBlank && !Doc.norm(d.rows[$0].filled.first ?? "").hasPrefix("sub") }
        if classes.count > 1 { return }
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

