import Foundation
import LM

/// The field-based summary: one plain-English paragraph built only from extracted fields, so every
/// number in it is in the filing. It is the composer's reference summary (the LM's SFT target) and
/// the fallback when an LM summary fails the number check.
public enum FieldSummary {
    static func long(_ iso: String?) -> String? {
        guard let iso, let m = iso.firstMatchGroups(#"^(\d{4})-(\d{2})-(\d{2})$"#) else { return iso }
        return "\(Int(m[2])!) \(Parts.monthNames[Int(m[1])! - 1]) \(m[0])"
    }
    static func grouped(_ s: String?) -> String? {
        guard let s, let d = Decimal(string: s, locale: Locale(identifier: "en_US_POSIX")) else { return s }
        if s.contains(".") { return s }
        return Num.grouped(NSDecimalNumber(decimal: d).intValue)
    }
    static func price(_ s: String?) -> String? {
        guard let s else { return nil }
        if s.hasSuffix(" GBX") { return String(s.dropLast(4)) + "p" }
        if s.hasSuffix(" GBP") { return "£" + String(s.dropLast(4)) }
        return s
    }

    public static func write(type: FilingType, fields f: [String: String]) -> String {
        let issuer = f["issuer"] ?? "The issuer"
        switch type {
        case .holdings:
            var s = "\(f["holder"] ?? "A shareholder") notified \(issuer) that its voting rights crossed a notifiable threshold"
            if let d = long(f["crossing_date"]) { s += " on \(d)" }
            if let b = f["percent_before"], let a = f["percent_after"] { s += ", moving from \(b)% to \(a)% of the total voting rights" }
            else if let a = f["percent_after"] { s += ", to \(a)% of the total voting rights" }
            if let di = f["percent_direct"], let ind = f["percent_indirect"] { s += " (\(di)% held directly and \(ind)% indirectly)" }
            return s + "."
        case .pdmr:
            var s = "\(f["person"] ?? "A person discharging managerial responsibilities")"
            if let r = f["role"] { s += ", \(r) of \(issuer)," } else { s += " of \(issuer)" }
            s += " notified a transaction: \((f["nature"] ?? "a dealing").lowercased())"
            if let v = grouped(f["volume"]) { s += " of \(v) shares" }
            if let p = price(f["price"]) { s += " at \(p)" }
            if let d = long(f["date"]) { s += " on \(d)" }
            if let v = f["venue"] { s += " (\(v))" }
            return s + "."
        case .ownShares:
            var s = "\(issuer) bought back"
            s += " \(grouped(f["shares_bought"]) ?? "some") of its own shares"
            if let d = long(f["date"]) { s += " on \(d)" }
            if let lo = price(f["lowest_price"]), let hi = price(f["highest_price"]) { s += " at prices between \(lo) and \(hi)" }
            if let v = price(f["vwap"]) { s += ", a volume-weighted average of \(v)" }
            if let t = f["treasury_or_cancel"] { s += t == "treasury" ? "; the shares will be held in treasury" : "; the shares will be cancelled" }
            return s + "."
        case .votingRights:
            var s = "\(issuer) reported"
            if let d = long(f["date"]) { s += " that as at \(d)" }
            s += " its issued share capital was \(grouped(f["share_capital"]) ?? "unstated") ordinary shares"
            if let t = f["treasury_shares"], t != "0" { s += ", of which \(grouped(t)!) are held in treasury" }
            if let v = grouped(f["voting_rights"]) { s += ", giving \(v) voting rights" }
            return s + "."
        case .agmResult:
            return "\(issuer) reported the poll results of its shareholder meeting" + (long(f["meeting_date"]).map { " held on \($0)" } ?? "") + "."
        case .finalResults, .halfYear:
            var s = "\(issuer) published its \(type == .halfYear ? "half-year" : "full-year") results"
            if let d = long(f["period_end"]) { s += " for the period ended \(d)" }
            if let r = f["revenue_m"] { s += ", with revenue of £\(r)m" }
            if let p = f["profit_before_tax_m"] { s += " and profit before tax of £\(p)m" }
            return s + "."
        case .tradingUpdate:
            guard let g = f["growth_percent"], let n = Int(g) else { return "\(issuer) issued a trading update." }
            return "\(issuer) issued a trading update reporting revenue \(n < 0 ? "down" : "up") \(abs(n))% on the prior year."
        case .meetingNotice:
            return "\(issuer) gave notice of a shareholder meeting" + (long(f["meeting_date"]).map { " to be held on \($0)" } ?? "") + "."
        case .annualReport:
            return "\(issuer) published its annual financial report" + (long(f["period_end"]).map { " for the year ended \($0)" } ?? "") + "."
        case .blockListing:
            var s = "\(issuer) filed its block listing return"
            if let a = long(f["period_from"]), let b = long(f["period_to"]) { s += " for \(a) to \(b)" }
            if let i = grouped(f["issued"]) { s += ": \(i) shares were issued under the scheme" }
            if let b = grouped(f["balance"]) { s += ", leaving \(b) unallotted" }
            return s + "."
        case .form83:
            return "\(f["discloser"] ?? "A holder of 1% or more") disclosed its position and dealings in \(issuer) securities under Rule 8.3 of the Takeover Code"
                + (long(f["dealing_date"]).map { " for \($0)" } ?? "") + "."
        case .directorate:
            guard let p = f["person"] else { return "\(issuer) announced a change to its board." }
            return "\(issuer) announced the \(f["change"] ?? "change") of \(p)" + (long(f["effective_date"]).map { ", effective \($0)" } ?? "") + "."
        case .other:
            return "\(issuer) made a regulatory announcement outside the main categories."
        }
    }

    /// Summary of an iXBRL report from its extracted facts.
    public static func report(_ f: [String: String]) -> String {
        var s = f["entity_name"] ?? "The company"
        if let n = f["company_number"] { s += " (company number \(n))" }
        s += " filed accounts"
        if let a = long(f["period_start"]), let b = long(f["period_end"]) { s += " for the period \(a) to \(b)" }
        else if let b = long(f["period_end"]) { s += " for the period ended \(b)" }
        let cur = f["currency"] ?? ""
        var parts: [String] = []
        if let t = f["turnover"] { parts.append("turnover of \(cur) \(t)") }
        if let p = f["profit_loss"] { parts.append((p.hasPrefix("-") ? "a loss of \(cur) \(p.dropFirst())" : "a profit of \(cur) \(p)")) }
        if let n = f["net_assets"] { parts.append("net assets of \(cur) \(n)") }
        if let e = f["employees"] { parts.append("\(e) employees on average") }
        if !parts.isEmpty { s += ", reporting " + parts.joined(separator: ", ") }
        return s + "."
    }
}

/// Checks that every number a summary states is in the filing (its extracted fields, including the
/// parts of dates, or its text). A number may be a filing number rounded to the places it shows.
public enum NumberCheck {
    static let pattern = #"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"#

