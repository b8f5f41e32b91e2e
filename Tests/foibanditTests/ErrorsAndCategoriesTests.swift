import Foundation
import Testing

/// Issue 23, errors and small things: runtime errors without the usage banner, styles listed, the
/// categories people type, and the help texts, all through the real `foibandit` executable.
@Suite struct ErrorsAndCategoriesTests {
    /// A database seeded once for the suite (the first run imports the shipped seed data).
    static let seeded: String = {
        let dir = try! temporaryFolder()
        let db = dir.appendingPathComponent("db.sqlite").path
        _ = try? foibandit(["db", "init", "--db", db])
        return db
    }()

    @Test func runtimeErrorsExit1WithoutTheUsageBanner() throws {
        let r = try foibandit(["authorities", "search", "zzqqxxnothing", "--db", Self.seeded])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("Error: no authority matches 'zzqqxxnothing'"))
        #expect(!r.stderr.contains("Usage:"), "\(r.stderr)")
        // A usage error still shows the usage, with the usage status.
        let u = try foibandit(["spin", "--count", "0", "--db", Self.seeded])
        #expect(u.status == 64 && u.stderr.contains("--count must be at least 1") && u.stderr.contains("Usage:"), "\(u.stderr)")
    }

    @Test func anUnknownStyleListsTheStyles() throws {
        let r = try foibandit(["generate", "--authority", "Leeds", "--keywords", "pothole repairs", "--style", "fancy", "--db", Self.seeded])
        #expect(r.status != 0)
        #expect(r.stderr.contains("unknown style 'fancy'") && r.stderr.contains("numbered, brief"), "\(r.stderr)")
        #expect(!r.stderr.contains("Usage:"), "\(r.stderr)")
    }

    @Test func aMissingSummaryModelNamesNoFlagThatDoesNotExist() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let filing = dir.appendingPathComponent("rns.txt")
        try "Total Voting Rights\nExample plc announces 1,000 ordinary shares in issue.\n".write(to: filing, atomically: true, encoding: .utf8)
        let r = try foibandit(["filings", "process", filing.path, "--summary-model", dir.appendingPathComponent("none").path,
                               "--db", dir.appendingPathComponent("db.sqlite").path])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("no model at") && !r.stderr.contains("--model"), "\(r.stderr)")
    }

    @Test func categoriesListAndTheWordsPeopleType() throws {
        let list = try foibandit(["categories", "list", "--db", Self.seeded])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.split(separator: "\n").contains { $0.hasPrefix("Emergency services\tMain police forces\t") })
        for (word, fits) in [("police", ["Police", "Constabulary"]), ("NHS", ["NHS", "Trust", "Health", "Board", "Ambulance"]),
                             ("council", ["Council", "Borough", "Comhairle", "Cyngor", "Authority"])] {
            let r = try foibandit(["spin", "--category", word, "--count", "6", "--seed", "3", "--db", Self.seeded])
            #expect(r.status == 0, "\(word): \(r.stderr)")
            for line in r.stdout.split(separator: "\n") {
                let name = line.split(separator: "|")[0]
                #expect(fits.contains { name.contains($0) }, "\(word): \(line)")
            }
        }
        // Several categories fit: they are listed, not guessed.
        let amb = try foibandit(["spin", "--category", "transport", "--db", Self.seeded])
        #expect(amb.status == 1)
        #expect(amb.stderr.contains("could be any of") && amb.stderr.contains("'Transport regulators'"), "\(amb.stderr)")
    }

    @Test func anImportedCategorySpins() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("db.sqlite").path
        _ = try foibandit(["db", "init", "--db", db])
        let cats = dir.appendingPathComponent("cats.csv")
        try "group,category\nLocal and regional,Parish councils\n".write(to: cats, atomically: true, encoding: .utf8)
        #expect(try foibandit(["db", "import", cats.path, "--db", db]).status == 0)
        // The reported bug: "unknown category 'Parish councils'; did you mean: 'Parish councils'".
        let empty = try foibandit(["spin", "--category", "Parish councils", "--db", db])
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("no authorities in category 'Parish councils' yet"), "\(empty.stderr)")
        #expect(!empty.stderr.contains("unknown category"), "\(empty.stderr)")
        let auths = dir.appendingPathComponent("parish.csv")
        try """
        name,short_name,group,category,nation,regime,website
        Little Snoring Parish Council,Little Snoring,Local and regional,Parish councils,England,FOIA 2000,

        """.write(to: auths, atomically: true, encoding: .utf8)
        #expect(try foibandit(["db", "import", auths.path, "--db", db]).status == 0)
        for spelling in ["Parish councils", "parish  Councils ", "parish"] {
            let r = try foibandit(["spin", "--category", spelling, "--db", db])
            #expect(r.status == 0 && r.stdout.hasPrefix("Little Snoring Parish Council |"), "\(spelling): \(r.stdout) \(r.stderr)")
        }
    }

    /// Every command's help: no option says its default twice ("(default: current directory). (default: .)").
    @Test func noHelpTextStatesADefaultTwice() throws {
        var pending = [[String]()], seen = 0
        while let command = pending.popLast() {
            let r = try foibandit(command + ["--help"])
            #expect(r.status == 0, "\(command): \(r.stderr)")
            seen += 1
            let flat = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(flat.range(of: #"\(default:[^()]*\)\.? \(default:"#, options: .regularExpression) == nil, "\(command): \(flat)")
            if let section = r.stdout.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first {
                for line in section.split(separator: "\n") where line.hasPrefix("  ") && !line.hasPrefix("   ") {
                    let name = String(line.split(separator: " ")[0])
                    if name != "help" && !name.hasPrefix("See") { pending.append(command + [name]) }
                }
            }
        }
        #expect(seen > 30)
    }
}
