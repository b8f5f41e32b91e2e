import Common
import FilingsRead
import Foundation

/// One renderer per announcement type, following the public structure of each form.
extension FilingsComposer {
    func holdings(_ d: inout Xoshiro256, _ co: String, _ date: Day, _ f: inout [String: String], _ b: inout [Block]) -> String {
        let holder = Parts.manager(&d)
        let crossed = date.adding(days: -d.range(1, 4))
        let before = Double(d.range(250, 1500)) / 100 + d.unit() / 100
        var after = before + (d.chance(0.5) ? 1 : -1) * (0.2 + d.unit() * 1.5)
        after = max(0.01, after)
        let p = 6
        let indirectShare = d.chance(0.6)
        let total = Double(d.range(20_000_000, 900_000_000))
        let votes = Int(total * after / 100)
        let direct = indirectShare ? 0.0 : after, indirect = indirectShare ? after : 0.0
        f["holder"] = holder
        f["crossing_date"] = crossed.iso
        f["percent_before"] = Num.canonical(before, p)
        f["percent_after"] = Num.canonical(after, p)
        f["percent_direct"] = Num.canonical(direct, p)
        f["percent_indirect"] = Num.canonical(indirect, p)
        f["percent_shares"] = Num.canonical(after, p); f["percent_instruments"] = "0"; f["voting_rights"] = String(votes)
        f["direct_voting_rights"] = String(indirectShare ? 0 : votes); f["indirect_voting_rights"] = String(indirectShare ? votes : 0)
        let isin = Parts.isin(&d)
        b.append(.heading("TR-1: Standard form for notification of major holdings"))
        b.append(.para("NOTIFICATION OF MAJOR HOLDINGS (to be sent to the relevant issuer and to the FCA in Microsoft Word format if possible)"))
        b.append(.para("1a. Identity of the issuer or the underlying issuer of existing shares to which voting rights are attached:"))
        b.append(.table([["ISIN", isin], ["Issuer Name", co], ["UK or Non-UK Issuer", "UK"]]))
        b.append(.para("2. Reason for Notification"))
        b.append(.para(d.pick(["An acquisition or disposal of voting rights", "An acquisition or disposal of financial instruments", "An event changing the breakdown of voting rights"])))
        b.append(.para("3. Details of person subject to the notification obligation"))
        b.append(.table([["Name", holder], ["City of registered office (if applicable)", d.pick(Parts.cities)],
                         ["Country of registered office (if applicable)", d.pick(Parts.countries)]]))
        b.append(.para("4. Details of the shareholder"))
        b.append(.para("Full name of shareholder(s) if different from the person in 3."))
        b.append(.table([["5. Date on which the threshold was crossed or reached", crossed.written(&d)],
                         ["6. Date on which Issuer notified", date.written(&d)]]))
        b.append(.para("7. Total positions of person(s) subject to the notification obligation"))
        b.append(.table([["", "% of voting rights attached to shares (total of 8. A)", "% of voting rights through financial instruments (total of 8.B 1 + 8.B 2)", "Total of both in % (8.A + 8.B)", "Total number of voting rights held in issuer"],
                         ["Resulting situation on the date on which threshold was crossed or reached", Num.fixed(after, p), "0.000000", Num.fixed(after, p), Num.grouped(votes)],
                         ["Position of previous notification (if applicable)", Num.fixed(before, p), "0.000000", Num.fixed(before, p), ""]]))
        b.append(.para("8. Notified details of the resulting situation on the date on which the threshold was crossed or reached"))
        b.append(.para("8A. Voting rights attached to shares"))
        b.append(.table([["Class/Type of shares ISIN code(if possible)", "Number of direct voting rights (DTR5.1)", "Number of indirect voting rights (DTR5.2.1)", "% of direct voting rights (DTR5.1)", "% of indirect voting rights (DTR5.2.1)"],
                         [isin, Num.grouped(indirectShare ? 0 : votes), Num.grouped(indirectShare ? votes : 0), Num.fixed(direct, p), Num.fixed(indirect, p)],
                         ["Sub Total 8.A", Num.grouped(votes), Num.fixed(after, p) + "%"]]))
        b.append(.para("10. In case of proxy voting"))
        b.append(.table([["11. Additional Information", d.pick(["", "Holdings are managed on a discretionary basis.", "The holder is a fund manager."])],
                         ["12. Date of Completion", date.written(&d)], ["13. Place Of Completion", d.pick(Parts.cities)]]))
        return d.pick(["Holding(s) in Company", "Holding(s) in Company", "Form TR-1: notification of major holdings"])
    }

