import Foundation

/// The RNS headline an announcement carries ("Holding(s) in Company", "Transaction in Own Shares",
/// "Result of AGM", …) names its type in words issuers share. When one of the first lines is such a
/// headline the type is read from it; the trained classifier decides the rest (headlines missing,
/// or ones it does not know such as "Change of Registered Office").
public enum Headline {
    /// In priority order: "Posting of Annual Report and Notice of AGM" is a meeting notice, not an annual report.
    static let rules: [(FilingType, String)] = [
        (.meetingNotice, #"notice of (?:the |an? )?(?:annual general meeting|agm|general meeting|gm|egm|extraordinary general meeting)|posting of .*(?:notice|circular)"#),
        (.agmResult, #"results? of (?:the )?(?:agm|annual general meeting|general meeting|gm|egm|extraordinary general meeting|meeting)\b|\b(?:agm|gm|annual general meeting|general meeting) (?:results?|statement)|\bpoll results?"#),
        (.holdings, #"holding\(?s?\)? in company|\btr-?1\b|notification of major holdings?|major shareholding"#),
        (.pdmr, #"\bpdmr\b|director(?:'s|s'|s)? (?:dealings?|shareholding|share purchase|purchase of shares)|person closely associated"#),
        (.ownShares, #"transactions? in own shares|(?:purchase|repurchase|buyback) of (?:its )?own (?:ordinary )?shares|share buy ?back"#),
        (.votingRights, #"total voting rights"#),
        (.blockListing, #"block ?listing"#),
        (.form83, #"\bform 8\.3\b"#),
        // results before dividends: "Final Results and Dividend Declaration" is results
        (.halfYear, #"half[- ]?year(?:ly)? (?:report|results|financial report)|interim (?:results|report)\b|\bh1 results"#),
        (.finalResults, #"(?:final|full[- ]year|preliminary|annual) results|results for the (?:year|52 weeks|53 weeks)"#),
        (.tradingUpdate, #"trading (?:update|statement)|\bq[1-4] (?:trading|update)|pre-close|quarterly update|interim management statement"#),
        (.dividend, #"dividend declaration|declaration of (?:an? )?(?:[a-z]+ )*dividend|^(?:[a-z]+ )?(?:interim|final|special|quarterly|second interim|third interim|fourth interim) dividend$|dividend (?:announcement|timetable)"#),
        (.nav, #"net asset value|^navs?(?: update| per share)?$"#),
        (.directorate, #"directorate change|board (?:changes?|appointments?|update)|appointment of .*(?:director|chair|chief|ceo|cfo|officer|secretary)|(?:retirement|resignation|departure) of .*(?:director|chair|chief|ceo|cfo|officer)|change of (?:chair|chief|ceo|cfo)|(?:ceo|cfo|chair) (?:appointment|succession)"#),
        (.annualReport, #"annual (?:financial )?report|report and accounts"#),
    ]

    /// The type named by a headline among the first lines: a short line or cell (not a sentence), or the
    /// headline half of "Issuer plc - Headline".
    public static func type(_ text: String) -> FilingType? {
        var seen = 0
        for line in text.split(separator: "\n") {
            let row = Row(String(line))
            if row.isBlank { continue }
            seen += 1
            if seen > 15 { break }
            for cell in row.filled.prefix(2) {
                for part in [cell] + cell.components(separatedBy: " - ") {
                    let p = part.trimmingCharacters(in: .whitespaces).lowercased()
                    guard p.count <= 100, p.split(separator: " ").count <= 14 else { continue }
                    for (type, re) in rules where p.range(of: re, options: .regularExpression) != nil { return type }
                }
            }
        }
        return nil
    }
}

/// Whether a text is a regulatory announcement at all. A README, a letter, source code or "hello
/// world" is refused with the reason (issue 24: they were classified "Other" and stored as filings).
public enum AnnouncementCheck {
    /// Words announcements use and other writing rarely does.
    static let vocabulary = ["shares", "share capital", "voting rights", "dividend", "the company", "the board", "announces", "isin", "lei",
                             "rns", "market abuse regulation", "listing rule", "disclosure guidance", "transparency rules", "general meeting",
                             "resolution", "financial conduct authority", "national storage mechanism", "results", "revenue", "profit",
                             "director", "net asset value", "pence", "buyback", "treasury", "takeover code", "london stock exchange",
                             "issuer", "notification", "shareholders", "plc", "per share", "trading", "registered office",
                             "company secretary", "broker", "nominated adviser", "inside information", "with effect from", "securities",
                             "allot", "block listing", "offeror", "offeree"]

    /// nil when `text` reads as a regulatory announcement; otherwise why it does not.
    public static func reason(_ text: String) -> String? {
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let words = text.split(whereSeparator: { $0.isWhitespace }).count
        if words < 12 { return "only \(words) word\(words == 1 ? "" : "s"); an announcement names its issuer and what happened" }
        let headings = lines.filter { $0.range(of: #"^#{1,6} "#, options: .regularExpression) != nil }.count
        let fences = lines.filter { $0.hasPrefix("```") || $0.hasPrefix("~~~") }.count
        let links = text.allMatches(#"\]\([^)\s]+\)"#).count
        if fences >= 2 || headings >= 3 || (headings >= 1 && links >= 2) {
            return "it reads as Markdown (\(headings) headings, \(fences / 2) code blocks, \(links) links), such as a README"
        }
        let code = lines.filter { $0.range(of: #"^(import |func |def |class |struct |#include|let |var |public |private |return\b|\}|\{)|[;{]$"#, options: .regularExpression) != nil }.count
        if code >= 5 && code * 5 >= lines.count { return "it reads as program source code (\(code) of \(lines.count) lines)" }
        let lower = text.lowercased()
        if lines.prefix(12).contains(where: { $0.hasPrefix("Dear ") }), lower.contains("yours faithfully") || lower.contains("yours sincerely") {
            return "it reads as a letter (“Dear …”, “Yours …”), not an announcement"
        }
        let hits = vocabulary.filter { lower.contains($0) }.count
        let headline = Headline.type(text) != nil
        let issuer = FieldExtractor.issuer(Doc(text)) != nil
        if (headline && (issuer || hits >= 2)) || (issuer && hits >= 2) { return nil }
        var missing: [String] = []
        if !issuer { missing.append("no issuer (a company such as “… plc”) named near the top") }
        if !headline { missing.append("no announcement headline") }
        missing.append("\(hits) of \(vocabulary.count) words announcements use")
        return missing.joined(separator: ", ")
    }
}
