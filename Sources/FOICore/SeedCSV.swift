import Foundation

/// A seed row that cannot become an authority or a keyword; `reason` is what the person reads.
public struct SeedRowError: Error, Sendable {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
}

/// Reading the seed CSVs (`authorities/`, `keywords/`): rows keyed by header, and the rules that turn
/// a row into an `Authority` or a `Keyword`. The store's import and the commands that run without a
/// store share them, so a file is judged the same way everywhere.
public enum SeedCSV {
    public typealias Row = (line: Int, fields: [String: String])

    /// Why a whole file is refused; `description` starts with `file:` or `file:line:`.
    public enum FileError: Error, CustomStringConvertible, Sendable {
        case unreadable(String)
        case notUTF8(String)
        case unparsable(String, String)
        case missingColumns(String, missing: [String], header: [String])

        public var description: String {
            switch self {
            case .unreadable(let p): "\(p): cannot read file"
            case .notUTF8(let p): "\(p): not UTF-8 text"
            case .unparsable(let p, let why): "\(p):1: cannot parse CSV (\(why))"
            case .missingColumns(let p, let m, let h):
                "\(p):1: missing column(s) \(m.joined(separator: ", ")); header is \(h.joined(separator: ","))"
            }
        }
    }

    public static func read(path: String) throws(FileError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        guard var text = String(data: data, encoding: .utf8) else { throw .notUTF8(path) }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    /// Rows keyed by header, each with the line it starts on (the header is line 1). Blank rows are
    /// skipped. Read strictly (`CSVRecords`): a record that is not valid CSV is marked (`__error`), and
    /// one of the wrong width (`__width`), so the row rules refuse it with its line; an unclosed quote
    /// costs its own row, not the rows after it.
    public static func rows(_ text: String, file: String, required: [String]) throws(FileError) -> [Row] {
        var reader = CSVRecords(text)
        guard let first = reader.next() else { throw .missingColumns(file, missing: required, header: []) }
        if let why = first.error { throw .unparsable(file, why) }
        let header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let missing = required.filter { !header.contains($0) }
        if !missing.isEmpty { throw .missingColumns(file, missing: missing, header: header) }
        var out: [Row] = []
        while let record = reader.next() {
            let row = record.fields
            if record.error == nil && row.count == 1 && row[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            var fields: [String: String] = [:]
            for (i, name) in header.enumerated() where i < row.count {
                fields[name] = row[i].trimmingCharacters(in: .whitespaces)
            }
            if let why = record.error { fields["__error"] = why } else if row.count != header.count { fields["__width"] = "\(row.count)" }
            out.append((record.line, fields))
        }
        return out
    }

    /// The refusal every row rule makes first: a record that is not CSV, or not as wide as the header.
    public static func checkShape(_ f: [String: String]) throws(SeedRowError) {
        if let why = f["__error"] { throw SeedRowError("not valid CSV: \(why)") }
        if let w = f["__width"] { throw SeedRowError("has \(w) fields, header has a different count") }
    }

    public static let authorityColumns = ["name", "group", "category", "nation", "regime"]
    public static let keywordColumns = ["keyword", "theme", "categories", "environmental"]

    public static func authority(_ f: [String: String]) throws(SeedRowError) -> Authority {
        try checkShape(f)
        guard let name = f["name"], !name.isEmpty else { throw SeedRowError("empty name") }
        guard let group = f["group"], !group.isEmpty else { throw SeedRowError("empty group") }
        guard let category = f["category"], !category.isEmpty else { throw SeedRowError("empty category") }
        guard let nation = Nation(rawValue: f["nation"] ?? "") else {
            throw SeedRowError("nation '\(f["nation"] ?? "")' is not one of \(Nation.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let regime = Regime(rawValue: f["regime"] ?? "") else {
            throw SeedRowError("regime '\(f["regime"] ?? "")' is not one of \(Regime.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if nation == .scotland && regime != .foisa2002 {
            throw SeedRowError("Scottish authority '\(name)' must be under FOISA 2002")
        }
        let short = f["short_name"].flatMap { $0.isEmpty ? nil : $0 } ?? name
        return Authority(name: name, shortName: short, group: group, category: category,
                         nation: nation, regime: regime, website: f["website"] ?? "")
    }

    public static func keyword(_ f: [String: String]) throws(SeedRowError) -> Keyword {
        try checkShape(f)
        guard let text = f["keyword"], !text.isEmpty else { throw SeedRowError("empty keyword") }
        guard let theme = f["theme"], !theme.isEmpty else { throw SeedRowError("empty theme") }
        let cats = (f["categories"] ?? "").split(separator: ";")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if cats.isEmpty { throw SeedRowError("keyword '\(text)' names no categories") }
        let env: Bool
        switch (f["environmental"] ?? "").lowercased() {
        case "true", "yes", "1": env = true
        case "false", "no", "0", "": env = false
        default: throw SeedRowError("environmental must be true or false, not '\(f["environmental"] ?? "")'")
        }
        return Keyword(text: text, theme: theme, categories: cats, environmental: env)
    }
}

/// The seed data read straight from a repo folder, for commands that run without the store.
/// The first bad row refuses the file (the store's import can skip bad rows instead).
public enum SeedData {
    public struct BadRow: Error, CustomStringConvertible, Sendable {
        public let file: String, line: Int, reason: String
        public var description: String { "\(file):\(line): \(reason)" }
    }

    /// `root/authorities/authorities.csv`
    public static func authorities(root: String) throws -> [Authority] {
        let path = (root as NSString).appendingPathComponent("authorities/authorities.csv")
        return try parseAuthorities(SeedCSV.read(path: path), file: path)
    }

    /// `root/keywords/keywords.csv`
    public static func keywords(root: String) throws -> [Keyword] {
        let path = (root as NSString).appendingPathComponent("keywords/keywords.csv")
        return try parseKeywords(SeedCSV.read(path: path), file: path)
    }

    public static func parseAuthorities(_ text: String, file: String = "authorities.csv") throws -> [Authority] {
        try parse(text, file: file, required: SeedCSV.authorityColumns, SeedCSV.authority)
    }

    public static func parseKeywords(_ text: String, file: String = "keywords.csv") throws -> [Keyword] {
        try parse(text, file: file, required: SeedCSV.keywordColumns, SeedCSV.keyword)
    }

    package static func parse<T>(_ text: String, file: String, required: [String],
                         _ make: ([String: String]) throws(SeedRowError) -> T) throws -> [T] {
        try SeedCSV.rows(text, file: file, required: required).map { row in
            do throws(SeedRowError) { return try make(row.fields) } catch { throw BadRow(file: file, line: row.line, reason: error.reason) }
        }
    }
}
