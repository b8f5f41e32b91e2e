import FOI
import Foundation
import Tokenizer
import Training

/// What of a person's letter the adapter learns from, and the keywords its training prompt lists (issue 27).
///
/// The frame weights are an option (`HistoryFineTuneOptions.frameOnly`), not the default: the idea was that
/// the frame (greeting, opening, period, list markers, format, close) is the person's style and the questions
/// are the topic's, for the base to write. Measured on the handwritten history, the base knows no questions to
/// follow the person's "could you tell me:\n-" and wrote its definition lines there instead.
public enum HistoryFrame {
    /// The keywords the training prompt lists for a letter: each of the person's keywords as the letter writes
    /// it. A prompt that lists a keyword its letter never names teaches the adapter that a keyword may be left
    /// out (16 of the 52 handwritten letters had one, e.g. "tree felling" for "how many street trees you
    /// felled", and 19 of 70 plain adapter letters then left a keyword out). So a keyword the letter names in
    /// another inflection ("highway inspection" for "highway inspections") is listed as the letter writes it,
    /// one it does not name is dropped, and a letter left with none lists the store's keywords it names word for
    /// word (at most `limit`, longest first), or none: such a letter still trains the frame.
    public static func promptKeywords(_ keywords: [String], body: String, known: [Keyword], limit: Int = 2) -> [String] {
        var out: [String] = []
        for k in keywords {
            if let w = names(k, in: body) ?? ownWording(of: k, in: body), !out.contains(w) { out.append(w) }
        }
        guard out.isEmpty else { return out }
        let candidates = known.map(\.text).filter { $0.count >= 4 && names($0, in: body) != nil }
            .sorted { ($0.count, $1) > ($1.count, $0) }
        for k in candidates where out.count < limit {
            // "repairs" inside "pothole repairs" is the longer one's.
            if out.contains(where: { $0.lowercased().contains(k.lowercased()) }) { continue }
            out.append(k)
        }
        return out
    }

    /// `k` if the letter writes it word for word, as `NameSlots` would slot it (capitalised, or with a plural "s").
    static func names(_ k: String, in body: String) -> String? {
        NameSlots(authority: "", keywords: [k]).delexicalise(body) != body ? k : nil
    }

    /// The letter's own words for `k`: consecutive words of one line with the same stems, in order.
    static func ownWording(of k: String, in body: String) -> String? {
        let want = k.split(separator: " ").map { TextTools.stem(String($0).lowercased()) }
        guard !want.isEmpty else { return nil }
        for line in body.split(separator: "\n") {
            let s = String(line)
            guard let re = try? NSRegularExpression(pattern: #"[\p{L}\p{N}][\p{L}\p{N}'’-]*"#) else { return nil }
            let ws = re.matches(in: s, range: NSRange(s.startIndex..., in: s)).compactMap { Range($0.range, in: s) }
            guard ws.count >= want.count else { continue }
            for i in 0...(ws.count - want.count)
            where (0..<want.count).allSatisfy({ TextTools.stem(s[ws[i + $0]].lowercased()) == want[$0] }) {
                return String(s[ws[i].lowerBound..<ws[i + want.count - 1].upperBound])
            }
        }
        return nil
    }

    /// Loss weights for a letter's completion tokens: 0 on the text of its list items after the marker ("- ",
    /// "1. "), 1 elsewhere. The marker, the line break and everything around the list still train, so the
    /// adapter learns how the person numbers and frames a list while the base writes the questions.
    public static func frameWeights(_ completion: [Int], tokenizer: BPETokenizer) -> [Float] {
        var offsets: [Int] = [], bytes: [UInt8] = []
        for t in completion {
            offsets.append(bytes.count)
            bytes += tokenizer.decodeBytes([t])
        }
        // Byte ranges of item text: from just after a list line's marker to the end of that line.
        var item = [Bool](repeating: false, count: bytes.count)
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            let line = String(decoding: bytes[start..<end], as: UTF8.self)
            if let text = JudgeRules.stripMarker(line), !text.isEmpty {
                // The marker is the line less its text and the space before it.
                let from = end - text.utf8.count - 1
                for i in max(start, from)..<end { item[i] = true }
            }
            start = end + 1
        }
        return completion.indices.map { i in
            let lo = offsets[i], hi = i + 1 < offsets.count ? offsets[i + 1] : bytes.count
            return hi > lo && (lo..<hi).allSatisfy { item[$0] } ? 0 : 1
        }
    }

    /// The examples with the frame weights on their completions.
    public static func framed(_ examples: [Example], tokenizer: BPETokenizer) -> [Example] {
        examples.map { e in
            var x = e
            x.weights = frameWeights(e.completion, tokenizer: tokenizer)
            return x
        }
    }
}
