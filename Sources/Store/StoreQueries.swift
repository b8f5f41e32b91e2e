import FOI
import Foundation
import GRDB

extension FOIStore {
    public func allAuthorities() throws -> [Authority] {
        try db.read { try AuthorityRecord.order(Column("name")).fetchAll($0).map(\.authority) }
    }

    public func allKeywords(theme: String? = nil) throws -> [Keyword] {
        try db.read { db in
            var q = KeywordRecord.order(Column("theme"), Column("text"))
            if let theme, !theme.isEmpty { q = q.filter(Column("theme").collating(.nocase) == theme) }
            return try q.fetchAll(db).map(\.keyword)
        }
    }

    public func themes() throws -> [String] {
        try db.read { try String.fetchAll($0, sql: "SELECT DISTINCT theme FROM keyword ORDER BY theme") }
    }

    public func categories() throws -> [CategoryRecord] {
        try db.read { try CategoryRecord.order(Column("groupName"), Column("category")).fetchAll($0) }
    }

    public func categoryPairs() throws -> [CategoryPair] {
        try categories().map { CategoryPair(group: $0.groupName, category: $0.category) }
    }

    /// Full-text search over authority names and short names (FTS5, prefix matching on each word).
    public func searchAuthorities(_ query: String, limit: Int = 20) throws -> [Authority] {
        guard let pattern = FTS5Pattern(matchingAllPrefixesIn: query) else { return [] }
        return try db.read { db in
            let sql = """
                SELECT authority.* FROM authority
                JOIN authority_ft ON authority_ft.rowid = authority.id
                WHERE authority_ft MATCH ? ORDER BY bm25(authority_ft), length(authority.name) LIMIT ?
                """
            return try AuthorityRecord.fetchAll(db, sql: sql, arguments: [pattern, limit]).map(\.authority)
        }
    }

    /// Exact match on name or short name, ignoring case.
    public func authority(named name: String) throws -> Authority? {
        let n = name.trimmingCharacters(in: .whitespaces)
        return try db.read { db in
            try AuthorityRecord
                .filter(Column("name").collating(.nocase) == n || Column("shortName").collating(.nocase) == n)
                .order(sql: "name = ? COLLATE NOCASE DESC", arguments: [n])
                .fetchOne(db)?.authority
        }
    }

    public func spinner() throws -> Spinner {
        Spinner(authorities: try allAuthorities(), keywords: try allKeywords())
    }

    @discardableResult
    public func record(spin: SpinRecord) throws -> SpinRecord {
        var s = spin
        try db.write { try s.insert($0) }
        return s
    }

    @discardableResult
    public func record(generation: GenerationRecord) throws -> GenerationRecord {
        var g = generation
        try db.write { try g.insert($0) }
        return g
    }

    /// Rates a generation; a later rating replaces an earlier one (the last one stands).
    @discardableResult
    public func rate(generationId: Int64, value: Int) throws -> RatingRecord {
        var r = RatingRecord(generationId: generationId, value: value > 0 ? 1 : -1)
        try db.write { db in
            try RatingRecord.filter(Column("generationId") == generationId).deleteAll(db)
            try r.insert(db)
        }
        return r
    }

    public func ratings() throws -> [RatingRecord] {
        try db.read { try RatingRecord.order(Column("id")).fetchAll($0) }
    }

    public func generation(id: Int64) throws -> GenerationRecord? {
        try db.read { try GenerationRecord.fetchOne($0, key: id) }
    }
}
