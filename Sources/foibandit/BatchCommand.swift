import ArgumentParser
import FOI
import Foundation
import Service
import Writer

/// `foibandit batch IN.csv -o OUT.csv|OUT.jsonl`: one letter per row; exit 0 all ok, 1 some rows
/// failed or were refused as malformed CSV, 2 unusable input.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a letter for every row of a CSV file (batched decoding, resumable).",
        discussion: """
        Input: a CSV with a header row. Columns: authority (as people write it: name, short name, \
        short forms, typos; what a name resolved to goes to standard error, once per name), keywords \
        (separated by ';'), and optionally style, seed, temperature, max_tokens, requester, and nation \
        and category for a body that is not in the database. A row without a seed gets one \
        from a hash of its content, so a rerun writes the same letters.
        Output (CSV, or JSON Lines for .jsonl): every input column, then letter, score, \
        failed_checks, model, seed, error (JSON Lines also input_key, which --resume checks). \
        A bad row gets its error and the batch goes on. A row that is not valid CSV (more fields \
        than the header, an unbalanced quote, a quote inside an unquoted field) is refused: its \
        line and reason go to standard error, it is not written, and the other rows go on.
        --resume carries on after the last complete row of the output, once every finished row \
        there is found to belong to the input row at its place (an input reordered or edited \
        since is refused, exit 2), and writes again every row that failed, as the input has it \
        now: fix a failed row in the input and resume.
        Exit status: 0 every row ok, 1 some rows failed or were refused, 2 unusable input.
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var modelOptions: ModelOptions
    @Argument(help: "Input CSV file.") var input: String
    @Option(name: [.short, .long], help: "Output file: .csv, or .jsonl for JSON Lines. Default: CSV on standard output.")
    var output: String?
    @Option(help: "Rows decoded together.") var batchSize = 8
    @Flag(help: "Continue an interrupted run from the rows already in the output file.") var resume = false
    @Option(help: "The most tokens a row may ask for.") var maxTokensCap = 2048

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
        if resume && output == nil { throw ValidationError("--resume needs -o/--output") }
    }

    func run() throws {
        let table: BatchTable
        do { table = try BatchCSV.read(contentsOf: URL(fileURLWithPath: input)) } catch {
            stderr("foibandit batch: \(input): \(error)")
            throw ExitCode(2)
        }
        for m in table.malformed { stderr("foibandit batch: \(input):\(m.line): \(m.reason); row refused, not written") }
        let db = try store.open()
        let directory = try Directory(store: db)
        let planner = directory.planner(maxTokensCap: maxTokensCap)
        var told = Set<String>()
        for row in table.rows {
            guard let (a, note) = planner.resolved(row: row, layout: table.layout), let note, told.insert(note).inserted else { continue }
            stderr("note: \(note)")
            if UnlistedBody.isDescribed(a) { stderr("to add it to the database: \(UnlistedBody.addCommand(a))") }
        }
        let writer = try modelOptions.writer(judge: directory.judge, store: db)
        writer.requester = try db.requester()
        let engine = BatchEngine(writer: writer, planner: planner)
        let job = BatchRun(input: table, output: output.map { URL(fileURLWithPath: $0) },
                           format: output.map(BatchFormat.init(path:)) ?? .csv, batchSize: batchSize, resume: resume)
        if output != nil { BatchSignals.install() }
        let tty = isatty(STDERR_FILENO) == 1
        var last: BatchProgress?
        let summary: BatchSummary
        do {
            summary = try job.run(engine: engine) { p in
                last = p
                if tty { FileHandle.standardError.write(Data(("\r\u{1B}[K" + p.line).utf8)) }
            }
        } catch let e as BatchInputError {
            stderr("foibandit batch: \(e)")
            throw ExitCode(2)
        }
        if tty && last != nil { FileHandle.standardError.write(Data("\n".utf8)) }
        var line = summary.line
        if let last { line += String(format: " in %@ (%.2f rows/s, batch size %d)", BatchProgress.clock(last.elapsed), last.rowsPerSecond, batchSize) }
        stderr(line)
        if summary.failed > 0 || summary.malformed > 0 { throw ExitCode(1) }
    }
}
