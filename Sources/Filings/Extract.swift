import Foundation

/// Rule-based field extraction for the fixed forms (TR-1, MAR Art. 19 PDMR, own shares, total
/// voting rights, ...) and the iXBRL facts. Values are normalised so they compare exactly:
/// dates ISO 8601, numbers plain decimals without grouping ("5.12", "150000"), prices
/// "<decimal> GBX" (pence) or "<decimal> GBP".
public enum FieldExtractor {
    /// Field names each type's extraction reports (the exact-match benchmark measures these).
    public static let fieldNames: [FilingType: [String]] = [
        .holdings: ["issuer", "holder", "crossing_date", "percent_before", "percent_after", "percent_direct", "percent_indirect"],
        .pdmr: ["issuer", "person", "role", "instrument", "nature", "price", "volume", "date", "venue"],
        .ownShares: ["issuer", "date", "shares_bought", "highest_price", "lowest_price", "vwap", "treasury_or_cancel"],
        .votingRights: ["issuer", "date", "share_capital", "treasury_shares", "voting_rights"],
        .agmResult: ["issuer", "meeting_date"],
        .finalResults: ["issuer", "period_end", "revenue_m", "profit_before_tax_m"],
        .halfYear: ["issuer", "period_end", "revenue_m", "profit_before_tax_m"],
        .tradingUpdate: ["issuer", "growth_percent"],
        .meetingNotice: ["issuer", "meeting_date"],
        .annualReport: ["issuer", "period_end"],
        .blockListing: ["issuer", "period_from", "period_to", "issued", "balance"],
        .form83: ["issuer", "discloser", "dealing_date"],
        .directorate: ["issuer", "person", "change", "effective_date"],
        .other: ["issuer"],
    ]

    public static let reportFieldNames = ["entity_name", "company_number", "lei", "period_start", "period_end", "currency",
                                          "turnover", "profit_loss", "net_assets", "employees"]

