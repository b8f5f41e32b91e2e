@testable import Filings
@testable import FilingsRead
import Foundation
import Testing

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

func fixture(_ name: String) throws -> Data { try Data(contentsOf: fixtures.appendingPathComponent(name)) }

func report(_ name: String) throws -> (fields: [String: String], doc: IXBRLDocument) {
    let d = try FilingReader.read(data: try fixture(name), filename: name)
    #expect(d.format == .ixbrl)
    let x = try #require(d.ixbrl)
    return (FieldExtractor.report(x), x)
}

/// The six Companies House iXBRL accounts (kanedata/ixbrl-parse, MIT; see Fixtures/SOURCE.md).
/// Every expected value below was read by hand from the file's markup.
@Suite struct IXBRLAccountsTests {
    @Test func account1MicroEntity2014Taxonomy() throws {
        let (f, x) = try report("account_1.html")
        #expect(f["entity_name"] == "GREEN BARKINGSHIRE LIMITED")
        #expect(f["company_number"] == "02345678")
        #expect(f["period_start"] == "2016-11-01")
        #expect(f["period_end"] == "2017-10-31")
        #expect(f["net_assets"] == "3810")          // "3,810" numdotdecimal, context icur1
        #expect(f["currency"] == "GBP")
        #expect(f["turnover"] == nil)               // micro-entity: no turnover tagged
        // zerodash facts read as 0; the balance-sheet date via datedaymonthyearen
        let zero = x.facts.filter { $0.format?.hasSuffix("zerodash") == true }
        #expect(zero.count == 4 && zero.allSatisfy { $0.value == "0" })
        #expect(x.facts.first { $0.localName == "BalanceSheetDate" }?.value == "2017-10-31")
        #expect(x.facts.first { $0.localName == "NetAssetsLiabilities" && $0.contextRef == "iprev8" }?.value == "1294")
    }

    @Test func account2DefaultNamespaceContexts() throws {
        let (f, _) = try report("account_2.html")
        #expect(f["entity_name"] == "COMMA NAME, TESTAREA AND DISTRICT COMMUNITY ASSOCIATION LIMITED")
        #expect(f["company_number"] == "12345678")
        #expect(f["period_start"] == "2016-04-01" && f["period_end"] == "2017-03-31")
        #expect(f["net_assets"] == "3219")
    }

    @Test func account3FixedZero() throws {
        let (f, x) = try report("account_3.html")
        #expect(f["entity_name"] == "FAKETEST TECHNOLOGIES LIMITED")
        #expect(f["company_number"] == "03456789")
        #expect(f["period_start"] == "2015-10-01" && f["period_end"] == "2016-09-30")
        #expect(f["net_assets"] == "1000")
        let fixed = x.facts.filter { $0.format?.hasSuffix("fixed-zero") == true }
        #expect(fixed.count == 1 && fixed[0].value == "0")
    }

    @Test func account4SignAndNumericDates() throws {
        let (f, x) = try report("account_4.html")
        #expect(f["entity_name"] == "Fake Company Limited")
        #expect(f["company_number"] == "10023456")
        #expect(f["period_start"] == "2017-04-01")   // "1.4.17", ixt2:datedaymonthyear
        #expect(f["period_end"] == "2018-03-31")     // "31.3.18"
        #expect(f["net_assets"] == "32248")
        #expect(f["employees"] == "5")
        // sign="-" makes the fact negative; the displayed text has no minus
        let ncl = try #require(x.facts.first { $0.localName == "NetCurrentAssetsLiabilities" && $0.contextRef == "cfwd_31_03_2017" })
        #expect(ncl.negated && ncl.displayed == "17,957" && ncl.value == "-17957")
        #expect(x.facts.count == 91)   // every ix:nonFraction / ix:nonNumeric tag in the file
        // this file's facts point at contexts it never defines ("cfwd_31_03_2018"): reported, not fatal
        #expect(x.facts.contains { $0.problem == "context cfwd_31_03_2018 is not defined" })
    }

