import FOI

/// The body's own nation where the letter says where the person looks: the model writes "an accurate picture of
/// second homes premium in England" to Gwynedd Council, for it cannot tell a Welsh name from an English one (5 of
/// sft38's 9 invalid product letters, session 28). The judge fails the wrong nation (`JudgeRules.otherNation`);
/// product decoding puts the right one in, as `NameArticle` does the article. A UK-wide body's topic is set in the UK,
/// as the composer writes it: sft42 wrote "in England" in all 14 of its letters to UK-wide bodies that placed the topic
/// ("call waiting times in England" to HMRC), which the judge lets pass as a narrower scope but no composer letter says.
/// Own letters are kept for training in this form, so the model learns the `{place}` slot for them too.
enum NationRepair {
    static func repair(_ letter: String, authority: Authority) -> String {
        var out = letter
        for nation in Nation.allCases where nation != authority.nation && nation != .uk {
            for f in NameSlots.placeFrames {
                out = out.replacingOccurrences(of: f.before + nation.rawValue + f.after, with: f.before + authority.nation.place + f.after)
            }
        }
        return out
    }
}
