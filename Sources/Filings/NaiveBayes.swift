import FilingsRead
import Foundation

/// Something that assigns a filing type to a document's text.
public protocol FilingClassifier: AnyObject {
    func classify(_ text: String) -> (type: FilingType, confidence: Double)
}

/// The bag-of-words baseline: multinomial naive Bayes over lowercased word unigrams and bigrams
/// (digits folded to "#"), Laplace smoothing. Ours, a few dozen lines.
public final class NaiveBayes: FilingClassifier, Codable {
    public var classCounts: [Int]
    public var wordCounts: [[String: Int]]   // per class
    public var totals: [Int]
    public var vocabulary: Int
    public var alpha: Double

    public init(alpha: Double = 1) {
        let k = FilingType.allCases.count
        classCounts = Array(repeating: 0, count: k); wordCounts = Array(repeating: [:], count: k)
        totals = Array(repeating: 0, count: k); vocabulary = 0; self.alpha = alpha
    }

    public static func features(_ text: String) -> [String] {
        var words: [String] = []
        var cur = ""
        for ch in text.lowercased() {
            if ch.isLetter { cur.append(ch) }
            else if ch.isNumber { if !cur.hasSuffix("#") { cur.append("#") } }
            else { if !cur.isEmpty { words.append(cur); cur = "" } }
        }
        if !cur.isEmpty { words.append(cur) }
        var f = words
        if words.count > 1 { for i in 1..<words.count { f.append(words[i - 1] + " " + words[i]) } }
        return f
    }

    public func train(_ examples: [(text: String, type: FilingType)]) {
        var vocab = Set<String>()
        for (text, t) in examples {
            let c = t.index
            classCounts[c] += 1
            for w in NaiveBayes.features(text) { wordCounts[c][w, default: 0] += 1; totals[c] += 1; vocab.insert(w) }
        }
        vocabulary = vocab.count
    }

    public func scores(_ text: String) -> [Double] {
        let feats = NaiveBayes.features(text)
        let n = Double(classCounts.reduce(0, +))
        return (0..<classCounts.count).map { c in
            guard classCounts[c] > 0 else { return -Double.infinity }
            var s = log(Double(classCounts[c]) / n)
            let denom = log(Double(totals[c]) + alpha * Double(vocabulary + 1))
            for w in feats { s += log(Double(wordCounts[c][w] ?? 0) + alpha) - denom }
            return s
        }
    }

    public func classify(_ text: String) -> (type: FilingType, confidence: Double) {
        let s = scores(text)
        let m = s.max() ?? 0
        let e = s.map { exp($0 - m) }, z = e.reduce(0, +)
        let i = s.firstIndex(of: m) ?? FilingType.other.index
        return (FilingType.from(index: i), e[i] / z)
    }
}

/// Accuracy and the confusion matrix (rows: true type, columns: predicted), in allCases order.
public struct ClassificationReport: Codable, Sendable {
    public var name: String
    public var accuracy: Double
    public var count: Int
    public var confusion: [[Int]]
    public var labels: [String]

    public init(name: String, truth: [FilingType], predicted: [FilingType]) {
        self.name = name
        let k = FilingType.allCases.count
        var m = Array(repeating: Array(repeating: 0, count: k), count: k)
        for (t, p) in zip(truth, predicted) { m[t.index][p.index] += 1 }
        confusion = m
        count = truth.count
        accuracy = truth.isEmpty ? 0 : Double(zip(truth, predicted).filter { $0 == $1 }.count) / Double(truth.count)
        labels = FilingType.allCases.map(\.rawValue)
    }

    /// A fixed-width table: one row per true type, columns abbreviated.
    public var table: String {
        // from the type, not a list by position: a list fell behind when dividend and nav came and the table trapped
        let abbrev = FilingType.allCases.map(Self.abbrev)
        var s = String(format: "%@: accuracy %.1f%% (%d held-out documents)\n", name, accuracy * 100, count)
        s += "true\\pred " + abbrev.map { $0.padding(toLength: 5, withPad: " ", startingAt: 0) }.joined() + "\n"
        for (i, row) in confusion.enumerated() {
            s += abbrev[i].padding(toLength: 10, withPad: " ", startingAt: 0)
            s += row.map { String($0).padding(toLength: 5, withPad: " ", startingAt: 0) }.joined() + "\n"
        }
        return s
    }

    /// A column heading; the switch makes a new type name its own.
    static func abbrev(_ t: FilingType) -> String {
        switch t {
        case .holdings: "HLD"
        case .pdmr: "PDMR"
        case .ownShares: "OWN"
        case .votingRights: "TVR"
        case .agmResult: "AGM"
        case .finalResults: "FIN"
        case .halfYear: "HY"
        case .tradingUpdate: "TU"
        case .meetingNotice: "NOT"
        case .annualReport: "AFR"
        case .blockListing: "BLK"
        case .form83: "8.3"
        case .directorate: "DIR"
        case .dividend: "DIV"
        case .nav: "NAV"
        case .other: "OTH"
        }
    }
}
