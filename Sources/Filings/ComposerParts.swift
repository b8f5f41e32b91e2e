import Common
import Foundation

// Seeded choices draw from Common's Xoshiro256 (a seed gives the same document everywhere).

/// Name parts. Company names are built from syllables and words, so the space is large and a
/// held-out split by name gives companies never seen in training.
enum Parts {
    static let starts = ["Ash", "Bright", "Cal", "Dun", "El", "Fair", "Glen", "Hal", "Ivy", "Kel", "Lang", "Mar", "North",
                         "Oak", "Pen", "Quin", "Ross", "Sel", "Thorn", "Ux", "Val", "West", "Yar", "Bram", "Carr", "Hart",
                         "Stan", "Wren", "Aber", "Bel", "Craig", "Drum", "Fen", "Gold", "Harrow", "Kings", "Lyn", "Mill",
                         "Nor", "Pem", "Red", "Sil", "Tam", "Ulver", "Whit", "Ave", "Bex", "Chil", "Dor", "Elm"]
    static let ends = ["combe", "water", "ton", "more", "stead", "field", "wick", "bury", "ford", "ley", "brook", "mere",
                       "gate", "worth", "haven", "dale", "holm", "bridge", "shaw", "croft", "hurst", "mouth", "wood", "lands",
                       "by", "ham", "ridge", "stone", "cliffe", "well"]
    static let sectors = ["Holdings", "Group", "Resources", "Capital", "Technologies", "Energy", "Minerals", "Properties",
                          "Pharmaceuticals", "Brands", "Industries", "Investments", "Logistics", "Media", "Retail",
                          "Healthcare", "Engineering", "Foods", "Systems", "Infrastructure", "Gold", "Oil & Gas",
                          "Biosciences", "Homes", "Leisure", "Financial", "Telecom", "Software", "Mining", "Trust"]
    static let managerWords = ["Asset Management", "Investment Management", "Capital Partners", "Investors", "Fund Managers",
                               "Wealth Management", "Global Investors", "Capital Management", "Advisors"]
    static let managerForms = ["LLP", "Limited", "Ltd", "Inc.", "S.A.", "LLC", "plc", "AG", "GmbH"]
    static let firstNames = ["James", "Sarah", "David", "Emma", "Richard", "Claire", "Andrew", "Helen", "Mark", "Fiona",
                             "Paul", "Rachel", "Simon", "Joanna", "Peter", "Louise", "Jonathan", "Catherine", "Michael",
                             "Alison", "Stephen", "Nicola", "Robert", "Victoria", "Graham", "Priya", "Rajesh", "Aisha",
                             "Tomasz", "Ngozi", "Oliver", "Harriet", "Euan", "Siobhan", "Gareth", "Megan", "Kwame", "Mei"]
    static let surnames = ["Thompson", "Patel", "Hughes", "Campbell", "Davies", "Okafor", "Fraser", "Whitfield", "Morgan",
                           "Chen", "Kowalski", "Barrett", "Lloyd", "MacLeod", "Shah", "Ellison", "Griffiths", "Harding",
                           "Kerr", "Nolan", "Osei", "Pritchard", "Quinn", "Rahman", "Stewart", "Turner", "Underwood",
                           "Vaughan", "Walsh", "Young", "Abbott", "Baxter", "Crowther", "Doyle", "Evans", "Forsyth"]
    static let roles = ["Chief Executive Officer", "Chief Financial Officer", "Non-Executive Director", "Chairman",
                        "Senior Independent Director", "Chief Operating Officer", "Company Secretary", "Executive Director",
                        "General Counsel", "Independent Non-Executive Director"]
    static let brokers = ["Peel Hunt LLP", "Numis Securities Limited", "Panmure Gordon (UK) Limited", "Investec Bank plc",
                          "Berenberg", "Liberum Capital Limited", "Shore Capital Stockbrokers Limited", "Cavendish Capital Markets Limited",
                          "J.P. Morgan Securities plc", "Canaccord Genuity Limited"]
    static let venues = ["London Stock Exchange, Main Market (XLON)", "London Stock Exchange, AIM (XLON)", "XLON", "Outside a trading venue",
                         "Cboe Europe (BATE)", "Aquis Exchange (AQXE)", "Turquoise (TRQX)"]
    static let cities = ["London", "Edinburgh", "New York", "Boston", "Wilmington", "Toronto", "Zurich", "Paris", "Frankfurt",
                         "Leeds", "Manchester", "Glasgow", "Dublin", "Luxembourg", "Oslo"]
    static let countries = ["United Kingdom", "USA", "Canada", "Switzerland", "France", "Germany", "Ireland", "Luxembourg", "Norway"]
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    static func company(_ d: inout Xoshiro256) -> String {
        let core = d.pick(starts) + d.pick(ends)
        var name = core
        if d.chance(0.7) { name += " " + d.pick(sectors) }
        return name + (d.chance(0.5) ? " plc" : " PLC")
    }
    static func manager(_ d: inout Xoshiro256) -> String {
        (d.chance(0.5) ? d.pick(starts) + d.pick(ends) : d.pick(surnames) + " " + d.pick(surnames).prefix(1) + ".")
            + " " + d.pick(managerWords) + " " + d.pick(managerForms)
    }
    static func person(_ d: inout Xoshiro256) -> String { d.pick(firstNames) + " " + d.pick(surnames) }
    static func isin(_ d: inout Xoshiro256) -> String {
        "GB00" + String((0..<7).map { _ in Character(UnicodeScalar(UInt8(d.chance(0.3) ? 65 + d.below(26) : 48 + d.below(10)))) }) + String(d.below(10))
    }
    static func lei(_ d: inout Xoshiro256) -> String {
        "2138" + String((0..<16).map { _ in Character(UnicodeScalar(UInt8(d.chance(0.4) ? 65 + d.below(26) : 48 + d.below(10)))) })
    }
}

/// A calendar date with the writings UK announcements use.
struct Day: Equatable {
    var y: Int, m: Int, d: Int
    static func random(_ dice: inout Xoshiro256) -> Day { Day(y: dice.range(2019, 2026), m: dice.range(1, 12), d: dice.range(1, 28)) }
    var iso: String { String(format: "%04d-%02d-%02d", y, m, d) }
    func adding(days n: Int) -> Day {
        var c = DateComponents(); c.year = y; c.month = m; c.day = d
        var cal = Calendar(identifier: .gregorian); cal.timeZone = TimeZone(identifier: "UTC")!
        let date = cal.date(byAdding: .day, value: n, to: cal.date(from: c)!)!
        let k = cal.dateComponents([.year, .month, .day], from: date)
        return Day(y: k.year!, m: k.month!, d: k.day!)
    }
    func written(_ dice: inout Xoshiro256) -> String {
        switch dice.below(5) {
        case 0: return "\(d) \(Parts.monthNames[m - 1]) \(y)"
        case 1: return String(format: "%02d/%02d/%04d", d, m, y)
        case 2: return "\(d) \(Parts.monthNames[m - 1].prefix(3)) \(y)"
        case 3: return String(format: "%02d-%@-%04d", d, String(Parts.monthNames[m - 1].prefix(3)), y)
        default: return "\(d) \(Parts.monthNames[m - 1]) \(y)"
        }
    }
    var long: String { "\(d) \(Parts.monthNames[m - 1]) \(y)" }
}
