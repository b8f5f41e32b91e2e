import Foundation

/// A question written for one topic, asked of another of a different kind: "the number of menopause policy where
/// the deadline was extended because of complexity" (a subject access request's question), "the total credit card
/// spending … in kilowatt hours, split by electricity, gas and other fuels" (energy consumption's). The model's own
/// letters splice a keyword into another keyword's question; read in session 17, about half of the ungrounded
/// items in letters the judge passed were such. The banks are the reference: a run of words that only one
/// keyword's own questions hold belongs to that keyword.
enum JudgeTransplant {
    /// Words in a run: long enough to be a question's own wording, not a shared frame ("the number of").
    static let run = 6

    /// Runs of a keyword's own questions that no theme's general question and no generic question holds, with
    /// the keywords whose questions hold them.
    static let owners: [String: Set<String>] = {
        func runs(_ text: String) -> Set<String> {
            // Each stretch between placeholders on its own: a run does not cross the keyword or the period.
            var out: Set<String> = []
            let plain = text.replacingOccurrences(of: "{ORG}'s", with: "{ORG}")
            for part in plain.components(separatedBy: "{") {
                let stretch = part.split(separator: "}", maxSplits: 1).last.map(String.init) ?? part
                out.formUnion(TextTools.words(stretch).windows(run))
            }
            return out
        }
        let general = QuestionBanks.themes.values.flatMap(\.general) + QuestionBanks.generic
        var shared: Set<String> = []
        for q in general { shared.formUnion(runs(q.text)) }
        // A run must hold a word of its own: one no shared question uses and at most three keywords' questions do
        // ("deadline", "kilowatt"), not only common ones ("at the end of each year", read in handwritten letters).
        let sharedWords = Set(general.flatMap { TextTools.words($0.text) })
        var users: [String: Set<String>] = [:]
        for (k, qs) in QuestionBanks.byKeyword { for q in qs { for w in TextTools.words(q.text) { users[w, default: []].insert(k) } } }
        // Everyday words some question happens to hold alone are no one's ("the steps taken to reduce" them).
        let everyday: Set<String> = ["steps", "taken", "reduce", "reduced", "increase", "change", "changes"]
        let own = Set(users.filter { w, ks in w.count > 3 && !sharedWords.contains(w) && !everyday.contains(w) && ks.count <= 3 }.keys)
        var out: [String: Set<String>] = [:]
        for (k, qs) in QuestionBanks.byKeyword {
            for q in qs {
                for r in runs(q.text) where !shared.contains(r) && r.split(separator: " ").contains(where: { own.contains(String($0)) }) {
                    out[r, default: []].insert(k)
                }
            }
        }
        return out
    }()

    /// Each keyword's theme, by lower-cased keyword.
    static let themeOf = Dictionary(QuestionBanks.themes.values.flatMap { t in t.keywords.keys.map { ($0.lowercased(), t.theme) } },
                                    uniquingKeysWith: { a, _ in a })

    /// The first item that asks one keyword's question of another keyword of a different nature and theme, as a reason.
    static func check(items: [String], keywords: [Keyword]) -> String? {
        for item in items {
            let w = TextTools.words(item), text = " " + w.joined(separator: " ") + " "
            let named = keywords.filter { text.contains(" " + TextTools.words($0.text).joined(separator: " ") + " ") }
            guard !named.isEmpty else { continue }
            for r in w.windows(run) {
                guard let from = owners[r], !named.contains(where: { from.contains($0.text.lowercased()) }) else { continue }
                let natures = Set(from.map { KeywordNature($0) }), themes = Set(from.compactMap { themeOf[$0] })
                // Not flagged: a keyword of the same kind ("complaints … upheld in full or in part"), a neighbour in
                // the same theme ("framework agreements where the lowest-priced bid did not win"), a run with the
                // keyword's own words in it ("the number of sitting days allocated"), one its own questions hold.
                let runWords = Set(r.split(separator: " ").map(String.init))
                for k in named where !natures.contains(KeywordNature(k.text)) && !themes.contains(k.theme)
                    && runWords.isDisjoint(with: TextTools.words(k.text)) {
                    let own = QuestionBanks.questions(for: k).map { " " + TextTools.words($0.text).joined(separator: " ") + " " }
                    if own.contains(where: { $0.contains(" \(r) ") }) { continue }
                    return "“…\(r)…” is asked of “\(k.text)”, but was written for “\(from.sorted().first ?? "")”"
                }
            }
        }
        return nil
    }
}

extension Array where Element == String {
    /// The runs of `n` consecutive words, joined by spaces.
    func windows(_ n: Int) -> [String] {
        count < n ? [] : (0...(count - n)).map { self[$0..<($0 + n)].joined(separator: " ") }
    }
}
