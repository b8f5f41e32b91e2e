import Foundation

/// A sentence of the phrase banks begun and then broken off: "I am trying to build an accurate picture of stop and
/// search in £450, and I would like to see …", "I am trying to build an accurate relation to agency nurse spending"
/// (sft43's product letters for our own prompts, session 30, every one judged 100: the slot guard had pushed the
/// model off its sentence). A person's sentence that opens with six of a stock sentence's words and goes its own way
/// is no copy of ours, so only openings of seven words are read ("I am trying to build an accurate …"), and the
/// rest must then follow the bank's sentence, its topic and place aside.
extension JudgeRules {
    /// Each stock context or background sentence that names a topic: (its first seven words, the whole as a pattern).
    static let stockSentences: [(opening: String, pattern: NSRegularExpression)] = {
        let places = Nation.allCases.map { NSRegularExpression.escapedPattern(for: $0.place.lowercased()) }.joined(separator: "|")
        var out: [(String, NSRegularExpression)] = []
        for text in Phrases.contexts + Phrases.backgrounds {
            for sentence in text.components(separatedBy: ". ") where sentence.contains("{") {
                let lower = sentence.lowercased()
                guard let open = lower.range(of: "{") else { continue }
                let opening = TextTools.words(String(lower[..<open.lowerBound]))
                guard opening.count >= openingLength else { continue }
                var pattern = "", rest = Substring(lower)
                while let o = rest.range(of: "{"), let c = rest[o.upperBound...].range(of: "}") {
                    pattern += NSRegularExpression.escapedPattern(for: String(rest[..<o.lowerBound]))
                    pattern += rest[o.upperBound..<c.lowerBound] == "place" ? "(?:\(places))" : ".{1,90}?"
                    rest = rest[c.upperBound...]
                }
                pattern += NSRegularExpression.escapedPattern(for: String(rest).trimmingCharacters(in: CharacterSet(charactersIn: ".")))
                if let re = try? NSRegularExpression(pattern: "^" + pattern) {
                    out.append((opening.prefix(openingLength).joined(separator: " "), re))
                }
            }
        }
        return out
    }()

    static let openingLength = 7

    /// The first sentence that opens as a stock sentence does and does not go on as it does.
    static func brokenStockSentence(_ ctx: LetterContext) -> Outcome? {
        for line in ctx.bodyLines {
            let lower = line.lowercased().replacingOccurrences(of: "’", with: "'")
            for sentence in lower.components(separatedBy: ". ") {
                let opening = TextTools.words(sentence).prefix(openingLength).joined(separator: " ")
                for stock in stockSentences where stock.opening == opening {
                    let range = NSRange(sentence.startIndex..., in: sentence)
                    if stock.pattern.firstMatch(in: sentence, range: range) == nil {
                        return (false, "a stock sentence broken off: “\(sentence.prefix(90))”")
                    }
                }
            }
        }
        return nil
    }
}
