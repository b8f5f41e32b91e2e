import ArgumentParser
import FOI
import FOICorpus
import Foundation

/// Where the seed CSVs live: `ROOT/authorities/authorities.csv` and `ROOT/keywords/keywords.csv`.
struct SeedRootOptions: ParsableArguments {
    @Option(name: .customLong("data-root"), help: ArgumentHelp(
        "Folder holding authorities/ and keywords/.",
        discussion: "Default: $FOIBANDIT_SEED_DIR, else the shipped data beside the program (any current folder works)."))
    var dataRoot: String?

    func load() throws -> (authorities: [Authority], keywords: [Keyword]) {
        let root = try dataRoot.map { SeedLocator.given($0).path } ?? SeedLocator.root().path
        return (try SeedData.authorities(root: root), try SeedData.keywords(root: root))
    }

    /// The (group, category) pairs of the seed authorities.
    static func categories(_ authorities: [Authority]) -> [(group: String, category: String)] {
        var seen = Set<String>()
        return authorities.filter { seen.insert($0.category).inserted }.map { ($0.group, $0.category) }
    }
}

struct Compose: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one request letter with the rule-based composer (the domain corpus's source).",
        discussion: """
        Styles: \(LetterStyle.allCases.map(\.rawValue).joined(separator: ", ")). The same authority, keywords, \
        style and seed always give the same letter. With --stats N, composes N letters for random prompts \
        and reports their diversity instead.
        """)

    @Option(help: "The public authority, as you would write it (name, short name, DWP, Met Police, ...).") var authority: String?
    @OptionGroup var body: BodyOptions
    @Option(help: "Keywords separated by semicolons, e.g. \"pothole repairs; compensation claims\".") var keywords: String?
    @Option(help: "Letter style.") var style: String = LetterStyle.numbered.rawValue
    @Option(help: "Seed.") var seed: UInt64 = 0
    @Option(help: "Measure diversity over N composed letters instead of printing one.") var stats: Int?
    @Flag(help: "Print the prompt before the letter (the training format).") var prompt = false
    @Option(help: "Sign the letter with this name instead of a placeholder.") var requester: String?
    @Option(help: "Judge the composer's letters for every prompt of the eval sets in --sets plus N fresh prompts, and report the share valid.") var audit: Int?
    @Option(help: "Folder of eval sets for --audit (default: the shipped evalsets).") var sets: String?
    @OptionGroup var seedRoot: SeedRootOptions

    func run() throws {
        let (authorities, known) = try seedRoot.load()
        if let n = audit {
            let sets = try SeedLocator.path(self.sets, default: "evalsets")
            var specs: [PromptSpec] = []
            for name in ["ordinary", "unseen_authorities", "unseen_keywords"] {
                guard let d = FileManager.default.contents(atPath: "\(sets)/\(name).jsonl") else { continue }
                for line in String(decoding: d, as: UTF8.self).split(separator: "\n") {
                    specs.append(try JSONDecoder().decode(PromptSpec.self, from: Data(line.utf8)))
                }
            }
            let a = ComposerAudit.run(sets: specs, fresh: n, seed: seed, authorities: authorities, keywords: known)
            print("letters: \(a.letters) (\(specs.count) eval-set prompts, \(n) fresh)")
            print("valid:   \(a.valid) (\(String(format: "%.2f", 100 * a.validity))%)")
            for (id, count) in a.failedChecks.sorted(by: { $0.value > $1.value }) { print("  \(id): \(count)") }
            print("items all from the banks: \(a.grounded) (\(String(format: "%.2f", 100 * Double(a.grounded) / Double(max(a.letters, 1))))%)")
            for e in a.examples { print("\n---\n" + e) }
            for e in a.ungroundedExamples { print("\n--- items from no bank\n" + e) }
            print("in the style asked for: \(a.styled) (\(String(format: "%.2f", 100 * Double(a.styled) / Double(max(a.letters, 1))))%)")
            for e in a.unstyledExamples { print("\n--- not in the style asked for\n" + e) }
            return
        }
        if let n = stats {
            let s = ComposerStats.measure(count: n, authorities: authorities, keywords: known, seed: seed)
            print("letters:          \(s.count)")
            print("distinct letters: \(s.distinctLetters)")
            print("distinct-2:       \(String(format: "%.4f", s.distinct2)) (\(s.distinctBigrams) / \(s.totalBigrams) bigrams)")
            print("shapes:           \(s.shapes)")
            print("words:            min \(s.minWords), mean \(String(format: "%.1f", s.meanWords)), max \(s.maxWords)")
            for (name, n) in (s.structures ?? [:]).sorted(by: { $0.value > $1.value }) {
                print("  \(name): \(n) (\(String(format: "%.1f", 100 * Double(n) / Double(max(s.count, 1))))%)")
            }
            return
        }
        guard let name = authority else { throw ValidationError("--authority is required (or use --stats N)") }
        guard let list = keywords, !Lookup.keywordTexts(list).isEmpty else { throw ValidationError("--keywords is required") }
        guard let st = LetterStyle(rawValue: style.lowercased()) else {
            throw ValidationError("unknown style “\(style)”; choose one of \(LetterStyle.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let a = try body.authority(name, resolver: AuthorityResolver(authorities), categories: SeedRootOptions.categories(authorities))
        try offerToAdd(a, save: nil, store: nil)
        let ks = Keyword.resolve(Lookup.keywordTexts(list), known: known)
        let j = Legislation.jurisdiction(for: a, topics: ks.map(\.text), known: known)
        let letter = Composer().compose(authority: a, keywords: ks, style: st, seed: seed, jurisdiction: j)
        for note in j.notes { FileHandle.standardError.write(Data((note + "\n").utf8)) }
        if prompt { print(letter.prompt.text, terminator: "") }
        var signer: Requester?
        if let requester {
            do { signer = try Requester.validated(name: requester) } catch { throw ValidationError("--requester: \(error)") }
        }
        print(Signature.sign(letter.text, as: signer))
    }
}
