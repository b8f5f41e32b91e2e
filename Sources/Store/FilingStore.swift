import Foundation
import GRDB

extension FOIStore {
    /// Stores a processed filing; the same content (hash) processed again replaces its row and keeps its id.
    @discardableResult
    public func saveFiling(_ record: FilingRecord) throws -> FilingRecord {
        try db.write { db in
            var r = record
            if let old = try FilingRecord.filter(Column("contentHash") == record.contentHash).fetchOne(db) {
                r.id = old.id
                try r.update(db)
            } else {
                try r.insert(db)
            }
            return r
        }
    }

    /// Most recent first; `type` filters by filing type.
    public func filings(type: String? = nil, limit: Int = 100) throws -> [FilingRecord] {
        try db.read { db in
            var q = FilingRecord.order(Column("id").desc)
            if let type { q = q.filter(Column("type") == type) }
            return try q.limit(limit).fetchAll(db)
        }
    }

    public func filing(id: Int64) throws -> FilingRecord? {
        try db.read { try FilingRecord.fetchOne($0, key: id) }
    }

    public func filingCount() throws -> Int { try db.read { try FilingRecord.fetchCount($0) } }
}
