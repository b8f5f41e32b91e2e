import Foundation

/// Dividend declarations (a sentence, or a timetable table) and net asset value announcements
/// (daily, monthly, per share cum and ex income, total net assets).
extension FieldExtractor {
    static func dividend(_ d: Doc) -> [String: String] {
        var f: [String: String] = [:]
        let t = d.flat
        let kinds = #"((?:(?:first|second|third|fourth|fifth) )?(?:interim|final|special|quarterly|supplementary|fourth quarter|third quarter|second quarter|first quarter)(?: interim)?)"#
        // "declared a second interim dividend of 1.45 pence per ordinary share"
        if let g = t.firstMatchGroups("(?i:" + kinds + ")" + #" dividend (?:of|amounting to) ([^ ]{1,12}(?: (?:pence|cents|p))?) per"#) {
            f["kind"] = g[0].lowercased(); f["dividend"] = Parse.money(g[1])
        } else if let (label, value) = labelled(d, ["dividend per ordinary share", "dividend per share", "final dividend per", "interim dividend per",
                                                     "special dividend per", "quarterly dividend per", "dividend amount", "dividend"]) {
            f["dividend"] = Parse.money(value, currency: Parse.unit(label).currency)
            f["kind"] = label.lowercased().firstMatch(kinds)
        }
        if f["kind"] == nil, let k = t.firstMatch("(?i:" + kinds + ") dividend") { f["kind"] = k.lowercased() }
        f["ex_date"] = (d.value(["ex-dividend date", "ex dividend date", "ex-date"], nextLine: false)
            ?? t.firstMatch(#"(?i:ex-dividend)(?: date)?(?: (?:is|will be|of))?:? (?:on )?([^.;)]{6,30})"#)).flatMap(Parse.date)
        f["record_date"] = (d.value(["record date"], nextLine: false)
            ?? t.firstMatch(#"on the (?:share )?register(?: of members)?(?: at the close of business| as at| at| on)+ (?:on )?([^.;,]{6,30})"#)).flatMap(Parse.date)
        f["payment_date"] = (d.value(["payment date", "pay date", "date of payment"], nextLine: false)
            ?? t.firstMatch(#"(?:paid|payable|be paid) on ([^.;,]{6,30})"#)).flatMap(Parse.date)
        return f
    }

    static func nav(_ d: Doc) -> [String: String] {
        var f: [String: String] = [:]
        let t = d.flat
        f["date"] = t.firstMatch(#"\bas at (?:the )?(?:close of business (?:on )?)?((?:\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+ \d{4})|(?:\d{1,2}/\d{1,2}/\d{4}))"#).flatMap(Parse.date)
        var inNAV = false   // lines under a "net asset value per share … was:" sentence belong to it
        for row in d.rows {
            let l = row.text.lowercased()
            if row.isBlank { continue }
            let mentionsNAV = l.contains("net asset value") || l.range(of: #"\bnavs?\b"#, options: .regularExpression) != nil
            let money = Parse.amounts(row.filled.joined(separator: " | ")).first { $0.currency != nil && $0.currency != "cents" && !$0.percent }
            defer { if mentionsNAV { inNAV = l.contains("per") && money == nil } }
            guard let a = money, let m = a.money() else { continue }
            if l.contains("total net asset") || l.contains("total net assets") || l.contains("net assets of") || l.contains("total nav")
                || (l.contains("net asset value of the company") && !l.contains("per")) {
                if a.scale != nil || a.double > 1000 { f["total_nav"] = f["total_nav"] ?? m }
                continue
            }
            guard mentionsNAV || inNAV else { continue }
            if l.contains("fair value") || l.contains("diluted") { continue }
            if l.contains("excluding") || l.contains("ex income") || l.contains("ex-income") || l.contains("ex-revenue") || l.contains("ex revenue") {
                f["nav_ex_income"] = f["nav_ex_income"] ?? m
            } else if l.contains("per") || inNAV {
                f["nav_per_share"] = f["nav_per_share"] ?? m
            }
        }
        return f
    }
}
