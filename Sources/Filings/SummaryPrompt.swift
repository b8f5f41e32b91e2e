import FilingsRead
import Foundation
import LM
import Tokenizer

/// What the summary model reads between `<|filing|>` and `<|summary|>`. The same style must be used
/// in SFT and in generation, so a trained summary model records it in `filings_summary.json`.
///
/// - `document`: the filing's text, cut to the window. A 4M-parameter model has to find the
///   issuer and the numbers somewhere in hundreds of tokens of form boilerplate; in practice it
///   wrote other companies' names and invented numbers (0/28 passed the number check).
/// - `fields`: the type and the extracted fields as a short "key: value" block, each value written
///   the way a summary states it (long dates, grouped counts, prices in p or £). The model then only
///   has to copy from a short, regular context, which the shipped letter model already learned to
///   do with its own prompt (authority, keywords).
/// - `fieldsDocument`: the block, then the start of the document (up to `documentTokens`), so the
///   model still sees the filing's own wording.
public enum SummaryPromptStyle: String, Codable, Sendable, CaseIterable {
    case document, fields, fieldsDocument = "fields-document"

    /// Document tokens kept after the field block in `fieldsDocument`.
    public static let documentTokens = 96
    static let fileName = "filings_summary.json"

    struct File: Codable { var prompt: SummaryPromptStyle }

    /// Writes the style next to a saved summary model.
    public func save(in directory: URL) throws {
        let enc = JSONEncoder(); enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        try enc.encode(File(prompt: self)).write(to: directory.appendingPathComponent(SummaryPromptStyle.fileName))
    }

    /// The style a summary model was trained with; `document` for models saved before the file existed.
    public static func load(from directory: URL) -> SummaryPromptStyle {
        guard let d = FileManager.default.contents(atPath: directory.appendingPathComponent(fileName).path),
              let f = try? JSONDecoder().decode(File.self, from: d) else { return .document }
        return f.prompt
    }
}

public enum SummaryPrompt {
    /// A field value as a summary writes it, so copying it is copying tokens, not converting formats:
    /// ISO dates as "14 March 2026", whole numbers of 4+ digits grouped, money as a summary writes it
    /// ("<x> GBX" as "<x>p", "<x> GBP" as "£<x>", "412.6m GBP" as "£412.6m").
    static func surface(_ v: String) -> String {
        if v.firstMatchGroups(#"^(\d{4})-(\d{2})-(\d{2})$"#) != nil { return FieldSummary.long(v) ?? v }
        if v.firstMatch(#"^-?\d+(?:\.\d+)?(?:k|m|bn)? (?:GBX|GBP|USD|EUR)$"#) != nil { return FieldSummary.money(v) ?? v }
        if v.count >= 4, v.allSatisfy(\.isNumber) { return FieldSummary.grouped(v) ?? v }
        return v
    }

    /// "type: …" then one "key: value" line per extracted field, in the extractor's order
    /// (then any others, sorted), so the block is regular across filings.
    public static func fieldBlock(type: FilingType, fields: [String: String]) -> String {
        let known = FieldExtractor.fieldNames[type] ?? []
        let keys = known.filter { fields[$0] != nil } + fields.keys.filter { !known.contains($0) }.sorted()
        return (["type: \(type.title)"] + keys.map { "\($0): \(surface(fields[$0]!))" }).joined(separator: "\n")
    }

    /// `<|filing|>CONTEXT<|summary|>` in the given style, at most `budget` tokens: the document is what
    /// gets cut, never the field block (which is short: a few dozen tokens).
    public static func tokens(style: SummaryPromptStyle, type: FilingType, fields: [String: String], text: String,
                              tokenizer: BPETokenizer, budget: Int) -> [Int] {
        let open = tokenizer.id(forSpecial: BPETokenizer.filing), close = tokenizer.id(forSpecial: BPETokenizer.summary)
        var body: [Int]
        switch style {
        case .document:
            body = Array(tokenizer.encode(text, allowSpecial: false).prefix(max(1, budget - 2)))
        case .fields:
            body = Array(tokenizer.encode(fieldBlock(type: type, fields: fields), allowSpecial: false).prefix(max(1, budget - 2)))
        case .fieldsDocument:
            body = tokenizer.encode(fieldBlock(type: type, fields: fields) + "\n\n", allowSpecial: false)
            let room = max(0, min(SummaryPromptStyle.documentTokens, budget - 2 - body.count))
            body += tokenizer.encode(text, allowSpecial: false).prefix(room)
            body = Array(body.prefix(max(1, budget - 2)))
        }
        return [open].compactMap { $0 } + body + [close].compactMap { $0 }
    }
}
