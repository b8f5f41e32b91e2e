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

/// Finds the program's home: the folder holding the shipped data (`authorities/`, `keywords/`, `models/`,
/// `evalsets/`). `$FOIBANDIT_HOME` (or `$FOIBANDIT_SEED_DIR`), else the nearest folder holding them above
/// the executable (a build inside the repository), else `../share/foibandit` beside it (`make install`).
/// Never the current folder: a command must do the same wherever it is run (see `shipped` and `given` below).
enum SeedLocator {
    static func root() throws -> URL {
        let fm = FileManager.default
        func holdsData(_ dir: URL) -> Bool { fm.fileExists(atPath: dir.appendingPathComponent("authorities/authorities.csv").path) }
        for name in ["FOIBANDIT_HOME", "FOIBANDIT_SEED_DIR"] {
            if let env = ProcessInfo.processInfo.environment[name], !env.isEmpty { return URL(fileURLWithPath: env) }
        }
        let exeDir = executable().deletingLastPathComponent()
        let installed = exeDir.deletingLastPathComponent().appendingPathComponent("share/foibandit")
        if holdsData(installed) { return installed }
        var dir = exeDir.standardizedFileURL
        while true {
            if holdsData(dir) { return dir }
            let up = dir.deletingLastPathComponent()
            if up.path == dir.path { break }
            dir = up
        }
        throw ValidationError("cannot find the shipped data (authorities/authorities.csv) beside \(executable().path); "
            + "run `make install`, or set FOIBANDIT_HOME to the foibandit folder")
    }

    /// The running program, symlinks resolved (argv[0] may be a bare name found on PATH).
    static func executable() -> URL {
        let proc = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return proc.path != "/proc/self/exe" ? proc : URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    }
}

func stderr(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}


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