    func pdmr(_ d: inout Xoshiro256, _ co: String, _ date: Day, _ f: inout [String: String], _ b: inout [Block]) -> String {
        let person = Parts.person(&d), role = d.pick(Parts.roles)
        let nature = d.pick(["Purchase of shares", "Sale of shares", "Exercise of options under the Sharesave scheme",
                             "Acquisition of shares under the Share Incentive Plan", "Award of shares under the Deferred Bonus Plan"])
        let pence = d.chance(0.5)
        let priceVal = pence ? Double(d.range(2000, 90000)) / 100 : Double(d.range(100, 4000)) / 100 + Double(d.below(100)) / 10000
        let price = pence ? Num.fixed(priceVal, 2) + "p" : "£" + Num.fixed(priceVal, 4)
        let volume = d.range(100, 250_000)
        let txDate = date.adding(days: -d.range(0, 3))
        let venue = d.pick(Parts.venues)
        let instrument = d.pick(["Ordinary shares of 10p each", "Ordinary shares of 1p each", "Ordinary shares of 25 pence each", "Ordinary shares of £0.05 each"])
        f["person"] = person; f["role"] = role; f["instrument"] = instrument; f["nature"] = nature
        f["price"] = Num.canonical(priceVal, pence ? 2 : 4) + (pence ? " GBX" : " GBP")
        f["volume"] = String(volume); f["date"] = txDate.iso; f["venue"] = venue
        b.append(.para("\(co) (the \"Company\") was notified on \(date.written(&d)) that \(person), \(role), " +
                       (nature.hasPrefix("Sale") ? "sold" : "acquired") + " \(Num.grouped(volume)) ordinary shares in the Company."))
        b.append(.para("The notification below is made in accordance with the requirements of the UK Market Abuse Regulation."))
        b.append(.table([
            ["1", "Details of the person discharging managerial responsibilities / person closely associated"],
            ["a)", "Name", person],
            ["2", "Reason for the notification"],
            ["a)", "Position/status", role],
            ["b)", "Initial notification /Amendment", "Initial notification"],
            ["3", "Details of the issuer, emission allowance market participant, auction platform, auctioneer or auction monitor"],
            ["a)", "Name", co],
            ["b)", "LEI", Parts.lei(&d)],
            ["4", "Details of the transaction(s): section to be repeated for (i) each type of instrument; (ii) each type of transaction; (iii) each date; and (iv) each place where transactions have been conducted"],
            ["a)", "Description of the financial instrument, type of instrument", instrument],
            ["", "Identification code", Parts.isin(&d)],
            ["b)", "Nature of the transaction", nature],
            ["c)", "Price(s) and volume(s)", "Price(s): " + price, "Volume(s): " + Num.grouped(volume)],
            ["d)", "Aggregated information - Aggregated volume - Price", Num.grouped(volume) + " - " + price],
            ["e)", "Date of the transaction", txDate.written(&d)],
            ["f)", "Place of the transaction", venue],
        ]))
        return d.pick(["Director/PDMR Shareholding", "Director/PDMR Shareholding", "Director Dealing", "Notification of Transactions by PDMR"])
    }

