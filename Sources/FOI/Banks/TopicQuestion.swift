/// A question a specialist in a topic would ask, written as a noun phrase that completes
/// "Please provide …" ("the number of potholes reported by members of the public {T}").
///
/// Placeholders: `{K}` the keyword as the prompt spells it, `{T}` a back-reference to the letter's
/// period ("in each financial year", "over that period"; may be empty), `{ORG}` how the letter refers
/// to the body ("the council", "the trust", "your organisation").
public struct TopicQuestion: Sendable, Equatable {
    public let text: String
    /// The answer is a figure, so the question can be a column of a table by year.
    public let numeric: Bool

    package init(text: String, numeric: Bool) {
        self.text = text
        self.numeric = numeric
    }

    /// A request for documents ("a copy of…", "the minutes of…"): what the documents style lists.
    public var asksForDocument: Bool {
        !numeric && ["a copy", "copies", "any ", "the minutes", "the papers", "the current", "the most recent", "the latest",
                     "the terms of reference", "the business case", "the report", "the agenda", "the register",
                     "the policy", "the guidance", "the strategy", "the plan", "the contract", "the data protection"]
            .contains(where: text.hasPrefix)
    }

    /// A figure that adds up over time (counts, sums), so a row per month or quarter means something; not a
    /// budget, a headcount, a rate or a salary band, which are one figure for the year.
    public var isFlow: Bool {
        numeric && !isSnapshot && !["full-time equivalent", "budget", "percentage", "average", "salary", "salaries", " rate", "ratio",
                     "currently", "current ", "at the end of", "at each", "vacant", "headcount", "number of staff",
                     "number of members", "longest", "median", "as at", "proportion", "quartile", "the figures",
                     // Levels and allocations are set once a year: "reserves" or "emissions" by quarter reads as a misreading.
                     "reserves", "prudent", "emissions", "allocated", "own figures",
                     // Pay bands are a year's figure: "employees paid £100,000 or more, in bands" for each quarter.
                     "in bands", "paid £",
                     // What exists rather than what happens: licences in force, stations operated, desks available.
                     "in force", "operated by", "operates", "available", "employed to", "as a percentage", "accuracy", "volunteers",
                     "unused for",
                     // Homes connected to a heat network are a count of what exists (a row per month, seed 7070).
                     "connected to",
                     // An annual figure is one a year: "the annual insurance premiums paid" for each quarter (seed 4711).
                     "annual"].contains(where: { text.has($0) })
    }

    /// A figure of how things stand now (risks on the register, recommendations acted on), which has no value
    /// for each past year of a table.
    public var isSnapshot: Bool {
        // Risks added to or removed from a register are counted for each year, as any flow is (seed audit, session 15).
        if text.contains("added to or removed from") { return false }
        return ["risk register", "have been acted on", "as at ", "currently", "subscribers", "at the latest date", "most recent",
         // What is left to pay or still to come is one figure today, not one for each quarter.
         "remaining payments", "until they end", "due to expire", "outstanding at the end",
         // "How many remain outstanding" is asked of today, not of each quarter or year in a table's rows.
         "have been carried out", "remain outstanding", "remain unresolved", "remain open", "remain closed", "remains unspent", "remaining capacity",
         "still outstanding",
         // A forecast or an estimate to date is one figure ("the estimated cost of meeting the net zero targets, and
         // the funding identified so far" for each month, seed 7272; "the estimated cost of clearing the housing
         // repairs backlog" for each year, seed 2468).
         "so far", "the next ", "estimated cost of", "are still in place",
         // What is overdue is overdue now ("fire risk assessments … that are overdue for review" for each year, seed 3579).
         "overdue for"].contains(where: { text.has($0) })
    }

    /// A figure that comes with a list ("broken down by supplier", "and the subject of each"), which does not fit
    /// one cell of a table.
    public var isList: Bool {
        ["by supplier", "of each", "their outcome", "by broad subject", "listing", "names of", "name of", "the reasons",
         // A figure for each course is a list too (a row per month read "drop-out rates for each course").
         "for each course", "by year of study", "at each court",
         // Its own breakdown by month does not fit a row per year.
         "by month", "and month", "with each", "each of the", "each of {ORG}",
         // A figure for each zone, or a payment with its recipient's job title, is a list in one cell.
         "for each ", "with the job title",
         // A count with each one's age and hours is a list ("MRI scanners ... with their age" for each quarter, seed 8383).
         "with their age",
         // A count at each place is a list ("the number of taxi ranks and the number of spaces at each", seed 1357).
         "at each", "by site",
         // A sum for each councillor is a list too ("councillor expenses … broken down by member", seed 3579).
         "by member",
         // Each consultation's responses, or each practice's appointments, are a list in a year's cell (session 16 reading).
         "each received", "by practice", "by procurement route", "from each", "each pay quartile", "by scheme", "how this is",
         // Each contract's payments, each band's headcount and each measure's result are lists too (session 16).
         "by contract", "in bands", "any performance measures", "by specialty", "salary bands", "most often relied on", "by level and", "by firm", "by pay grade", "by the ten", "by reason for leaving",
         // A top ten is a list of names ("the ten medicines with the highest prescribing costs" for each quarter, seed 4243).
         "the ten ", "the five ",
         // Anything "each" is many figures ("the percentage of hours each appliance was crewed" in a year's cell, seed 5354),
         // as is a breakdown by places, bodies or campaigns that no table's columns could hold ("by campaign", seed 5354).
         // A breakdown into a few fixed kinds (by severity, by level of harm) still fits the columns of a row.
         " each ", "by campaign", "by framework", "by ward", "by hospital", "by provider", "by prison", "by route", "by operator",
         "by project", "by country", "by cemetery", "by building", "by station", "by funder", "by funding body", "by overflow",
         "by custody suite", "by hub", "by school street", "by street", "by theatre", "by faculty", "by department",
         "by directorate", "by location", "by flood event", "by receiving water", "by region", "by local authority area",
         "by nationality", "by language", "by therapeutic area", "by service", "by sport", "by subject", "by treatment",
         "by tumour site", "by grade", "by source", "by destination", "by merchant",
         // Each cardholder's limit is a list too ("staff holding corporate credit cards, with their spending limits", seed 7576).
         "spending limits"].contains(where: { text.has($0) })
    }

    /// A question answered with a figure.
    static func n(_ text: String) -> TopicQuestion { TopicQuestion(text: text, numeric: true) }
    /// A question answered with documents, names or a description.
    static func d(_ text: String) -> TopicQuestion { TopicQuestion(text: text, numeric: false) }
}

/// The questions for one keyword theme of `keywords/keywords.csv`.
public struct ThemeQuestions: Sendable {
    public let theme: String
    /// Questions that read right with any keyword of the theme in `{K}`.
    public let general: [TopicQuestion]
    /// Questions for one keyword (by its text), where the theme's general ones do not say enough.
    public let keywords: [String: [TopicQuestion]]
    /// By keyword, the starts of general questions that do not suit it (the bank's "-" rows).
    public let unsuited: [String: [String]]
}
