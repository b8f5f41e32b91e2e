import ArgumentParser
import FOI
import Foundation
import Store

/// `--db`, shared by every command that touches the database.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "SQLite database file.",
        discussion: "Default: $FOIBANDIT_DB, else $XDG_DATA_HOME/foibandit/foibandit.sqlite.",
        valueName: "path"))
    var db: String?

    /// Opens the database; the first open of a new one imports the shipped seed data.
    func open(seed: Bool = true) throws -> FOIStore {
        let store = try FOIStore(path: FOIStore.defaultPath(override: db))
        if seed, try !store.isSeeded() {
            let root = try SeedLocator.root()
            let reports = try store.importSeed(root: root)
            let counts = reports.map { "\($0.inserted) from \(URL(fileURLWithPath: $0.file).lastPathComponent)" }
            stderr("Created \(store.path): imported " + counts.joined(separator: ", "))
        }
        return store
    }
}

/// Finds the shipped seed data (`authorities/`, `keywords/`): `$FOIBANDIT_SEED_DIR`, else the
/// nearest folder holding them above the executable or the current directory.
enum SeedLocator {
    static func root() throws -> URL {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["FOIBANDIT_SEED_DIR"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        let starts = [URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent(),
                      URL(fileURLWithPath: fm.currentDirectoryPath)]
        for start in starts {
            var dir = start.standardizedFileURL
            while true {
                if fm.fileExists(atPath: dir.appendingPathComponent("authorities/authorities.csv").path) { return dir }
                let up = dir.deletingLastPathComponent()
                if up.path == dir.path { break }
                dir = up
            }
        }
        throw ValidationError("cannot find the seed data (authorities/authorities.csv); set FOIBANDIT_SEED_DIR to the foibandit folder")
    }
}

func stderr(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
