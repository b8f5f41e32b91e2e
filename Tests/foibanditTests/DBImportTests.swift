import Foundation
import Store
import Testing

/// Issue 26 item 4: `db import` reads a file's kind after stripping a UTF-8 byte-order mark, and
/// importing several files is all or nothing for the call.
@Suite struct DBImportTests {
    static let categories = "group,category\nLocal and regional,Unitary authorities\n"
    static let authorities = """
        name,short_name,group,category,nation,regime,website
        Leeds City Council,Leeds,Local and regional,Unitary authorities,England,FOIA 2000,

        """

    func write(_ text: String, _ name: String, in dir: URL, bom: Bool = false) throws -> String {
        let url = dir.appendingPathComponent(name)
        try ((bom ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8)).write(to: url)
        return url.path
    }

    /// Read directly: `db stats` would seed an empty database with the shipped data.
    func stats(_ db: String) throws -> FOIStore.Stats { try FOIStore(path: db).stats() }

    @Test func byteOrderMarkedAuthoritiesFileIsReadAsAuthorities() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("db.sqlite").path
        let cats = try write(Self.categories, "cats.csv", in: dir, bom: true)
        let auths = try write(Self.authorities, "auths.csv", in: dir, bom: true)
        let r = try foibandit(["db", "import", cats, auths, "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("cats.csv: 1 new"), "\(r.stdout)")
        #expect(r.stdout.contains("auths.csv: 1 new"), "\(r.stdout)")
        #expect(try stats(db).authorities == 1)
    }

    @Test func severalFilesAreImportedAllOrNothing() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("db.sqlite").path
        let cats = try write(Self.categories, "cats.csv", in: dir)
        let auths = try write(Self.authorities, "auths.csv", in: dir)
        let badKeywords = try write("keyword,theme,categories,environmental\nroad gritting,highways,Unitary authorities,maybe\n",
                                    "kw.csv", in: dir)
        let r = try foibandit(["db", "import", cats, auths, badKeywords, "--db", db])
        #expect(r.status != 0)
        #expect(r.stderr.contains("\(badKeywords):2: environmental must be true or false"), "\(r.stderr)")
        // The good files before the bad one were not kept either.
        let s = try stats(db)
        #expect(s.authorities == 0 && s.categories == 0, "\(s)")
    }
}

/// Issue 23: an unclosed quote costs its own row, never the rows after it; with --skip-bad every
/// skipped line is named and every good row, the last one included, is imported.
@Suite struct DBImportQuoteTests {
    static let keywords = """
        keyword,theme,categories,environmental
        road gritting,highways,Local and regional,false
        "bin collections,waste,Local and regional,false
        street lighting,highways,Local and regional,false
        park benches,parks,Local and regional,maybe
        dog fouling,parks,Local and regional,false
        """  // no newline after the last row

    @Test func anUnclosedQuoteDoesNotSwallowTheRowsAfterIt() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("db.sqlite").path
        let kw = dir.appendingPathComponent("kw.csv")
        try Self.keywords.write(to: kw, atomically: true, encoding: .utf8)
        let refused = try foibandit(["db", "import", kw.path, "--db", db])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("\(kw.path):3: not valid CSV: an unbalanced quote in field 1"), "\(refused.stderr)")
        #expect(refused.stderr.contains("\(kw.path):5: environmental must be true or false"), "\(refused.stderr)")
        #expect(try FOIStore(path: db).stats().keywords == 0)

        let r = try foibandit(["db", "import", "--skip-bad", kw.path, "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("kw.csv: 3 new") && r.stdout.contains("2 skipped"), "\(r.stdout)")
        let skipped = r.stderr.split(separator: "\n").filter { $0.hasPrefix("skipped ") }
        #expect(skipped.count == 2 && skipped[0].contains("kw.csv:3:") && skipped[1].contains("kw.csv:5:"), "\(r.stderr)")
        let texts = Set(try FOIStore(path: db).allKeywords().map(\.text))
        #expect(texts == ["road gritting", "street lighting", "dog fouling"])
    }
}
