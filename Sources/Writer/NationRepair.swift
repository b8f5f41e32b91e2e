import FOI

/// The body's own nation where the letter says where the person looks: the model writes "an accurate picture of
/// second homes premium in England" to Gwynedd Council, for it cannot tell a Welsh name from an English one (5 of
/// sft38's 9 invalid product letters, session 28). The judge fails the wrong nation (`JudgeRules.otherNation`);
/// product decoding puts the right one in, as `NameArticle` does the article.
enum NationRepair {
    static func repair(_ letter: String, authority: Authority) -> String {
        guard authority.nation != .uk else { return letter }
        var out = letter
        for nation in Nation.allCases where nation != authority.nation && nation != .uk {
            for f in JudgeRules.placeFrames {
                out = out.replacingOccurrences(of: f.before + nation.rawValue + f.after, with: f.before + authority.nation.rawValue + f.after)
            }
        }
        return out
    }
}
