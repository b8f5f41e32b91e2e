import ArgumentParser
import FOI
import Foundation
import History
import LM
import LMDecode
import LMFormats
import Store
import Tokenizer
import Writer

/// `--model`, shared by the commands that write letters.
struct ModelOptions: ParsableArguments {
    static let defaultModel = "models/foibandit-small"

    @Option(help: ArgumentHelp("Model folder (Hugging Face layout).", discussion: "Default: the shipped \(defaultModel)."))
    var model: String?
    @Option(help: "Write in a person's style: a LoRA adapter (or fine-tuned model) from `train history`.")
    var adapter: String?

    func directory() throws -> URL {
        if let model { return SeedLocator.given(model) }
        return try SeedLocator.shipped(Self.defaultModel)
    }

    /// The writer for `--model` and `--adapter`; `store` holds the person's letters an adapter was trained on.
    func writer(judge: Judge, store: FOIStore) throws -> LetterWriter {
        let dir = try directory()
        guard FileManager.default.fileExists(atPath: dir.appendingPathComponent("config.json").path) else {
            throw ValidationError("no model in \(dir.path) (train one with `make model`, or pass --model)")
        }
        guard let adapter else { return try LetterWriter(modelDirectory: dir, judge: judge) }
        switch try HistoryAdapters.resolve(adapter) {
        case .model(let full):
            let writer = try LetterWriter(modelDirectory: full, judge: judge)
            writer.holdsSlots = false
            writer.groundsItems = false
            return writer
        case .lora(let lora):
            let writer = try LetterWriter(modelDirectory: dir, judge: judge)
            try HistoryAdapters.apply(lora, to: writer.model)
            // The person's frame and phrasing (no composer slots held); the base writes the items (`ItemSpan`),
            // so they are grounded in the banks as the base's are.
            writer.holdsSlots = false
            writer.itemModel = try Model.load(directory: dir)
            // Among equal candidates, the one whose frame keeps to the person's own phrasing (`FrameSupport`).
            let history = try store.historyLetters()
            if !history.isEmpty { writer.frameSupport = HistoryTraining.frameSupport(history) }
            writer.requester = HistoryTraining.signer(history)
            return writer
        }
    }
}

/// What a command needs to turn names typed by a person into an authority and keywords.
struct Resolver {
    let store: FOIStore
    let authorities: [Authority]
    let keywords: [Keyword]
    let names: AuthorityResolver
    let categories: [(group: String, category: String)]

    init(_ store: FOIStore) throws {
        self.store = store
        authorities = try store.allAuthorities()
        keywords = try store.allKeywords()
        names = AuthorityResolver(authorities)
        categories = try store.categories().map { ($0.groupName, $0.category) }
    }

    var judge: Judge { Judge(knownAuthorities: authorities, knownKeywords: keywords) }

    /// By any name a person would recognise, or a body not in the database given with its nation.
    func authority(_ name: String, body: BodyOptions? = nil) throws -> Authority {
        try resolveBody(name, nation: body?.nation, category: body?.category, resolver: names, categories: categories)
    }

    /// `k1; k2` -> keywords; unknown ones are classified by the legislation word rules.
    func keywords(_ list: String) throws -> [Keyword] {
        let texts = list.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !texts.isEmpty else { throw ValidationError("give at least one keyword, separated by ';'") }
        return Keyword.resolve(texts, known: keywords)
    }
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one request letter with the model and print it with its judge score.")
    @OptionGroup var store: StoreOptions
    @OptionGroup var modelOptions: ModelOptions
    @Option(help: "The public authority, as you would write it (name, short name, DWP, Met Police, ...); spun when absent.") var authority: String?
    @OptionGroup var body: BodyOptions
    @Flag(help: "Add a body that is not in the database (given with --nation) to it.") var save = false
    @Option(help: "Keywords, separated by ';'; two that suit the authority are spun when absent.") var keywords: String?
    @Option(help: "Sample a raw continuation of this text instead of a letter (special tokens allowed).")
    var prompt: String?
    @Option(help: "Letter style: \(LetterStyle.allCases.map(\.rawValue).joined(separator: ", ")).")
    var style: String = LetterStyle.numbered.rawValue
    @Option(help: "Sampling seed (same seed, same letter).") var seed: UInt64?
    @Option(help: "Sampling temperature; 0 is greedy.") var temperature: Float = 0.7
    @Option(help: "Most tokens to write.") var maxTokens = 400
    @Flag(help: "Print JSON (letter, score, checks, model, seed) instead of streaming text.") var json = false
    @OptionGroup var requesterOptions: RequesterOptions

