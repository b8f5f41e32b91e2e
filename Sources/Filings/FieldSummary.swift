import FilingsRead
import Foundation

/// The field-based summary: one plain-English paragraph built only from extracted fields, so every
/// number in it is in the filing, and each stated with its unit (%, £/p/$/€ and m/bn/k, "shares",
/// "voting rights", a written date). It is the composer's reference summary (the LM's SFT target)
/// and the fallback when an LM summary fails the number check.
public enum FieldSummary {
    /// "2025-02-03" → "3 February 2025".
    static func long(_ iso: String?) -> String? {
        guard let iso, let m = iso.firstMatchGroups(#"^(\d{4})-(\d{2})-(\d{2})$"#) else { return iso }
        return "\(Int(m[2])!) \(Parts.monthNames[Int(m[1])! - 1]) \(m[0])"
    }

    /// "6113402" → "6,113,402"; decimals as they are.
    static func grouped(_ s: String?) -> String? {
        guard let s else { return nil }
        if s.contains(".") { return s }
        guard let n = Int(s) else { return s }
        return Num.grouped(n)
    }

    /// "83.2 GBX" → "83.2p", "4.125 GBP" → "£4.125", "412.6m GBP" → "£412.6m", "1842m GBP" → "£1,842m",
    /// "0.0425 USD" → "$0.0425", "-2140k GBP" → "-£2,140k".
    static func money(_ s: String?) -> String? {
        guard let s, let g = s.firstMatchGroups(#"^(-?)(\d+)(\.\d+)?(k|m|bn)? ([A-Z]{3})$"#) else { return s }
        let whole = Int(g[1]).map(Num.grouped) ?? g[1]
        let amount = whole + g[2] + g[3]
        switch g[4] {
        case "GBX": return g[0] + amount + "p"
        case "GBP": return g[0] + "£" + amount
        case "USD": return g[0] + "$" + amount
        case "EUR": return g[0] + "€" + amount
        default: return s
        }
    }
    static func price(_ s: String?) -> String? { money(s) }

    static func pct(_ s: String?) -> String? { s.map { $0 + "%" } }

    /// Plural "shares" except for one.
    static func shares(_ n: String) -> String { "\(grouped(n)!) \(n == "1" ? "share" : "shares")" }

    public static func write(type: FilingType, fields f: [String: String]) -> String {
        let issuer = f["issuer"] ?? "The issuer"
        switch type {
        case .holdings: return holdings(f, issuer)
        case .pdmr: return pdmr(f, issuer)
        case .ownShares: return ownShares(f, issuer)
        case .votingRights:
            var s = "\(issuer) reported"
            if let d = long(f["date"]) { s += " that as at \(d)" }
            if let c = f["share_capital"] { s += " its issued share capital was \(shares(c))" } else { s += " its total voting rights" }
            if let t = f["treasury_shares"] { s += t == "0" ? ", with none held in treasury" : ", of which \(grouped(t)!) are held in treasury" }
            if let v = grouped(f["voting_rights"]) { s += ", giving \(v) voting rights" }
            return s + "."
        case .agmResult:
            var s = "\(issuer) reported the poll results of its \(f["meeting"] == "general" ? "general meeting" : f["meeting"] == "annual" ? "annual general meeting" : "shareholder meeting")"
            if let d = long(f["meeting_date"]) { s += " held on \(d)" }
            var parts: [String] = []
            if let n = f["resolutions"] { parts.append("\(n) resolution\(n == "1" ? "" : "s")" + (f["all_passed"] == "yes" ? ", all passed" : "")) }
            else if f["all_passed"] == "yes" { parts.append("all resolutions were passed") }
            if f["all_passed"] == "no" { parts.append("not every resolution was passed") }
            if let p = pct(f["lowest_for_percent"]) { parts.append("the lowest support was \(p) of votes for" + (f["lowest_for_resolution"].map { " resolution \($0)" } ?? "")) }
            return s + (parts.isEmpty ? "" : ": " + parts.joined(separator: "; ")) + "."
        case .finalResults, .halfYear:
            var s = "\(issuer) published its \(type == .halfYear ? "half-year" : "full-year") results"
            if let d = long(f["period_end"]) { s += " for the period ended \(d)" }
            var parts: [String] = []
            if let r = money(f["revenue"]) { parts.append("revenue of \(r)") }
            if let p = f["profit_before_tax"] {
                parts.append(p.hasPrefix("-") ? "a loss before tax of \(money(String(p.dropFirst()))!)" : "profit before tax of \(money(p)!)")
            }
            if let e = f["eps"] { parts.append(e.hasPrefix("-") ? "a basic loss per share of \(money(String(e.dropFirst()))!)" : "basic earnings per share of \(money(e)!)") }
            return s + (parts.isEmpty ? "" : ", reporting " + list(parts)) + "."
        case .tradingUpdate:
            var s = "\(issuer) issued a trading update"
            if let d = long(f["period_end"]) { s += " for the period to \(d)" }
            if let g = f["growth_percent"] {
                s += ", reporting revenue \(g.hasPrefix("-") ? "down" : "up") \(g.hasPrefix("-") ? String(g.dropFirst()) : g)% on the prior year"
                if let r = money(f["revenue"]) { s += " (\(r))" }
            } else if let r = money(f["revenue"]) { s += ", reporting revenue of \(r)" }
            return s + "."
        case .meetingNotice:
            let kind = f["meeting"] == "general" ? "a general meeting" : f["meeting"] == "annual" ? "its annual general meeting" : "a shareholder meeting"
            return "\(issuer) gave notice of \(kind)" + (long(f["meeting_date"]).map { ", to be held on \($0)" } ?? "") + "."
        case .annualReport:
            return "\(issuer) published its annual financial report" + (long(f["period_end"]).map { " for the year ended \($0)" } ?? "") + "."
        case .blockListing:
            var s = "\(issuer) filed its block listing return"
            if let sc = f["scheme"] { s += " for the \(sc)" }
            if let a = long(f["period_from"]), let b = long(f["period_to"]) { s += " covering \(a) to \(b)" }
            var parts: [String] = []
            if let p = f["previous_balance"] { parts.append("\(shares(p)) unallotted at the start") }
            if let i = f["increase"], i != "0" { parts.append("an increase of \(shares(i))") }
            if let i = f["issued"] { parts.append("\(shares(i)) issued in the period") }
            if let b = f["balance"] { parts.append("\(shares(b)) remaining") }
            return s + (parts.isEmpty ? "" : ": " + list(parts)) + "."
        case .form83:
            return "\(f["discloser"] ?? "A holder of 1% or more") disclosed its position and dealings in \(issuer) securities under Rule 8.3 of the Takeover Code"
                + (long(f["dealing_date"]).map { " for \($0)" } ?? "") + "."
        case .directorate:
            guard let p = f["person"] else { return "\(issuer) announced a change to its board." }
            return "\(issuer) announced the \(f["change"] ?? "change") of \(p)" + (f["role"].map { " as \($0)" } ?? "")
                + (long(f["effective_date"]).map { ", effective \($0)" } ?? "") + "."
        case .dividend:
            var s = "\(issuer) declared a" + (f["kind"].map { ($0.first.map { "aeiou".contains($0) } ?? false ? "n " : " ") + $0 } ?? "") + " dividend"
            if let a = money(f["dividend"]) { s += " of \(a) per share" }
            if let p = long(f["payment_date"]) { s += ", payable on \(p)" }
            if let r = long(f["record_date"]) { s += " to shareholders on the register on \(r)" }
            if let e = long(f["ex_date"]) { s += "; the ex-dividend date is \(e)" }
            return s + "."
        case .nav:
            var s = "\(issuer) reported"
            if let n = money(f["nav_per_share"]) { s += " a net asset value per share of \(n)" } else { s += " its net asset value" }
            if let d = long(f["date"]) { s += " as at \(d)" }
            if let x = money(f["nav_ex_income"]) { s += " (\(x) excluding income)" }
            if let t = money(f["total_nav"]) { s += ", with total net assets of \(t)" }
            return s + "."
        case .other:
            return "\(issuer) made a regulatory announcement outside the main categories."
        }
    }

    static func list(_ parts: [String]) -> String {
        parts.count <= 1 ? parts.joined() : parts.dropLast().joined(separator: ", ") + " and " + parts.last!
    }

    static func holdings(_ f: [String: String], _ issuer: String) -> String {
        var s = "\(f["holder"] ?? "A shareholder") notified \(issuer) of a change in its voting rights"
        if let d = long(f["crossing_date"]) { s += " on \(d)" }
        if let a = pct(f["percent_after"]) {
            s += ": \(a) of the voting rights" + (pct(f["percent_before"]).map { " (previously \($0))" } ?? "")
        } else if let b = pct(f["percent_before"]) { s += ", from \(b) previously" }
        var parts: [String] = []
        if let sh = pct(f["percent_shares"]), let i = pct(f["percent_instruments"]), f["percent_instruments"] != "0" {
            parts.append("\(sh) through shares and \(i) through financial instruments")
        }
        if let v = grouped(f["voting_rights"]) { parts.append("\(v) voting rights held") }
        if let v = grouped(f["issuer_voting_rights"]) { parts.append("out of \(v) voting rights in the issuer") }
        if let di = pct(f["percent_direct"]), let ind = pct(f["percent_indirect"]) { parts.append("\(di) held directly and \(ind) indirectly") }
        else if let di = pct(f["percent_direct"]) { parts.append("\(di) held directly") }
        else if let ind = pct(f["percent_indirect"]) { parts.append("\(ind) held indirectly") }
        return s + (parts.isEmpty ? "" : "; " + parts.joined(separator: "; ")) + "."
    }

    static func pdmr(_ f: [String: String], _ issuer: String) -> String {
        var s = f["person"] ?? "A person discharging managerial responsibilities"
        if let r = f["role"] {
            let role = r.hasPrefix("Person ") ? "a " + r.prefix(1).lowercased() + r.dropFirst() : r
            s += ", \(role) of \(issuer),"
        } else { s += " of \(issuer)" }
        let nature = (f["nature"] ?? "").lowercased()
        let verb: String
        if nature.contains("sale") || nature.contains("sold") || nature.contains("disposal") { verb = "sold" }
        else if nature.contains("grant") || nature.contains("award") { verb = "was awarded" }
        else if nature.contains("exercise") { verb = "exercised options over" }
        else if nature.contains("transfer") { verb = "transferred" }
        else if nature.contains("purchase") || nature.contains("acquisition") || nature.contains("buy") || nature.contains("bought") || nature.contains("subscription") { verb = "bought" }
        else { verb = "dealt in" }
        if let v = f["volume"] { s += " \(verb) \(shares(v))" }
        else { s += " notified a transaction" + (f["nature"].map { ": \($0.prefix(1).lowercased() + $0.dropFirst())" } ?? "") }
        if let p = money(f["price"]) { s += " at \(p)" + (f["volume"] == nil ? "" : " per share") }
        if let d = long(f["date"]) { s += " on \(d)" }
        if let v = f["venue"] { s += " (\(v))" }
        if let h = f["holding_after"] {
            s += ", and now holds \(shares(h))" + (pct(f["holding_percent"]).map { " (\($0) of the issued share capital)" } ?? "")
        }
        return s + "."
    }

    static func ownShares(_ f: [String: String], _ issuer: String) -> String {
        var s = "\(issuer) bought back \(f["shares_bought"].map(shares) ?? "some shares")"
        if let d = long(f["date"]) { s += " on \(d)" }
        else if let a = long(f["period_from"]), let b = long(f["period_to"]) { s += " between \(a) and \(b)" }
        if let lo = money(f["lowest_price"]), let hi = money(f["highest_price"]) { s += " at prices between \(lo) and \(hi)" }
        if let v = money(f["vwap"]) { s += ", a volume-weighted average of \(v)" }
        if let p = money(f["price"]) { s += " at \(p) per share" }
        if let t = f["treasury_or_cancel"] { s += t == "treasury" ? "; the shares will be held in treasury" : "; the shares will be cancelled" }
        var after: [String] = []
        if let n = f["shares_in_issue"] { after.append("\(shares(n)) in issue") }
        if let t = f["treasury_shares"] { after.append(t == "0" ? "none in treasury" : "\(grouped(t)!) in treasury") }
        if let v = grouped(f["voting_rights"]) { after.append("\(v) voting rights") }
        return s + "." + (after.isEmpty ? "" : " It now has " + list(after) + ".")
    }

    /// Summary of an iXBRL report from its extracted facts.
    public static func report(_ f: [String: String]) -> String {
        var s = f["entity_name"] ?? "The company"
        if let n = f["company_number"] { s += " (company number \(n))" }
        s += " filed accounts"
        if let a = long(f["period_start"]), let b = long(f["period_end"]) { s += " for the period \(a) to \(b)" }
        else if let b = long(f["period_end"]) { s += " for the period ended \(b)" }
        let cur = f["currency"] ?? ""
        var parts: [String] = []
        if let t = f["turnover"] { parts.append("turnover of \(cur) \(t)") }
        if let p = f["profit_loss"] { parts.append((p.hasPrefix("-") ? "a loss of \(cur) \(p.dropFirst())" : "a profit of \(cur) \(p)")) }
        if let n = f["net_assets"] { parts.append(n.hasPrefix("-") ? "net liabilities of \(cur) \(n.dropFirst())" : "net assets of \(cur) \(n)") }
        if let e = f["employees"] { parts.append("\(e) \(e == "1" ? "employee" : "employees") on average") }
        if !parts.isEmpty { s += ", reporting " + parts.joined(separator: ", ") }
        return s + "."
    }
}
