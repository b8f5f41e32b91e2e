import Foundation

/// Accounts in inline XBRL: the headline facts, read from the tagged values rather than the text.
extension FieldExtractor {
    public static let reportFieldNames = ["entity_name", "company_number", "lei", "period_start", "period_end", "currency",
                                          "turnover", "profit_loss", "net_assets", "employees"]

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
