import ArgumentParser
import Foundation
import Store

struct DB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Create, import into and inspect the SQLite database.",
        subcommands: [Init.self, Import.self, Stats.self])

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the database (if needed) and import the shipped seed data. Idempotent.")
        @OptionGroup var store: StoreOptions

        func run() throws {
            let s = try store.open(seed: false)
            for r in try s.importSeed(root: try SeedLocator.root()) { print(summary(r)) }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import seed CSV files (authorities, categories or keywords, told apart by header).",
            discussion: """
            A file with malformed rows is refused, listing file:line: reason for each bad row, and so is the \
            whole call: the files named are imported in one transaction, all or nothing.
            """)
        @OptionGroup var store: StoreOptions
        @Flag(help: "Import the good rows and report the bad ones instead of refusing the file.")
        var skipBad = false
        @Argument(help: "CSV files, or a folder laid out like the repository (authorities/, keywords/).")
        var paths: [String]

        func run() throws {
            let s = try store.open(seed: false)
            var files: [(path: String, kind: FOIStore.SeedKind?)] = []
            for p in paths {
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else {
                    throw ValidationError("\(p): no such file or folder")
                }
                files += isDir.boolValue ? FOIStore.seedFiles(root: URL(fileURLWithPath: p)) : [(p, nil)]
            }
            for r in try s.importFiles(files, skipBad: skipBad) {
                print(summary(r))
                r.skipped.forEach { stderr("skipped \($0)") }
            }
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Count what the database holds.")
        @OptionGroup var store: StoreOptions
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let s = try store.open()
            let st = try s.stats()
            if json {
                let enc = JSONEncoder()
                enc.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try enc.encode(st), as: UTF8.self))
                return
            }
            print("database     \(s.path)")
            let rows: [(String, Int)] = [
                ("authorities", st.authorities), ("categories", st.categories), ("keywords", st.keywords),
                ("themes", st.themes), ("spins", st.spins), ("generations", st.generations),
                ("ratings", st.ratings), ("history", st.history),
            ]
            for (k, v) in rows { print(k.padding(toLength: 13, withPad: " ", startingAt: 0) + String(v)) }
        }
    }
}

private func summary(_ r: ImportReport) -> String {
    let name = URL(fileURLWithPath: r.file).lastPathComponent
    var s = "\(name): \(r.inserted) new, \(r.updated) updated, \(r.unchanged) unchanged"
    if !r.skipped.isEmpty { s += ", \(r.skipped.count) skipped" }
    return s
}