    func ownShares(_ d: inout Xoshiro256, _ co: String, _ date: Day, _ f: inout [String: String], _ b: inout [Block]) -> String {
        let day = date.adding(days: -1)
        let n = d.range(5_000, 2_500_000)
        let pence = d.chance(0.7)
        let low = pence ? Double(d.range(5000, 300000)) / 100 : Double(d.range(100, 3000)) / 100
        let high = low + (pence ? Double(d.range(50, 1500)) / 100 : Double(d.range(1, 60)) / 100)
        let vwap = low + (high - low) * (0.2 + d.unit() * 0.6)
        func price(_ v: Double, _ pl: Int) -> String { pence ? Num.fixed(v, pl) + "p" : "£" + Num.fixed(v, pl) }
        let treasury = d.chance(0.5)
        f["date"] = day.iso; f["shares_bought"] = String(n)
        f["highest_price"] = Num.canonical(high, 2) + (pence ? " GBX" : " GBP")
        f["lowest_price"] = Num.canonical(low, 2) + (pence ? " GBX" : " GBP")
        f["vwap"] = Num.canonical(vwap, 4) + (pence ? " GBX" : " GBP")
        f["treasury_or_cancel"] = treasury ? "treasury" : "cancel"
        let inIssue = d.range(40_000_000, 900_000_000)
        f["shares_in_issue"] = String(inIssue)
        b.append(.para("\(co) (the \"Company\") announces that on \(day.written(&d)) it purchased \(Num.grouped(n)) of its ordinary shares through \(d.pick(Parts.brokers)) as part of its share buyback programme announced on \(day.adding(days: -d.range(20, 200)).long)."))
        b.append(.table([["Date of purchase:", day.written(&d)],
                         ["Number of ordinary shares purchased:", Num.grouped(n)],
                         ["Highest price paid per share:", price(high, 2)],
                         ["Lowest price paid per share:", price(low, 2)],
                         ["Volume weighted average price paid per share:", price(vwap, 4)]]))
        b.append(.para(treasury ? "The Company intends to hold the purchased shares in treasury." : "The Company intends to cancel the purchased shares."))
        b.append(.para("Following the purchase of these shares, the Company has \(Num.grouped(inIssue)) ordinary shares in issue" + (treasury ? " (excluding shares held in treasury)." : ".")))
        if d.chance(0.5) { b.append(.para("In accordance with Article 5(1)(b) of the Market Abuse Regulation, a full breakdown of the individual trades made by the broker on behalf of the Company is set out below.")) }
        return d.pick(["Transaction in Own Shares", "Transaction in Own Shares", "Purchase of Own Shares"])
    }

    func votingRights(_ d: inout Xoshiro256, _ co: String, _ date: Day, _ f: inout [String: String], _ b: inout [Block]) -> String {
        let capital = d.range(10_000_000, 2_000_000_000)
        let treasury = d.chance(0.5) ? d.range(10_000, capital / 20) : 0
        let voting = capital - treasury
        let asAt = date.adding(days: -d.range(0, 2))
        f["date"] = asAt.iso; f["share_capital"] = String(capital); f["treasury_shares"] = String(treasury); f["voting_rights"] = String(voting)
        let nominal = d.pick(["1 pence", "10 pence", "25p", "£0.01", "5 pence"])
        b.append(.para("In conformity with DTR 5.6.1R, \(co) notifies the market that as at \(asAt.written(&d)), the Company's issued share capital consists of \(Num.grouped(capital)) ordinary shares of \(nominal) each with voting rights."
                       + (treasury > 0 ? " The Company holds \(Num.grouped(treasury)) ordinary shares in treasury." : " The Company does not hold any shares in treasury.")))
        b.append(.para("Therefore, the total number of voting rights in the Company is \(Num.grouped(voting))."))
        b.append(.para("The above figure (\(Num.grouped(voting))) may be used by shareholders as the denominator for the calculations by which they will determine if they are required to notify their interest in, or a change to their interest in, the Company under the FCA's Disclosure Guidance and Transparency Rules."))
        return d.pick(["Total Voting Rights", "Total Voting Rights", "Total Voting Rights and Capital"])
    }

    func agmResult(_ d: inout Xoshiro256, _ co: String, _ date: Day, _ f: inout [String: String], _ b: inout [Block]) -> String {
        let general = d.chance(0.2)
        f["meeting_date"] = date.iso; f["meeting"] = general ? "general" : "annual"; f["all_passed"] = "yes"
        b.append(.para("\(co) announces that at its \(general ? "General Meeting" : "Annual General Meeting") held on \(date.written(&d)), all resolutions were duly passed on a poll. The results of the poll are set out below."))
        var rows = [["Resolution", "Votes For", "%", "Votes Against", "%", "Votes Withheld"]]
        let res = ["To receive the Annual Report and Accounts", "To approve the Directors' Remuneration Report", "To declare a final dividend",
                   "To re-elect \(Parts.person(&d)) as a Director", "To elect \(Parts.person(&d)) as a Director", "To reappoint the auditors",
                   "To authorise the Directors to allot shares", "To disapply pre-emption rights", "To authorise the Company to purchase its own shares",
                   "To allow general meetings to be called on 14 days' notice"]
        for (i, r) in res.prefix(d.range(5, res.count)).enumerated() {
            let forV = d.range(10_000_000, 500_000_000), ag = d.range(1000, forV / 10)
            let pf = Double(forV) / Double(forV + ag) * 100
            rows.append(["\(i + 1). \(r)", Num.grouped(forV), Num.fixed(pf, 2), Num.grouped(ag), Num.fixed(100 - pf, 2), Num.grouped(d.range(0, 900_000))])
        }
        let lowest = rows.dropFirst().enumerated().min { Double($0.element[2])! < Double($1.element[2])! }!
        f["resolutions"] = String(rows.count - 1)
        f["lowest_for_percent"] = Num.canonical(lowest.element[2]); f["lowest_for_resolution"] = String(lowest.offset + 1)
        b.append(.table(rows))
        b.append(.para("Votes withheld are not votes in law and are not counted in the calculation of the proportion of votes for and against a resolution. In accordance with UK Listing Rule 6.4.2, copies of the resolutions passed other than ordinary business have been submitted to the National Storage Mechanism."))
        return d.pick(general ? ["Result of General Meeting", "Results of GM"] : ["Result of AGM", "Result of Annual General Meeting", "AGM Statement and Results of AGM"])
    }

