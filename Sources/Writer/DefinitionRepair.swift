import FOI
import Foundation

/// Drops the definition lines the judge would fail, a stock definition under the wrong term ("“the period”
/// includes emails, spreadsheets…") or a definition of something the request is not about (the authority's
/// own name), and the "Some definitions:" line above them when none is left. A definition is optional in a
/// request, so the letter loses nothing a person needs. Of 600 best-of-8 letters from the v2 model, 14 of
/// the 16 invalid ones failed on such a line and nothing else, in the "detailed" style.
/// Product decoding only, like the copy guard: the model's own letters (`--unguarded`) are measured as written.
enum DefinitionRepair {
    static func repair(_ letter: String, keywords: [String]) -> String {
        var lines = letter.components(separatedBy: "\n")
        let kws = Set(keywords.map { TextTools.words($0).joined(separator: " ") })
        // Definition lines only: an item the judge fails is not the repair's to drop.
        let bad = lines.indices.filter {
            isDefinitionLine(lines[$0])
                && (JudgeRules.misplacedDefinition(in: lines[$0]) != nil || JudgeRules.definedOther(in: lines[$0], keywords: kws) != nil)
        }
        guard !bad.isEmpty else { return letter }
        for i in bad.reversed() {
            lines.remove(at: i)
            // The block's lead-in ("To avoid any doubt, I use the following definitions:") with no definition left
            // under it, and the blank line that separated the block.
            let above = i - 1
            let nextIsDefinition = i < lines.count && isDefinitionLine(lines[i])
            if above >= 0, lines[above].hasSuffix(":"), !nextIsDefinition {
                lines.remove(at: above)
                if above < lines.count, lines[above].trimmingCharacters(in: .whitespaces).isEmpty,
                   above > 0, lines[above - 1].trimmingCharacters(in: .whitespaces).isEmpty {
                    lines.remove(at: above)
                }
            }
        }
        // The block's last definition ends the list: "…database records;" becomes "…database records.".
        for i in lines.indices where isDefinitionLine(lines[i]) && lines[i].hasSuffix(";")
            && (i + 1 == lines.count || !isDefinitionLine(lines[i + 1])) {
            lines[i].removeLast()
            lines[i] += "."
        }
        return lines.joined(separator: "\n")
    }

    /// A line of a definitions block: a bullet that puts a term in quotation marks.
    static func isDefinitionLine(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        return (t.hasPrefix("- ") || t.hasPrefix("• ")) && (t.contains("“") || t.contains("\""))
    }
}
