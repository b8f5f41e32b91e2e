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