    func results(_ d: inout Xoshiro256, _ co: String, _ date: Day, half: Bool, _ f: inout [String: String], _ b: inout [Block]) -> String {
        let yearEnd = Day(y: date.m <= 6 ? date.y - 1 : date.y, m: half ? 6 : 12, d: half ? 30 : 31)
        let rev = Double(d.range(50, 9000)) / 10, prev = rev * (0.8 + d.unit() * 0.35)
        let pbt = rev * (0.03 + d.unit() * 0.2), prevPbt = pbt * (0.7 + d.unit() * 0.5)
        let eps = Double(d.range(10, 900)) / 10, div = Double(d.range(5, 400)) / 10
        f["period_end"] = yearEnd.iso; f["revenue"] = Num.canonical(rev, 1) + "m GBP"; f["profit_before_tax"] = Num.canonical(pbt, 1) + "m GBP"
        f["eps"] = Num.canonical(eps, 1) + " GBX"
        let period = half ? "six months ended \(yearEnd.long)" : "year ended \(yearEnd.long)"
        let py = half ? "H1 \(yearEnd.y - 1)" : "\(yearEnd.y - 1)"
        b.append(.heading(half ? "Half-year results for the \(period)" : "Final results for the \(period)"))
        if d.chance(0.5) { b.append(.para("This announcement contains inside information for the purposes of Article 7 of the UK Market Abuse Regulation.")) }
        b.append(.para(d.pick(["Financial highlights", "Highlights", "Summary of results"])))
        b.append(.table([["", half ? "H1 \(yearEnd.y)" : "\(yearEnd.y)", py, "Change"],
                         ["Revenue", "£\(Num.fixed(rev, 1))m", "£\(Num.fixed(prev, 1))m", Num.fixed((rev / prev - 1) * 100, 0) + "%"],
                         ["Adjusted operating profit", "£\(Num.fixed(pbt * 1.15, 1))m", "£\(Num.fixed(prevPbt * 1.15, 1))m", ""],
                         ["Profit before tax", "£\(Num.fixed(pbt, 1))m", "£\(Num.fixed(prevPbt, 1))m", Num.fixed((pbt / prevPbt - 1) * 100, 0) + "%"],
                         ["Basic earnings per share", Num.fixed(eps, 1) + "p", Num.fixed(eps * 0.9, 1) + "p", ""],
                         [half ? "Interim dividend per share" : "Final dividend per share", Num.fixed(div, 1) + "p", Num.fixed(div * 0.95, 1) + "p", ""]]))
        b.append(.para("\(Parts.person(&d)), Chief Executive, said: \"" + d.pick([
            "We have delivered a resilient performance in a challenging market and our balance sheet remains strong.",
            "This has been a year of strong progress against our strategy, with growth across all divisions.",
            "Trading in the period was in line with our expectations and we enter the second half with good momentum.",
            "Our teams have worked hard to deliver these results and we remain confident in the outlook."]) + "\""))
        if half {
            b.append(.para("Responsibility statement: the Directors confirm that the condensed interim financial statements have been prepared in accordance with UK-adopted IAS 34 and that the interim management report includes a fair review of the information required by DTR 4.2.7R and DTR 4.2.8R."))
            b.append(.para("The interim dividend of \(Num.fixed(div, 1))p per share will be paid on \(date.adding(days: d.range(30, 90)).long)."))
        } else {
            b.append(.para("The Board recommends a final dividend of \(Num.fixed(div, 1))p per share, subject to approval at the Annual General Meeting on \(date.adding(days: d.range(40, 100)).long)."))
            b.append(.para("Outlook: " + d.pick(["The Board expects the next financial year to be in line with market expectations.", "We expect continued growth in the year ahead."])))
        }
        return half ? d.pick(["Half-year Report", "Interim Results", "Half Year Results"]) : d.pick(["Final Results", "Full Year Results", "Preliminary Results"])
    }

