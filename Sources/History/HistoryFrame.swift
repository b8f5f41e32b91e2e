import FOI
import Foundation

/// The keywords a history letter's training prompt lists (issue 27). Training only the frame, with no loss on
/// the list items' text, was tried and dropped (commit f03c5d6): the base knows no questions to follow the
/// person's "could you tell me:" and wrote its definition lines there instead.
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
}