    public static func extract(_ type: FilingType, text: String) -> [String: String] {
        let t = Lines(text)
        var f: [String: String] = [:]
        func set(_ k: String, _ v: String?) { if let v, !v.isEmpty { f[k] = v } }
        switch type {
        case .holdings:
            set("issuer", t.value("Issuer Name"))
            let p3 = t.find("Details of person subject to the notification obligation") ?? 0
            set("holder", t.value("Name", from: p3, exactLabel: true))
            set("crossing_date", t.value("Date on which the threshold was crossed or reached").flatMap(date))
            set("percent_after", t.row(startingWith: "Resulting situation").flatMap { numbers($0).first }.map(Num.canonical))
            set("percent_before", t.row(startingWith: "Position of previous notification").flatMap { numbers($0).first }.map(Num.canonical))
            if let h = t.find("% of direct voting rights"), h + 1 < t.lines.count {
                let nums = numbers(t.lines[h + 1])
                if nums.count >= 2 { set("percent_direct", Num.canonical(nums[nums.count - 2])); set("percent_indirect", Num.canonical(nums[nums.count - 1])) }
            }
        case .pdmr:
            let p1 = t.find("Details of the person discharging") ?? 0
            set("person", t.value("Name", from: p1, exactLabel: true))
            set("role", t.value("Position/status"))
            let p3 = t.find("Details of the issuer") ?? 0
            set("issuer", t.value("Name", from: p3, exactLabel: true))
            set("instrument", t.value("Description of the financial instrument, type of instrument"))
            set("nature", t.value("Nature of the transaction"))
            if let i = t.find("Price(s) and volume(s)") {
                let chunk = t.lines[i..<min(i + 3, t.lines.count)].joined(separator: " | ")
                if let r = chunk.range(of: "Price(s):") { set("price", price(String(chunk[r.upperBound...]))) }
                if let r = chunk.range(of: "Volume(s):"), let n = numbers(String(chunk[r.upperBound...])).first { set("volume", Num.canonical(n)) }
            }
            set("date", t.value("Date of the transaction").flatMap(date))
            set("venue", t.value("Place of the transaction"))
        case .ownShares:
            set("date", t.value("Date of purchase").flatMap(date))
            set("shares_bought", t.value("Number of ordinary shares purchased").flatMap { numbers($0).first }.map(Num.canonical))
            set("highest_price", t.value("Highest price paid").flatMap(price))
            set("lowest_price", t.value("Lowest price paid").flatMap(price))
            set("vwap", t.value("Volume weighted average price").flatMap(price))
            if let m = text.firstMatch(#"intends to (hold|cancel)"#) { set("treasury_or_cancel", m == "hold" ? "treasury" : "cancel") }
        case .votingRights:
            set("date", text.firstMatch(#"as at ([^,]+?), the Company's issued share capital"#).flatMap(date))
            set("share_capital", text.firstMatch(#"consists of ([\d,]+) ordinary shares"#).map(Num.canonical))
            let tr = text.firstMatch(#"holds ([\d,]+) ordinary shares in treasury"#)
            set("treasury_shares", tr.map(Num.canonical) ?? "0")
            set("voting_rights", text.firstMatch(#"total number of voting rights in the Company is ([\d,]+)"#).map(Num.canonical))
        case .agmResult:
            set("meeting_date", text.firstMatch(#"(?:General Meeting|AGM) held on ([^,]+?),"#).flatMap(date))
        case .finalResults, .halfYear:
            set("period_end", text.firstMatch(#"(?:year|months) ended (\d{1,2} [A-Z][a-z]+ \d{4})"#).flatMap(date))
            set("revenue_m", t.row(startingWith: "Revenue").flatMap { numbers($0).first }.map(Num.canonical))
            set("profit_before_tax_m", t.row(startingWith: "Profit before tax").flatMap { numbers($0).first }.map(Num.canonical))
        case .tradingUpdate:
            if let m = text.firstMatch(#"revenue was ((?:up|down) \d+)%"#) {
                let parts = m.split(separator: " ")
                set("growth_percent", (parts[0] == "down" && parts[1] != "0" ? "-" : "") + parts[1])
            }
        case .meetingNotice:
            set("meeting_date", text.firstMatch(#"will be held at [^,]*? on (.+?) at "#).flatMap(date))
        case .annualReport:
            set("period_end", text.firstMatch(#"year ended (.+?)\."#).flatMap(date))
        case .blockListing:
            if let i = t.find("Period of return") {
                let chunk = t.lines[i..<min(i + 3, t.lines.count)].joined(separator: " | ")
                set("period_from", chunk.firstMatch(#"From:\s*([^|\t]+?)\s*(?:\||\t|To:)"#).flatMap(date))
                set("period_to", chunk.firstMatch(#"To:\s*([^|\t]+?)\s*(?:\||\t|$)"#).flatMap(date))
            }
            set("issued", t.value("Less: Number of securities issued").flatMap { lastNumber($0) })
            set("balance", t.value("Equals: Balance under scheme").flatMap { lastNumber($0) })
        case .form83:
            set("discloser", t.value("(a) Full name of discloser"))
            set("issuer", t.value("(c) Name of offeror/offeree"))
            set("dealing_date", t.value("(e) Date position held/dealing undertaken").flatMap(date))
        case .directorate:
            if let m = text.firstMatch(#"announce the appointment of (.+?) as "#) {
                set("person", m); set("change", "appointment")
            } else if let m = text.firstMatch(#"announces that (.+?) has informed the Board"#) {
                set("person", m); set("change", "resignation")
            }
            set("effective_date", text.firstMatch(#"with effect from (.+?)\."#).flatMap(date))
        case .other: break
        }
        if f["issuer"] == nil { set("issuer", issuer(t)) }
        return f
    }

    /// The issuer line near the top: the first line that reads as a company name.
    static func issuer(_ t: Lines) -> String? {
        for l in t.lines.prefix(8) {
            // "Acme plc", "Acme plc - Total Voting Rights", "Acme plc | ..."
            let s = (l.components(separatedBy: " - ").first ?? l).trimmingCharacters(in: .whitespaces)
            if s.hasSuffix(" plc") || s.hasSuffix(" PLC") || s.hasSuffix(" Limited") || s.hasSuffix(" Ltd") || s.hasSuffix(" LIMITED") {
                return s.components(separatedBy: " | ").first
            }
        }
        return nil
    }

    // MARK: value parsers

    static func date(_ s: String) -> String? { Transform.isoDate(s.trimmingCharacters(in: .whitespaces)) }

    /// Decimal numbers in a string, grouping commas removed, in order ("5.120000%" → "5.120000").
    static func numbers(_ s: String) -> [String] {
        s.allMatches(#"(?<![A-Za-z0-9.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?"#).map { $0.replacingOccurrences(of: ",", with: "") }
    }
    static func lastNumber(_ s: String) -> String? { numbers(s).last.map(Num.canonical) }

    /// "452.50p" → "452.5 GBX", "£4.5120" → "4.512 GBP", "GBP 4.51" → "4.51 GBP".
    static func price(_ s: String) -> String? {
        guard let m = s.firstMatchGroups(#"(£|GBP\s?|GBX\s?)?\s*(\d[\d,]*(?:\.\d+)?)\s*(p|pence|GBp|GBX)?"#) else { return nil }
        let pounds = m[0].hasPrefix("£") || m[0].hasPrefix("GBP")
        let pence = !m[2].isEmpty || m[0].hasPrefix("GBX")
        guard pounds || pence else { return nil }
        return Num.canonical(m[1]) + (pence && !pounds ? " GBX" : " GBP")
    }

    // MARK: iXBRL reports

    /// Entity, period, currency and headline figures from the facts of an iXBRL report.
    public static func report(_ doc: IXBRLDocument) -> [String: String] {
        let facts = doc.facts.filter { $0.value != nil }
        func named(_ names: [String]) -> [XBRLFact] {
            let set = Set(names.map { $0.lowercased() })
            return facts.filter { set.contains($0.localName.lowercased()) }
        }
        var f: [String: String] = [:]
        f["entity_name"] = named(["EntityCurrentLegalOrRegisteredName", "EntityCurrentLegalName", "NameOfReportingEntityOrOtherMeansOfIdentification"]).first?.value
        f["company_number"] = named(["UKCompaniesHouseRegisteredNumber"]).first?.value
            ?? doc.contexts.values.first(where: { ($0.scheme ?? "").lowercased().contains("companieshouse") })?.entity
        f["lei"] = named(["LegalEntityIdentifier"]).first?.value
            ?? doc.contexts.values.first(where: { ($0.scheme ?? "").contains("17442") })?.entity
        func isISO(_ s: String) -> Bool { s.firstMatch(#"^(\d{4}-\d{2}-\d{2})$"#) != nil }
        let start = named(["StartDateForPeriodCoveredByReport"]).compactMap(\.value).first(where: isISO)
        var end = named(["EndDateForPeriodCoveredByReport"]).compactMap(\.value).first(where: isISO)
        if end == nil { end = named(["BalanceSheetDate"]).compactMap(\.value).first(where: isISO) }
        if end == nil { end = facts.compactMap(\.periodEnd).max() }
        f["period_start"] = start
        f["period_end"] = end
        var unitCounts: [String: Int] = [:]
        for x in facts where x.numeric { if let u = x.unit, u.lowercased().hasPrefix("iso4217:") { unitCounts[String(u.dropFirst(8)), default: 0] += 1 } }
        f["currency"] = unitCounts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
        // the current period's value: no dimensions, ending on the report end date
        // concepts in priority order; the first concept with any fact wins
        func current(_ names: [String], duration: Bool) -> String? {
            for name in names {
                let cands = named([name]).filter(\.numeric)
                if cands.isEmpty { continue }
                let noDims = cands.filter { $0.dimensions.isEmpty }
                for pool in [noDims, cands] {
                    if let e = end, let x = pool.first(where: { $0.periodEnd == e && (duration ? $0.periodStart != nil : true) }) { return x.value }
                    if let e = end, let x = pool.first(where: { $0.periodEnd == e }) { return x.value }
                }
                // contexts missing from the file: the first (current-year column) fact
                return (noDims.first ?? cands.first)?.value
            }
            return nil
        }
        f["turnover"] = current(["TurnoverRevenue", "Turnover", "TurnoverGrossOperatingRevenue", "Revenue", "RevenueFromContractsWithCustomers"], duration: true)
        f["profit_loss"] = current(["ProfitLoss", "ProfitLossForPeriod", "ProfitLossOnOrdinaryActivitiesAfterTax"], duration: true)
        f["net_assets"] = current(["NetAssetsLiabilities", "NetAssetsLiabilitiesIncludingPensionAssetLiability", "TotalNetAssetsLiabilities", "Equity"], duration: false)
        f["employees"] = current(["AverageNumberEmployeesDuringPeriod", "EmployeesTotal", "AverageNumberOfEmployees"], duration: true)
        return f.filter { !$0.value.isEmpty }
    }
}

/// Non-empty trimmed lines with label lookups that work for every rendering the reader produces:
/// "Label | value", "Label<TAB>value", "Label: value", or the value on the next line.
struct Lines {
    let lines: [String]
    init(_ text: String) {
        lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func find(_ label: String, from: Int = 0) -> Int? {
        guard from < lines.count else { return nil }
        return lines[from...].firstIndex { $0.range(of: label, options: .caseInsensitive) != nil }
    }

    static func cells(_ line: String) -> [String] {
        line.components(separatedBy: "\t").flatMap { $0.components(separatedBy: " | ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The value after `label`: the next cell of its row, the text after "label:" on the line, or the next line.
    /// With `exactLabel`, only a cell equal to the label (after an optional "a)"-style marker) matches.
    func value(_ label: String, from: Int = 0, exactLabel: Bool = false) -> String? {
        var i = from
        while i < lines.count {
            let cells = Lines.cells(lines[i])
            for (k, c) in cells.enumerated() {
                let hit: Bool
                if exactLabel {
                    let bare = c.trimmingCharacters(in: CharacterSet(charactersIn: ":")).trimmingCharacters(in: .whitespaces)
                    hit = bare.caseInsensitiveCompare(label) == .orderedSame
                        || c.lowercased().hasPrefix(label.lowercased() + ":")
                } else { hit = c.range(of: label, options: .caseInsensitive) != nil }
                guard hit else { continue }
                if k + 1 < cells.count { return cells[k + 1] }
                // "Label: value" in one cell
                if let r = c.range(of: label, options: .caseInsensitive) {
                    var rest = c[r.upperBound...]
                    if let colon = rest.firstIndex(of: ":") {
                        let after = rest[rest.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                        if !after.isEmpty { return after }
                    } else if !exactLabel, rest.trimmingCharacters(in: .whitespaces).isEmpty == false, !exactLabel {
                        rest = rest.drop(while: { $0 == " " })
                    }
                }
                if i + 1 < lines.count { return Lines.cells(lines[i + 1]).first }
                return nil
            }
            i += 1
        }
        return nil
    }

    func row(startingWith prefix: String) -> String? {
        lines.first { $0.lowercased().hasPrefix(prefix.lowercased()) }.map { l in
            // drop the label cell so its own numbers ("8.A") are not read
            let cells = Lines.cells(l)
            if cells.count > 1 { return cells.dropFirst().joined(separator: " | ") }
            return String(l.dropFirst(prefix.count))
        }
    }
}

extension String {
    /// First capture group of the first match (or the whole match when there are no groups).
    func firstMatch(_ pattern: String) -> String? {
        guard let re = try? NSRegularExpression(pattern: pattern) else { return nil }
        let ns = self as NSString
        guard let m = re.firstMatch(in: self, range: NSRange(location: 0, length: ns.length)) else { return nil }
        let r = m.numberOfRanges > 1 ? m.range(at: 1) : m.range
        return r.location == NSNotFound ? nil : ns.substring(with: r)
    }
    func firstMatchGroups(_ pattern: String) -> [String]? {
        guard let re = try? NSRegularExpression(pattern: pattern) else { return nil }
        let ns = self as NSString
        guard let m = re.firstMatch(in: self, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return (1..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0)) }
    }
    func allMatches(_ pattern: String) -> [String] {
        guard let re = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = self as NSString
        return re.matches(in: self, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
    }
}
