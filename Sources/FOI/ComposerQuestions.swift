/// Parts of the composer's lists that are not about one topic: follow-ups and kinds of document.
/// The topic questions themselves are `QuestionBanks`.
enum QuestionBank {
    /// Generic follow-ups that need no keyword (used sparingly).
    static let followUps = [
        "the name or job title of the officer responsible for this area",
        "where any of the above is already published, a link to the published figures",
        "an explanation of how the figures above are recorded, if they are estimates",
    ]

    /// Documents style: kinds of document.
    static let documents = [
        "the current policy on {K}, with the date it was adopted",
        "any procedure notes or staff guidance on {K}",
        "any reports on {K} presented to senior managers or to the board or committee responsible {T}",
        "the minutes of meetings at which decisions about {K} were taken {T}",
        "any business case, options appraisal or feasibility study concerning {K}",
        "any contract or service specification for {K} currently in force",
        "any equality, privacy or environmental impact assessment relating to {K}",
        "any internal audit report that covers {K}",
        "any risk register entries relating to {K}",
        "any action plan or strategy document addressing {K}",
        "any correspondence with regulators about {K} since {D}",
        "any training materials given to staff on {K}",
    ]
}
