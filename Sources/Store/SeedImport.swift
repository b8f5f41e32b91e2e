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

extension SeedCSV {
    /// A seed file's rows; a file that cannot be read at all is a `StoreError.unusableFile`.
    static func rows(path: String, required: [String]) throws -> [Row] {
        do { return try rows(read(path: path), file: path, required: required) } catch {
            throw StoreError.unusableFile(error.description)
        }
    }
}