    func tradingUpdate(_ d: inout Xoshiro256, _ co: String, _ date: Day, _ f: inout [String: String], _ b: inout [Block]) -> String {
        let growth = d.range(-15, 30), months = d.range(3, 11)
        f["growth_percent"] = String(growth)
        let to = date.adding(days: -d.range(5, 30))
        f["period_end"] = to.iso
        b.append(.para("\(co) provides a trading update for the \(months) months to \(to.long) ahead of its \(d.pick(["Annual General Meeting", "half-year results", "full year results"]))."))
        b.append(.para(d.pick(["Trading has been in line with the Board's expectations.", "Trading has been ahead of the Board's expectations.", "Trading has been below the Board's expectations, reflecting weaker consumer demand."])
                       + " Group revenue was \(growth >= 0 ? "up" : "down") \(abs(growth))% on the prior year" + (d.chance(0.5) ? " on a like-for-like basis." : ".")))
        b.append(.para(d.pick(["The Board continues to expect full year adjusted profit before tax to be in line with current market expectations.",
                               "The Board now expects full year results to be modestly below its previous expectations.",
                               "Net debt at the period end was £\(d.range(5, 400))m and the Group retains significant headroom in its facilities."])))
        b.append(.para("The Group will announce its results on \(date.adding(days: d.range(20, 120)).long)."))
        return d.pick(["Trading Update", "Trading Update", "Q\(d.range(1, 3)) Trading Statement", "Pre-close Trading Update"])
    }

