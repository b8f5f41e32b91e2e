import Common
import FilingsRead
import Foundation

/// A composed announcement: the document as filed (plain text or HTML), its type, the fields a
/// reader should extract (normalised as `FieldExtractor` writes them) and a reference summary.
public struct ComposedFiling: Sendable, Codable {
    public var type: FilingType
    public var company: String
    public var filename: String
    public var document: String
    public var fields: [String: String]
    public var summary: String
}

/// Document structure before rendering: headings, paragraphs and tables.
enum Block {
    case heading(String)
    case para(String)
    case table([[String]])
}

/// The filings composer: follows the public structure of each form (the FCA TR-1, the MAR Article 19
/// PDMR template, buyback and total voting rights announcements, AGM poll tables, the Takeover Panel's
/// Form 8.3, block listing returns...) with generated companies, people, numbers and dates.
/// Same seed, same document.
public struct FilingsComposer: Sendable {
    public init() {}

    /// A document of `type` for `company` (generated when nil).
    public func compose(_ type: FilingType, seed: UInt64, company: String? = nil) -> ComposedFiling {
        var d = Xoshiro256(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(type.index))
        let co = company ?? Parts.company(&d)
        let date = Day.random(&d)
        var fields: [String: String] = ["issuer": co]
        var blocks: [Block] = []
        let headline: String
        switch type {
        case .holdings: headline = holdings(&d, co, date, &fields, &blocks)
        case .pdmr: headline = pdmr(&d, co, date, &fields, &blocks)
        case .ownShares: headline = ownShares(&d, co, date, &fields, &blocks)
        case .votingRights: headline = votingRights(&d, co, date, &fields, &blocks)
        case .agmResult: headline = agmResult(&d, co, date, &fields, &blocks)
        case .finalResults: headline = results(&d, co, date, half: false, &fields, &blocks)
        case .halfYear: headline = results(&d, co, date, half: true, &fields, &blocks)
        case .tradingUpdate: headline = tradingUpdate(&d, co, date, &fields, &blocks)
        case .meetingNotice: headline = meetingNotice(&d, co, date, &fields, &blocks)
        case .annualReport: headline = annualReport(&d, co, date, &fields, &blocks)
        case .blockListing: headline = blockListing(&d, co, date, &fields, &blocks)
        case .form83: headline = form83(&d, co, date, &fields, &blocks)
        case .directorate: headline = directorate(&d, co, date, &fields, &blocks)
        case .dividend: headline = dividend(&d, co, date, &fields, &blocks)
        case .nav: headline = nav(&d, co, date, &fields, &blocks)
        case .other: headline = other(&d, co, date, &fields, &blocks)
        }
        // shared framing: RNS number, issuer line, date; a headline that is sometimes missing
        var all: [Block] = []
        if d.chance(0.5) { all.append(.para("RNS Number : \(d.range(1000, 9999))\(Character(UnicodeScalar(UInt8(65 + d.below(26)))))")) }
        all.append(.para(co))
        if d.chance(0.65) { all.append(.heading(headline)) }
        all.append(.para(date.written(&d)))
        if d.chance(0.3) { all.append(.para("LEI: \(Parts.lei(&d))")) }
        all += blocks
        if d.chance(0.6) {
            all.append(.para("For further information, please contact:"))
            all.append(.table([[co, ""], [Parts.person(&d) + ", " + d.pick(Parts.roles), "+44 (0)20 \(d.range(7000, 7999)) \(d.range(1000, 9999))"],
                               [d.pick(Parts.brokers), "+44 (0)20 \(d.range(3000, 3999)) \(d.range(1000, 9999))"]]))
        }
        if d.chance(0.5) { all.append(.para("ENDS")) }
        if d.chance(0.4) {
            all.append(.para("This information is provided by RNS, the news service of the London Stock Exchange. RNS is approved by the Financial Conduct Authority to act as a Primary Information Provider in the United Kingdom."))
        }
        let html = d.chance(0.5)
        let doc = html ? renderHTML(all, title: co + " - " + headline) : renderText(all, style: d.below(3))
        fields["type"] = type.rawValue
        let summary = FieldSummary.write(type: type, fields: fields)
        let slug = co.lowercased().filter { $0.isLetter }.prefix(16)
        return ComposedFiling(type: type, company: co, filename: "\(slug)-\(type.rawValue)-\(seed).\(html ? "html" : "txt")",
                              document: doc, fields: fields, summary: summary)
    }

    /// Companies for a split: name-hash held out (20%), so test companies never appear in training.
    public static func isHeldOut(company: String) -> Bool {
        StableHash.fnv1a("filings-heldout-v1|" + company.lowercased()) % 100 < 20
    }

    /// `count` documents, types in rotation, from the training or held-out company split.
    public func corpus(count: Int, heldOut: Bool, seed: UInt64) -> [ComposedFiling] {
        var out: [ComposedFiling] = []
        var s = seed &* 1_000_003
        let types = FilingType.allCases
        while out.count < count {
            s &+= 1
            let t = types[out.count % types.count]
            let f = compose(t, seed: s)
            if FilingsComposer.isHeldOut(company: f.company) == heldOut { out.append(f) }
        }
        return out
    }

    // MARK: rendering

    func renderHTML(_ blocks: [Block], title: String) -> String {
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
                .replacingOccurrences(of: "£", with: "&pound;")
        }
        var h = "<!DOCTYPE html>\n<html><head><title>\(esc(title))</title><style>td{padding:2px}</style></head><body>\n"
        for b in blocks {
            switch b {
            case .heading(let s): h += "<h2>\(esc(s))</h2>\n"
            case .para(let s): h += "<p>\(esc(s))</p>\n"
            case .table(let rows):
                h += "<table border=\"1\">\n"
                for r in rows { h += "<tr>" + r.map { "<td>\(esc($0))&nbsp;</td>" }.joined() + "</tr>\n" }
                h += "</table>\n"
            }
        }
        return h + "</body></html>\n"
    }

    /// style 0: cells joined by tabs; 1: by " | "; 2: "label: value" pairs and tab-joined wider rows.
    func renderText(_ blocks: [Block], style: Int) -> String {
        var t = ""
        for b in blocks {
            switch b {
            case .heading(let s): t += s.uppercased() == s ? s + "\n\n" : s + "\n\n"
            case .para(let s): t += s + "\n\n"
            case .table(let rows):
                for r in rows {
                    let cells = r.filter { !$0.isEmpty }
                    switch style {
                    case 0: t += cells.joined(separator: "\t")
                    case 1: t += cells.joined(separator: " | ")
                    default: t += cells.count == 2 && !cells[0].hasSuffix(":") ? cells[0] + ": " + cells[1] : cells.joined(separator: "\t")
                    }
                    t += "\n"
                }
                t += "\n"
            }
        }
        return t
    }
}
