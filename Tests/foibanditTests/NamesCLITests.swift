import Foundation
import Testing

/// Issue 23 at the command line: names as people write them resolve through the one resolver (with a
/// note on standard error), ambiguous ones list their candidates, and a body that is not in the database
/// is written to under its nation's law, with a way to add it.
@Suite struct NamesCLITests {
    @Test func composeResolvesNamesAndSaysSo() throws {
        let met = try foibandit(["compose", "--authority", "Met Police", "--keywords", "stop and search"])
        #expect(met.status == 0, "\(met.stderr)")
        #expect(met.stderr.contains("note: 'Met Police' is Metropolitan Police Service"), "\(met.stderr)")
        #expect(met.stdout.contains("Metropolitan Police Service"))
        let swansea = try foibandit(["compose", "--authority", "Swansea Council", "--keywords", "pothole repairs"])
        #expect(swansea.stdout.contains("City and County of Swansea Council"), "\(swansea.stderr)")
        let ambiguous = try foibandit(["compose", "--authority", "Department of Education", "--keywords", "school exclusions"])
        #expect(ambiguous.status != 0)
        #expect(ambiguous.stderr.contains("could be any of: 'Department for Education', 'Department of Education (Northern Ireland)'"), "\(ambiguous.stderr)")
        let narrowed = try foibandit(["compose", "--authority", "Department of Education", "--nation", "Northern Ireland", "--keywords", "school exclusions"])
        #expect(narrowed.stdout.contains("Department of Education (Northern Ireland)"), "\(narrowed.stderr)")
    }

    @Test func composeWritesToBodiesThatAreNotListed() throws {
        let wales = try foibandit(["compose", "--authority", "Llanfair Community Council", "--nation", "Wales",
                                   "--category", "community council", "--keywords", "grass cutting; councillor allowances"])
        #expect(wales.status == 0, "\(wales.stderr)")
        #expect(wales.stdout.contains("Llanfair Community Council"))
        #expect(wales.stdout.contains("Freedom of Information Act 2000"), "\(wales.stdout)")
        #expect(wales.stderr.contains("not in the database") && wales.stderr.contains("foibandit authorities add 'Llanfair Community Council' --nation 'Wales'"), "\(wales.stderr)")
        let scotland = try foibandit(["compose", "--authority", "Tain Community Council", "--nation", "Scotland", "--keywords", "councillor allowances"])
        #expect(scotland.status == 0, "\(scotland.stderr)")
        #expect(scotland.stdout.contains("Freedom of Information (Scotland) Act 2002"), "\(scotland.stdout)")
        let none = try foibandit(["compose", "--authority", "Tain Community Council", "--keywords", "grass cutting"])
        #expect(none.status != 0 && none.stderr.contains("give its nation"), "\(none.stderr)")
    }

    @Test func searchAndAddUseTheSameNames() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("db.sqlite").path
        let home = try foibandit(["authorities", "search", "the", "Home", "Office", "--db", db])
        #expect(home.stdout.hasPrefix("Home Office\t"), "\(home.stdout)\(home.stderr)")
        let add = try foibandit(["authorities", "add", "Llanfair Community Council", "--nation", "wales", "--category", "community council", "--db", db])
        #expect(add.status == 0 && add.stdout.contains("added Llanfair Community Council"), "\(add.stderr)")
        let found = try foibandit(["authorities", "search", "Llanfair", "--db", db])
        #expect(found.stdout.hasPrefix("Llanfair Community Council\t\tcommunity council\tWales\tFOIA 2000"), "\(found.stdout)")
    }

    /// generate with the shipped model: a body that is not listed, then saved with --save.
    @Test(.enabled(if: RequesterTests.shipped)) func generateWritesToAnUnlistedBodyAndSavesIt() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("db.sqlite").path
        let args = ["generate", "--authority", "Tain Community Council", "--nation", "Scotland", "--keywords", "councillor allowances",
                    "--seed", "3", "--max-tokens", "60", "--json", "--db", db]
        let first = try foibandit(args + ["--save"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("<|jurisdiction|> FOISA 2002"), "\(first.stdout)")
        #expect(first.stderr.contains("added 'Tain Community Council' to the database"), "\(first.stderr)")
        let again = try foibandit(["generate", "--authority", "Tain Community Council", "--keywords", "councillor allowances",
                                   "--seed", "3", "--max-tokens", "60", "--json", "--db", db])
        #expect(again.status == 0 && !again.stderr.contains("not in the database"), "\(again.stderr)")
        let met = try foibandit(["generate", "--authority", "Metropolitan Police", "--keywords", "stop and search",
                                 "--seed", "3", "--max-tokens", "40", "--json", "--db", db])
        #expect(met.stderr.contains("note: 'Metropolitan Police' is Metropolitan Police Service"), "\(met.stderr)")
    }
}
