import CSV
import FOI
import Foundation

/// One request letter a person sent, as read from their files, before matching.
public struct HistoryRequest: Codable, Sendable, Equatable {
    /// The authority as the file names it (a column, a header, the `To:` display name or address).
    public var rawAuthority: String
    public var title: String
    public var body: String
    public var date: String
    /// Keywords given in the file; empty means "derive them".
    public var keywords: [String]
    /// Where it came from: `file.csv:12`, `sent.mbox#3`, `letters/rates.txt`.
    public var source: String
    /// The `To:` address of a mail, for matching its domain against authority websites.
    public var toAddress: String?

    public init(rawAuthority: String, title: String = "", body: String, date: String = "", keywords: [String] = [],
                source: String, toAddress: String? = nil) {
        self.rawAuthority = rawAuthority; self.title = title; self.body = body; self.date = date
        self.keywords = keywords; self.source = source; self.toAddress = toAddress
    }
}

/// A problem with one input; the other inputs are still read.
public enum HistoryImportError: Error, CustomStringConvertible, Equatable {
    case notFound(String)
    case empty(String)
    case encoding(String, String)
    case noTextPart(String)
    case missingColumn(file: String, column: String, found: [String])
    case unsupported(String)
    case badRow(String, String)
    case tooFewLetters(have: Int, need: Int)

    public var description: String {
        switch self {
        case .notFound(let p): return "\(p): no such file or folder"
        case .empty(let p): return "\(p): the file is empty; nothing to import"
        case let .encoding(p, detail): return "\(p): \(detail); save it as UTF-8 and import it again"
        case .noTextPart(let p): return "\(p): the mail has no text part (only attachments or HTML-less binary parts); nothing to import"
        case let .missingColumn(f, c, found):
            return "\(f): the CSV has no `\(c)` column (columns found: \(found.isEmpty ? "none" : found.joined(separator: ", "))); "
                + "expected authority, body and optionally title, date, keywords"
        case .unsupported(let p):
            return "\(p): unsupported file type; import .csv, .jsonl, .txt (or a folder of them), .eml or .mbox files"
        case let .badRow(w, why): return "\(w): \(why)"
        case let .tooFewLetters(have, need):
            return "the history holds \(have) letter\(have == 1 ? "" : "s"); at least \(need) are needed to learn a style "
                + "(import more with `foibandit history import PATH...`)"
        }
    }
}

/// Reads request letters from the formats people keep them in. Each input is read on its own:
/// a bad file is reported and skipped, the others still come through.
public enum HistoryParser {
    public struct Result: Sendable {
        public var requests: [HistoryRequest] = []
        public var problems: [HistoryImportError] = []
    }

    public static func read(paths: [String]) -> Result {
        var r = Result()
        for p in paths {
            let got = read(path: p)
            r.requests += got.requests
            r.problems += got.problems
        }
        return r
    }