    static func values(_ text: String) -> [String] {
        text.allMatches(pattern).map { Num.canonical($0.replacingOccurrences(of: ",", with: "")) }
    }

    /// Numbers allowed in a summary of this filing.
    public static func allowed(fields: [String: String], document: String) -> Set<String> {
        var s = Set<String>()
        for v in fields.values { for n in values(v) { s.insert(n) } }
        for n in values(document) { s.insert(n) }
        return s
    }

    /// The numbers in `summary` that the filing does not contain (empty = the summary passes).
    public static func unsupported(summary: String, allowed: Set<String>) -> [String] {
        let allowedD = allowed.compactMap { Double($0) }
        return values(summary).filter { n in
            if allowed.contains(n) { return false }
            guard let x = Double(n) else { return true }
            let places = n.split(separator: ".").count > 1 ? n.split(separator: ".")[1].count : 0
            let scale = pow(10.0, Double(places))
            return !allowedD.contains { abs(($0 * scale).rounded() / scale - x) < 1e-9 }
        }
    }
}

/// An LM-written summary, checked (every number in the filing, the issuer named); regenerated up to
/// `tries` times, else the field-based one.
public struct SummaryOutcome: Codable, Sendable, Equatable {
    public var text: String
    /// "lm" when a generated summary passed the number check, "fields" for the fallback.
    public var source: String
    public var attempts: Int
    /// Each rejected attempt's unsupported numbers.
    public var rejected: [[String]]
    /// The last LM text that was rejected (for diagnostics), if any.
    public var lastRejectedText: String?
}

public final class SummaryWriter {
    public let model: Model
    public let tokenizer: BPETokenizer
    public var tries: Int
    public var maxNewTokens: Int
    /// What the model reads before `<|summary|>`; must be the style it was trained with.
    public var style: SummaryPromptStyle
    /// Sampling temperature of the retries (the first try is greedy). Low, because a retry should
    /// stay close to the template and change a wrong token, not wander off it.
    public var retryTemperature: Float
    /// 1 = none. The sampler's penalty also counts prompt tokens as seen, so any penalty pushes the
    /// model away from the very names and numbers a summary has to copy from its prompt.
    public var repetitionPenalty: Float = 1

