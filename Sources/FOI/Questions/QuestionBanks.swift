/// The specialist questions of every keyword theme (`Questions0…4.swift`), and the safe generic ones for
/// keywords we have no theme for. Read by the composer; the judge's tests check what they may ask.
public enum QuestionBanks {
    /// Every theme's questions, by theme name.
    public static let themes: [String: ThemeQuestions] = {
        var out: [String: ThemeQuestions] = [:]
        for t in group0 + group1 + group2 + group3 + group4 { out[t.theme] = t }
        return out
    }()

    /// Keyword-specific questions, by lower-cased keyword text.
    static let byKeyword: [String: [TopicQuestion]] = {
        var out: [String: [TopicQuestion]] = [:]
        for t in themes.values { for (k, qs) in t.keywords { out[k.lowercased()] = qs } }
        return out
    }()

    /// Questions that make sense for any topic a person might type: spending, contracts, policy, complaints,
    /// staffing, decisions and reviews. No counts of "cases of {K}": a topic need not be something counted.
    public static let generic: [TopicQuestion] = [
        .n("the total amount spent on {K} {T}, including staff and contractor costs"),
        .n("the budget set for {K} and the actual spend against it {T}"),
        .d("details of any contracts for {K} in force {T}, with the supplier, start and end dates and value"),
        .d("a copy of {ORG}'s current policy or procedure on {K}, with the date it was last reviewed"),
        .d("any internal guidance given to staff on {K}"),
        .n("the number of complaints received about {K} {T}, and how many were upheld"),
        .n("the number of full-time equivalent staff who work on {K}"),
        .d("the minutes of any meetings of senior managers or a committee that discussed {K} {T}"),
        .d("any internal audit or external review reports on {K} completed {T}"),
        .d("any risk assessment covering {K} that is currently in force"),
        .d("any briefing notes on {K} prepared for senior officers or board members {T}"),
        .d("any equality impact assessment carried out for decisions on {K}"),
        // Figures for a sum paid and for things that happen (KeywordNature.onlyFrames keeps them to those).
        .n("the total amount of {K} {T}"),
        .n("the number of reports of {K} received {T}"),
        // A measure's own figure, for a table's column: "the college's own figures for staff turnover".
        .n("{ORG}'s own figures for {K} {T}"),
    ]

    /// The questions for a keyword: its own first, then its theme's, else the generic ones; the shared ones
    /// only where their frame suits what the keyword names (no "staff who work on cancer waiting times").
    public static func questions(for keyword: Keyword) -> [TopicQuestion] {
        let own = byKeyword[keyword.text.lowercased()] ?? []
        if let theme = themes[keyword.theme] { return own + suited(theme.general, to: keyword) }
        return own.isEmpty ? suited(generic, to: keyword) : own
    }

    /// The shared questions whose frame suits the keyword's nature.
    public static func suited(_ qs: [TopicQuestion], to keyword: Keyword) -> [TopicQuestion] {
        let nature = KeywordNature(keyword.text)
        return qs.filter { nature.suits($0.text) }
    }
}