    func run() throws {
        if let prompt { return try continueRaw(prompt) }
        if authority == nil && body.nation != nil { throw ValidationError("--nation is for a body named with --authority") }
        let s = try store.open()
        let resolver = try Resolver(s)
        // Missing reels are spun: keywords that suit the given authority, or all three reels.
        var rng = SplitMix64(seed: seed ?? UInt64.random(in: 0...UInt64.max))
        let spinner = try s.spinner()
        let chosen: Authority
        if let authority {
            chosen = try resolver.authority(authority, body: body)
            try offerToAdd(chosen, save: save, store: s)
        } else {
            guard keywords == nil else { throw ValidationError("give --authority with --keywords (or neither, to spin both)") }
            guard let spun = spinner.spin(rng: &rng) else { throw ValidationError("the database has nothing to spin") }
            chosen = spun.authority
        }
        let topics: [Keyword]
        if let keywords { topics = try resolver.keywords(keywords) } else {
            let suited = spinner.keywords(for: chosen)
            guard suited.count >= 2 else { throw ValidationError("no keywords suit \(chosen.name); give --keywords") }
            topics = rng.sample(suited, 2)
            stderr("spun: \(chosen.name); \(topics.map(\.text).joined(separator: "; "))")
        }
        guard let style = LetterStyle(rawValue: style) else {
            throw ValidationError(Suggest.unknownMessage(kind: "style", name: self.style, candidates: LetterStyle.allCases.map(\.rawValue)))
        }
        guard (0...2).contains(temperature) else { throw ValidationError("--temperature must be between 0 and 2") }
        guard maxTokens > 0 else { throw ValidationError("--max-tokens must be positive") }
        let request = LetterRequest(authority: chosen, keywords: topics,
                                    style: style, seed: seed ?? UInt64.random(in: 0...UInt64(UInt32.max)),
                                    temperature: temperature, maxTokens: maxTokens)
        let writer = try modelOptions.writer(judge: resolver.judge, store: s)
        // A name given or set wins; else the one the person's letters are signed with (`--adapter`).
        writer.requester = try requesterOptions.resolve(s) ?? writer.requester
        let out = FileHandle.standardOutput
        let letter = writer.write([request]) { _, text in
            if !json { out.write(Data(text.utf8)) }
            return true
        }[0]
        try s.record(generation: GenerationRecord(prompt: letter.prompt, text: letter.letter, modelId: letter.modelId,
                                                  seed: letter.seed, score: letter.judge.score))
        if json {
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try enc.encode(letter), as: UTF8.self))
        } else {
            print("\n\n— judge score \(letter.judge.score)/100 (model \(letter.modelId), seed \(letter.seed))")
            for c in letter.judge.failed { print("  ✗ \(c.id) (-\(c.weight)): \(c.reason)") }
        }
    }

    /// The bare language model: prompt text in, sampled continuation streamed out.
    func continueRaw(_ text: String) throws {
        let dir = try modelOptions.directory()
        let model = try Model.load(directory: dir), tokenizer = try BPETokenizer(directory: dir)
        var stream = StreamingDecoder(tokenizer: tokenizer)
        let ids = tokenizer.encode(text)
        guard !ids.isEmpty else { throw ValidationError("--prompt is empty") }
        let options = SamplingOptions(temperature: temperature, maxNewTokens: min(maxTokens, model.config.maxSeqLen - ids.count),
                                      seed: seed ?? 0, stopTokenIds: [tokenizer.endOfTextId])
        _ = Generator(model: model).generate(prompts: [ids], options: options) { _, token in
            FileHandle.standardOutput.write(Data(stream.push(token).utf8))
            return true
        }
        print(stream.finish())
    }
}