    func meetingNotice(_ d: inout Xoshiro256, _ co: String, _ date: Day, _ f: inout [String: String], _ b: inout [Block]) -> String {
        let general = d.chance(0.3)
        let meeting = date.adding(days: d.range(21, 35))
        f["meeting_date"] = meeting.iso; f["meeting"] = general ? "general" : "annual"
        let time = "\(d.range(9, 14)).\(d.pick(["00", "30"])) \(d.chance(0.5) ? "a.m." : "am")"
        b.append(.para("\(co) announces that the Notice of \(general ? "General Meeting" : "Annual General Meeting") and Form of Proxy have been posted to shareholders. The \(general ? "General Meeting" : "AGM") will be held at \(time) on \(meeting.written(&d)) at \(d.pick(["the offices of", "the Company's registered office,"])) \(d.range(1, 200)) \(d.pick(["King Street", "Queen Street", "Bishopsgate", "St Vincent Street", "Park Row"])), \(d.pick(Parts.cities))."))
        b.append(.para("In accordance with UK Listing Rule 6.4.1, copies of the documents have been submitted to the National Storage Mechanism and will shortly be available for inspection at https://data.fca.org.uk/#/nsm/nationalstoragemechanism."))
        if general { b.append(.para("The General Meeting is being convened to seek shareholder approval for the proposed \(d.pick(["acquisition", "disposal", "placing and open offer", "change of name"])).")) }
        else { b.append(.para("Shareholders are encouraged to vote by proxy. The resolutions include the re-election of directors, the authority to allot shares and the authority to purchase own shares.")) }
        return general ? d.pick(["Notice of General Meeting", "Posting of Circular and Notice of GM"]) : d.pick(["Notice of AGM", "Notice of Annual General Meeting", "Posting of Annual Report and Notice of AGM"])
    }

    func annualReport(_ d: inout Xoshiro256, _ co: String, _ date: Day, _ f: inout [String: String], _ b: inout [Block]) -> String {
        let ye = Day(y: date.m <= 6 ? date.y - 1 : date.y, m: d.pick([3, 12, 12, 6, 9]), d: 28)
        let yearEnd = Day(y: ye.y, m: ye.m, d: [3: 31, 6: 30, 9: 30, 12: 31][ye.m]!)
        f["period_end"] = yearEnd.iso
        b.append(.para("\(co) has today published its Annual Report and Accounts for the year ended \(yearEnd.written(&d))."))
        b.append(.para("In compliance with UK Listing Rule 6.4.1, the Annual Report and Accounts \(d.chance(0.5) ? "in ESEF format " : "")has been submitted to the National Storage Mechanism and will shortly be available for inspection. The Annual Report is also available on the Company's website."))
        b.append(.para("The information below, which is extracted from the Annual Report, is included solely for the purpose of complying with DTR 6.3.5 and the requirements it imposes on issuers as to how to make public annual financial reports."))
        b.append(.para("Principal risks and uncertainties: " + d.pick(["market conditions, regulatory change and cyber security", "the availability of finance, inflation and supply chain disruption", "commodity prices, operational performance and key personnel"]) + "."))
        b.append(.para("Directors' responsibility statement: each of the Directors confirms that, to the best of their knowledge, the financial statements give a true and fair view of the assets, liabilities, financial position and profit of the Company."))
        return d.pick(["Annual Financial Report", "Annual Financial Report", "Annual Report and Accounts", "Publication of Annual Report"])
    }

    func blockListing(_ d: inout Xoshiro256, _ co: String, _ date: Day, _ f: inout [String: String], _ b: inout [Block]) -> String {
        let from = date.adding(days: -d.range(180, 185)), to = date.adding(days: -d.range(1, 5))
        let prevBalance = d.range(100_000, 5_000_000), increase = d.chance(0.3) ? d.range(100_000, 2_000_000) : 0
        let issued = d.range(0, prevBalance / 2), end = prevBalance + increase - issued
        f["period_from"] = from.iso; f["period_to"] = to.iso; f["issued"] = String(issued); f["balance"] = String(end)
        f["previous_balance"] = String(prevBalance); f["increase"] = String(increase)
        let scheme = d.pick(["Sharesave Scheme", "Long Term Incentive Plan", "Employee Share Option Scheme", "Share Incentive Plan"])
        f["scheme"] = scheme
        b.append(.table([["Name of applicant:", co],
                         ["Name of scheme:", scheme],
                         ["Period of return:", "From: \(from.written(&d))", "To: \(to.written(&d))"],
                         ["Balance of unallotted securities under scheme(s) from previous return:", Num.grouped(prevBalance)],
                         ["Plus: The amount by which the block scheme(s) has been increased since the date of the last return (if any increase has been applied for):", Num.grouped(increase)],
                         ["Less: Number of securities issued/allotted under scheme(s) during period (see LR3.5.7G):", Num.grouped(issued)],
                         ["Equals: Balance under scheme(s) not yet issued/allotted at end of period:", Num.grouped(end)],
                         ["Name of contact:", Parts.person(&d)],
                         ["Telephone number of contact:", "020 \(d.range(7000, 7999)) \(d.range(1000, 9999))"]]))
        return d.pick(["Block Listing Return", "Block Listing Six Monthly Return", "Blocklisting Interim Review"])
    }

    func form83(_ d: inout Xoshiro256, _ co: String, _ date: Day, _ f: inout [String: String], _ b: inout [Block]) -> String {
        let discloser = Parts.manager(&d)
        let interest = d.range(1_000_000, 40_000_000)
        let pct = Double(d.range(100, 990)) / 100
        f["discloser"] = discloser; f["dealing_date"] = date.iso
        b.append(.heading("FORM 8.3"))
        b.append(.para("PUBLIC OPENING POSITION DISCLOSURE/DEALING DISCLOSURE BY A PERSON WITH INTERESTS IN RELEVANT SECURITIES REPRESENTING 1% OR MORE"))
        b.append(.para("Rule 8.3 of the Takeover Code (the \"Code\")"))
        b.append(.para("1. KEY INFORMATION"))
        b.append(.table([["(a) Full name of discloser:", discloser],
                         ["(b) Owner or controller of interests and short positions disclosed, if different from 1(a):", ""],
                         ["(c) Name of offeror/offeree in relation to whose relevant securities this form relates:", co],
                         ["(d) If an exempt fund manager connected with an offeror/offeree, state this and specify identity of offeror/offeree:", ""],
                         ["(e) Date position held/dealing undertaken:", date.written(&d)],
                         ["(f) In addition to the company in 1(c) above, is the discloser making disclosures in respect of any other party to the offer?", d.pick(["NO", "YES: \(Parts.company(&d))"])]]))
        b.append(.para("2. POSITIONS OF THE PERSON MAKING THE DISCLOSURE"))
        b.append(.table([["Class of relevant security:", "Ordinary shares"], ["(1) Relevant securities owned and/or controlled:", Num.grouped(interest), Num.fixed(pct, 2) + "%"]]))
        b.append(.para("3. DEALINGS (IF ANY) BY THE PERSON MAKING THE DISCLOSURE"))
        b.append(.table([["Class of relevant security", "Purchase/sale", "Number of securities", "Price per unit"],
                         ["Ordinary", d.pick(["Purchase", "Sale"]), Num.grouped(d.range(1000, 500_000)), "£" + Num.fixed(Double(d.range(50, 3000)) / 100, 4)]]))
        return d.pick(["Form 8.3 - \(co)", "Form 8.3 - " + co.replacingOccurrences(of: " plc", with: "").replacingOccurrences(of: " PLC", with: ""), "Form 8.3 - Amendment"])
    }

    func directorate(_ d: inout Xoshiro256, _ co: String, _ date: Day, _ f: inout [String: String], _ b: inout [Block]) -> String {
        let person = Parts.person(&d), role = d.pick(Parts.roles)
        let appoint = d.chance(0.6)
        let eff = date.adding(days: d.range(0, 60))
        f["person"] = person; f["effective_date"] = eff.iso; f["change"] = appoint ? "appointment" : "resignation"; f["role"] = role
        if appoint {
            b.append(.para("The Board of \(co) is pleased to announce the appointment of \(person) as \(role) with effect from \(eff.written(&d))."))
            b.append(.para("\(person.split(separator: " ")[0]) has over \(d.range(10, 30)) years of experience in \(d.pick(["financial services", "retail", "the energy sector", "technology", "audit and accounting"])) and will join the \(d.pick(["Audit", "Remuneration", "Nomination"])) Committee."))
            b.append(.para("There are no further details required to be disclosed pursuant to UK Listing Rule 6.4.8R. \(person) does not hold any shares in the Company."))
        } else {
            b.append(.para("\(co) announces that \(person) has informed the Board of \(d.chance(0.5) ? "his" : "her") intention to step down as \(role) with effect from \(eff.written(&d))."))
            b.append(.para("The Board thanks \(person.split(separator: " ")[0]) for \(d.chance(0.5) ? "his" : "her") contribution and a search for a successor is under way."))
        }
        return d.pick(["Directorate Change", "Directorate Change", "Board Change", "Appointment of Non-Executive Director", "Board Changes"])
    }

    func other(_ d: inout Xoshiro256, _ co: String, _ date: Day, _ f: inout [String: String], _ b: inout [Block]) -> String {
        switch d.below(7) {
        case 0:
            b.append(.para("\(co) announces that its registered office has changed to \(d.range(1, 200)) \(d.pick(["High Street", "Market Street", "Canal Side"])), \(d.pick(Parts.cities)), with effect from \(date.written(&d))."))
            return "Change of Registered Office"
        case 1:
            // (dividend declarations are a type of their own: ComposerFunds)
            b.append(.para("\(co) will hold a capital markets day for analysts and investors on \(date.adding(days: 30).long). The presentation will be available on the Company's website."))
            return "Capital Markets Day"
        case 2:
            b.append(.para("\(co) confirms that it will announce its \(d.pick(["interim", "full year", "third quarter"])) results on \(date.adding(days: d.range(10, 60)).written(&d)). A presentation for analysts will be held at 9.00 am."))
            return "Notice of Results"
        case 3:
            b.append(.para("\(co) notes the recent press speculation and confirms that it is in the early stages of a review of strategic options. There can be no certainty that any transaction will result. A further announcement will be made as appropriate."))
            return "Statement re Press Speculation"
        case 4:
            b.append(.para("\(co) announces that it has appointed \(d.pick(Parts.brokers)) as its sole corporate broker with immediate effect."))
            return "Change of Broker"
        case 5:
            let n = d.range(10_000, 3_000_000)
            b.append(.para("\(co) announces that it has granted options over \(Num.grouped(n)) ordinary shares to employees under its \(d.pick(["Long Term Incentive Plan", "Sharesave Scheme"])). Application will be made for admission of the shares to trading."))
            return "Grant of Options"
        default:
            b.append(.para("\(co) announces that the Financial Conduct Authority has approved a prospectus relating to \(d.pick(["the admission of new shares", "its bond programme", "the proposed capital raise"])). The prospectus has been submitted to the National Storage Mechanism."))
            return "Publication of Prospectus"
        }
    }
}
