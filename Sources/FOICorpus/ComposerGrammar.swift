import FOI

/// The composer's small grammar: articles before authorities' names (a keyword's is `KeywordArticle`'s), and wording that depends on the
/// nation (only a devolved nation has a devolved government to write to).
extension LetterBuilder {
    /// Last words of keywords that are not the body's own, though the body deals with them: arrears are owed to
    /// the council and eligibility is the family's, so no "the council's business rates arrears" (which reads as
    /// rates the council owes) or "the department's free school meals eligibility".
    static let notTheBodys: Set<String> = ["arrears", "eligibility", "overpayments"]

    /// "Central or devolved government" means something only where there is a devolved one to write to.
    static func devolved(_ s: String, nation: Nation) -> String {
        guard s.contains("devolved") || s.contains("Scottish Information Commissioner") else { return s }
        let (government, members): (String, String) = switch nation {
        case .wales: ("the UK or Welsh Government", "Members of the Senedd")
        case .scotland: ("the UK or Scottish Government", "MSPs")
        case .northernIreland: ("the UK Government or the Northern Ireland Executive", "MLAs")
        case .england, .uk: ("central government", "")
        }
        var out = s
        out = out.replacingOccurrences(of: "central or devolved government departments", with: government + " departments")
        out = out.replacingOccurrences(of: "central or devolved government", with: government)
        out = out.replacingOccurrences(of: "MPs or members of devolved parliaments", with: members.isEmpty ? "MPs" : "MPs or " + members)
        // Complaints about a Scottish body go to the Scottish Information Commissioner, the rest to the ICO.
        out = out.replacingOccurrences(of: "the Information Commissioner or the Scottish Information Commissioner",
                                       with: nation == .scotland ? "the Scottish Information Commissioner" : "the Information Commissioner")
        return out
    }

    /// The runs of `n` words of a text (for keeping a long phrase from repeating).
    static func grams(_ w: [String], n: Int) -> Set<String> {
        guard w.count >= n else { return [] }
        return Set((0...(w.count - n)).map { w[$0..<($0 + n)].joined(separator: " ") })
    }

    /// "… completed {T}" without its participle: with no period to refer back to, "completed" alone dangles
    /// ("any reviews of X completed;"). Nil when the text does not end so.
    static func withoutPeriodParticiple(_ template: String, subject: String? = nil) -> String? {
        guard template.hasSuffix("{T}") else { return nil }
        var words = template.dropLast(3).split(separator: " ")
        guard let last = words.last, ["completed", "produced", "out", "made", "prepared", "commissioned", "undertaken",
                                      "conducted", "issued"].contains(last) else { return nil }
        if last == "out" { words.removeLast() }
        words.removeLast()
        // "work {ORG} commissioned": the participle is the clause's verb, and the clause needs it.
        if let w = words.last, w == "{ORG}" || (subject.map { w == $0 } ?? false) { return nil }
        return words.joined(separator: " ") + " {T}"
    }

    static func capitalised(_ s: String) -> String {
        guard let f = s.first else { return s }
        return f.uppercased() + s.dropFirst()
    }
}
