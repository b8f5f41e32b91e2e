import CSV
import FOI
import Foundation
import GRDB

/// Reading and importing the seed CSVs (`authorities/`, `keywords/`).
/// A file with bad rows is refused whole, one `file:line: reason` per bad row, unless `skipBad`.
public struct ImportReport: Sendable, Equatable {
    public var file: String
    public var inserted = 0
    public var unchanged = 0
    public var updated = 0
    /// Rows skipped under `skipBad`, as `file:line: reason`.
    public var skipped: [String] = []
}

enum SeedCSV {
    /// Rows of a CSV file keyed by header, each with its line number (header is line 1).
    static func rows(path: String, required: [String]) throws -> [(line: Int, fields: [String: String])] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError.unusableFile("\(path): cannot read file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw StoreError.unusableFile("\(path): not UTF-8 text")
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw StoreError.unusableFile("\(path):1: cannot parse CSV (\(error))")
        }
        let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
        let missing = required.filter { !header.contains($0) }
        if !missing.isEmpty {
            throw StoreError.unusableFile("\(path):1: missing column(s) \(missing.joined(separator: ", ")); header is \(header.joined(separator: ","))")
        }
        var out: [(Int, [String: String])] = []
        var line = 1
        while let row = reader.next() {
            line += 1
            if row.count == 1 && row[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            var fields: [String: String] = [:]
            for (i, name) in header.enumerated() {
                fields[name] = i < row.count ? row[i].trimmingCharacters(in: .whitespaces) : nil
            }
            if row.count != header.count { fields["__width"] = "\(row.count)" }
            out.append((line, fields))
        }
        return out
    }

    static func authority(_ f: [String: String]) throws -> Authority {
        if let w = f["__width"] { throw RowError("has \(w) fields, header has a different count") }
        guard let name = f["name"], !name.isEmpty else { throw RowError("empty name") }
        guard let group = f["group"], !group.isEmpty else { throw RowError("empty group") }
        guard let category = f["category"], !category.isEmpty else { throw RowError("empty category") }
        guard let nation = Nation(rawValue: f["nation"] ?? "") else {
            throw RowError("nation '\(f["nation"] ?? "")' is not one of \(Nation.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let regime = Regime(rawValue: f["regime"] ?? "") else {
            throw RowError("regime '\(f["regime"] ?? "")' is not one of \(Regime.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if nation == .scotland && regime != .foisa2002 {
            throw RowError("Scottish authority '\(name)' must be under FOISA 2002")
        }
        let short = f["short_name"].flatMap { $0.isEmpty ? nil : $0 } ?? name
        return Authority(name: name, shortName: short, group: group, category: category,
                         nation: nation, regime: regime, website: f["website"] ?? "")
    }

    static func keyword(_ f: [String: String]) throws -> Keyword {
        if let w = f["__width"] { throw RowError("has \(w) fields, header has a different count") }
        guard let text = f["keyword"], !text.isEmpty else { throw RowError("empty keyword") }
        guard let theme = f["theme"], !theme.isEmpty else { throw RowError("empty theme") }
        let cats = (f["categories"] ?? "").split(separator: ";")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if cats.isEmpty { throw RowError("keyword '\(text)' names no categories") }
        let env: Bool
        switch (f["environmental"] ?? "").lowercased() {
        case "true", "yes", "1": env = true
        case "false", "no", "0", "": env = false
        default: throw RowError("environmental must be true or false, not '\(f["environmental"] ?? "")'")
        }
        return Keyword(text: text, theme: theme, categories: cats, environmental: env)
    }
}

struct RowError: Error { let reason: String; init(_ r: String) { reason = r } }
