import Foundation

/// A letter read and labelled by a person: the judge's ground truth (`evalsets/judge/`).
public struct LabelledLetter: Codable, Sendable {
    public var id: String
    public var authority: String
    public var keywords: [String]
    public var letter: String
    /// For a body that is not in the store: its nation and a plain description of it.
    public var nation: String?
    public var category: String?
    /// The defects a reader found, by judge check id; nil or empty for a clean letter.
    public var defects: [String]?

    public var clean: Bool { (defects ?? []).isEmpty }
}

/// How far the judge agrees with people: on good letters written by hand (all should be valid) and on
/// the shipped model's letters, read and labelled (the defective ones should be invalid, each defect
/// found by its own check).
public struct JudgeCalibration: Codable, Sendable {
    public struct CheckAgreement: Codable, Sendable {
        public var check: String
        /// Letters the reader labelled with this defect and the judge failed on this check.
        public var truePositives = 0
        /// Letters the judge failed on this check that the reader did not label so.
        public var falsePositives = 0
        /// Letters labelled with this defect that passed this check.
        public var falseNegatives = 0
        public var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
        public var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
    }

    public var goodLetters = 0
    public var goodValid = 0
    public var defectiveLetters = 0
    public var defectiveInvalid = 0
    public var cleanModelLetters = 0
    public var cleanModelValid = 0
    public var checks: [CheckAgreement] = []
    /// Letters where the judge and the reader disagree on validity: id and the judge's failed defects.
    public var disagreements: [String] = []

    public var goodValidRate: Double { goodLetters == 0 ? 0 : Double(goodValid) / Double(goodLetters) }
    public var defectiveInvalidRate: Double { defectiveLetters == 0 ? 0 : Double(defectiveInvalid) / Double(defectiveLetters) }

    /// The authority a labelled letter was written to: from the store, or described by its row.
    public static func authority(of row: LabelledLetter, in judge: Judge) -> (Authority, BodyProfile?)? {
        if let a = judge.authority(named: row.authority) { return (a, nil) }
        guard let n = row.nation, let nation = Nation(rawValue: n) else { return nil }
        let category = row.category ?? ""
        let a = Authority(name: row.authority, shortName: "", group: "", category: category, nation: nation,
                          regime: nation == .scotland ? .foisa2002 : .foia2000)
        return (a, BodyProfile.described(category + " " + row.authority))
    }

    public static func measure(good: [LabelledLetter], labelled: [LabelledLetter], judge: Judge) throws -> JudgeCalibration {
        var c = JudgeCalibration()
        var agreement = Dictionary(uniqueKeysWithValues: JudgeCheck.allCases.filter(\.critical).map { ($0.rawValue, CheckAgreement(check: $0.rawValue)) })
        for (isGood, row) in good.map({ (true, $0) }) + labelled.map({ (false, $0) }) {
            guard let (a, profile) = authority(of: row, in: judge) else {
                throw CalibrationError.unknownAuthority(row.id, row.authority)
            }
            let r = judge.judge(letter: row.letter, authority: a, keywords: Keyword.resolve(row.keywords, known: judge.knownKeywords), profile: profile)
            let labels = Set(isGood ? [] : row.defects ?? [])
            for id in agreement.keys {
                let failed = r.check(JudgeCheck(rawValue: id)!)?.passed == false
                switch (failed, labels.contains(id)) {
                case (true, true): agreement[id]!.truePositives += 1
                case (true, false): agreement[id]!.falsePositives += 1
                case (false, true): agreement[id]!.falseNegatives += 1
                case (false, false): break
                }
            }
            let clean = isGood || labels.isEmpty
            if isGood { c.goodLetters += 1; if r.valid { c.goodValid += 1 } }
            else if clean { c.cleanModelLetters += 1; if r.valid { c.cleanModelValid += 1 } }
            else { c.defectiveLetters += 1; if !r.valid { c.defectiveInvalid += 1 } }
            if clean == !r.valid {
                let said = r.defects.map { "\($0.id): \($0.reason)" }.joined(separator: "; ")
                c.disagreements.append("\(row.id) \(clean ? "clean, judged invalid" : "labelled \(labels.sorted().joined(separator: ",")), judged valid") \(said)")
            }
        }
        c.checks = JudgeCheck.allCases.compactMap { agreement[$0.rawValue] }
        return c
    }

    /// The table `foibandit judge --calibrate` prints.
    public var report: String {
        func pct(_ x: Double) -> String { String(format: "%5.1f%%", 100 * x) }
        var lines = [
            "good letters valid:       \(goodValid)/\(goodLetters) (\(pct(goodValidRate)))",
            "defective letters invalid: \(defectiveInvalid)/\(defectiveLetters) (\(pct(defectiveInvalidRate)))",
            "clean model letters valid: \(cleanModelValid)/\(cleanModelLetters)",
            "",
            "check         labelled  found  false+  precision  recall",
        ]
        for a in checks {
            lines.append(a.check.padding(toLength: 14, withPad: " ", startingAt: 0)
                + String(format: "%8d %6d %7d   %@   %@", a.truePositives + a.falseNegatives, a.truePositives, a.falsePositives,
                         pct(a.precision), pct(a.recall)))
        }
        return lines.joined(separator: "\n")
    }

    public enum CalibrationError: Error, CustomStringConvertible {
        case unknownAuthority(String, String)
        public var description: String {
            switch self {
            case .unknownAuthority(let id, let name): "\(id): “\(name)” is not in the store and the row gives no nation"
            }
        }
    }

    public static func load(_ path: String) throws -> [LabelledLetter] {
        guard let d = FileManager.default.contents(atPath: path) else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        return try String(decoding: d, as: UTF8.self).split(separator: "\n").map {
            try JSONDecoder().decode(LabelledLetter.self, from: Data($0.utf8))
        }
    }
}
