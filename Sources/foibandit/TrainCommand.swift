import ArgumentParser
import FOI
import FOICorpus
import Foundation
import LM
import LMFormats
import Tokenizer
import Training
import Writer

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train the model, one stage at a time (see models/<name>/configs/).",
        discussion: """
        The stages run in order: tokenizer, pretrain, cpt (continued pretraining on FOI text), \
        sft (prompt -> letter), dpo (judged preference pairs). Each reads its config file, writes \
        checkpoints to its run folder, and continues after a kill with --resume. `make model` runs them all.
        """,
        subcommands: [TrainTokenizer.self, TrainPretrain.self, TrainCPT.self, TrainSFT.self, TrainDPO.self,
                      TrainHistory.self, TrainCurves.self])
}

/// Options every stage shares.
struct StageOptions: ParsableArguments {
    @Option(help: "The stage's config file (JSON).") var config: String
    @Option(help: "Folder for checkpoints, logs and the finished model (default: runs/<model>/<stage>).")
    var run: String?
    @Option(help: "Tokenizer folder (default: runs/<model>/tokenizer).") var tokenizer: String?
    @Flag(help: "Continue from the last checkpoint in the run folder.") var resume = false
    @Flag(help: "With --resume: continue even if the stage config changed since the run began (recorded in its log).")
    var force = false
    @Option(help: """
        Matrix products in fp32, or bf16 with fp32 sums (weights, optimizer and checkpoints stay fp32). \
        Default: whichever product is faster on this machine (one timed each way); bf16 asked for \
        on a CPU without AVX512_BF16 runs fp32.
        """)
    var precision: Precision?

    /// `models/NAME/configs/STAGE.json` -> NAME.
    var modelName: String {
        URL(fileURLWithPath: config).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
    }

    func runDir(stage: String) -> URL { URL(fileURLWithPath: run ?? "runs/\(modelName)/\(stage)") }
    var tokenizerDir: URL { URL(fileURLWithPath: tokenizer ?? "runs/\(modelName)/tokenizer") }

    func stageConfig() throws -> StageConfig { try StageConfig.load(URL(fileURLWithPath: config)) }
}

struct TrainTokenizer: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tokenizer",
                                                    abstract: "Train the byte-level BPE tokenizer on the corpora.")
    struct Config: Codable { var vocabSize: Int; var files: [String] }

    @Option(help: "Tokenizer config: {\"vocabSize\": N, \"files\": [...]}.") var config: String
    @Option(help: "Output folder (default: runs/<model>/tokenizer).") var out: String?

    func run() throws {
        let url = URL(fileURLWithPath: config)
        guard let data = FileManager.default.contents(atPath: url.path),
              let cfg = try? JSONDecoder().decode(Config.self, from: data) else {
            throw ValidationError("\(config): cannot read a tokenizer config ({\"vocabSize\": N, \"files\": [...]})")
        }
        let files = try cfg.files.map { f -> URL in
            guard FileManager.default.fileExists(atPath: f) else { throw ValidationError("\(f): no such file (make corpus builds it)") }
            return URL(fileURLWithPath: f)
        }
        let name = url.deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
        let outDir = URL(fileURLWithPath: out ?? "runs/\(name)/tokenizer")
        let began = Date()
        var lastReport = Date.distantPast
        // JSON Lines corpora contribute their "text" fields, not their JSON syntax.
        let texts = try files.flatMap { url -> [String] in
            let text = try String(contentsOf: url, encoding: .utf8)
            return url.pathExtension == "jsonl" ? TokenFile.documents(in: text, jsonl: true) : [text]
        }
        let tok = BPETrainer(vocabSize: cfg.vocabSize).train(texts: texts) { p in
            if Date().timeIntervalSince(lastReport) > 2 || p.phase == .done {
                stderr("tokenizer \(p.phase.rawValue) \(p.done)/\(p.total)")
                lastReport = Date()
            }
        }
        try Checkpoint.writeAtomically(outDir) { try tok.save(to: $0) }
        stderr(String(format: "tokenizer: %d ids in %.0fs -> %@", tok.vocabSize, Date().timeIntervalSince(began), outDir.path))
    }
}

/// pretrain, cpt and sft differ only in their config: one implementation, three names.
protocol LMStageCommand: ParsableCommand {
    static var stage: StageConfig.Stage { get }
    var options: StageOptions { get }
}

