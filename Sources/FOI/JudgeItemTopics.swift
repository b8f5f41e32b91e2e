import Foundation

/// An item about a topic the request never names: "the job title of the officer responsible for the department's
/// approach to the menopause" in a letter to the Crown Prosecution Service about rape case charging times (the
/// shipped model's product letter, session 29; one in sft39's 600 eval product letters, to an NHS trust about referral
/// to treatment times). Read where an item names the body's own approach or work on something ("the trust's approach
/// to", "your organisation's work relating to"): what follows must name a keyword, point back ("those cases", "it"),
/// or be a thing the letter spoke of above the item. Only there: people's items about things of their own ("about
/// funding for coastal protection", "about the evaluation of bids") are fair, and 8 of 150 handwritten letters have an
/// item that names no keyword; read after any "about" or "relating to", 3 of them failed.
extension JudgeRules {
    /// The words after the body's possessive that say what its work is about, the topic after them.
    package static let topicLeads = ["approach to", "work relating to", "work on", "work in relation to", "handling of"]

    /// Where the topic ends: a period, a follow-on ("with their findings"), a second clause.
    static let topicEnds: Set<String> = ["in", "since", "over", "during", "completed", "produced", "with", "and", "from",
                                         "between", "for", "presented", "received", "held", "made", "including"]

    /// Words that point back to something named before.
    static let pointers: Set<String> = ["those", "these", "this", "that", "such", "them", "it", "above", "same", "there",
                                        "they", "their", "its", "each"]

    /// Words of a topic that say nothing of what it is: articles, the body's own nouns, "approach", "work".
    static let emptyTopicWords: Set<String> = ["the", "a", "an", "of", "to", "on", "your", "organisation", "approach", "work",
                                               "handling", "management", "any", "all", "or", "by"]

    /// The first item whose topic names no keyword, points back to nothing and was not spoken of above it.
    static func itemOnAnotherTopic(_ ctx: LetterContext, keywords: [String], authority: String, profile: BodyProfile) -> Outcome? {
        let keywordStems = Set(keywords.flatMap(TextTools.words).map(TextTools.stem))
        let bodyWords = Set(TextTools.words(authority + " " + profile.reference)).union(emptyTopicWords)
        for (n, line) in ctx.bodyLines.enumerated() {
            for item in listItems([line]) where !(item.first.map { "“\"'".contains($0) } ?? false) {
                guard let topic = topicAfterLead(item), !topic.contains(where: pointers.contains) else { continue }
                let stems = topic.filter { !bodyWords.contains($0) && Int($0) == nil }.map(TextTools.stem)
                guard !stems.isEmpty, !stems.contains(where: keywordStems.contains) else { continue }
                // Spoken of above the item: the letter's lines before this one.
                let above = Set(ctx.bodyLines.prefix(n).flatMap(TextTools.words).map(TextTools.stem))
                if stems.contains(where: above.contains) { continue }
                return (false, "an item asks about “\(topic.joined(separator: " "))”, which the request never names")
            }
        }
        return nil
    }

    /// The words after the body's own topic lead in `item` (after "'s", "’s", "its" or "their"), up to where the topic
    /// ends (at most six). Read in the text: words drop the possessive.
    static func topicAfterLead(_ item: String) -> [String]? {
        let text = item.lowercased().replacingOccurrences(of: "’", with: "'")
        for lead in topicLeads {
            for owner in ["'s ", "its ", "their "] {
                guard let r = text.range(of: owner + lead + " ") else { continue }
                let topic = Array(TextTools.words(String(text[r.upperBound...])).prefix { !topicEnds.contains($0) }.prefix(6))
                if !topic.isEmpty { return topic }
            }
        }
        return nil
    }
}
