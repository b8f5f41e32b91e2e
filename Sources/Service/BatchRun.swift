import FOI
import Foundation
import Writer
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Totals of a batch run.
public struct BatchSummary: Sendable, Equatable {
    /// Rows in the input.
    public var total = 0
    /// Rows found complete (and not failed) in the output and kept (`--resume`).
    public var resumed = 0
    public var ok = 0
    public var failed = 0
    /// Input records refused as malformed CSV (not in `total`, not written).
    public var malformed = 0

    public var line: String {
        var l = "\(ok) ok, \(failed) failed of \(total) rows"
        if resumed > 0 { l += " (\(resumed) already done, resumed)" }
        if malformed > 0 { l += "; \(malformed) malformed CSV row\(malformed == 1 ? "" : "s") refused, not written" }
        return l
    }
}

/// Runs a batch file to an output file, a chunk of `batchSize` rows per decode. Each chunk's rows are
/// appended with one write and flushed to disk before the next chunk; with `BatchSignals.install()`,
/// SIGINT/SIGTERM/SIGHUP end the process at once except during that write, which they wait for; `--resume` cuts off anything after the last complete row (a torn write
/// from SIGKILL or power loss) and carries on from the next input row, once every finished row is
/// found to match the input row at its place. A resume also writes again every row that failed
/// (the input or the model may have been fixed since): the file is cut at the first failed row and
/// the good rows after it are copied back in order. Malformed input records are not rows here: they
/// are never written, so output row k always belongs to `input.rows[k]`.
public struct BatchRun {
    public var input: BatchTable
    public var output: URL?
    public var format: BatchFormat
    public var batchSize: Int
    public var resume: Bool

    public init(input: BatchTable, output: URL?, format: BatchFormat, batchSize: Int, resume: Bool) {
        self.input = input; self.output = output; self.format = format
        self.batchSize = max(1, batchSize); self.resume = resume
    }

    /// Prepares the output: returns a handle positioned for appending, the row to go on from, and the
    /// good rows after it that a resume copies back (by row index) rather than writing them again.
    func openOutput() throws -> (FileHandle, from: Int, kept: [Int: Data]) {
        guard let output else {
            if format == .csv { FileHandle.standardOutput.write(BatchCSV.encode(input.layout.outputHeader)) }
            return (FileHandle.standardOutput, 0, [:])
        }
        let fm = FileManager.default
        var from = 0, keep = 0, kept: [Int: Data] = [:]
        if resume, let data = fm.contents(atPath: output.path) {
            let found = try BatchCSV.completeRowSpans(in: data, format: format, layout: input.layout, input: input)
            from = found.rows.firstIndex(where: \.failed) ?? found.rows.count
            keep = from < found.rows.count ? found.rows[from].bytes.lowerBound : (found.rows.last?.bytes.upperBound ?? found.headerEnd)
            for (i, row) in found.rows.enumerated() where i > from && !row.failed { kept[i] = data[row.bytes] }
        }
        if !fm.fileExists(atPath: output.path) {
            guard fm.createFile(atPath: output.path, contents: nil) else {
                throw BatchInputError.unreadable("cannot create \(output.path)")
            }
        }
        let h = try FileHandle(forUpdating: output)
        try h.truncate(atOffset: UInt64(keep))
        try h.seekToEnd()
        if keep == 0 && format == .csv { try Self.append(BatchCSV.encode(input.layout.outputHeader), to: h) }
        return (h, from, kept)
    }

    /// Appends in one write, flushed; an interrupting signal that arrives meanwhile takes effect
    /// once the rows are on disk (see `BatchSignals`).
    static func append(_ data: Data, to h: FileHandle) throws {
        batchWriting = 1
        defer { BatchSignals.leaveWrite() }
        try h.write(contentsOf: data)
        if h !== FileHandle.standardOutput { try h.synchronize() }
    }

    /// Runs the batch; `progress` is called after every chunk.
    public func run(engine: BatchEngine, progress: ((BatchProgress) -> Void)? = nil) throws -> BatchSummary {
        let (out, from, kept) = try openOutput()
        defer { if out !== FileHandle.standardOutput { try? out.close() } }
        let resumed = from + kept.count
        var summary = BatchSummary(total: input.rows.count, resumed: resumed, ok: resumed, failed: 0,
                                   malformed: input.malformed.count)
        let start = Date()
        let todo = input.rows.count - resumed
        var i = from, written = 0
        while i < input.rows.count {
            if let row = kept[i] {
                try Self.append(row, to: out)
                i += 1
                continue
            }
            // The rows up to the next kept one (or a full batch) decode together.
            var end = i
            while end < input.rows.count && kept[end] == nil && end - i < batchSize { end += 1 }
            let results = engine.run(rows: Array(input.rows[i..<end]), layout: input.layout)
            try Self.append(BatchCSV.encode(results, layout: input.layout, format: format), to: out)
            for r in results { if r.ok { summary.ok += 1 } else { summary.failed += 1 } }
            written += end - i
            i = end
            progress?(BatchProgress(done: written, total: todo, failed: summary.failed, elapsed: Date().timeIntervalSince(start)))
        }
        return summary
    }
}

// Read and written by the signal handler: plain globals of a signal-safe type, touched once by
// `install()` so that their lazy initialisation never happens inside the handler.
nonisolated(unsafe) var batchWriting: sig_atomic_t = 0
nonisolated(unsafe) var batchPendingSignal: sig_atomic_t = 0

/// Ctrl-C, SIGTERM and SIGHUP for `foibandit batch`: outside a write the process exits at once
/// (status 128 + signal); during one, it exits as soon as the rows are flushed. Either way the
/// output ends with a complete row, and `--resume` carries on from there.
public enum BatchSignals {
    public static func install() {
        batchWriting = 0
        batchPendingSignal = 0
        for s in [SIGINT, SIGTERM, SIGHUP] {
            signal(s) { sig in
                if batchWriting != 0 { batchPendingSignal = sig; return }
                batchLeave(sig)
            }
        }
    }

    static func leaveWrite() {
        batchWriting = 0
        if batchPendingSignal != 0 { batchLeave(batchPendingSignal) }
    }
}

/// Async-signal-safe: write(2) and _exit(2) only (the message is a static C string).
func batchLeave(_ sig: Int32) {
    let msg: StaticString = "\nfoibandit batch: interrupted; rows written so far are complete (rerun with --resume to continue)\n"
    _ = write(2, msg.utf8Start, msg.utf8CodeUnitCount)
    _exit(128 + sig)
}
