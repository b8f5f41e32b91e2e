import CSV
import FOI
import Foundation
import Writer

/// Batch files: CSV in; CSV or JSON Lines out. Parsing and quoting by CSV.swift.
public enum BatchFormat: String, Sendable {
    case csv, jsonl

    /// `.jsonl` / `.ndjson` write JSON Lines; anything else CSV.
    public init(path: String) {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        self = (ext == "jsonl" || ext == "ndjson") ? .jsonl : .csv
    }
}

public struct BatchTable: Sendable, Equatable {
    public var layout: BatchLayout
    /// The well-formed rows, in file order.
    public var rows: [[String]]
    /// The line each row starts on (the header is line 1), for messages.
    public var lines: [Int]
    /// Records refused as malformed CSV: never planned, never written, reported by line.
    public var malformed: [BatchMalformedRow]

    public init(layout: BatchLayout, rows: [[String]], lines: [Int]? = nil, malformed: [BatchMalformedRow] = []) {
        self.layout = layout
        self.rows = rows
        self.lines = lines ?? rows.indices.map { $0 + 2 }
        self.malformed = malformed
    }
}

/// A record of a batch input that breaks the CSV rules (more fields than the header, an unbalanced
/// or stray quote): its fields cannot be trusted to be in their columns, so it is refused whole.
public struct BatchMalformedRow: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var reason: String
    public var description: String { "line \(line): \(reason)" }
}

public enum BatchCSV {
    /// Reads a batch input: UTF-8 (a byte-order mark is dropped), a header row, then rows. Blank
    /// lines are skipped; a malformed row is set aside in `malformed` with its line, and the rest
    /// are read on (a malformed header makes the whole input unusable).
    public static func read(_ data: Data) throws(BatchInputError) -> BatchTable {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else { throw .notUTF8 }
        var reader = CSVRecords(text)
        guard let head = reader.next() else { throw .noHeader }
        if let why = head.error { throw .malformed("line \(head.line) (the header): \(why)") }
        let layout = try BatchLayout(header: head.fields)
        var table = BatchTable(layout: layout, rows: [], lines: [])
        while let r = reader.next() {
            if let why = r.error {
                table.malformed.append(BatchMalformedRow(line: r.line, reason: why))
            } else if r.fields.count == 1 && r.fields[0].trimmingCharacters(in: .whitespaces).isEmpty {
                continue
            } else if r.fields.count > layout.header.count {
                // Extra fields would push every later value into the wrong column of the output.
                table.malformed.append(BatchMalformedRow(line: r.line, reason: "\(r.fields.count) fields, but the header has "
                    + "\(layout.header.count) (a comma inside a value needs the value in quotes)"))
            } else {
                table.rows.append(r.fields)
                table.lines.append(r.line)
            }
        }
        return table
    }

    public static func read(contentsOf url: URL) throws(BatchInputError) -> BatchTable {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadable("\(url.path): \(FileManager.default.fileExists(atPath: url.path) ? "unreadable" : "no such file")")
        }
        return try read(data)
    }

    /// Records as CSV.swift reads them: for our own output, which `encode` wrote.
    static func records(_ text: String) throws(BatchInputError) -> [[String]] {
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: false) } catch { throw .malformed("\(error)") }
        var out: [[String]] = []
        while let r = reader.next() { out.append(r) }
        if let e = reader.error { throw .malformed("\(e)") }
        return out
    }

    /// One CSV record, newline-terminated.
    public static func encode(_ fields: [String]) -> Data {
        let stream = OutputStream.toMemory()
        stream.open()
        // Writing to memory cannot fail; a failure here would be a CSV.swift bug.
        let writer = try! CSVWriter(stream: stream)
        try! writer.write(row: fields)
        stream.close()
        var data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        data.append(0x0A)
        return data
    }

    /// One JSON Lines record: the input columns by header name, then the result fields
    /// (score and seed as numbers, failed_checks as an array; absent ones null), then `input_key`.
    public static func encodeJSONLine(_ row: BatchResultRow, header: [String]) -> Data {
        func str(_ s: String) -> String { String(decoding: try! JSONEncoder().encode(s), as: UTF8.self) }
        var parts: [String] = []
        var seen = Set<String>()
        for (i, name) in header.enumerated() where !BatchColumn.outputs.contains(name) && name != inputKeyName && seen.insert(name).inserted {
            parts.append("\(str(name)):\(str(i < row.input.count ? row.input[i] : ""))")
        }
        parts.append("\"letter\":\(str(row.letter))")
        parts.append("\"score\":\(row.score.map(String.init) ?? "null")")
        parts.append("\"failed_checks\":[\(row.failedChecks.map(str).joined(separator: ","))]")
        parts.append("\"model\":\(str(row.model))")
        parts.append("\"seed\":\(row.seed.map(String.init) ?? "null")")
        parts.append("\"error\":\(row.error.isEmpty ? "null" : str(row.error))")
        // The input row's identity, which `--resume` checks (JSON Lines cannot hold every input
        // column: an input `seed` shares the output's name).
        parts.append("\"\(inputKeyName)\":\(str(inputKey(row.input)))")
        return Data(("{" + parts.joined(separator: ",") + "}\n").utf8)
    }

    public static func encode(_ rows: [BatchResultRow], layout: BatchLayout, format: BatchFormat) -> Data {
        var data = Data()
        for r in rows {
            data.append(format == .csv ? encode(r.fields) : encodeJSONLine(r, header: layout.header))
        }
        return data
    }

    /// A whole CSV result (header + rows), as `POST /v1/batch` returns it.
    public static func document(_ rows: [BatchResultRow], layout: BatchLayout) -> Data {
        encode(layout.outputHeader) + encode(rows, layout: layout, format: .csv)
    }
}
