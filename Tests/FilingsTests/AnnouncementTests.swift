@testable import Filings
@testable import FilingsRead
import Foundation
import Testing

/// One handwritten announcement of each type (Fixtures/announcements, ours): the baseline
/// classifier (trained only on composer documents) and the extractor, checked by hand.
@Suite struct AnnouncementTests {
    static let expected: [(file: String, type: FilingType, fields: [String: String])] = [
        ("holdings.html", .holdings, ["issuer": "PELLOWMERE FOODS PLC", "holder": "Corriemoor Asset Management LLP", "crossing_date": "2025-02-03",
                                      "percent_before": "5.01", "percent_after": "4.96", "percent_direct": "0", "percent_indirect": "4.96"]),
        ("pdmr.txt", .pdmr, ["issuer": "Kestrelford Minerals plc", "person": "Alun Pritchard", "role": "Chief Financial Officer",
                             "instrument": "Ordinary shares of 1p each", "nature": "Purchase of shares", "price": "83.2 GBX", "volume": "12000",
                             "date": "2024-05-13", "venue": "London Stock Exchange, AIM (XLON)"]),
        ("own-shares.txt", .ownShares, ["issuer": "Brackenholt Group plc", "date": "2025-10-01", "shares_bought": "84250", "highest_price": "318.4 GBX",
                                        "lowest_price": "311 GBX", "vwap": "314.9127 GBX", "treasury_or_cancel": "cancel"]),
        ("voting-rights.txt", .votingRights, ["issuer": "Tarnwick Energy PLC", "date": "2025-06-30", "share_capital": "512884190",
                                              "treasury_shares": "3200000", "voting_rights": "509684190"]),
        ("agm-result.html", .agmResult, ["issuer": "Larchmont Leisure plc", "meeting_date": "2025-04-22"]),
        ("final-results.txt", .finalResults, ["issuer": "Glenhaven Retail plc", "period_end": "2025-01-31", "revenue": "412.6m GBP", "profit_before_tax": "31.2m GBP"]),
        ("half-year.txt", .halfYear, ["issuer": "Wrenbury Software PLC", "period_end": "2025-06-30", "revenue": "58.3m GBP", "profit_before_tax": "7.9m GBP"]),
        ("trading-update.txt", .tradingUpdate, ["issuer": "Ashbridge Homes plc", "growth_percent": "7"]),
        ("meeting-notice.txt", .meetingNotice, ["issuer": "Millbrook Infrastructure PLC", "meeting_date": "2025-04-02"]),
        ("annual-report.txt", .annualReport, ["issuer": "Silverdale Capital Trust plc", "period_end": "2024-09-30"]),
        ("block-listing.html", .blockListing, ["issuer": "Pemberley Pharmaceuticals PLC", "period_from": "2025-01-01", "period_to": "2025-06-30",
                                               "issued": "87416", "balance": "1162584"]),
        ("form-8.3.txt", .form83, ["issuer": "Dunmore Telecom plc", "discloser": "Abbott Quinn Global Investors Ltd", "dealing_date": "2025-08-19"]),
        ("directorate.txt", .directorate, ["issuer": "Northgate Brands PLC", "person": "Priya Shah", "change": "appointment", "effective_date": "2026-01-01"]),
        ("other.txt", .other, ["issuer": "Fenwick Oil & Gas PLC"]),
    ]

    @Test func fieldsByHand() throws {
        for e in Self.expected {
            let data = try fixture("announcements/" + e.file)
            let doc = try FilingReader.read(data: data, filename: e.file)
            let got = FieldExtractor.extract(e.type, text: doc.text)
            for (k, v) in e.fields { #expect(got[k] == v, "\(e.file) \(k)") }
        }
    }

    @Test func baselineClassifiesHandwrittenAnnouncements() throws {
        var right = 0
        for e in Self.expected {
            let r = try FilingProcessor.process(data: try fixture("announcements/" + e.file), filename: e.file)
            if r.filingType == e.type { right += 1 } else { print("baseline: \(e.file) → \(r.type)") }
            #expect(NumberCheck.unsupported(summary: r.summary, allowed: NumberCheck.allowed(fields: r.fields, document: String(decoding: try fixture("announcements/" + e.file), as: UTF8.self))).isEmpty)
        }
        #expect(right >= 12, "\(right)/14 handwritten announcements classified right")
    }
}
