/// A strict RFC 4180 reader for batch input and seed imports, one record at a time with the line it starts on.
///
/// CSV.swift reads leniently: a stray quote inside an unquoted field is dropped, an unbalanced quote
/// swallows the rest of the file into one field, and neither says where. For letters that go to a
/// named authority that is data put in the wrong place, so here a record that breaks the rules is
/// returned with its reason and its line, and reading carries on at the next line.
public struct CSVRecords {
    public struct Record: Equatable, Sendable {
        /// The line the record starts on (1-based; a quoted field may run over several lines).
        public var line: Int
        public var fields: [String]
        /// Why the record is refused; nil when it is well-formed.
        public var error: String?
    }

    private let bytes: [UInt8]
    private var i = 0
    private var line = 1

    /// `text` must be UTF-8 already checked; the separators are ASCII, so every field is valid UTF-8 too.
    public init(_ text: String) { bytes = Array(text.utf8) }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    public static func all(_ text: String) -> [Record] {
        var reader = CSVRecords(text)
        var out: [Record] = []
        while let r = reader.next() { out.append(r) }
        return out
    }

    public mutating func next() -> Record? {
        guard i < bytes.count else { return nil }
        let startLine = line, start = i
        var fields: [String] = []
        while true {
            switch field(number: fields.count + 1) {
            case .failure(let why):
                resync(startLine: startLine, start: start)
                return Record(line: startLine, fields: fields, error: why.message)
            case .success(let f):
                fields.append(f)
            }
            if i >= bytes.count { return Record(line: startLine, fields: fields) }
            if bytes[i] == Self.comma { i += 1; continue }
            skipNewline()
            return Record(line: startLine, fields: fields)
        }
    }

    private struct Refusal: Error { var message: String }

    /// One field, leaving `i` on the comma, the line end or the end of the text after it.
    private mutating func field(number n: Int) -> Result<String, Refusal> {
        // Spaces before an opening quote are tolerated (`a, "b"`), as spreadsheets write them.
        var j = i
        while j < bytes.count, bytes[j] == Self.space || bytes[j] == Self.tab { j += 1 }
        if j < bytes.count, bytes[j] == Self.quote { i = j + 1; return quoted(number: n) }
        let from = i
        while i < bytes.count, bytes[i] != Self.comma, bytes[i] != Self.lf, bytes[i] != Self.cr {
            if bytes[i] == Self.quote {
                return .failure(Refusal(message: "a stray quote in unquoted field \(n) (quote the whole field and double "
                    + "any quote inside it: \"pothole \"\"repairs\"\"\")"))
            }
            i += 1
        }
        return .success(String(decoding: bytes[from..<i], as: UTF8.self))
    }

    private mutating func quoted(number n: Int) -> Result<String, Refusal> {
        let opened = line
        var out: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            if b == Self.quote {
                if i + 1 < bytes.count, bytes[i + 1] == Self.quote { out.append(b); i += 2; continue }
                i += 1
                while i < bytes.count, bytes[i] == Self.space || bytes[i] == Self.tab { i += 1 }
                if i < bytes.count, bytes[i] != Self.comma, bytes[i] != Self.lf, bytes[i] != Self.cr {
                    // Run on past its line, this is more likely a quote never closed than one not doubled.
                    return .failure(Refusal(message: line > opened
                        ? "an unbalanced quote in field \(n): the quote it opens runs on to line \(line) and does not end the field there"
                        : "text after the closing quote of field \(n) (a quote inside a quoted field must be doubled: \"\")"))
                }
                return .success(String(decoding: out, as: UTF8.self))
            }
            if b == Self.lf || (b == Self.cr && (i + 1 >= bytes.count || bytes[i + 1] != Self.lf)) { line += 1 }
            out.append(b)
            i += 1
        }
        return .failure(Refusal(message: "an unbalanced quote in field \(n): the quote it opens is never closed"))
    }

    private mutating func skipNewline() {
        if bytes[i] == Self.cr, i + 1 < bytes.count, bytes[i + 1] == Self.lf { i += 2 } else { i += 1 }
        line += 1
    }

    /// After a refused record, reading resumes on the line after the one it started on: an
    /// unbalanced quote then costs one row, not the rest of the file.
    private mutating func resync(startLine: Int, start: Int) {
        i = start
        line = startLine
        while i < bytes.count, bytes[i] != Self.lf, bytes[i] != Self.cr { i += 1 }
        if i < bytes.count { skipNewline() }
    }
}
