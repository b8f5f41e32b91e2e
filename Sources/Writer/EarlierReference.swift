import Foundation

/// A follow-up opening names the earlier request's reference ("following your response to my request 43382"). The
/// model learnt the composer's made-up numbers, and a person who sent the letter as written would point the officer
/// at a request that is not theirs (sft14's product letter to Notre Dame Catholic Sixth Form College, session 20).
/// Product letters carry a placeholder there instead, for the person to fill in, as they do for the name.
enum EarlierReference {
    static let placeholder = "[your earlier request's reference]"

    /// The composer's reference forms ("FOI-2024-1234", "43382") after the words its openings put before them.
    static let pattern = try! NSRegularExpression(pattern: #"(my request |reference )(FOI-\d{4}-\d+|\d{4,6})\b"#)

    static func withPlaceholder(_ letter: String) -> String {
        pattern.stringByReplacingMatches(in: letter, range: NSRange(letter.startIndex..., in: letter),
                                         withTemplate: "$1" + NSRegularExpression.escapedTemplate(for: placeholder))
    }
}
