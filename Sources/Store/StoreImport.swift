import FOI
import Foundation
import GRDB

extension FOIStore {
    public enum SeedKind: String, Sendable { case categories, authorities, keywords }

    /// Imports every seed file under `root` (`authorities/categories.csv`, `authorities/authorities.csv`,
    /// `keywords/keywords.csv`), in dependency order, in one transaction. Idempotent.
    @discardableResult
    public func importSeed(root: URL, skipBad: Bool = false) throws -> [ImportReport] {
        try importFiles(Self.seedFiles(root: root), skipBad: skipBad)
    }

    /// The seed files of a folder laid out like the repository, in dependency order.
    public static func seedFiles(root: URL) -> [(path: String, kind: SeedKind?)] {
        [(SeedKind.categories, "authorities/categories.csv"), (.authorities, "authorities/authorities.csv"),
         (.keywords, "keywords/keywords.csv")].map { (root.appendingPathComponent($0.1).path, $0.0) }
    }

    /// Imports several files all or nothing: one transaction for the lot, so a bad row in the last
    /// file leaves the database as it was before the first (a partial import misplaces data: keywords
    /// without the categories they name, or the other way round). Kinds not given are read from headers;
    /// every file's kind is settled before anything is written.
    public func importFiles(_ files: [(path: String, kind: SeedKind?)], skipBad: Bool = false) throws -> [ImportReport] {
        let kinds = try files.map { try $0.kind ?? detectKind($0.path) }
        return try db.write { db in
            try zip(files, kinds).map { f, kind in try importFile(f.path, kind: kind, skipBad: skipBad, in: db) }
        }
    }

    /// Which seed file this is, from its header row.
    public static func kind(ofHeader header: [String]) -> SeedKind? {
        if header.contains("keyword") { return .keywords }
        if header.contains("regime") && header.contains("name") { return .authorities }
        if header.contains("group") && header.contains("category") { return .categories }
        return nil
    }

    public func importFile(_ path: String, kind: SeedKind? = nil, skipBad: Bool = false) throws -> ImportReport {
        try importFiles([(path, kind)], skipBad: skipBad)[0]
    }

    private func importFile(_ path: String, kind: SeedKind, skipBad: Bool, in db: Database) throws -> ImportReport {
        switch kind {
        case .categories:
            let rows = try SeedCSV.rows(path: path, required: ["group", "category"])
            return try importRows(rows, path: path, skipBad: skipBad, in: db, key: { (r: CategoryRecord) in "\(r.groupName) > \(r.category)" }) { f, _ in
                try SeedCSV.checkShape(f)
                guard let g = f["group"], !g.isEmpty, let c = f["category"], !c.isEmpty else {
                    throw SeedRowError("empty group or category")
                }
                return CategoryRecord(groupName: g, category: c)
            } save: { db, rec in
                if try CategoryRecord.exists(db, key: ["groupName": rec.groupName, "category": rec.category]) {
                    return .unchanged
                }
                try rec.insert(db)
                return .inserted
            }
        case .authorities:
            let rows = try SeedCSV.rows(path: path, required: ["name", "group", "category", "nation", "regime"])
            return try importRows(rows, path: path, skipBad: skipBad, in: db, key: \.name) { f, db in
                let a = try SeedCSV.authority(f)
                let known = try CategoryRecord.fetchCount(db)
                if known > 0, try !CategoryRecord.exists(db, key: ["groupName": a.group, "category": a.category]) {
                    throw SeedRowError("category '\(a.group) > \(a.category)' is not in categories.csv")
                }
                return AuthorityRecord(a)
            } save: { db, rec in
                var rec = rec
                if let old = try AuthorityRecord.filter(Column("name") == rec.name).fetchOne(db) {
                    rec.id = old.id
                    if old == rec { return .unchanged }
                    try rec.update(db)
                    return .updated
                }
                try rec.insert(db)
                return .inserted
            }
        case .keywords:
            let rows = try SeedCSV.rows(path: path, required: ["keyword", "theme", "categories", "environmental"])
            return try importRows(rows, path: path, skipBad: skipBad, in: db, key: \.text) { f, db in
                let k = try SeedCSV.keyword(f)
                let names = try Set(String.fetchAll(db, sql: "SELECT groupName FROM category UNION SELECT category FROM category"))
                if !names.isEmpty, let bad = k.categories.first(where: { !names.contains($0) }) {
                    throw SeedRowError("category '\(bad)' is not in categories.csv")
                }
                return KeywordRecord(k)
            } save: { db, rec in
                var rec = rec
                let outcome: Outcome
                if let old = try KeywordRecord.filter(Column("text") == rec.text).fetchOne(db) {
                    rec.id = old.id
                    if old == rec { return .unchanged }
                    try rec.update(db)
                    try KeywordCategoryRecord.filter(Column("keywordId") == rec.id!).deleteAll(db)
                    outcome = .updated
                } else {
                    try rec.insert(db)
                    outcome = .inserted
                }
                for c in rec.keyword.categories {
                    try KeywordCategoryRecord(keywordId: rec.id!, category: c).insert(db, onConflict: .ignore)
                }
                return outcome
            }
        }
    }

    private func detectKind(_ path: String) throws -> SeedKind {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.unusableFile("\(path): cannot read file")
        }
        defer { try? handle.close() }
        var head = String(decoding: handle.readData(ofLength: 4096), as: UTF8.self)
        // A byte-order mark (as spreadsheet programs write) would glue itself to the first column's
        // name: "\u{FEFF}name" is not "name", and an authorities file then looked like categories.
        if head.hasPrefix("\u{FEFF}") { head.removeFirst() }
        let header = head.split(separator: "\n").first.map {
            $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines.union(["\""])) }
        } ?? []
        guard let kind = Self.kind(ofHeader: header) else {
            throw StoreError.unusableFile("\(path):1: not a seed file (expected the header of authorities.csv, categories.csv or keywords.csv)")
        }
        return kind
    }

    fileprivate enum Outcome { case inserted, updated, unchanged }

    /// Validates and saves every row in the caller's transaction: any bad row throws (rolling back the lot) unless `skipBad`.
    private func importRows<R>(_ rows: [(line: Int, fields: [String: String])], path: String, skipBad: Bool,
                               in db: Database, key: (R) -> String,
                               parse: ([String: String], Database) throws -> R,
                               save: (Database, R) throws -> Outcome) throws -> ImportReport {
        var report = ImportReport(file: path)
        var problems: [String] = []
        var firstLine: [String: Int] = [:]
        for (line, fields) in rows {
            do {
                let record = try parse(fields, db)
                if let first = firstLine[key(record)] {
                    throw SeedRowError("duplicate of line \(first) ('\(key(record))')")
                }
                firstLine[key(record)] = line
                switch try save(db, record) {
                case .inserted: report.inserted += 1
                case .updated: report.updated += 1
                case .unchanged: report.unchanged += 1
                }
            } catch let e as SeedRowError {
                problems.append("\(path):\(line): \(e.reason)")
            } catch let e as DatabaseError where e.resultCode == .SQLITE_CONSTRAINT {
                problems.append("\(path):\(line): \(e.message ?? "constraint violated")")
            }
        }
        if !problems.isEmpty && !skipBad { throw StoreError.badImport(file: path, problems: problems) }
        report.skipped = problems
        return report
    }
}
