import ArgumentParser
import Filings
import FilingsRead
import Foundation
import LM
import LMFormats
import Store
import Tokenizer

/// `foibandit filings …`: regulatory filings mode (register as `FilingsCommand.self`).
struct FilingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "filings",
        abstract: "Read, classify, extract and summarise regulatory filings (RNS announcements, inline XBRL accounts).",
        discussion: """
        Reads plain text, HTML announcement pages and inline XBRL (XHTML) reports. PDFs are not read \
        (no PDF text extraction is built in): pass the HTML/XHTML version. Types: \
        \(FilingType.allCases.map(\.title).joined(separator: "; ")).
        """,
        subcommands: [FilingsProcess.self, FilingsList.self, FilingsShow.self, FilingsTrain.self, FilingsEvalCommand.self,
                      FilingsTrainSummaries.self, FilingsCompose.self, FilingsBenchCommand.self])
}

func loadModelDir(_ path: String) throws -> (Model, BPETokenizer) {
    let url = SeedLocator.given(path)
    guard FileManager.default.fileExists(atPath: url.appendingPathComponent("config.json").path) else {
        throw RuntimeError("no model at \(path) (config.json missing): give a model folder, such as models/foibandit-filings")
    }
    return (try Model.load(directory: url), try BPETokenizer(directory: url))
}