extension LMStageCommand {
    func run() throws {
        let cfg = try options.stageConfig()
        guard cfg.stage == Self.stage else {
            throw ValidationError("\(options.config) is a \(cfg.stage.rawValue) config, not \(Self.stage.rawValue)")
        }
        var runner = StageRunner(config: cfg, tokenizerDir: options.tokenizerDir, runDir: options.runDir(stage: cfg.stage.rawValue))
        runner.precision = Precision.resolve(options.precision)
        try runner.run(resume: options.resume, force: options.force)
    }
}

struct TrainPretrain: LMStageCommand {
    static let configuration = CommandConfiguration(commandName: "pretrain", abstract: "Pretrain on general English text.")
    static let stage = StageConfig.Stage.pretrain
    @OptionGroup var options: StageOptions
}

struct TrainCPT: LMStageCommand {
    static let configuration = CommandConfiguration(commandName: "cpt", abstract: "Continue pretraining on FOI letters and guidance.")
    static let stage = StageConfig.Stage.cpt
    @OptionGroup var options: StageOptions
}

struct TrainSFT: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sft", abstract: "Fine-tune on prompt -> letter pairs (loss on the letter only).",
        discussion: """
        With `ownLetters` in the config, the letters are the model's own: for that many training prompts from `data`, \
        one letter each from the model in `initFrom` at `sampleTemperature`, kept when the judge passes it, \
        every item is a question from the banks and it is in the style asked for, in the slots form the model \
        trains on; `mixLetters` of the data's letters are mixed in so the stage keeps the corpus's variety, and \
        where a style's letters were kept less often than the rest, the data's letters of that style make up \
        its share. With `itemCap`, a letter is kept only while each of its list items has been kept fewer than \
        that many times, so one frame cannot crowd out the rest. With `fullLetters`, a letter must also ask one thing \
        more than it has keywords, up to three. With `retryCandidates`, each prompt whose own \
        letter was not kept is written again as the product writes it (guards, repairs, best of that many), and \
        kept on the same terms.
        """)
    @OptionGroup var options: StageOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        var cfg = try options.stageConfig()
        guard cfg.stage == .sft else { throw ValidationError("\(options.config) is a \(cfg.stage.rawValue) config, not sft") }
        let runDir = options.runDir(stage: "sft")
        if let n = cfg.ownLetters {
            guard let from = cfg.initFrom else { throw ValidationError("\(options.config): own letters need initFrom (the model that writes them)") }
            let own = runDir.appendingPathComponent("own_letters.jsonl"), mix = runDir.appendingPathComponent("mix_letters.jsonl")
            if !(options.resume && FileManager.default.fileExists(atPath: own.path)) {
                try writeOwnLetters(cfg: cfg, count: n, model: URL(fileURLWithPath: from), own: own, mix: mix)
            }
            cfg.data = [own.path, mix.path]
        }
        var runner = StageRunner(config: cfg, tokenizerDir: options.tokenizerDir, runDir: runDir)
        runner.precision = Precision.resolve(options.precision)
        try runner.run(resume: options.resume, force: options.force)
    }

    /// Rejection sampling: the letters of `model` that the product would keep, in the slots form (names and the
    /// law's figures), and `mixLetters` of the data's letters in a seeded order.
    func writeOwnLetters(cfg: StageConfig, count: Int, model: URL, own: URL, mix: URL) throws {
        let s = try store.open()
        let authorities = try s.allAuthorities(), keywords = try s.allKeywords()
        let writer = try LetterWriter(modelDirectory: model, judge: Judge(knownAuthorities: authorities, knownKeywords: keywords))
        writer.guardsNames = false
        writer.candidates = 1
        let requests = try trainingPrompts(cfg.data, authorities: authorities, keywords: keywords, count: count,
                                           seed: cfg.seed, temperature: cfg.sampleTemperature ?? 0.7, styles: cfg.styles)
        var kept: [String] = [], keptByStyle: [LetterStyle: Int] = [:], keptItems: [String: Int] = [:], capped = 0
        var failed: [LetterRequest] = []
        func keep(_ r: LetterRequest, _ w: WrittenLetter) -> Bool {
            guard w.groundedValid && w.followsStyle && (w.asksInFull || !(cfg.fullLetters ?? false)) else { return false }
            let letter = r.trainingForm(of: w.letter)
            if let cap = cfg.itemCap {
                let items = Set(JudgeRules.listItems(letter.split(separator: "\n").map(String.init)).map(Self.itemKey))
                guard items.allSatisfy({ keptItems[$0, default: 0] < cap }) else { capped += 1; return true }
                for i in items { keptItems[i, default: 0] += 1 }
            }
            kept.append(DomainCorpus.jsonLine(SFTExample(prompt: r.prompt.text, letter: letter + "\n")))
            keptByStyle[r.style, default: 0] += 1
            return true
        }
        for start in stride(from: 0, to: requests.count, by: 16) {
            let batch = Array(requests[start..<min(start + 16, requests.count)])
            for (r, w) in zip(batch, writer.write(batch)) where !keep(r, w) { failed.append(r) }
            stderr("sft own letters: \(start + batch.count)/\(requests.count) sampled, \(kept.count) kept" + (cfg.itemCap == nil ? "" : ", \(capped) over the item cap"))
        }
        if let n = cfg.retryCandidates, n > 1, !failed.isEmpty {
            let own = kept.count
            writer.guardsNames = true
            writer.candidates = n
            for start in stride(from: 0, to: failed.count, by: 4) {
                let batch = Array(failed[start..<min(start + 4, failed.count)])
                for (r, w) in zip(batch, writer.write(batch)) { _ = keep(r, w) }
                stderr("sft own letters: \(start + batch.count)/\(failed.count) failed prompts written as the product writes them, \(kept.count - own) kept")
            }
        }
        var lines: [String] = []
        for f in cfg.data { lines += try String(contentsOfFile: f, encoding: .utf8).split(separator: "\n").map(String.init) }
        var rng = SplitMix64(seed: cfg.seed)
        let shuffled = rng.shuffled(lines)
        let mixed = Array(shuffled.prefix(cfg.mixLetters ?? 0))
        // Tables pass the judge less often than lists (73 of about 400 kept against about 300 of each other style,
        // session 17), and three rounds on such letters wrote lists for 38 of 124 table prompts: a style kept less
        // often than the whole is made up to its share of the prompts with the data's letters of that style.
        let keepRate = Double(kept.count) / Double(max(requests.count, 1))
        let asked = Dictionary(grouping: requests, by: \.style).mapValues(\.count)
        var fill: [String] = []
        for style in LetterStyle.allCases {
            let short = Int((Double(asked[style] ?? 0) * keepRate).rounded()) - keptByStyle[style, default: 0]
            guard short > 0 else { continue }
            let marker = PromptFormat.styleToken + " " + style.rawValue + PromptFormat.requestToken
            fill += shuffled.dropFirst(mixed.count).lazy.filter { $0.contains(marker) }.prefix(short)
            stderr("sft own letters: \(style.rawValue) kept \(keptByStyle[style, default: 0]) of \(asked[style] ?? 0); \(short) data letters make up its share")
        }
        try FileManager.default.createDirectory(at: own.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data((mixed + fill).map { $0 + "\n" }.joined().utf8).write(to: mix, options: .atomic)
        try Data(kept.map { $0 + "\n" }.joined().utf8).write(to: own, options: .atomic)
        stderr("sft own letters: \(kept.count) of \(requests.count) kept -> \(own.path); \(mixed.count + fill.count) data letters mixed in")
    }

    /// An item as the cap counts it: without its list marker and final full stop, so "(a) … covers {k1}." and
    /// "1. … covers {k1}" are one item.
    static func itemKey(_ item: String) -> String {
        var s = item
        while s.hasSuffix(".") || s.hasSuffix(";") || s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}

struct TrainDPO: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dpo",
        abstract: "Preference-tune the SFT model on judged pairs of its own samples.",
        discussion: """
        For `prompts` training prompts, samples `samplesPerPrompt` letters from the model in \
        `initFrom`, judges them, and keeps the writer's best and worst of each prompt (valid first, then \
        items from the question banks, then the score) when they differ in validity or grounding or by at \
        least `minMargin` points. With `retryCandidates`, a prompt none of whose samples the judge passes with \
        every item from the banks is written again as the product writes it (guards, repairs, best of that many), \
        and that letter, when it passes, is chosen over the worst sample. With `mendedPairs`, each failed sample \
        is paired instead with itself mended at the item that failed it (a clean sample's item swapped in), so \
        the pair differs in that line alone. The frozen starting model is the reference. The loss \
        starts at ln 2.
        """)
    @OptionGroup var options: StageOptions
    @OptionGroup var store: StoreOptions
    @Flag(help: "Add pairs from the slot machine's ratings (same prompt, liked vs disliked letter).")
    var fromRatings = false

    func run() throws {
        var cfg = try options.stageConfig()
        guard cfg.stage == .dpo, let from = cfg.initFrom else {
            throw ValidationError("\(options.config) must be a dpo config with initFrom (the SFT model)")
        }
        let runDir = options.runDir(stage: "dpo")
        let pairsFile = runDir.appendingPathComponent("pairs.jsonl")
        if !(options.resume && FileManager.default.fileExists(atPath: pairsFile.path)) {
            try buildPairs(cfg: cfg, model: URL(fileURLWithPath: from), to: pairsFile)
        }
        cfg.data = [pairsFile.path]
        var runner = StageRunner(config: cfg, tokenizerDir: options.tokenizerDir, runDir: runDir)
        runner.precision = Precision.resolve(options.precision)
        try runner.run(resume: options.resume, force: options.force)
    }

    func buildPairs(cfg: StageConfig, model: URL, to file: URL) throws {
        let s = try store.open()
        let authorities = try s.allAuthorities(), keywords = try s.allKeywords()
        let writer = try LetterWriter(modelDirectory: model, judge: Judge(knownAuthorities: authorities, knownKeywords: keywords))
        let prompts = try trainingPrompts(cfg.data, authorities: authorities, keywords: keywords,
                                          count: cfg.prompts ?? 200, seed: cfg.seed,
                                          temperature: cfg.sampleTemperature ?? 0.7, styles: cfg.styles)
        let began = Date()
        let (pairs, stats) = PreferencePairBuilder.build(
            writer: writer, prompts: prompts, samplesPerPrompt: cfg.samplesPerPrompt ?? 4, minMargin: cfg.minMargin ?? 10,
            retryCandidates: cfg.retryCandidates, mended: cfg.mendedPairs ?? false
        ) { done, total in stderr("dpo pairs: \(done)/\(total) letters written") }
        var all = pairs
        if fromRatings {
            let rated = try s.ratingPreferencePairs()
            stderr("dpo pairs: \(rated.count) from ratings")
            all += rated
        }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let lines = try all.map { String(decoding: try enc.encode($0), as: UTF8.self) }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file, options: .atomic)
        stderr(String(format: "dpo pairs: %d of %d prompts kept (%d with the product's letter chosen; mean sample score %.1f) in %.0fs -> %@",
                      stats.kept, stats.prompts, stats.retried, stats.meanScore, Date().timeIntervalSince(began), file.path))
    }
}

