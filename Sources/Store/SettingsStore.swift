import FOI
import Foundation
import GRDB

/// One stored setting (`setting` table): what a person sets once and every command uses.
struct SettingRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "setting"
    var key: String
    var value: String
}

extension FOIStore {
    static let requesterKey = "requester"

    /// The name (and email) that signs every letter, if set.
    public func requester() throws -> Requester? {
        try db.read { db in
            guard let r = try SettingRecord.fetchOne(db, key: Self.requesterKey) else { return nil }
            return try? JSONDecoder().decode(Requester.self, from: Data(r.value.utf8))
        }
    }

    /// Stores the requester, or removes it (nil).
    public func setRequester(_ r: Requester?) throws {
        try db.write { db in
            guard let r else { _ = try SettingRecord.deleteOne(db, key: Self.requesterKey); return }
            let json = String(decoding: try JSONEncoder().encode(r), as: UTF8.self)
            try SettingRecord(key: Self.requesterKey, value: json).save(db)
        }
    }
}