struct FilingsProcess: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process",
        abstract: "Process filings: files, folders (recursively, with progress) or - for standard input.",
        discussion: """
        Each result is stored in the database (unless --no-store). --json prints one JSON object per \
        line; --csv prints a header and one row per filing. Files that cannot be read, and text that \
        is not a regulatory announcement (a README, a letter, "hello world"; --force stores it as \
        Other), are reported on standard error and not stored, and the exit status is 1; the others \
        are still processed.
        """)

    @Argument(help: "Files, folders, or - for standard input.") var paths: [String]
    @Flag(help: "JSON Lines output.") var json = false
    @Flag(help: "CSV output.") var csv = false
    @Flag(name: .customLong("no-store"), help: "Do not store results in the database.") var noStore = false
    @Flag(help: "Process and store text that does not read as a regulatory announcement (a README, a letter), as Other.") var force = false
    @Option(help: "A fine-tuned classifier folder from `filings train` (default: the bag-of-words baseline).") var classifier: String?
    @Option(name: .customLong("summary-model"), help: "Model folder that writes LM summaries, such as the shipped models/foibandit-filings or one from `filings train-summaries`; default: field-based summaries.")
    var summaryModel: String?
    @Option(help: "LM summary attempts before the field-based fallback.") var tries = 3
    @Option(name: .customLong("max-bytes"), help: "Largest file read.") var maxBytes = FilingReader.defaultMaxBytes
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if json && csv { throw ValidationError("choose one of --json and --csv") }
        if paths.isEmpty { throw ValidationError("give at least one file, folder or -") }
    }

    func run() throws {
        var processor: FilingProcessor
        if let dir = classifier {
            let c = try ModelClassifier.load(directory: URL(fileURLWithPath: dir))
            processor = FilingProcessor(classifier: c, classifierName: "model")
        } else {
            processor = FilingProcessor.shared
        }
        if let dir = summaryModel {
            _ = try loadModelDir(dir)   // the clear message when no model is there
            processor = FilingProcessor(classifier: processor.classifier, classifierName: processor.classifierName,
                                        summaryWriter: try SummaryWriter.load(directory: SeedLocator.given(dir), tries: tries))
        }
        processor.maxBytes = maxBytes
        let db = noStore ? nil : try store.open(seed: false)
        // expand folders
        var inputs: [(name: String, url: URL?)] = []
        for p in paths {
            if p == "-" { inputs.append(("-", nil)); continue }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else {
                stderr("\(p): no such file or folder"); inputs.append((p, URL(fileURLWithPath: p))); continue
            }
            if isDir.boolValue {
                let e = FileManager.default.enumerator(at: URL(fileURLWithPath: p), includingPropertiesForKeys: [.isRegularFileKey],
                                                       options: [.skipsHiddenFiles])
                var files: [URL] = []
                while let u = e?.nextObject() as? URL {
                    if (try? u.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { files.append(u) }
                }
                inputs += files.sorted { $0.path < $1.path }.map { ($0.path, $0) }
            } else { inputs.append((p, URL(fileURLWithPath: p))) }
        }
        let showProgress = inputs.count > 1
        if csv { print(FilingsCSV.header) }
        var failures = 0
        let began = Date()
        for (i, input) in inputs.enumerated() {
            do {
                let data: Data
                if let u = input.url {
                    guard FileManager.default.fileExists(atPath: u.path) else { throw ValidationError("\(input.name): no such file or folder") }
                    let size = (try? FileManager.default.attributesOfItem(atPath: u.path)[.size] as? Int) ?? 0
                    if size > maxBytes { throw FilingError.tooLarge(input.name, bytes: size, limit: maxBytes) }
                    data = try Data(contentsOf: u, options: .alwaysMapped)
                } else {
                    data = FileHandle.standardInput.readDataToEndOfFile()
                }
                let r = try processor.process(data: data, filename: input.name, force: force)
                var id: Int64?
                if let db { id = try db.saveFiling(r.record).id }
                if json {
                    let enc = JSONEncoder(); enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                    print(String(decoding: try enc.encode(StoredResult(id: id, result: r)), as: UTF8.self))
                } else if csv {
                    print(FilingsCSV.row(r, id: id))
                } else {
                    print("\(id.map { "#\($0) " } ?? "")\(input.name): \(r.typeTitle) (\(String(format: "%.0f%%", r.confidence * 100)), \(r.classifier))")
                    for k in r.fields.keys.sorted() { print("  \(k): \(r.fields[k]!)") }
                    print("  summary (\(r.summarySource)): \(r.summary)")
                    for w in r.warnings { print("  warning: \(w)") }
                }
                if showProgress { stderr("[\(i + 1)/\(inputs.count)] \(input.name): \(r.type)" + eta(i + 1, inputs.count, began)) }
            } catch {
                failures += 1
                stderr("error: \(error)")
                if showProgress { stderr("[\(i + 1)/\(inputs.count)] \(input.name): failed") }
            }
        }
        if showProgress { stderr("\(inputs.count - failures) processed, \(failures) failed") }
        if failures > 0 { throw ExitCode(1) }
    }

    func eta(_ done: Int, _ total: Int, _ began: Date) -> String {
        let el = Date().timeIntervalSince(began)
        return done < total ? String(format: " | ETA %.0fs", el / Double(done) * Double(total - done)) : ""
    }
}

struct StoredResult: Codable {
    var id: Int64?
    var result: FilingResult
    func encode(to encoder: Encoder) throws {
        try result.encode(to: encoder)
        var c = encoder.container(keyedBy: K.self)
        try c.encodeIfPresent(id, forKey: .id)
    }
    enum K: String, CodingKey { case id }
}

enum FilingsCSV {
    static let header = "id,filename,format,type,confidence,classifier,summary_source,summary,fields_json,warnings"
    static func q(_ s: String) -> String {
        s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
    static func row(_ r: FilingResult, id: Int64?) -> String {
        let enc = JSONEncoder(); enc.outputFormatting = [.sortedKeys]
        let fields = String(decoding: (try? enc.encode(r.fields)) ?? Data(), as: UTF8.self)
        return [id.map(String.init) ?? "", r.filename, r.format, r.type, String(format: "%.4f", r.confidence), r.classifier,
                r.summarySource, r.summary, fields, r.warnings.joined(separator: "; ")].map(q).joined(separator: ",")
    }
}

struct FilingsList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List stored filings, newest first.")
    @Option(help: "Only this type (\(FilingType.allCases.map(\.rawValue).joined(separator: ", "))).") var type: String?
    @Option(help: "At most this many.") var limit = 50
    @Flag(help: "JSON Lines output.") var json = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        if let t = type, FilingType(rawValue: t) == nil { throw ValidationError("unknown type “\(t)”") }
        let rows = try store.open(seed: false).filings(type: type, limit: limit)
        for r in rows {
            let res = FilingResult(record: r)
            if json {
                let enc = JSONEncoder(); enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try enc.encode(StoredResult(id: r.id, result: res)), as: UTF8.self))
            } else {
                print("#\(r.id ?? 0)\t\(r.type)\t\(r.filename)\t\(res.summary.prefix(100))")
            }
        }
        if rows.isEmpty && !json { stderr("no filings stored; run `foibandit filings process PATH`") }
    }
}

