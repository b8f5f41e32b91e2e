import Foundation

/// Reads the seed CSVs (`authorities/authorities.csv`, `keywords/keywords.csv`) straight from a repo
/// folder, for commands that run without the store. The store may later take over this job.
public enum SeedData {
    public enum LoadError: Error, CustomStringConvertible {
        case missing(String)
        case badHeader(String, expected: [String])
        case badRow(file: String, line: Int, message: String)

        public var description: String {
            switch self {
            case .missing(let p): "seed file not found: \(p)"
            case .badHeader(let p, let e): "\(p): header must be \(e.joined(separator: ","))"
            case .badRow(let f, let l, let m): "\(f):\(l): \(m)"
            }
        }
    }

    public static let authorityHeader = ["name", "short_name", "group", "category", "nation", "regime", "website"]
    public static let keywordHeader = ["keyword", "theme", "categories", "environmental"]

    /// `root/authorities/authorities.csv`
    public static func authorities(root: String) throws -> [Authority] {
        let path = (root as NSString).appendingPathComponent("authorities/authorities.csv")
        return try parseAuthorities(read(path), file: path)
    }

    /// `root/keywords/keywords.csv`
    public static func keywords(root: String) throws -> [Keyword] {
        let path = (root as NSString).appendingPathComponent("keywords/keywords.csv")
        return try parseKeywords(read(path), file: path)
    }

    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw LoadError.missing(path) }
        return String(decoding: data, as: UTF8.self)
    }

    public static func parseAuthorities(_ text: String, file: String = "authorities.csv") throws -> [Authority] {
        let rows = CSV.parse(text)
        guard let header = rows.first, header.map({ $0.trimmingSpaces }) == authorityHeader else {
            throw LoadError.badHeader(file, expected: authorityHeader)
        }
        var out: [Authority] = []
        for (i, r) in rows.dropFirst().enumerated() where !(r.count == 1 && r[0].isEmpty) {
            guard r.count == authorityHeader.count else {
                throw LoadError.badRow(file: file, line: i + 2, message: "expected \(authorityHeader.count) fields, got \(r.count)")
            }
            guard let nation = Nation(rawValue: r[4]) else {
                throw LoadError.badRow(file: file, line: i + 2, message: "unknown nation “\(r[4])”")
            }
            guard let regime = Regime(rawValue: r[5]) else {
                throw LoadError.badRow(file: file, line: i + 2, message: "unknown regime “\(r[5])”")
            }
            out.append(Authority(name: r[0], shortName: r[1], group: r[2], category: r[3], nation: nation,
                                 regime: regime, website: r[6]))
        }
        return out
    }

    public static func parseKeywords(_ text: String, file: String = "keywords.csv") throws -> [Keyword] {
        let rows = CSV.parse(text)
        guard let header = rows.first, header.map({ $0.trimmingSpaces }) == keywordHeader else {
            throw LoadError.badHeader(file, expected: keywordHeader)
        }
        var out: [Keyword] = []
        for (i, r) in rows.dropFirst().enumerated() where !(r.count == 1 && r[0].isEmpty) {
            guard r.count == keywordHeader.count else {
                throw LoadError.badRow(file: file, line: i + 2, message: "expected \(keywordHeader.count) fields, got \(r.count)")
            }
            let env: Bool
            switch r[3].lowercased() {
            case "true", "yes", "1", "y": env = true
            case "false", "no", "0", "n", "": env = false
            default: throw LoadError.badRow(file: file, line: i + 2, message: "environmental must be true or false, got “\(r[3])”")
            }
            let cats = r[2].split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            out.append(Keyword(text: r[0], theme: r[1], categories: cats, environmental: env))
        }
        return out
    }
}

/// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF; UTF-8.
public enum CSV {
    public static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var it = Array(text.unicodeScalars)
        if it.first == "\u{FEFF}" { it.removeFirst() }
        var i = 0
        while i < it.count {
            let c = it[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < it.count && it[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1 } else { inQuotes = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else {
                switch c {
                case "\"": inQuotes = true
                case ",": row.append(field); field = ""
                case "\r": break
                case "\n": row.append(field); rows.append(row); row = []; field = ""
                default: field.unicodeScalars.append(c)
                }
            }
            i += 1
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// Quotes a field when needed.
    public static func escape(_ s: String) -> String {
        if s.contains(",") || s.contains("\"") || s.contains("\n") {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
