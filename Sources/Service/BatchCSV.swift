import CSV
import FOI
import Foundation

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
    public var rows: [[String]]
}

public enum BatchCSV {
    /// Reads a batch input: UTF-8 (a byte-order mark is dropped), a header row, then rows.
    /// Blank lines are skipped.
    public static func read(_ data: Data) throws(BatchInputError) -> BatchTable {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else { throw .notUTF8 }
        let records = try records(text)
        guard let header = records.first else { throw .noHeader }
        let layout = try BatchLayout(header: header)
        let rows = records.dropFirst().filter { !($0.count == 1 && $0[0].trimmingCharacters(in: .whitespaces).isEmpty) }
        return BatchTable(layout: layout, rows: Array(rows))
    }

    public static func read(contentsOf url: URL) throws(BatchInputError) -> BatchTable {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadable("\(url.path): \(FileManager.default.fileExists(atPath: url.path) ? "unreadable" : "no such file")")
        }
        return try read(data)
    }

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
    /// (score and seed as numbers, failed_checks as an array; absent ones null).
    public static func encodeJSONLine(_ row: BatchResultRow, header: [String]) -> Data {
        func str(_ s: String) -> String { String(decoding: try! JSONEncoder().encode(s), as: UTF8.self) }
        var parts: [String] = []
        var seen = Set<String>()
        for (i, name) in header.enumerated() where !BatchColumn.outputs.contains(name) && seen.insert(name).inserted {
            parts.append("\(str(name)):\(str(i < row.input.count ? row.input[i] : ""))")
        }
        parts.append("\"letter\":\(str(row.letter))")
        parts.append("\"score\":\(row.score.map(String.init) ?? "null")")
        parts.append("\"failed_checks\":[\(row.failedChecks.map(str).joined(separator: ","))]")
        parts.append("\"model\":\(str(row.model))")
        parts.append("\"seed\":\(row.seed.map(String.init) ?? "null")")
        parts.append("\"error\":\(row.error.isEmpty ? "null" : str(row.error))")
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

    /// What an interrupted output already holds: the number of complete rows, and the byte length
    /// of the file up to the end of the last complete one (anything after it is a torn write).
    /// A CSV row counts only if it re-encodes to exactly the bytes on disk, newline included.
    /// `failed` counts those rows with an error.
    public static func completeRows(in data: Data, format: BatchFormat, layout: BatchLayout) throws(BatchInputError) -> (rows: Int, bytes: Int, failed: Int) {
        switch format {
        case .jsonl:
            var rows = 0, end = 0, failed = 0
            var start = data.startIndex
            while let nl = data[start...].firstIndex(of: 0x0A) {
                let line = data[start..<nl]
                guard let obj = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any] else { break }
                if obj["error"] is String { failed += 1 }
                rows += 1; end = nl + 1 - data.startIndex
                start = nl + 1
            }
            return (rows, end, failed)
        case .csv:
            guard !data.isEmpty else { return (0, 0, 0) }
            // Only the complete lines matter; the reader may choke on a torn last field.
            guard let text = String(data: data, encoding: .utf8) ?? longestUTF8Prefix(data) else { return (0, 0, 0) }
            let reader: CSVReader
            do { reader = try CSVReader(string: text, hasHeaderRow: false) } catch { throw .outputMismatch("cannot parse the output CSV") }
            var offset = 0, rows = -1, failed = 0
            let bytes = [UInt8](data)
            while let r = reader.next() {
                let enc = [UInt8](encode(r))
                guard offset + enc.count <= bytes.count, Array(bytes[offset..<offset + enc.count]) == enc else { break }
                if rows < 0 {
                    guard r == layout.outputHeader else {
                        throw .outputMismatch("the output's header is not this input's header plus \(BatchColumn.outputs.joined(separator: ","))")
                    }
                } else if let e = r.last, !e.isEmpty {
                    failed += 1
                }
                rows += 1; offset += enc.count
            }
            return (max(rows, 0), rows < 0 ? 0 : offset, failed)
        }
    }

    static func longestUTF8Prefix(_ data: Data) -> String? {
        var d = data
        for _ in 0..<4 where !d.isEmpty {
            d = d.dropLast()
            if let s = String(data: d, encoding: .utf8) { return s }
        }
        return nil
    }
}