struct FilingsShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one stored filing.")
    @Argument(help: "Filing id (from `filings list`).") var id: Int64
    @Flag(help: "JSON output.") var json = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        guard let r = try store.open(seed: false).filing(id: id) else { throw ValidationError("no filing #\(id)") }
        let res = FilingResult(record: r)
        if json {
            let enc = JSONEncoder(); enc.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            print(String(decoding: try enc.encode(StoredResult(id: r.id, result: res)), as: UTF8.self))
            return
        }
        print("#\(id) \(r.filename)")
        print("type:       \(res.typeTitle) (\(String(format: "%.0f%%", r.confidence * 100)), \(r.classifier))")
        print("format:     \(r.format)\(r.factCount > 0 ? ", \(r.factCount) XBRL facts" : "")")
        print("processed:  \(r.createdAt)")
        for k in res.fields.keys.sorted() { print("  \(k): \(res.fields[k]!)") }
        print("summary (\(r.summarySource)): \(r.summary)")
        for w in res.warnings { print("warning: \(w)") }
    }
}

struct FilingsTrain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the filing-type classifiers and report accuracy and confusion matrices.",
        discussion: """
        Trains the bag-of-words baseline and fine-tunes the model with a class head (last block only, \
        full, or both), on composer documents from the training companies; tests on documents from \
        held-out companies. Saves the best model variant (weights + class_head.json) to --out.
        """)
    @Option(help: "Model folder to fine-tune.") var model = "models/foibandit-small"
    @Option(help: "Where the fine-tuned classifier goes.") var out = "runs/filings/classifier"
    @Option(help: "last-block, full, both or none (baseline only).") var mode = "both"
    @Option(help: "Fine-tuning steps per variant.") var steps = 150
    @Option(name: .customLong("batch-size")) var batchSize = 8
    @Option(name: .customLong("seq-len"), help: "Tokens of each document the classifier reads.") var seqLen = 160
    @Option(help: "Learning rate of the transformer weights.") var lr: Float = 3e-4
    @Option(name: .customLong("train-docs")) var trainDocs = 700
    @Option(name: .customLong("test-docs")) var testDocs = 280
    @Option(help: "Also write the results (JSON) here.") var report: String?
    @Option(help: "Threads.") var threads = ProcessInfo.processInfo.activeProcessorCount
    @Option(name: .customLong("run"), help: "Run folder: a checkpoint every 50 steps, one subfolder per mode.") var runDir = "runs/filings/classify"
    @Flag(help: "Continue an interrupted run from its run folder.") var resume = false

    func run() throws {
        BLASThreads.set(threads)
        let comp = FilingsComposer()
        let train = comp.corpus(count: trainDocs, heldOut: false, seed: 101)
        let test = comp.corpus(count: testDocs, heldOut: true, seed: 202)
        let trainEx = train.map { (FilingText.of($0), $0.type) }
        var reports: [ClassificationReport] = []
        let nb = NaiveBayes(); nb.train(trainEx)
        let base = FilingsEval.classification(name: "bag-of-words naive Bayes", { $0.map { nb.classify($0).type } }, docs: test)
        print(base.table); reports.append(base)
        let modes: [ModelClassifier.Mode] = mode == "both" ? [.lastBlock, .full] : mode == "none" ? [] : [ModelClassifier.Mode(rawValue: mode)].compactMap { $0 }
        if modes.isEmpty && mode != "none" { throw ValidationError("--mode is last-block, full, both or none") }
        var best: (Double, ModelClassifier)?
        for m in modes {
            let (lm, tok) = try loadModelDir(model)
            let clf = ModelClassifier(model: lm, tokenizer: tok, seqLen: seqLen)
            var o = ModelClassifier.Options(); o.mode = m; o.steps = steps; o.batchSize = batchSize; o.seqLen = seqLen; o.lr = lr
            o.checkpointEvery = 50
            let began = Date()
            try clf.train(trainEx, options: o, run: URL(fileURLWithPath: runDir).appendingPathComponent(m.rawValue), resume: resume) { stderr($0) }
            let secs = Date().timeIntervalSince(began)
            let r = FilingsEval.classification(name: "model, \(m.rawValue) fine-tune (\(steps) steps, \(Int(secs)) s)", { texts in
                stride(from: 0, to: texts.count, by: 16).flatMap { clf.classify(batch: Array(texts[$0..<min($0 + 16, texts.count)])).map(\.type) }
            }, docs: test)
            print(r.table); reports.append(r)
            if best == nil || r.accuracy > best!.0 { best = (r.accuracy, clf) }
        }
        if let (_, clf) = best {
            try clf.save(to: URL(fileURLWithPath: out))
            stderr("saved the best fine-tuned classifier to \(out)")
        }
        if let path = report {
            let enc = JSONEncoder(); enc.outputFormatting = [.prettyPrinted, .sortedKeys]
            try enc.encode(reports).write(to: URL(fileURLWithPath: path))
        }
    }
}