/// Prompts taken from SFT files (`{"prompt": ...}` lines), in a seeded order, as letter requests.
func trainingPrompts(_ files: [String], authorities: [Authority], keywords: [Keyword], count: Int,
                     seed: UInt64, temperature: Float, styles: [String]? = nil) throws -> [LetterRequest] {
    if let bad = styles?.first(where: { LetterStyle(rawValue: $0) == nil }) {
        throw ValidationError("styles: “\(bad)” is not a letter style (\(LetterStyle.allCases.map(\.rawValue).joined(separator: ", ")))")
    }
    let byName = Dictionary(authorities.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    var requests: [LetterRequest] = []
    for f in files {
        guard let text = try? String(contentsOfFile: f, encoding: .utf8) else { throw ValidationError("\(f): cannot read") }
        for line in text.split(separator: "\n") {
            guard let obj = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
                  let p = obj["prompt"] as? String, let (prompt, _) = PromptFormat.parse(p),
                  let a = byName[prompt.authority], styles?.contains(prompt.style) ?? true else { continue }
            requests.append(LetterRequest(authority: a, keywords: Keyword.resolve(prompt.keywords, known: keywords),
                                          style: LetterStyle(rawValue: prompt.style) ?? .numbered,
                                          seed: UInt64(requests.count), temperature: temperature))
        }
    }
    var rng = SplitMix64(seed: seed)
    return Array(rng.shuffled(requests).prefix(count))
}

struct TrainCurves: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curves", abstract: "Draw the stages' loss curves as an SVG picture (for the model card).")
    @Option(help: "The pipeline's run folder (holding pretrain/, cpt/, sft/, dpo/, dpo2/).") var runs: String
    @Option(help: "Output SVG file.") var out: String

    func run() throws {
        let series = ["pretrain", "cpt", "sft", "dpo", "dpo2"].compactMap { s -> LossChart.Series? in
            let rows = RunDirectory(URL(fileURLWithPath: runs).appendingPathComponent(s)).logRows()
            return rows.isEmpty ? nil : LossChart.Series(stage: s, rows: rows)
        }
        guard !series.isEmpty else { throw ValidationError("\(runs): no stage logs (log.jsonl) found") }
        try LossChart.svg(series).write(toFile: out, atomically: true, encoding: .utf8)
        print("wrote \(out)")
    }
}

extension Precision: ExpressibleByArgument {}
