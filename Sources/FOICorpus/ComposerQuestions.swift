import FOI

/// Parts of the composer's lists that are not about one topic.
/// The topic questions themselves are `QuestionBanks`.
enum QuestionBank {
    /// Generic follow-ups that need no keyword (used sparingly).
    static let followUps = [
        "the name or job title of the officer responsible for this area",
        "where any of the above is already published, a link to the published figures",
        "an explanation of how the figures above are recorded, if they are estimates",
    ]
}
