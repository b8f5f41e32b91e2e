import Foundation

/// Rule-based field extraction for announcements. Each type has its own reader (ExtractHoldings,
/// ExtractPDMR, ExtractCapital, ExtractMeetings, ExtractResults, ExtractFunds) that knows the layouts
/// issuers use for it; every value is then checked against its field's kind (`FieldSchema`), and a
/// value that fails is not emitted. Values are normalised so they compare exactly: dates ISO 8601,
/// percentages and counts plain decimals ("5.12", "150000"), money "<amount>[k|m|bn] <currency>"
/// ("83.2 GBX" for pence, "412.6m GBP").
public enum FieldExtractor {
    /// Field names each type's extraction reports, in order.
    public static var fieldNames: [FilingType: [String]] { FieldSchema.fields.mapValues { $0.map(\.name) } }

    public static func extract(_ type: FilingType, text: String) -> [String: String] {
        FieldSchema.validated(raw(type, text: text), type: type)
    }

    /// The readers' output before validation (tests check that validation, not luck, keeps bad values out).
    static func raw(_ type: FilingType, text: String) -> [String: String] {
        let d = Doc(text)
        var f: [String: String]
        switch type {
        case .holdings: f = holdings(d)
        case .pdmr: f = pdmr(d)
        case .ownShares: f = ownShares(d)
        case .votingRights: f = votingRights(d)
        case .agmResult: f = agmResult(d)
        case .finalResults, .halfYear: f = results(d)
        case .tradingUpdate: f = tradingUpdate(d)
        case .meetingNotice: f = meetingNotice(d)
        case .annualReport: f = annualReport(d)
        case .blockListing: f = blockListing(d)
        case .form83: f = form83(d)
        case .directorate: f = directorate(d)
        case .dividend: f = dividend(d)
        case .nav: f = nav(d)
        case .other: f = [:]
        }
        if f["issuer"].map({ !FieldSchema.isOrganisation($0) }) ?? true { f["issuer"] = issuer(d) }
        return f.filter { !$0.value.isEmpty }
    }

    static let suffix = #"(?:plc|PLC|Plc|p\.l\.c\.|Limited|LIMITED|Ltd\.?|LTD|Corporation|Corp\.?|Inc\.?|N\.V\.|S\.A\.|SE|AG|REIT)"#

    /// The issuer: a line near the top that is a company name ("Acme plc", "Acme plc - Total Voting
    /// Rights", "Form 8.3 - Acme plc"), else the company that opens the first sentence.
    static func issuer(_ d: Doc) -> String? {
        for row in d.rows.prefix(14) where !row.isBlank {
            for cell in row.filled.prefix(2) {
                let parts = [cell] + cell.components(separatedBy: " - ") + cell.components(separatedBy: " – ") + cell.components(separatedBy: ": ")
                for p in parts {
                    // "Acme plc (AIM: ACME)", "ACME PLC ("Acme" or the "Company")"
                    let s = p.replacingOccurrences(of: #"\s*\(.*\)\s*$"#, with: "", options: .regularExpression)
                        .trimmingCharacters(in: CharacterSet(charactersIn: " *:"))
                    if s.wholeMatch(#"[A-Z0-9][A-Za-z0-9&'’.,\- ]{1,90} "# + suffix), !s.lowercased().hasPrefix("rns") { return s }
                }
            }
        }
        return d.flat.firstMatch(#"([A-Z][A-Za-z0-9&'’.\-]*(?: [A-Z&][A-Za-z0-9&'’.\-]*){0,8} "# + suffix + #")(?: \(|,| announces| has| is| today| notifies)"#)
    }
}
