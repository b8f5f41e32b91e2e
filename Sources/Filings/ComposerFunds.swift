import Common
import FilingsRead
import Foundation

/// Renderers for dividend declarations and net asset value announcements (investment trusts and
/// income funds file these most often), in the sentence and table forms issuers use.
extension FilingsComposer {
    func dividend(_ d: inout Xoshiro256, _ co: String, _ date: Day, _ f: inout [String: String], _ b: inout [Block]) -> String {
        let kind = d.pick(["interim", "final", "second interim", "third interim", "fourth interim", "special", "quarterly"])
        let pence = d.chance(0.8)
        let amount = pence ? Double(d.range(5, 400)) / 10 + Double(d.below(10)) / 100 : Double(d.range(10, 900)) / 10000
        let written = pence ? Num.fixed(amount, 2) + (d.chance(0.5) ? "p" : " pence") : "US$" + Num.fixed(amount, 4)
        let ex = date.adding(days: d.range(7, 30)), record = ex.adding(days: 1), pay = record.adding(days: d.range(14, 40))
        f["kind"] = kind; f["dividend"] = Num.canonical(amount, pence ? 2 : 4) + (pence ? " GBX" : " USD")
        f["ex_date"] = ex.iso; f["record_date"] = record.iso; f["payment_date"] = pay.iso
        if d.chance(0.5) {
            b.append(.para("The Board of \(co) has declared a \(kind) dividend of \(written) per ordinary share. The dividend will be paid on \(pay.written(&d)) to shareholders on the register at the close of business on \(record.written(&d)). The ex-dividend date is \(ex.written(&d))."))
        } else {
            b.append(.para("The Board of \(co) confirms the following timetable for its \(kind) dividend."))
            b.append(.table([["\(kind.prefix(1).uppercased() + kind.dropFirst()) dividend per ordinary share", written],
                             ["Ex-dividend date", ex.written(&d)], ["Record date", record.written(&d)], ["Payment date", pay.written(&d)]]))
        }
        if d.chance(0.5) { b.append(.para("Shareholders may elect to reinvest the dividend under the Company's Dividend Reinvestment Plan.")) }
        return d.pick(["Dividend Declaration", "Dividend Declaration", "Declaration of \(kind.prefix(1).uppercased() + kind.dropFirst()) Dividend"])
    }

    func nav(_ d: inout Xoshiro256, _ co: String, _ date: Day, _ f: inout [String: String], _ b: inout [Block]) -> String {
        let asAt = date.adding(days: -1)
        let pence = d.chance(0.7)
        let cum = pence ? Double(d.range(5000, 150_000)) / 100 : Double(d.range(5000, 30000)) / 10000
        let ex = cum * (0.97 + d.unit() * 0.02)
        let places = pence ? 2 : 4
        func w(_ v: Double) -> String { pence ? Num.fixed(v, places) + (d.chance(0.5) ? "p" : " pence") : "£" + Num.fixed(v, places) }
        f["date"] = asAt.iso
        f["nav_per_share"] = Num.canonical(cum, places) + (pence ? " GBX" : " GBP")
        f["nav_ex_income"] = Num.canonical(ex, places) + (pence ? " GBX" : " GBP")
        if d.chance(0.5) {
            b.append(.para("The unaudited net asset value per ordinary share of \(co) as at close of business on \(asAt.written(&d)) was:"))
            b.append(.para("\(w(cum)) (including current year revenue)"))
            b.append(.para("\(w(ex)) (excluding current year revenue)"))
        } else {
            let total = Double(d.range(500, 20000)) / 10
            f["total_nav"] = Num.canonical(total, 1) + "m GBP"
            b.append(.para("\(co) announces its unaudited net asset value as at \(asAt.written(&d)):"))
            b.append(.table([["NAV per share (cum income)", w(cum)], ["NAV per share (ex income)", w(ex)], ["Total net assets", "£\(Num.fixed(total, 1))m"]]))
        }
        return d.pick(["Net Asset Value(s)", "Net Asset Value", "NAV Update"])
    }
}
