import CSV
import FOI
import Foundation
import Writer

/// Reading back an interrupted output for `--resume`: where its last complete row ends, and whether
/// its rows were written for the input being resumed. A resume that trusted the row count alone
/// wrote duplicates and skipped rows once the input had been reordered; each finished row is now
/// checked against the input row at its place, by its fields (CSV) or their key (JSON Lines).
extension BatchCSV {
    /// The JSON Lines field that holds `inputKey` of the row's input.
    public static let inputKeyName = "input_key"

    /// A row's identity: FNV-1a (64-bit) of its fields, each prefixed with its length so no two
    /// different rows join to the same text. It detects an edited or reordered input; it is not a
    /// defence against someone forging an output.
    public static func inputKey(_ fields: [String]) -> String {
        let joined = fields.map { "\($0.utf8.count):\($0)" }.joined()
        return StableHash.hex(StableHash.fnv1a(joined))
    }

    /// What an interrupted output already holds: the number of complete rows, and the byte length
    /// of the file up to the end of the last complete one (anything after it is a torn write).
    /// `failed` counts those rows with an error. See `completeRowSpans`.
    public static func completeRows(in data: Data, format: BatchFormat, layout: BatchLayout,
                                    input: BatchTable? = nil) throws(BatchInputError) -> (rows: Int, bytes: Int, failed: Int) {
        let r = try completeRowSpans(in: data, format: format, layout: layout, input: input)
        return (r.rows.count, r.rows.last?.bytes.upperBound ?? r.headerEnd, r.rows.filter(\.failed).count)
    }

    /// One complete output row: where its bytes are, and whether it holds an error (a resume writes it again).
    public struct RowSpan: Equatable, Sendable {
        public var bytes: Range<Int>
        public var failed: Bool
    }

    /// The complete rows of an interrupted output, in order, after the header (CSV) that ends at
    /// `headerEnd`. A CSV row counts only if it re-encodes to exactly the bytes on disk, newline
    /// included. Given `input`, every complete row that did not fail must have been written for the
    /// input row at its place, or the resume is refused (`outputMismatch`); a failed row may have
    /// been fixed in the input since, and is written again.
    public static func completeRowSpans(in data: Data, format: BatchFormat, layout: BatchLayout,
                                        input: BatchTable? = nil) throws(BatchInputError) -> (headerEnd: Int, rows: [RowSpan]) {
        switch format {
        case .jsonl:
            var rows = 0, spans: [RowSpan] = []
            var start = data.startIndex
            while let nl = data[start...].firstIndex(of: 0x0A) {
                let line = data[start..<nl]
                guard let obj = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any] else { break }
                let failed = obj["error"] is String
                if let input, !failed {
                    guard let key = obj[inputKeyName] as? String else {
                        throw .outputMismatch("output row \(rows + 1) has no \(inputKeyName) (written by an older foibandit?), "
                            + "so it cannot be matched to the input; write to a new output file")
                    }
                    try check(row: rows, of: input) { key == inputKey($0) }
                } else if let input, rows >= input.rows.count {
                    try check(row: rows, of: input) { _ in false }
                }
                spans.append(RowSpan(bytes: (start - data.startIndex)..<(nl + 1 - data.startIndex), failed: failed))
                rows += 1
                start = nl + 1
            }
            return (0, spans)
        case .csv:
            guard !data.isEmpty else { return (0, []) }
            // Only the complete lines matter; the reader may choke on a torn last field.
            guard let text = String(data: data, encoding: .utf8) ?? longestUTF8Prefix(data) else { return (0, []) }
            let reader: CSVReader
            do { reader = try CSVReader(string: text, hasHeaderRow: false) } catch { throw .outputMismatch("cannot parse the output CSV") }
            var offset = 0, rows = -1, headerEnd = 0, spans: [RowSpan] = []
            let bytes = [UInt8](data)
            while let r = reader.next() {
                let enc = [UInt8](encode(r))
                guard offset + enc.count <= bytes.count, Array(bytes[offset..<offset + enc.count]) == enc else { break }
                if rows < 0 {
                    guard r == layout.outputHeader else {
                        throw .outputMismatch("the output's header is not this input's header plus \(BatchColumn.outputs.joined(separator: ","))")
                    }
                    headerEnd = enc.count
                } else {
                    let failed = !(r.last ?? "").isEmpty
                    if let input {
                        let written = Array(r.prefix(layout.header.count))
                        try check(row: rows, of: input, written: written) { failed || written == $0 }
                    }
                    spans.append(RowSpan(bytes: offset..<(offset + enc.count), failed: failed))
                }
                rows += 1; offset += enc.count
            }
            return (headerEnd, spans)
        }
    }

    /// Output row `row` (0-based, header not counted) must have been written for `input.rows[row]`,
    /// whose fields as written (padded to the header's width) `matches` is given.
    static func check(row: Int, of input: BatchTable, written: [String]? = nil,
                      _ matches: ([String]) -> Bool) throws(BatchInputError) {
        guard row < input.rows.count else {
            throw .outputMismatch("the output holds more finished rows than the input has rows (\(input.rows.count)); "
                + "the input has changed since: write to a new output file, or rerun without --resume")
        }
        let width = input.layout.header.count
        let expected = input.rows[row] + Array(repeating: "", count: max(0, width - input.rows[row].count))
        guard !matches(expected) else { return }
        var why = "output row \(row + 1) was not written for input line \(input.lines[row]) ('\(preview(expected))')"
        if let written { why += " but for '\(preview(written))'" }
        throw .outputMismatch(why + ": the input has been reordered or edited since; write to a new output file, "
            + "or rerun without --resume to start over")
    }

    /// The first fields of a row, short enough for a message.
    static func preview(_ fields: [String]) -> String {
        let text = fields.prefix(2).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")
        return text.count > 60 ? String(text.prefix(57)) + "..." : text
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