    @Test func account5DefaultIXNamespaceAndNegativeNetAssets() throws {
        let (f, x) = try report("account_5.html")
        #expect(f["entity_name"] == "TEST COMPANY5 LIMITED")
        #expect(f["company_number"] == "01234567")
        #expect(f["period_start"] == "2018-04-01" && f["period_end"] == "2019-03-31")
        #expect(f["profit_loss"] == "40670")
        #expect(f["net_assets"] == "51")
        #expect(f["employees"] == "1")
        #expect(x.facts.first { $0.localName == "NetAssetsLiabilities" && $0.contextRef == "cfwd_PY_END" }?.value == "-371")
        #expect(x.facts.first { $0.localName == "DividendsPaid" }?.value == "-40248")
    }

    @Test func account6ExcludeContinuationAndTR1Formats() throws {
        let (f, x) = try report("account_6.xhtml")
        #expect(f["entity_name"] == "Test Exclude LIMITED")
        #expect(f["company_number"] == "12345671")
        #expect(f["period_start"] == "2021-08-01" && f["period_end"] == "2022-07-31")
        #expect(f["turnover"] == "3456")     // "3,456" ixt:numcommadot (TR1 name)
        #expect(f["profit_loss"] == "456")
        #expect(f["net_assets"] == "254")
        #expect(f["employees"] == "0")
        // ix:exclude drops the sentence; the hidden date remains and is transformed
        #expect(x.facts.first { $0.localName == "BalanceSheetDate" }?.value == "2022-07-31")
    }

    @Test func everyFixtureReadsWithoutUnreadableFacts() throws {
        for name in ["account_1.html", "account_2.html", "account_3.html", "account_4.html", "account_5.html", "account_6.xhtml"] {
            let d = try FilingReader.read(data: try fixture(name), filename: name)
            let facts = d.ixbrl?.facts ?? []
            #expect(facts.count >= 25, "\(name)")
            #expect(facts.filter { $0.value == nil && $0.problem != "xsi:nil" }.isEmpty, "\(name): \(d.warnings)")
            #expect(!d.text.contains("<"), "\(name) text keeps markup")
        }
    }
}

@Suite struct TransformTests {
    @Test func numbersScaleAndSign() throws {
        #expect(try Transform.number("1,234.50", format: "ixt:numdotdecimal").value == "1234.50")
        #expect(try Transform.number("1.234,5", format: "ixt4:num-comma-decimal").value == "1234.5")
        #expect(try Transform.number("-", format: "ixt2:zerodash").value == "0")
        #expect(try Transform.number("nil", format: "ixt4:fixed-zero").value == "0")
        #expect(try Transform.number("\u{2013}", format: nil).value == "0")
        #expect(Transform.scaled("1.5", scale: 6, negate: false) == "1500000")
        #expect(Transform.scaled("12,3".replacingOccurrences(of: ",", with: "."), scale: 3, negate: true) == "-12300")
        #expect(Transform.scaled("0", scale: 3, negate: true) == "0")
        // brackets are presentation: no sign attribute, no negative
        let r = try Transform.number("(2,500)", format: "ixt:numdotdecimal")
        #expect(r.value == "2500" && r.note != nil)
        #expect(throws: Transform.TransformError.self) { try Transform.number("twelve", format: "ixt:numdotdecimal") }
    }