    /// Context used for `<|filing|>CONTEXT<|summary|>` + summary, the same in SFT and generation.
    public static let context = 384
    /// Room for the longest reference summary (a TR-1 with long percentages is about 110 tokens);
    /// at 96 those were cut in SFT and the model learned to stop mid-sentence.
    public static let summaryTokens = 128

    public init(model: Model, tokenizer: BPETokenizer, tries: Int = 3, maxNewTokens: Int = SummaryWriter.summaryTokens,
                style: SummaryPromptStyle = .document, retryTemperature: Float = 0.7) {
        self.model = model; self.tokenizer = tokenizer; self.tries = tries; self.maxNewTokens = maxNewTokens
        self.style = style; self.retryTemperature = retryTemperature
    }

    /// A writer for a saved summary model, in the prompt style recorded beside it.
    public static func load(directory: URL, tries: Int = 3) throws -> SummaryWriter {
        SummaryWriter(model: try Model.load(directory: directory), tokenizer: try BPETokenizer(directory: directory),
                      tries: tries, style: SummaryPromptStyle.load(from: directory))
    }

    /// `<|filing|>TEXT<|summary|>` with TEXT cut (in tokens) so prompt + summary fit the context.
    public static func prompt(_ text: String, tokenizer: BPETokenizer, budget: Int) -> [Int] {
        SummaryPrompt.tokens(style: .document, type: .other, fields: [:], text: text, tokenizer: tokenizer, budget: budget)
    }

    public func summarize(type: FilingType, text: String, fields: [String: String], fallback: String, seed: UInt64) -> SummaryOutcome {
        let allowed = NumberCheck.allowed(fields: fields, document: text)
        let budget = min(model.config.maxSeqLen, SummaryWriter.context) - maxNewTokens
        let p = SummaryPrompt.tokens(style: style, type: type, fields: fields, text: text, tokenizer: tokenizer, budget: budget)
        var rejected: [[String]] = []
        var lastText: String?
        for attempt in 0..<tries {
            var o = SamplingOptions(temperature: attempt == 0 ? 0 : retryTemperature, topK: 40, topP: 0.95, repetitionPenalty: repetitionPenalty,
                                    maxNewTokens: maxNewTokens, seed: seed &+ UInt64(attempt))
            o.stopTokenIds = [tokenizer.endOfTextId]
            let out = Generator(model: model).generate(prompts: [p], options: o)[0]
            let s = tokenizer.decode(out, skipSpecialTokens: true).trimmingCharacters(in: .whitespacesAndNewlines)
            var bad = NumberCheck.unsupported(summary: s, allowed: allowed)
            // a summary about another company is as wrong as one with invented numbers
            if let issuer = fields["issuer"] ?? fields["entity_name"], s.range(of: issuer, options: .caseInsensitive) == nil {
                bad.append("(issuer “\(issuer)” not named)")
            }
            // a summary cut off by the token limit (or a number loop) is not a summary, even when its numbers check out
            let complete = s.hasSuffix(".") && s.split(separator: " ").count >= 5
            if bad.isEmpty && complete {
                return SummaryOutcome(text: s, source: "lm", attempts: attempt + 1, rejected: rejected, lastRejectedText: lastText)
            }
            rejected.append(bad.isEmpty ? ["(incomplete)"] : bad)
            lastText = s
        }
        return SummaryOutcome(text: fallback, source: "fields", attempts: tries, rejected: rejected, lastRejectedText: lastText)
    }
}
