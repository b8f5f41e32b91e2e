import Foundation

/// What kind of value a field holds. Every value the extractor emits is checked against its kind, so a
/// number of voting rights can never come out as a percentage (issue 24: "percent_direct: 6144000").
public enum FieldKind: String, Sendable, Codable {
    case percentage      // 0–100, plain decimal: "5.12"
    case change          // a signed percentage change: "-2.3", "12"
    case count           // a whole number: "6144000"
    case money           // amount, optional scale, currency: "83.2 GBX", "412.6m GBP", "-2140k GBP", "0.0425 USD"
    case date            // ISO 8601: "2025-02-03"
    case person          // a natural person's name, no honorifics: "Imogen Faraday-Lowe"
    case organisation    // a company or fund: "Corriemoor Asset Management LLP"
    case holder          // a person or an organisation (TR-1 holders are either)
    case role            // a position: "Chief Financial Officer"
    case text            // one line of free text (an instrument, the nature of a transaction, a venue)
    case choice          // one of a fixed set
}

public struct FieldSpec: Sendable {
    public let name: String
    public let kind: FieldKind
    public let choices: [String]
    init(_ name: String, _ kind: FieldKind, _ choices: [String] = []) { self.name = name; self.kind = kind; self.choices = choices }
}

public enum FieldSchema {
    /// Currencies a money value may carry. GBX is pence (the LSE's code for sterling quoted in pence).
    public static let currencies: Set<String> = ["GBP", "GBX", "USD", "EUR"]

    static let issuer = FieldSpec("issuer", .organisation)

    /// The fields of each type, in the order summaries and field blocks list them.
    public static let fields: [FilingType: [FieldSpec]] = [
        .holdings: [issuer, .init("holder", .holder), .init("crossing_date", .date), .init("percent_before", .percentage),
                    .init("percent_after", .percentage), .init("percent_shares", .percentage), .init("percent_instruments", .percentage),
                    .init("voting_rights", .count), .init("issuer_voting_rights", .count), .init("direct_voting_rights", .count),
                    .init("indirect_voting_rights", .count), .init("percent_direct", .percentage), .init("percent_indirect", .percentage)],
        .pdmr: [issuer, .init("person", .person), .init("role", .role), .init("associated_with", .person), .init("instrument", .text),
                .init("nature", .text), .init("price", .money), .init("volume", .count), .init("date", .date), .init("venue", .text),
                .init("holding_after", .count), .init("holding_percent", .percentage)],
        .ownShares: [issuer, .init("date", .date), .init("period_from", .date), .init("period_to", .date), .init("shares_bought", .count),
                     .init("price", .money), .init("highest_price", .money), .init("lowest_price", .money), .init("vwap", .money),
                     .init("treasury_or_cancel", .choice, ["treasury", "cancel"]), .init("treasury_shares", .count),
                     .init("shares_in_issue", .count), .init("voting_rights", .count)],
        .votingRights: [issuer, .init("date", .date), .init("share_capital", .count), .init("treasury_shares", .count), .init("voting_rights", .count)],
        .agmResult: [issuer, .init("meeting", .choice, ["annual", "general"]), .init("meeting_date", .date), .init("resolutions", .count),
                     .init("all_passed", .choice, ["yes", "no"]), .init("lowest_for_percent", .percentage), .init("lowest_for_resolution", .count)],
        .finalResults: [issuer, .init("period_end", .date), .init("revenue", .money), .init("profit_before_tax", .money), .init("eps", .money)],
        .halfYear: [issuer, .init("period_end", .date), .init("revenue", .money), .init("profit_before_tax", .money), .init("eps", .money)],
        .tradingUpdate: [issuer, .init("period_end", .date), .init("growth_percent", .change), .init("revenue", .money)],
        .meetingNotice: [issuer, .init("meeting", .choice, ["annual", "general"]), .init("meeting_date", .date)],
        .annualReport: [issuer, .init("period_end", .date)],
        .blockListing: [issuer, .init("scheme", .text), .init("period_from", .date), .init("period_to", .date), .init("previous_balance", .count),
                        .init("increase", .count), .init("issued", .count), .init("balance", .count)],
        .form83: [issuer, .init("discloser", .holder), .init("dealing_date", .date)],
        .directorate: [issuer, .init("person", .person), .init("change", .choice, ["appointment", "resignation", "retirement"]),
                       .init("role", .role), .init("effective_date", .date)],
        .dividend: [issuer, .init("kind", .text), .init("dividend", .money), .init("ex_date", .date), .init("record_date", .date),
                    .init("payment_date", .date)],
        .nav: [issuer, .init("date", .date), .init("nav_per_share", .money), .init("nav_ex_income", .money), .init("total_nav", .money)],
        .other: [issuer],
    ]

