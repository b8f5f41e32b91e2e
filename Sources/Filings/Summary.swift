import FilingsRead
import Foundation
import LM
import LMDecode
import LMFormats
import Tokenizer

/// Checks that every number a summary states is in the filing (its extracted fields, including the
/// parts of dates, or its text). A number may be a filing number rounded to the places it shows. A
/// percentage must be one: a figure over 100 stated with "%" passes only when the filing writes it
/// with "%" too (issue 24: a count of voting rights came out as "6144000%").
public enum NumberCheck {
    static let pattern = #"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"#

    static func values(_ text: String) -> [String] {
        text.allMatches(pattern).map { Num.canonical($0.replacingOccurrences(of: ",", with: "")) }
    }

    /// Numbers followed by "%" (possibly after a space).
    static func percents(_ text: String) -> [String] {
        text.allMatchGroups("(" + pattern + #")(?:\s?%|\s?per ?cent\b)"#).map { Num.canonical($0[0].replacingOccurrences(of: ",", with: "")) }
    }

    /// Numbers allowed in a summary of this filing; "<n>%" entries mark the filing's own percentages.
    public static func allowed(fields: [String: String], document: String) -> Set<String> {
        var s = Set<String>()
        for v in fields.values { for n in values(v) { s.insert(n) } }
        for n in values(document) { s.insert(n) }
        for n in percents(document) { s.insert(n + "%") }
        return s
    }

    /// The numbers in `summary` that the filing does not contain (empty = the summary passes); a
    /// percentage over 100 that the filing does not state as one is reported as "<n>%".
    public static func unsupported(summary: String, allowed: Set<String>) -> [String] {
        let allowedD = allowed.compactMap { Double($0) }
        var bad = values(summary).filter { n in
            if allowed.contains(n) { return false }
            guard let x = Double(n) else { return true }
            let places = n.split(separator: ".").count > 1 ? n.split(separator: ".")[1].count : 0
            let scale = pow(10.0, Double(places))
            return !allowedD.contains { abs(($0 * scale).rounded() / scale - x) < 1e-9 }
        }
        for p in percents(summary) where (Double(p) ?? 0) > 100 && !allowed.contains(p + "%") && !bad.contains(p) { bad.append(p + "%") }
        return bad
    }
}

/// Why one LM summary was rejected, in words a user can act on.
public struct SummaryRejection: Codable, Sendable, Equatable, CustomStringConvertible {
    /// Numbers (or "<n>%" percentages) the filing does not contain.
    public var numbers: [String] = []
    /// The issuer the summary failed to name.
    public var issuerNotNamed: String?
    /// Cut off before its closing full stop, or too short to be a summary.
    public var incomplete = false

    public var description: String {
        var r: [String] = []
        if !numbers.isEmpty { r.append("numbers not in the filing: " + numbers.joined(separator: ", ")) }
        if let i = issuerNotNamed { r.append("issuer “\(i)” not named") }
        if incomplete { r.append("cut off before the end") }
        return r.joined(separator: "; ")
    }
}

/// An LM-written summary, checked (every number in the filing, the issuer named); regenerated up to
/// `tries` times, else the field-based one.
public struct SummaryOutcome: Codable, Sendable, Equatable {
    public var text: String
    /// "lm" when a generated summary passed the number check, "fields" for the fallback.
    public var source: String
    public var attempts: Int
    /// Why each rejected attempt was rejected.
    public var rejected: [SummaryRejection]
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
        var rejected: [SummaryRejection] = []
        var lastText: String?
        for attempt in 0..<tries {
            var o = SamplingOptions(temperature: attempt == 0 ? 0 : retryTemperature, topK: 40, topP: 0.95, repetitionPenalty: repetitionPenalty,
                                    maxNewTokens: maxNewTokens, seed: seed &+ UInt64(attempt))
            o.stopTokenIds = [tokenizer.endOfTextId]
            let out = Generator(model: model).generate(prompts: [p], options: o)[0]
            let s = tokenizer.decode(out, skipSpecialTokens: true).trimmingCharacters(in: .whitespacesAndNewlines)
            var why = SummaryRejection(numbers: NumberCheck.unsupported(summary: s, allowed: allowed))
            // a summary about another company is as wrong as one with invented numbers
            if let issuer = fields["issuer"] ?? fields["entity_name"], s.range(of: issuer, options: .caseInsensitive) == nil {
                why.issuerNotNamed = issuer
            }
            // a summary cut off by the token limit (or a number loop) is not a summary, even when its numbers check out
            why.incomplete = !(s.hasSuffix(".") && s.split(separator: " ").count >= 5)
            if why == SummaryRejection() {
                return SummaryOutcome(text: s, source: "lm", attempts: attempt + 1, rejected: rejected, lastRejectedText: lastText)
            }
            rejected.append(why)
            lastText = s
        }
        return SummaryOutcome(text: fallback, source: "fields", attempts: tries, rejected: rejected, lastRejectedText: lastText)
    }
}
