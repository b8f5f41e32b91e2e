import FOI
import Foundation
import GRDB

extension FOIStore {
    /// Adds a body a person named (`UnlistedBody`), with its category when it brings a new one.
    /// Returns false, changing nothing, when a body of that name is already stored.
    @discardableResult
    public func add(authority a: Authority) throws -> Bool {
        try db.write { db in
            if try AuthorityRecord.filter(Column("name").collating(.nocase) == a.name).fetchCount(db) > 0 { return false }
            if !a.category.isEmpty, try !CategoryRecord.exists(db, key: ["groupName": a.group, "category": a.category]) {
                try CategoryRecord(groupName: a.group, category: a.category).insert(db)
            }
            var rec = AuthorityRecord(a)
            try rec.insert(db)
            return true
        }
    }
}
