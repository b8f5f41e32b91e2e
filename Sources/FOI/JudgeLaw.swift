/// The judge's legal checks: the sections and figures a letter quotes, and the requester's name that a
/// valid request must give (FOIA s.8(1)(b); FOISA s.8(1)(b)).
extension JudgeRules {
    /// The section numbers of the advice-and-assistance duty and the "manifestly unreasonable" exception,
    /// by regime: defined once here and read by the composer's cost clauses' tests.
    public static func adviseAndAssistSection(scottish: Bool) -> Int { (scottish ? Law.foisa2002 : .foia2000).adviceSection ?? 16 }
    public static func manifestlyUnreasonable(scottish: Bool) -> String { scottish ? "10(4)(b)" : "12(4)(b)" }

    static func law(_ ctx: LetterContext, jurisdiction j: Jurisdiction, profile: BodyProfile) -> Outcome {
        let scottish = j.general == .foisa2002
        let whole = " " + ctx.text.lowercased().replacing("\n", with: " ")
        for wrong in misnamedLaws where whole.has(wrong) { return (false, "cites “\(wrong.trimmingSpaces)”, a law that does not exist") }
        for s in ctx.sentences {
            let l = s.lowercased()
            let w = TextTools.words(s)
            if l.has("advise and assist") || l.has("advice and assistance") {
                for i in w.indices.dropLast() where w[i] == "section" {
                    guard let n = Int(w[i + 1]), n == 15 || n == 16 else { continue }
                    let right = adviseAndAssistSection(scottish: scottish)
                    if n != right { return (false, "cites section \(n) for the duty to advise and assist; under \(scottish ? "FOISA" : "FOIA") it is section \(right)") }
                }
            }
            let wrongReg = manifestlyUnreasonable(scottish: !scottish)
            if l.has(wrongReg) {
                return (false, "cites regulation \(wrongReg), which is the \(scottish ? "EIR's" : "EISR's"); \(scottish ? "the EISR's" : "the EIR's") is \(manifestlyUnreasonable(scottish: scottish))")
            }
            let costTalk = l.has("limit") || l.has("section 12") || l.has("cost")
            for figure in [450, 600] where costTalk && l.has("£\(figure)") {
                if j.allEnvironmental {
                    return (false, "gives a £\(figure) cost limit, but the \(j.environmentalLaw.shortForm) have no cost limit")
                }
                let expected = profile.costLimit(under: j.general)
                if let e = expected, e != figure {
                    return (false, "gives the cost limit as £\(figure); for this body it is £\(e)")
                }
            }
            if j.allEnvironmental, l.has("section 12") {
                return (false, "cites the section 12 cost limit, but the request falls under the \(j.environmentalLaw.shortForm), which have none")
            }
        }
        return (true, "sections and figures right for \(j.laws.map(\.shortForm).joined(separator: " and "))")
    }

    /// Placeholders the product fills with the requester's name (`--requester`).
    static let namePlaceholders = ["[your name]", "[name]", "[full name]", "[requester's name]", "[requester’s name]"]

    /// A name line: a placeholder, or one to five capitalised words ("Priya Raman", "J. O'Neill").
    static func isNameLine(_ line: String) -> Bool {
        let l = line.lowercased().trimmingSpaces
        if namePlaceholders.contains(l) { return true }
        let words = line.split(separator: " ")
        guard (1...5).contains(words.count), !isCloseLine(line), !line.hasSuffix(":"), !line.hasSuffix("?") else { return false }
        return words.allSatisfy { w in
            guard let f = w.first, f.isUppercase else { return ["de", "van", "von", "da", "le", "la", "ap", "ni", "nic", "mac"].contains(w.lowercased()) }
            return w.allSatisfy { $0.isLetter || "-'’.".contains($0) }
        }
    }

    static func signed(_ ctx: LetterContext) -> Outcome {
        guard let c = ctx.closeIndex else {
            // A name alone under the last sentence is a signature too.
            if ctx.lines.count >= 2, let last = ctx.lines.last, isNameLine(last), let end = ctx.lines[ctx.lines.count - 2].last,
               ".?!".contains(end) {
                return (true, "signed “\(last)”")
            }
            return (false, "no sign-off, so no name: a request must give the requester's name")
        }
        let close = ctx.lines[c]
        // "Thanks, Amira" on one line.
        if let comma = close.firstIndex(of: ","), isNameLine(String(close[close.index(after: comma)...]).trimmingSpaces) {
            return (true, "signed “\(close)”")
        }
        if let name = ctx.lines[(c + 1)...].first(where: isNameLine) { return (true, "signed “\(name)”") }
        return (false, "no name after “\(close)”: a request must give the requester's name")
    }

    /// Nicety: the letter cites the law(s) it falls under. A request need not cite any; citing the wrong
    /// one is the legislation check's defect.
    static func citation(_ ctx: LetterContext, jurisdiction j: Jurisdiction) -> Outcome {
        let cited = ctx.cited
        var required: [Law] = j.allEnvironmental ? [j.environmentalLaw] : [j.general]
        if !j.allEnvironmental, j.topics.contains(where: { $0.environmental && $0.sure }) { required.append(j.environmentalLaw) }
        let missing = required.filter { !cited.contains($0) }
        if missing.isEmpty { return (true, "cites \(cited.map(\.shortForm).joined(separator: " and "))") }
        return (false, "does not cite \(missing.map(\.fullTitle).joined(separator: " or "))")
    }

    /// Titles of laws that do not exist, as a model splices them ("Freedom of Information (Scotland) Regulations 2002").
    static let misnamedLaws = [
        "freedom of information (scotland) regulations", "freedom of information regulations",
        "environmental information (scotland) act", "environmental information act",
        "freedom of information act 2002", "freedom of information (scotland) act 2000",
        "environmental information regulations 2002", " information (scotland) regulations 2002",
        // The Act's title without "Act" (three of sft27's 600 own letters, session 24).
        "freedom of information (scotland) 2000", "freedom of information (scotland) 2002", "freedom of information 2000",
    ]
}