    public static func read(path: String) -> Result {
        var r = Result()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            r.problems.append(.notFound(path)); return r
        }
        if isDir.boolValue {
            let files = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { ["txt", "eml", "csv", "jsonl", "mbox"].contains(($0 as NSString).pathExtension.lowercased()) }
                .sorted()
            if files.isEmpty { r.problems.append(.empty(path + " (no .txt, .eml, .csv, .jsonl or .mbox files)")) }
            for f in files {
                let got = read(path: (path as NSString).appendingPathComponent(f))
                r.requests += got.requests; r.problems += got.problems
            }
            return r
        }
        do {
            let ext = (path as NSString).pathExtension.lowercased()
            guard let data = FileManager.default.contents(atPath: path) else { throw HistoryImportError.notFound(path) }
            if data.isEmpty || data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                throw HistoryImportError.empty(path)
            }
            switch ext {
            case "csv":
                let got = try csv(try decodeText(data, file: path), file: path)
                r.requests += got.requests; r.problems += got.problems
            case "jsonl", "ndjson":
                let got = try jsonLines(try decodeText(data, file: path), file: path)
                r.requests += got.requests; r.problems += got.problems
            case "txt":
                r.requests.append(try textFile(try decodeText(data, file: path), file: path))
            case "eml":
                r.requests.append(try HistoryMail.message(data, source: path))
            case "mbox", "mbx":
                let got = HistoryMail.mbox(data, file: path)
                r.requests += got.requests; r.problems += got.problems
            default:
                // Mail saved without an extension is still recognisable by its headers.
                if data.starts(with: Data("From ".utf8)) {
                    let got = HistoryMail.mbox(data, file: path)
                    r.requests += got.requests; r.problems += got.problems
                } else {
                    throw HistoryImportError.unsupported(path)
                }
            }
        } catch let e as HistoryImportError {
            r.problems.append(e)
        } catch {
            r.problems.append(.badRow(path, "\(error)"))
        }
        return r
    }

    /// UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark; anything else is refused
    /// rather than guessed, so no letter is imported as mojibake.
    public static func decodeText(_ data: Data, file: String) throws -> String {
        let b = [UInt8](data.prefix(4))
        if b.starts(with: [0xFF, 0xFE]) || b.starts(with: [0xFE, 0xFF]) {
            guard let s = String(data: data, encoding: .utf16) else {
                throw HistoryImportError.encoding(file, "not valid UTF-16 text despite its byte-order mark")
            }
            return s
        }
        if data.contains(0) {
            throw HistoryImportError.encoding(file, "looks like a binary file (it contains NUL bytes), not text")
        }
        guard var s = String(validatingUTF8: Array(data).map { CChar(bitPattern: $0) } + [0]) else {
            throw HistoryImportError.encoding(file, "not UTF-8 text (unknown encoding, perhaps Windows-1252 or Latin-1)")
        }
        if s.hasPrefix("\u{FEFF}") { s.removeFirst() }
        return s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    static let bodyColumns = ["body", "letter", "text", "request"]

    /// Every row, the header included, as the CSV package reads them.
    static func csvRows(_ text: String, file: String) throws -> [[String]] {
        do { return Array(try CSVReader(string: text, hasHeaderRow: false)) } catch {
            throw HistoryImportError.badRow(file, "cannot parse CSV (\(error))")
        }
    }

    public static func csv(_ text: String, file: String) throws -> Result {
        let rows = try csvRows(text, file: file).filter { !($0.count == 1 && $0[0].trimmingSpaces.isEmpty) }
        guard let header = rows.first else { throw HistoryImportError.empty(file) }
        let cols = header.map { $0.trimmingSpaces.lowercased() }
        func col(_ names: [String]) -> Int? { names.lazy.compactMap { cols.firstIndex(of: $0) }.first }
        guard let bodyCol = col(bodyColumns) else {
            throw HistoryImportError.missingColumn(file: file, column: "body", found: header.map(\.trimmingSpaces))
        }
        let authCol = col(["authority", "to", "recipient", "public body", "authority_name"])
        let titleCol = col(["title", "subject"]), dateCol = col(["date", "sent", "created"]), kwCol = col(["keywords", "tags"])
        var r = Result()
        if rows.count == 1 { throw HistoryImportError.empty(file + " (a header row and no requests)") }
        for (i, row) in rows.dropFirst().enumerated() {
            let line = "\(file):\(i + 2)"
            func field(_ c: Int?) -> String { c.flatMap { $0 < row.count ? row[$0] : nil }?.trimmingSpaces ?? "" }
            let body = field(bodyCol)
            if body.isEmpty { r.problems.append(.badRow(line, "empty body; row skipped")); continue }
            r.requests.append(HistoryRequest(rawAuthority: field(authCol), title: field(titleCol), body: normaliseLetter(body),
                                             date: field(dateCol), keywords: splitKeywords(field(kwCol)), source: line))
        }
        return r
    }

    public static func jsonLines(_ text: String, file: String) throws -> Result {
        var r = Result()
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let w = "\(file):\(i + 1)"
            guard let obj = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
                r.problems.append(.badRow(w, "not a JSON object; line skipped")); continue
            }
            func s(_ keys: [String]) -> String { keys.lazy.compactMap { obj[$0] as? String }.first?.trimmingSpaces ?? "" }
            let body = s(bodyColumns)
            if body.isEmpty { r.problems.append(.badRow(w, "no `body` field; line skipped")); continue }
            var kws: [String] = []
            if let a = obj["keywords"] as? [String] { kws = a.map(\.trimmingSpaces).filter { !$0.isEmpty } }
            else { kws = splitKeywords(s(["keywords", "tags"])) }
            r.requests.append(HistoryRequest(rawAuthority: s(["authority", "to"]), title: s(["title", "subject"]),
                                             body: normaliseLetter(body), date: s(["date"]), keywords: kws, source: w))
        }
        if r.requests.isEmpty && r.problems.isEmpty { throw HistoryImportError.empty(file) }
        return r
    }

    /// A `.txt` letter, optionally preceded by `Authority:`, `Title:`, `Date:`, `Keywords:`, `To:` lines
    /// and a blank line. Without a title the file name is the title.
    public static func textFile(_ text: String, file: String) throws -> HistoryRequest {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var headers: [String: String] = [:]
        let known = ["authority", "title", "subject", "date", "keywords", "to"]
        var k = 0
        while k < lines.count, let colon = lines[k].firstIndex(of: ":"),
              known.contains(lines[k][..<colon].lowercased().trimmingSpaces) {
            headers[lines[k][..<colon].lowercased().trimmingSpaces] = String(lines[k][lines[k].index(after: colon)...]).trimmingSpaces
            k += 1
        }
        if k > 0 { lines.removeFirst(k) }
        let body = normaliseLetter(lines.joined(separator: "\n"))
        guard !body.isEmpty else { throw HistoryImportError.empty(file) }
        let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            .replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        let to = headers["to"]
        return HistoryRequest(rawAuthority: headers["authority"] ?? to.map { HistoryMail.displayName($0) } ?? "",
                              title: headers["title"] ?? headers["subject"] ?? name, body: body,
                              date: headers["date"] ?? "", keywords: splitKeywords(headers["keywords"] ?? ""),
                              source: file, toAddress: to.flatMap(HistoryMail.address))
    }

    static func splitKeywords(_ s: String) -> [String] {
        s.split(whereSeparator: { $0 == ";" || $0 == "|" }).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// Line endings to `\n`, trailing spaces off every line, at most one blank line in a row, trimmed.
    public static func normaliseLetter(_ s: String) -> String {
        var out: [String] = []
        for l in s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(l)
            while let last = line.last, last == " " || last == "\t" { line.removeLast() }
            if line.isEmpty && (out.last?.isEmpty ?? true) { continue }
            out.append(line)
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n")
    }
}