struct FilingsEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Extraction exact-match per field and the summary number-check rate on held-out composer documents.")
    @Option(help: "Held-out documents.") var docs = 560
    @Option(name: .customLong("summary-model"), help: "Model folder for LM summaries (default: check field summaries only).") var summaryModel: String?
    @Option(name: .customLong("summary-docs"), help: "Documents for the LM summary check.") var summaryDocs = 56
    @Option(help: "LM summary attempts before the fallback.") var tries = 3
    @Option(help: "Also write the results (JSON) here.") var report: String?

    func run() throws {
        let test = FilingsComposer().corpus(count: docs, heldOut: true, seed: 303)
        let scores = FilingsEval.extraction(docs: test)
        print(FilingsEval.extractionTable(scores))
        var writer: SummaryWriter?
        if let dir = summaryModel { _ = try loadModelDir(dir); writer = try SummaryWriter.load(directory: SeedLocator.given(dir), tries: tries) }
        let s = FilingsEval.summaries(writer: writer, docs: Array(test.prefix(writer == nil ? docs : summaryDocs))) { stderr($0) }
        print("field-based summaries passing the number check: \(s.fieldSummaryPass)/\(writer == nil ? docs : summaryDocs)")
        if writer != nil {
            print("LM summaries: \(s.firstTryPass)/\(s.documents) passed on the first try, \(s.passedWithinTries)/\(s.documents) within \(tries) tries, \(s.fallbacks) field-based fallbacks")
            for e in s.examples { print("  " + e) }
        }
        if let path = report {
            struct R: Codable { var extraction: [FilingsEval.FieldScore]; var summaries: FilingsEval.SummaryScore }
            let enc = JSONEncoder(); enc.outputFormatting = [.prettyPrinted, .sortedKeys]
            try enc.encode(R(extraction: scores, summaries: s)).write(to: URL(fileURLWithPath: path))
        }
    }
}

struct FilingsTrainSummaries: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-summaries",
        abstract: "SFT the model on composer filing → summary pairs (<|filing|>CONTEXT<|summary|> → summary).")
    @Option(help: "Model folder to start from.") var model = "models/foibandit-small"
    @Option(help: "Where the summary model goes.") var out = "runs/filings/summarizer"
    @Option var steps = 400
    @Option(name: .customLong("batch-size")) var batchSize = 8
    @Option var lr: Float = 3e-3
    @Option(help: "What the model reads: fields (the extracted fields as key: value lines), fields-document (those, then the start of the text) or document (the text).")
    var prompt = "fields"
    @Option(name: .customLong("train-docs")) var trainDocs = 1400
    @Option(help: "Threads.") var threads = ProcessInfo.processInfo.activeProcessorCount
    @Option(name: .customLong("run"), help: "Run folder: a checkpoint every 50 steps.") var runDir = "runs/filings/summary-sft"
    @Flag(help: "Continue an interrupted run from its run folder.") var resume = false

    func run() throws {
        BLASThreads.set(threads)
        let (m, tok) = try loadModelDir(model)
        let docs = FilingsComposer().corpus(count: trainDocs, heldOut: false, seed: 404)
        guard let style = SummaryPromptStyle(rawValue: prompt) else { throw ValidationError("--prompt is fields, fields-document or document") }
        try FilingsEval.trainSummaries(model: m, tokenizer: tok, docs: docs, steps: steps, batchSize: batchSize, lr: lr, style: style,
                                       run: URL(fileURLWithPath: runDir), resume: resume, checkpointEvery: 50) { stderr($0) }
        // the prompt style travels with the weights: generation must build the prompt SFT saw
        try m.save(to: URL(fileURLWithPath: out), extraFiles: { try tok.save(to: $0); try style.save(in: $0) })
        stderr("saved to \(out); check it with `foibandit filings eval --summary-model \(out)`")
    }
}

struct FilingsCompose: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compose", abstract: "Print one composed filing (the training data's source).")
    @Argument(help: "Type: \(FilingType.allCases.map(\.rawValue).joined(separator: ", ")).") var type: String
    @Option var seed: UInt64 = 0
    @Flag(help: "Print the true fields and the reference summary after the document.") var fields = false

    func run() throws {
        guard let t = FilingType(rawValue: type) else { throw ValidationError("unknown type “\(type)”") }
        let c = FilingsComposer().compose(t, seed: seed)
        print(c.document)
        if fields {
            for k in c.fields.keys.sorted() { print("# \(k): \(c.fields[k]!)") }
            print("# summary: \(c.summary)")
        }
    }
}
