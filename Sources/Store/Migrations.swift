import GRDB

/// The schema, as an ordered list of migrations. Never edit a shipped migration: add a new one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1 seed tables") { db in
            try db.create(table: "authority") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique()
                t.column("shortName", .text).notNull()
                t.column("groupName", .text).notNull()
                t.column("category", .text).notNull().indexed()
                t.column("nation", .text).notNull()
                t.column("regime", .text).notNull()
                t.column("website", .text).notNull().defaults(to: "")
            }
            try db.create(virtualTable: "authority_ft", using: FTS5()) { t in
                t.synchronize(withTable: "authority")
                t.tokenizer = .unicode61()
                t.column("name")
                t.column("shortName")
            }
            try db.create(table: "category") { t in
                t.column("groupName", .text).notNull()
                t.column("category", .text).notNull()
                t.primaryKey(["groupName", "category"])
            }
            try db.create(table: "keyword") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("text", .text).notNull().unique()
                t.column("theme", .text).notNull().indexed()
                t.column("environmental", .boolean).notNull()
                t.column("categories", .text).notNull()
            }
            try db.create(table: "keywordCategory") { t in
                t.column("keywordId", .integer).notNull().references("keyword", onDelete: .cascade)
                t.column("category", .text).notNull().indexed()
                t.primaryKey(["keywordId", "category"])
            }
        }
        m.registerMigration("v1 activity tables") { db in
            try db.create(table: "spin") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("authorityName", .text).notNull()
                t.column("keywords", .text).notNull()
                t.column("seed", .integer).notNull()
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "generation") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("spinId", .integer).references("spin", onDelete: .setNull)
                t.column("prompt", .text).notNull()
                t.column("text", .text).notNull()
                t.column("modelId", .text).notNull()
                t.column("seed", .integer).notNull()
                t.column("score", .integer).notNull()
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "rating") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("generationId", .integer).notNull().indexed().references("generation", onDelete: .cascade)
                t.column("value", .integer).notNull()
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "history") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("authorityName", .text)
                t.column("rawAuthority", .text).notNull()
                t.column("title", .text).notNull()
                t.column("body", .text).notNull()
                t.column("date", .text).notNull()
                t.column("keywords", .text).notNull()
                t.column("source", .text).notNull()
                t.column("contentHash", .text).notNull().unique()
                t.column("createdAt", .datetime).notNull()
            }
        }
        m.registerMigration("v2 filing table") { db in
            try db.create(table: "filing") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("filename", .text).notNull()
                t.column("contentHash", .text).notNull().unique()
                t.column("format", .text).notNull()
                t.column("type", .text).notNull().indexed()
                t.column("confidence", .double).notNull()
                t.column("classifier", .text).notNull()
                t.column("fieldsJSON", .text).notNull()
                t.column("summary", .text).notNull()
                t.column("summarySource", .text).notNull()
                t.column("warningsJSON", .text).notNull()
                t.column("factCount", .integer).notNull()
                t.column("createdAt", .datetime).notNull()
            }
        }
        m.registerMigration("v3 settings") { db in
            try db.create(table: "setting") { t in
                t.column("key", .text).primaryKey()
                t.column("value", .text).notNull()
            }
        }
        // Ratings become DPO pairs: a letter rated + then − is one opinion, the last. Older databases
        // kept every press; keep the latest of each and let the index refuse a second row.
        m.registerMigration("v4 one rating per generation") { db in
            try db.execute(sql: "DELETE FROM rating WHERE id NOT IN (SELECT MAX(id) FROM rating GROUP BY generationId)")
            try db.create(index: "rating_one_per_generation", on: "rating", columns: ["generationId"], unique: true)
        }
        return m
    }
}
