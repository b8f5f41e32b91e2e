import FOI

/// Sentences worded for a list the letter does not have, repaired in product letters:
/// - a request of one item worded as one of several parts: "please answer as many parts as you can and suggest how I
///   might narrow the others" under a single item (63 of sft14's 600 product letters, session 21);
/// - a period "where figures are requested" above a list that asks for none (60 of the same 600, session 22).
/// The model learnt the composer's sentences for lists of figures; product letters say what suits their own list
/// (`Phrases.oneItemWordings`, `Phrases.noFigureWordings`), as the composer does. Product decoding only: the model's
/// own letters are measured as written.
public enum ListWording {
    static func repair(_ letter: String) -> String {
        var out = letter
        if Phrases.oneItemWordings.contains(where: { letter.contains($0.several) }), JudgeRules.itemCount(letter) == 1 {
            for w in Phrases.oneItemWordings { out = out.replacingOccurrences(of: w.several, with: w.one) }
        }
        if Phrases.noFigureWordings.contains(where: { out.contains($0.figures) }), !JudgeRules.asksForFigures(out) {
            for w in Phrases.noFigureWordings { out = out.replacingOccurrences(of: w.figures, with: w.none) }
        }
        return out
    }

    /// The letter with the period and cost sentences worded for any number of items: the model's own letters kept
    /// for self-training, which would otherwise teach the sentences over several items that it then writes over one.
    public static func countFree(_ letter: String) -> String {
        Phrases.oneItemWordings.reduce(letter) { $0.replacingOccurrences(of: $1.several, with: $1.one) }
    }
}
