import Foundation

/// Dividend declarations (a sentence, or a timetable table) and net asset value announcements
/// (daily, monthly, per share cum and ex income, total net assets).
extension FieldExtractor {
    static func dividend(_ d: Doc) -> [String: String] {
        var f: [String: String] = [:]
        let t = d.flat
        let kinds = #"((?:(?:first|second|third|fourth|fifth) )?(?:interim|final|special|quarterly|supplementary|fourth quarter|third quarter|second quarter|first quarter)(?: interim)?)"#
        // "declared a second interim dividend of 1.45 pence per ordinary share"
        if let g = t.firstMatchGroups("(?i:" + kinds + ")" + #" dividend(?: (?:[^.]|\.(?=\d)){0,60}?)? (?:of|amounting to) ([^ ]{1,12}(?: (?:pence|cents|p))?) per"#) {
            f["kind"] = g[0].lowercased(); f["dividend"] = Parse.money(g[1])
        } else if let (label, value) = labelled(d, ["~dividend per ordinary share", "~dividend per share", "dividend amount", "dividend rate", "dividend$"]) {
            f["dividend"] = Parse.money(value, currency: Parse.unit(label).currency)
            f["kind"] = label.lowercased().firstMatch(kinds)
        }
        if f["kind"] == nil, let k = t.firstMatch("(?i:" + kinds + ") dividend") { f["kind"] = k.lowercased() }
        // a date named by its label, else the first date in the same clause after the words that name it
        func dated(_ labels: [String], _ words: String) -> String? {
            d.value(labels, nextLine: false).flatMap(Parse.date)
                ?? t.firstMatch("(?i:" + words + #")((?:[^.;]|\.(?=\d)){0,90})"#).flatMap(Parse.date)
        }
        f["ex_date"] = dated(["ex-dividend date", "ex dividend date", "ex-date"], #"ex-dividend|ex dividend"#)
        f["record_date"] = dated(["record date"], #"record date|on the (?:share )?register"#)
        f["payment_date"] = dated(["payment date", "pay date", "date of payment"], #"payment date|(?:paid|payable) on"#)
        return f
    }

    static func nav(_ d: Doc) -> [String: String] {
        var f: [String: String] = [:]
        let t = d.flat
        f["date"] = t.firstMatch(#"\b(?:as )?at (?:the )?(?:close of business (?:on )?)?(\#(Parse.dateRE))"#).flatMap(Parse.date)
        var inNAV = false   // lines under a "net asset value per share … was:" sentence belong to it
        for row in d.rows where !row.isBlank {
            let text = row.filled.joined(separator: " | "), l = text.lowercased()
            let mentionsNAV = l.contains("net asset value") || l.matches(#"\bnavs?\b"#)
            let monies = Parse.amounts(text).filter { $0.currency != nil && $0.currency != "cents" && !$0.percent }
            defer { if mentionsNAV { inNAV = l.contains("per") && monies.isEmpty } }
            if l.contains("total net asset") || l.contains("net assets of") || l.contains("total nav") || l.contains("net asset value of the company") && !l.contains("per") {
                if let a = monies.first(where: { $0.scale != nil || $0.double > 1000 }) { f["total_nav"] = f["total_nav"] ?? a.money() }
                continue
            }
            guard mentionsNAV || inNAV, !l.contains("fair value"), !l.contains("diluted") else { continue }
            for a in monies {
                // what follows a figure says which it is: "245.6p (including income) and 241.1p (excluding income)"
                let ns = text as NSString
                let after = ns.substring(from: min(ns.length, a.location)).prefix(45).lowercased()
                let isEx = ["excluding", "ex income", "ex-income", "ex revenue", "ex-revenue"].contains { after.contains($0) }
                    || (monies.count == 1 && ["excluding", "ex income", "ex-income", "(ex "].contains { l.contains($0) })
                guard let m = a.money() else { continue }
                if isEx { f["nav_ex_income"] = f["nav_ex_income"] ?? m }
                else if l.contains("per") || inNAV { f["nav_per_share"] = f["nav_per_share"] ?? m }
                // "(31 March 2026: €9.981)": a prior period's figure after the current one is not read
                if monies.count > 1 && !isEx && !after.contains("includ") && !after.contains("cum") { break }
            }
        }
        return f
    }
}
