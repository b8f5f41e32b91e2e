import ArgumentParser
import FOI
import Foundation

/// `foibandit bench judge`: how long judging one letter takes. The judge runs on every sampled candidate
/// (best-of-N) and on every pull of the lever, so it must stay well under the 2 ms a letter it is allowed.
struct BenchJudge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "judge", abstract: "Milliseconds to judge one letter, over the labelled judge set (JSON).")
    @Option(help: "Folder of labelled letters (default: the shipped evalsets/judge).") var labelled: String?
    @Option(help: "Passes over the set (the median pass is reported).") var runs = 5
    @OptionGroup var seedRoot: SeedRootOptions

    func run() throws {
        let (authorities, known) = try seedRoot.load()
        let setUp = Date()
        let judge = Judge(knownAuthorities: authorities, knownKeywords: known)
        _ = Lexicon.words.count
        let setUpMs = Date().timeIntervalSince(setUp) * 1000
        let labelled = try SeedLocator.path(self.labelled, default: "evalsets/judge")
        let rows = try JudgeCalibration.load(labelled + "/good.jsonl") + JudgeCalibration.load(labelled + "/model_letters.jsonl")
        let cases = rows.compactMap { r in JudgeCalibration.authority(of: r, in: judge).map { (r, $0.0, $0.1) } }
        var passes: [Double] = [], worst = 0.0
        for _ in 0..<max(1, runs) {
            let start = Date()
            for (r, a, profile) in cases {
                let t = Date()
                _ = judge.judge(letter: r.letter, authority: a, keywords: judge.keywords(r.keywords), profile: profile)
                worst = max(worst, Date().timeIntervalSince(t) * 1000)
            }
            passes.append(Date().timeIntervalSince(start) * 1000 / Double(cases.count))
        }
        try printJSON([
            "letters": cases.count, "runs": passes.count, "ms_per_letter_median": passes.sorted()[passes.count / 2],
            "ms_worst_letter": worst, "setup_ms": setUpMs, "word_list": Lexicon.source ?? "none",
        ])
    }
}
