import FOI

/// A request of one item worded as one of several parts: "please answer as many parts as you can and suggest how I
/// might narrow the others" under a single item (63 of sft14's 600 product letters, session 21). The model learnt
/// the composer's sentences for lists; product letters say the same for one item (`Phrases.oneItemWordings`), as the
/// composer now does. Product decoding only: the model's own letters are measured as written.
enum OneItemWording {
    static func repair(_ letter: String) -> String {
        guard Phrases.oneItemWordings.contains(where: { letter.contains($0.several) }), JudgeRules.itemCount(letter) == 1 else { return letter }
        var out = letter
        for w in Phrases.oneItemWordings { out = out.replacingOccurrences(of: w.several, with: w.one) }
        return out
    }
}
