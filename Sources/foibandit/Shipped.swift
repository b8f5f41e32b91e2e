import ArgumentParser
import Foundation

/// Paths to what the program ships (models, eval sets, seed data), wherever it is run from.
extension SeedLocator {
    /// A shipped file or folder ("models/foibandit-small", "evalsets/judge") under the program's home.
    static func shipped(_ relative: String) throws -> URL { try root().appendingPathComponent(relative) }

    /// A path a person gave: as given when it exists; otherwise, when it names something shipped (the
    /// README's `--summary-model models/foibandit-filings` typed in another folder), the shipped one.
    static func given(_ path: String) -> URL {
        let url = URL(fileURLWithPath: path)
        if path.hasPrefix("/") || FileManager.default.fileExists(atPath: url.path) { return url }
        if let home = try? root(), FileManager.default.fileExists(atPath: home.appendingPathComponent(path).path) {
            return home.appendingPathComponent(path)
        }
        return url
    }

    /// `given` for an optional option, else the shipped default.
    static func path(_ option: String?, default relative: String) throws -> String {
        try option.map { given($0).path } ?? shipped(relative).path
    }
}
