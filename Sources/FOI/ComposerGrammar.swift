/// The composer's small grammar: articles before keywords that stand alone, and wording that depends on the
/// nation (only a devolved nation has a devolved government to write to).
extension LetterBuilder {
    /// Count nouns that a keyword ends in and that need "the" when the keyword stands alone.
    static let singularHeads: Set<String> = [
        "gap", "plan", "register", "scheme", "strategy", "policy", "programme", "budget", "fund", "review",
        "network", "zone", "levy", "framework", "list", "index", "system", "process", "portal", "project",
        "partnership", "agreement", "duty", "standard", "code", "charter", "pilot", "initiative", "campaign",
        "inquiry", "database", "app", "website", "helpline", "hub", "estate", "rate", "ratio", "target",
        "backlog", "deficit", "surplus", "ban", "cap", "deal", "model", "pathway", "trial", "premium", "contract",
        "board", "team", "service", "unit", "centre", "office", "test", "tool", "platform", "register",
    ]

    /// "the gender pay gap" for "gender pay gap"; nil when the keyword reads alone as it is ("pothole repairs",
    /// "air quality", "CCTV").
    static func withTopicArticle(_ k: String) -> String? {
        let lower = k.lowercased()
        guard let last = lower.split(separator: " ").last, singularHeads.contains(String(last)),
              !lower.hasPrefix("the "), !lower.hasPrefix("a "), k.first?.isLowercase == true else { return nil }
        return "the " + k
    }

    /// "Central or devolved government" means something only where there is a devolved one to write to.
    static func devolved(_ s: String, nation: Nation) -> String {
        guard s.contains("devolved") else { return s }
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
        return out
    }
}
