import ArgumentParser
import Bandit
import FOI
import FOICorpus
import Foundation
import Store
import TUI
import Writer

/// `foibandit play`: the ncursesw slot machine.
struct Play: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Play the slot machine: spin an authority and keywords, and the model writes the request.",
        discussion: """
        Space pulls the lever, 1-3 hold, shift+1-3 nudge, +/- rate, h for help, q to quit. \
        Needs a terminal; without one try `foibandit spin` or `foibandit generate`.
        """)

    static let defaultModel = "models/foibandit-small"

    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("Model folder (Hugging Face layout).", discussion: "Default: the shipped \(defaultModel).",
                               valueName: "dir"))
    var model: String?
    @Flag(help: "Write the letters with the rule-based composer instead of the model (instant, always valid).")
    var composer = false
    @Option(help: "Seed for reproducible reels and letters (default: random).") var seed: UInt64?
    @Option(help: "Only authorities in this category or group.") var category: String?
    @Flag(help: "Ignore which keywords suit which authorities.") var chaos = false
    @Option(help: "Sampling temperature (t cycles 0.3/0.6/0.8/1.0 in the machine).") var temperature = 0.8
    @Option(help: .hidden) var bench: Int?

    func run() throws {
        if let bench { return try runBench(pulls: bench) }
        guard PlayApp.hasTerminal else {
            stderr("foibandit needs a terminal for the slot machine; try `foibandit spin` or `foibandit generate`")
            throw ExitCode(2)
        }
        guard temperature > 0, temperature <= 2 else { throw ValidationError("--temperature must be in (0, 2]") }
        let db = try store.open()
        let spinner = try db.spinner()
        guard !spinner.authorities.isEmpty, spinner.keywords.count >= 2 else {
            throw RuntimeError("the database has no authorities or keywords to spin")
        }
        var probe = SplitMix64(seed: 0)
        if let category, spinner.spin(category: category, chaos: chaos, rng: &probe) == nil {
            throw RuntimeError(spinner.emptySpinReason(category: category, chaos: chaos, known: try db.categoryPairs()))
        }
        let judge = FOI.Judge(knownAuthorities: spinner.authorities, knownKeywords: spinner.keywords)
        let writer = composer ? nil : try Self.letterWriter(model: model, judge: judge)
        writer?.requester = try db.requester()
        let machine = Machine(spinner: spinner, seed: seed ?? UInt64.random(in: 0...UInt64.max),
                              category: category, chaos: chaos, temperature: temperature)
        let services = try Self.services(store: db, judge: judge, writer: writer)
        PlayApp(machine: machine, services: services).run()
    }

    /// `--bench N` (bench/tui/run.sh): N headless pulls through the real worker and letter writer;
    /// prints the time from the last reel stopping to the first token and to the whole letter, as JSON.
    func runBench(pulls: Int) throws {
        let db = try store.open()
        let spinner = try db.spinner()
        let judge = FOI.Judge(knownAuthorities: spinner.authorities, knownKeywords: spinner.keywords)
        let writer = try Self.letterWriter(model: model, judge: judge)
        if writer == nil { stderr("no model found: timing the composer fallback, not a model") }
        let machine = Machine(spinner: spinner, seed: seed ?? 1, category: category, chaos: chaos, temperature: temperature)
        var services = try Self.services(store: db, judge: judge, writer: writer)
        services.recordSpin = { _, _, _ in nil }
        services.recordGeneration = { _, _, _, _ in nil }
        let samples = PlayBench.run(machine: machine, services: services, pulls: pulls)
        struct Report: Encodable {
            var model: String; var maxTokens: Int; var samples: [PlayBench.Sample]
            var medianFirstTokenMs: Double; var medianLetterMs: Double; var medianMsPerToken: Double
            var projected250TokenLetterMs: Double
        }
        func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s.isEmpty ? 0 : s[s.count / 2] }
        let perToken = median(samples.map { ($0.letterMs - $0.firstTokenMs) / Double(max(1, $0.tokens - 1)) })
        let first = median(samples.map(\.firstTokenMs))
        let report = Report(model: services.modelName, maxTokens: machine.config.maxTokens, samples: samples,
                            medianFirstTokenMs: first, medianLetterMs: median(samples.map(\.letterMs)),
                            medianMsPerToken: perToken, projected250TokenLetterMs: first + perToken * 249)
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        print(String(decoding: try enc.encode(report), as: UTF8.self))
    }

    /// The model's letter writer, or nil (composer fallback) when the model folder has no model.
    static func letterWriter(model: String?, judge: FOI.Judge) throws -> LetterWriter? {
        let dir: URL
        if let model {
            dir = SeedLocator.given(model)
        } else {
            dir = try SeedLocator.shipped(defaultModel)
        }
        guard FileManager.default.fileExists(atPath: dir.appendingPathComponent("config.json").path) else {
            if model != nil { throw ValidationError("no model in \(dir.path) (config.json missing)") }
            return nil
        }
        return try LetterWriter(modelDirectory: dir, judge: judge)
    }

    static func services(store db: FOIStore, judge: FOI.Judge, writer: LetterWriter?) throws -> PlayServices {
        let names = AuthorityResolver(try db.allAuthorities())   // the one resolver, as generate and the API
        let kinds = try db.categories().map { (group: $0.groupName, category: $0.category) }
        var categories: [(label: String, value: String)] = []
        var lastGroup = ""
        for c in try db.categories() {
            if c.groupName != lastGroup { categories.append((c.groupName, c.groupName)); lastGroup = c.groupName }
            categories.append(("  " + c.category, c.category))
        }
        let generate: GenerateFunction
        let modelName: String
        var notice: String?
        if let writer {
            generate = modelGenerator(writer)
            modelName = writer.modelId
        } else {
            generate = composerGenerator()
            modelName = "composer"
            notice = "no model: composer letters (train one with `make model`) — space pulls the lever"
        }
        return PlayServices(
            generate: generate,
            judge: { req, text in
                let r = judge.judge(letter: text, authority: req.authority, keywords: req.keywords)
                return (r.score, r.checks.map { (id: $0.id, passed: $0.passed) })
            },
            recordSpin: { a, ks, seed in
                try db.record(spin: SpinRecord(authorityName: a.name, keywords: ks.map(\.text), seed: seed)).id
            },
            recordGeneration: { spinId, req, text, score in
                try db.record(generation: GenerationRecord(spinId: spinId, prompt: req.prompt.text, text: text,
                                                           modelId: modelName, seed: req.seed, score: score)).id
            },
            rate: { id, value in try db.rate(generationId: id, value: value) },
            searchAuthorities: { q in search(q, names: names, categories: kinds) },
            categories: categories,
            modelName: modelName,
            notice: notice)
    }

    /// The search box: `AuthorityResolver.search`; "NAME, NATION" (a body that is not in the database,
    /// "Llanfair Community Council, Wales") is that body, written to under its nation's law.
    static func search(_ q: String, names: AuthorityResolver, categories: [(group: String, category: String)]) -> [Authority] {
        if let comma = q.lastIndex(of: ","), UnlistedBody.nation(String(q[q.index(after: comma)...])) != nil,
           case .success(let r) = names.body(String(q[..<comma]), nation: String(q[q.index(after: comma)...]), categories: categories) {
            return [r.authority]
        }
        return names.search(q, limit: 10)
    }

    static func letterRequest(_ r: GenerationRequest) -> LetterRequest {
        LetterRequest(authority: r.authority, keywords: r.keywords, style: LetterStyle(rawValue: r.style) ?? .numbered,
                      seed: r.seed, temperature: Float(r.temperature), maxTokens: r.maxTokens)
    }

    /// The shipped model, streamed token by token.
    static func modelGenerator(_ writer: LetterWriter) -> GenerateFunction {
        { req, onText in
            // `write` takes an optional (hence escaping) callback; it only calls it during the decode. The screen
            // streams the first candidate as it is written and shows the judge's pick of all of them when done.
            withoutActuallyEscaping(onText) { onText in
                writer.write([letterRequest(req)], onDraft: { _, chunk in onText(chunk) }).first?.letter ?? ""
            }
        }
    }

    /// Fallback until a model is shipped: the FOI request composer's letter, streamed word by word
    /// (`FOIBANDIT_COMPOSER_DELAY_MS` per word, default 12) so the machine plays the same way.
    static func composerGenerator() -> GenerateFunction {
        let delay = Double(ProcessInfo.processInfo.environment["FOIBANDIT_COMPOSER_DELAY_MS"] ?? "") ?? 12
        return { req, onText in
            let styles = LetterStyle.allCases
            let style = LetterStyle(rawValue: req.style) ?? styles[Int(req.seed % UInt64(styles.count))]
            let letter = Composer().compose(authority: req.authority, keywords: req.keywords, style: style, seed: req.seed).text
            var chunk = ""
            for ch in letter {
                chunk.append(ch)
                if ch == " " || ch == "\n" {
                    if !onText(chunk) { return letter }
                    chunk = ""
                    if delay > 0 { Thread.sleep(forTimeInterval: delay / 1000) }
                }
            }
            if !chunk.isEmpty { _ = onText(chunk) }
            return letter
        }
    }
}