    @Test func inlineFactsWithScaleSignAndHTMLEntities() throws {
        let xhtml = """
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" xmlns:xbrli="http://www.xbrl.org/2003/instance"
              xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12" xmlns:iso4217="http://www.xbrl.org/2003/iso4217"
              xmlns:ifrs-full="http://xbrl.ifrs.org/taxonomy/2022-03-24/ifrs-full" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <body><div style="display:none"><ix:header><ix:resources>
          <xbrli:context id="FY"><xbrli:entity><xbrli:identifier scheme="http://standards.iso.org/iso/17442">213800ABCDEFGHIJKL12</xbrli:identifier></xbrli:entity>
            <xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-12-31</xbrli:endDate></xbrli:period></xbrli:context>
          <xbrli:context id="END"><xbrli:entity><xbrli:identifier scheme="http://standards.iso.org/iso/17442">213800ABCDEFGHIJKL12</xbrli:identifier></xbrli:entity>
            <xbrli:period><xbrli:instant>2024-12-31</xbrli:instant></xbrli:period></xbrli:context>
          <xbrli:unit id="GBP"><xbrli:measure>iso4217:GBP</xbrli:measure></xbrli:unit>
        </ix:resources></ix:header></div>
        <p>Name: <ix:nonNumeric name="ifrs-full:NameOfReportingEntityOrOtherMeansOfIdentification" contextRef="FY">Ashcombe&nbsp;Minerals plc</ix:nonNumeric> &copy; 2025</p>
        <table><tr><td>Revenue</td><td>&pound;<ix:nonFraction name="ifrs-full:Revenue" contextRef="FY" unitRef="GBP" decimals="-5" scale="6" format="ixt:num-dot-decimal">1,234.5</ix:nonFraction>m</td></tr>
        <tr><td>Loss for the year</td><td>(<ix:nonFraction name="ifrs-full:ProfitLoss" contextRef="FY" unitRef="GBP" decimals="-3" scale="3" sign="-" format="ixt:num-dot-decimal">12,300</ix:nonFraction>)</td></tr>
        <tr><td>Net assets</td><td><ix:nonFraction name="ifrs-full:Equity" contextRef="END" unitRef="GBP" decimals="0" format="ixt:fixed-zero">nil</ix:nonFraction></td></tr>
        <tr><td>Nil fact</td><td><ix:nonFraction name="ifrs-full:Other" contextRef="END" unitRef="GBP" xsi:nil="true"></ix:nonFraction></td></tr></table>
        </body></html>
        """
        let d = try FilingReader.read(data: Data(xhtml.utf8), filename: "esef.xhtml")
        let x = try #require(d.ixbrl)
        let f = FieldExtractor.report(x)
        #expect(f["entity_name"] == "Ashcombe Minerals plc")   // whitespace, NBSP included, collapses to one space
        #expect(f["lei"] == "213800ABCDEFGHIJKL12")
        #expect(f["turnover"] == "1234500000")       // 1,234.5 × 10^6
        #expect(f["profit_loss"] == "-12300000")     // 12,300 × 10^3, sign="-"
        #expect(f["net_assets"] == "0")              // fixed-zero
        #expect(f["currency"] == "GBP")
        #expect(x.facts.first { $0.localName == "Other" }?.value == nil)
        #expect(d.text.contains("Revenue | £1,234.5m"))
        #expect(d.text.contains("© 2025"))
    }

    @Test func datesInTheWritingsFilingsUse() {
        #expect(Transform.isoDate("31 October 2017") == "2017-10-31")
        #expect(Transform.isoDate("31.3.18") == "2018-03-31")
        #expect(Transform.isoDate("12-Mar-2025") == "2025-03-12")
        #expect(Transform.isoDate("07/04/2024") == "2024-04-07")
        #expect(Transform.isoDate("October 31, 2017", monthFirst: true) == "2017-10-31")
        #expect(Transform.isoDate("not a date") == nil)
    }
}

@Suite struct HTMLTests {
    @Test func tablesBecomeRowsAndMarkupGoes() {
        let html = """
        <html><head><title>x</title><style>p{color:red}</style><script>var a = "<p>";</script></head>
        <body><h2>Transaction in Own Shares</h2><p>Acme&nbsp;plc &amp; partners<br>second line</p>
        <table><tr><th>Date of purchase:</th><td>12 March 2025</td></tr><tr><td>Highest price paid per share:</td><td>452.50p</td></tr></table>
        <p>Unclosed <b>bold <i>italic</p><!-- a comment --> 3 < 4
        </body></html>
        """
        let t = HTMLText.text(html)
        let lines = t.split(separator: "\n").map(String.init)
        #expect(lines.contains("Transaction in Own Shares"))
        #expect(lines.contains("Acme\u{A0}plc & partners") || lines.contains("Acme plc & partners"))
        #expect(lines.contains("Date of purchase: | 12 March 2025"))
        #expect(lines.contains("Highest price paid per share: | 452.50p"))
        #expect(!t.contains("color") && !t.contains("var a") && !t.contains("comment"))
        #expect(t.contains("3 < 4"))
    }
}

@Suite struct BadInputTests {
    @Test func emptyAndWhitespace() {
        #expect(throws: FilingError.empty("e.txt")) { try FilingReader.read(data: Data(), filename: "e.txt") }
        #expect(throws: FilingError.empty("w.txt")) { try FilingReader.read(data: Data("  \n\t ".utf8), filename: "w.txt") }
    }

