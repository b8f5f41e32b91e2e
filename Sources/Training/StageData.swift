import Foundation
import LM
import Tokenizer

/// Reading each stage's inputs into token form.
public enum StageData {
    /// Packed tokens for text inputs, cached in the run folder so a resume does not re-tokenise.
    public static func packed(_ files: [String], tokenizer: BPETokenizer, cache: URL,
                              report: @escaping (String) -> Void) throws -> [UInt16] {
        if let cached = try? TokenFile(contentsOf: cache), !cached.tokens.isEmpty { return cached.tokens }
        let urls = try files.map { try existing($0) }
        let began = Date()
        let tf = try TokenFile.encode(files: urls, tokenizer: tokenizer) { done, total in
            report("tokenising \(done)/\(total) files")
        }
        try FileManager.default.createDirectory(at: cache.deletingLastPathComponent(), withIntermediateDirectories: true)
        try tf.write(to: cache)
        report(String(format: "tokenised %d tokens in %.1fs", tf.tokens.count, Date().timeIntervalSince(began)))
        return tf.tokens
    }

    /// Prompt/letter pairs from JSON Lines (`{"prompt": ..., "letter": ...}`, or `"completion"` taken as is).
    /// The completion the model learns is the letter, a newline, and `<|endoftext|>`.
    public static func examples(_ files: [String], tokenizer: BPETokenizer) throws -> [Example] {
        try jsonLines(files) { (obj: [String: Any], where_: String) -> Example in
            guard let prompt = obj["prompt"] as? String else { throw TrainingError.badInput("\(where_): no \"prompt\"") }
            let completion: String
            if let c = obj["completion"] as? String { completion = c }
            else if let l = obj["letter"] as? String { completion = Self.completion(l) }
            else { throw TrainingError.badInput("\(where_): no \"letter\" or \"completion\"") }
            return Example(prompt: tokenizer.encode(prompt), completion: tokenizer.encode(completion))
        }
    }

    /// Preference pairs from JSON Lines (`{"prompt", "chosen", "rejected"}`, letters without the end token).
    public static func pairs(_ files: [String], tokenizer: BPETokenizer) throws -> [PreferencePair] {
        try jsonLines(files) { (obj: [String: Any], where_: String) -> PreferencePair in
            guard let p = obj["prompt"] as? String, let c = obj["chosen"] as? String, let r = obj["rejected"] as? String else {
                throw TrainingError.badInput("\(where_): a pair needs \"prompt\", \"chosen\" and \"rejected\"")
            }
            return PreferencePair(prompt: tokenizer.encode(p), chosen: tokenizer.encode(completion(c)),
                                  rejected: tokenizer.encode(completion(r)))
        }
    }

    /// The letter as the model writes it: trailing newlines folded to one, then the end token.
    public static func completion(_ letter: String) -> String {
        var l = letter
        while l.hasSuffix("\n") { l.removeLast() }
        return l + "\n" + BPETokenizer.endOfText
    }

    static func jsonLines<R>(_ files: [String], _ body: ([String: Any], String) throws -> R) throws -> [R] {
        var out: [R] = []
        for f in files {
            let url = try existing(f)
            guard let text = String(data: try Data(contentsOf: url), encoding: .utf8) else {
                throw TrainingError.badInput("\(f): not UTF-8")
            }
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
                guard let obj = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
                    throw TrainingError.badInput("\(f):\(i + 1): not a JSON object")
                }
                out.append(try body(obj, "\(f):\(i + 1)"))
            }
        }
        return out
    }

    static func existing(_ path: String) throws -> URL {
        guard FileManager.default.fileExists(atPath: path) else {
            throw TrainingError.badInput("\(path): no such file (build the corpora first: make corpus)")
        }
        return URL(fileURLWithPath: path)
    }
}