    public static func spec(_ field: String, of type: FilingType) -> FieldSpec? { fields[type]?.first { $0.name == field } }

    /// The fields of `raw` whose values pass their kind's check; fields the type does not know are dropped too.
    public static func validated(_ raw: [String: String], type: FilingType) -> [String: String] {
        raw.filter { k, v in spec(k, of: type).map { isValid(v, $0) } ?? false }
    }

    /// Why `value` fails `spec`, or nil when it passes.
    public static func problem(_ value: String, _ spec: FieldSpec) -> String? {
        isValid(value, spec) ? nil : "“\(value)” is not a valid \(spec.kind.rawValue) for \(spec.name)"
    }

    public static func isValid(_ v: String, _ spec: FieldSpec) -> Bool {
        if v.isEmpty || v != v.trimmingCharacters(in: .whitespacesAndNewlines) || v.contains("\n") { return false }
        switch spec.kind {
        case .percentage:
            guard v.wholeMatch(#"\d{1,3}(\.\d+)?"#), let x = Double(v) else { return false }
            return x >= 0 && x <= 100
        case .change:
            guard v.wholeMatch(#"-?\d{1,4}(\.\d+)?"#), let x = Double(v) else { return false }
            return abs(x) <= 1000
        case .count:
            return v.wholeMatch(#"0|[1-9]\d{0,12}"#)
        case .money:
            guard let g = v.firstMatchGroups(#"^-?\d+(?:\.\d+)?(k|m|bn)? ([A-Z]{3})$"#) else { return false }
            return currencies.contains(g[1])
        case .date:
            guard let g = v.firstMatchGroups(#"^(\d{4})-(\d{2})-(\d{2})$"#), let y = Int(g[0]), let m = Int(g[1]), let d = Int(g[2]) else { return false }
            let days = [31, y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            return (1990...2100).contains(y) && (1...12).contains(m) && d >= 1 && d <= days[m - 1]
        case .person: return isPerson(v)
        case .organisation: return isOrganisation(v)
        case .holder: return isPerson(v) || isOrganisation(v)
        case .role:
            let words = v.split(separator: " ")
            return v.count <= 120 && words.count <= 16 && v.first!.isLetter && !v.contains(where: \.isNumber)
        case .text:
            return v.count <= 200 && v.contains(where: \.isLetter)
        case .choice:
            return spec.choices.contains(v)
        }
    }

    /// Words that make a name a company's, not a person's.
    static let companyWords: Set<String> = ["plc", "limited", "ltd", "llp", "lp", "inc", "inc.", "group", "capital", "management", "partners",
                                            "fund", "funds", "trust", "bank", "holdings", "ag", "s.a.", "sa", "company", "investors", "corporation",
                                            "securities", "associates", "office", "trustees", "asset", "llc", "n.v.", "se", "gmbh"]
    /// Words of a position, never of a person's name ("Chief Financial Officer" is not a person).
    static let roleWords: Set<String> = ["chief", "officer", "director", "executive", "non-executive", "chair", "chairman", "chairwoman",
                                         "president", "secretary", "financial", "finance", "operating", "board", "committee", "senior",
                                         "independent", "the", "general", "manager", "head", "pdmr", "shareholding", "notification"]
    static let particles: Set<String> = ["de", "van", "von", "der", "den", "la", "le", "du", "da", "di", "bin", "al", "ap", "of"]

    /// Two to five capitalised words (particles such as "van" allowed), letters, hyphens and apostrophes only.
    static func isPerson(_ v: String) -> Bool {
        let words = v.split(separator: " ").map(String.init)
        guard (2...5).contains(words.count), v.count <= 60 else { return false }
        for w in words {
            if companyWords.contains(w.lowercased()) || roleWords.contains(w.lowercased()) { return false }
            if particles.contains(w) { continue }
            guard let f = w.first, f.isUppercase, w.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }) else { return false }
        }
        return true
    }

    static func isOrganisation(_ v: String) -> Bool {
        v.count >= 2 && v.count <= 120 && v.split(separator: " ").count <= 15 && (v.first!.isLetter || v.first!.isNumber)
            && v.contains(where: \.isLetter) && !v.hasSuffix(":")
    }
}

extension String {
    /// Whether the whole string matches `pattern`.
    func wholeMatch(_ pattern: String) -> Bool {
        guard let re = try? NSRegularExpression(pattern: "^(?:" + pattern + ")$") else { return false }
        return re.firstMatch(in: self, range: NSRange(location: 0, length: (self as NSString).length)) != nil
    }
}