    @Test func binaryPDFAndZip() {
        var bytes = [UInt8](repeating: 0, count: 4096)
        for i in bytes.indices { bytes[i] = UInt8((i * 7919) % 256) }
        #expect(throws: FilingError.self) { try FilingReader.read(data: Data(bytes), filename: "r.bin") }
        do {
            _ = try FilingReader.read(data: Data("%PDF-1.7\n%âãÏÓ\n1 0 obj".utf8), filename: "a.pdf")
            Issue.record("PDF was read")
        } catch let e as FilingError {
            #expect(e == .pdfNotRead("a.pdf"))
            #expect(e.description.contains("PDF filings are not read"))
        } catch { Issue.record("\(error)") }
        #expect(throws: FilingError.self) { try FilingReader.read(data: Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]), filename: "r.zip") }
    }

    @Test func malformedXHTMLIsReportedAndTextStillRead() throws {
        let bad = """
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"><body>
        <p>Turnover <ix:nonFraction name="core:TurnoverRevenue" contextRef="C" unitRef="GBP">1,000</ix:nonNumeric></p>
        <div><p>unclosed</div></body></html>
        """
        let d = try FilingReader.read(data: Data(bad.utf8), filename: "bad.xhtml")
        #expect(d.ixbrl == nil)
        #expect(d.warnings.contains { $0.contains("malformed XHTML at line") })
        #expect(d.text.contains("Turnover"))
        // the processor still returns a result, with the warning
        let r = try FilingProcessor.process(data: Data(bad.utf8), filename: "bad.xhtml")
        #expect(r.warnings.contains { $0.contains("malformed XHTML") })
    }

    @Test func htmlVoidElementsAndEntitiesInXHTMLAreTolerated() throws {
        let html = """
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" xmlns:xbrli="http://www.xbrl.org/2003/instance">
        <head><meta charset="utf-8"><title>Accounts &ndash; 2024</title></head><body>
        <ix:header><ix:resources><xbrli:context id="C"><xbrli:entity><xbrli:identifier scheme="http://www.companieshouse.gov.uk/">01234567</xbrli:identifier></xbrli:entity>
        <xbrli:period><xbrli:startDate>2023-04-01</xbrli:startDate><xbrli:endDate>2024-03-31</xbrli:endDate></xbrli:period></xbrli:context>
        <xbrli:unit id="GBP"><xbrli:measure>iso4217:GBP</xbrli:measure></xbrli:unit></ix:resources></ix:header>
        <p>Turnover&nbsp;&pound;<br><ix:nonFraction name="core:TurnoverRevenue" contextRef="C" unitRef="GBP" decimals="0">12,500</ix:nonFraction><img src="x.png"></p>
        </body></html>
        """
        let d = try FilingReader.read(data: Data(html.utf8), filename: "h.xhtml")
        #expect(d.warnings.isEmpty, "\(d.warnings)")
        let f = FieldExtractor.report(try #require(d.ixbrl))
        #expect(f["turnover"] == "12500" && f["company_number"] == "01234567" && f["period_end"] == "2024-03-31")
    }

    /// 50 MB is refused before any byte of it is read (so at once, whatever the machine): the bytes lie in
    /// a mapping with no access at all, where reading one would stop the test with a fault.
    @Test func fiftyMegabytesIsRefusedUnread() throws {
        let count = 50 << 20
        let mapped = mmap(nil, count, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        let region = try #require(mapped == UnsafeMutableRawPointer(bitPattern: -1) ? nil : mapped, "mmap failed")
        let data = Data(bytesNoCopy: region, count: count, deallocator: .custom { p, n in munmap(p, n) })
        #expect(throws: FilingError.tooLarge("big.html", bytes: count, limit: FilingReader.defaultMaxBytes)) {
            try FilingReader.read(data: data, filename: "big.html")
        }
    }

    @Test func latin1TextIsDecoded() throws {
        let d = try FilingReader.read(data: Data([0x50, 0x72, 0x69, 0x63, 0x65, 0x20, 0xA3, 0x35]), filename: "l.txt")
        #expect(d.text == "Price £5")
    }
}
