import ArgumentParser
import FOI
import Foundation

/// `foibandit judge`. Named JudgeCommand (not Judge) so that `Judge` in this module still means FOI's judge.
struct JudgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "judge",
        abstract: "Score a request letter with the judge's weighted checks.",
        discussion: """
        FILE may be '-' for standard input. If the text starts with the prompt format \
        (<|authority|>…<|request|>), the authority and keywords come from it; otherwise give \
        --authority and --keywords. Prints the score and each failed check with its reason: a \
        defect (✗) makes the letter invalid (score below 80), a missing nicety (·) only costs points.

        --calibrate measures the judge against people instead: the handwritten good letters \
        (good.jsonl) and the labelled model letters (model_letters.jsonl) in evalsets/judge/, \
        with precision and recall for each check and every letter where the two disagree.
        """)

    @Argument(help: "Letter file, or '-' for standard input.") var file: String?
    @Flag(help: "Measure the judge on the labelled letters of --labelled instead of judging a file.") var calibrate = false
    @Option(help: "Folder of labelled letters for --calibrate (default: the shipped evalsets/judge).") var labelled: String?
    @Option(help: "Authority name or short name.") var authority: String?
    @Option(help: "Keywords separated by semicolons.") var keywords: String?
    @Flag(help: "Print the full result as JSON.") var json = false
    @OptionGroup var seedRoot: SeedRootOptions

    func run() throws {
        if calibrate { return try runCalibration() }
        guard let file else { throw ValidationError("give a letter FILE (or '-'), or --calibrate") }
        let text: String
        if file == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else {
            guard let d = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
            text = String(decoding: d, as: UTF8.self)
        }
        let (authorities, known) = try seedRoot.load()
        var letter = text
        var authorityName = authority
        var keywordList = keywords.map(Lookup.keywordTexts) ?? []
        var jurisdictionLabel: String?
        if let parsed = PromptFormat.parse(text) {
            letter = parsed.letter
            authorityName = authorityName ?? parsed.prompt.authority
            if keywordList.isEmpty { keywordList = parsed.prompt.keywords }
            jurisdictionLabel = parsed.prompt.jurisdiction
        }
        guard let name = authorityName else { throw ValidationError("--authority is required (no prompt in the file)") }
        let a: Authority
        let resolution = AuthorityResolver(authorities).resolve(name)
        switch resolution {
        case .resolved(let found, let how):
            a = found
            if let note = AuthorityResolver.note(query: name, authority: found, match: how) { stderr("note: \(note)") }
        case .ambiguous:
            throw ValidationError(AuthorityResolver.failure(query: name, resolution) ?? "")
        case .unknown(let suggestions):
            // Unknown body: judge it anyway, taking the regime from the prompt's jurisdiction if any.
            let scottish = Jurisdiction.laws(fromLabel: jurisdictionLabel ?? "").contains { $0.isScottish }
            a = Authority(name: name, shortName: "", group: "", category: "", nation: scottish ? .scotland : .england,
                          regime: scottish ? .foisa2002 : .foia2000)
            let msg = "note: unknown authority “\(name)”, judged as \(scottish ? "Scottish (FOISA)" : "non-Scottish (FOIA)")"
            stderr(msg + Suggest.didYouMean(suggestions))
        }
        if keywordList.isEmpty { throw ValidationError("--keywords is required (no prompt in the file)") }
        let result = FOI.Judge(knownAuthorities: authorities, knownKeywords: known)
            .judge(letter: letter, authority: a, keywords: keywordList)
        if json {
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try e.encode(result), as: UTF8.self))
        } else {
            print(result.report)
        }
    }

    func runCalibration() throws {
        let (authorities, known) = try seedRoot.load()
        let judge = FOI.Judge(knownAuthorities: authorities, knownKeywords: known)
        let labelled = try SeedLocator.path(self.labelled, default: "evalsets/judge")
        let good = try JudgeCalibration.load(labelled + "/good.jsonl")
        let model = try JudgeCalibration.load(labelled + "/model_letters.jsonl")
        let c = try JudgeCalibration.measure(good: good, labelled: model, judge: judge)
        if json {
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try e.encode(c), as: UTF8.self))
            return
        }
        print(c.report)
        if !c.disagreements.isEmpty {
            print("\ndisagreements (\(c.disagreements.count)):")
            for d in c.disagreements { print("  " + d) }
        }
    }
}
