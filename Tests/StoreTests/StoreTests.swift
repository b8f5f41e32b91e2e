import FOI
import Foundation
import TestSupport
import GRDB
import Testing
@testable import Store

@Suite struct MigrationTests {
    @Test func migratesFromEmpty() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let store = try FOIStore(path: dir.appendingPathComponent("new/sub/db.sqlite").path)
        let st = try store.stats()
        #expect(st == FOIStore.Stats(authorities: 0, categories: 0, keywords: 0, themes: 0, spins: 0,
                                     generations: 0, ratings: 0, history: 0))
        // Opening again is a no-op.
        _ = try FOIStore(path: store.path)
    }

    @Test func refusesNewerSchemaWithoutTouchingIt() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("db.sqlite").path
        _ = try FOIStore(path: path)
        let q = try DatabaseQueue(path: path)
        try q.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99 from the future')") }
        try q.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.newerSchema(path: path, unknown: ["v99 from the future"])) {
            _ = try FOIStore(path: path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func defaultPathPrecedence() {
        #expect(FOIStore.defaultPath(override: "/x.sqlite", environment: ["FOIBANDIT_DB": "/y"]) == "/x.sqlite")
        #expect(FOIStore.defaultPath(environment: ["FOIBANDIT_DB": "/y.sqlite"]) == "/y.sqlite")
        #expect(FOIStore.defaultPath(environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/d/foibandit/foibandit.sqlite")
        #expect(FOIStore.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/share/foibandit/foibandit.sqlite")
    }
}

@Suite struct ImportTests {
    @Test func importIsIdempotent() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        try writeSmallSeed(into: dir)
        let store = try FOIStore(path: dir.appendingPathComponent("db.sqlite").path)
        let first = try store.importSeed(root: dir)
        #expect(first.map(\.inserted) == [3, 5, 6])
        let second = try store.importSeed(root: dir)
        #expect(second.map(\.inserted) == [0, 0, 0])
        #expect(second.map(\.unchanged) == [3, 5, 6])
        let st = try store.stats()
        #expect(st.authorities == 5 && st.keywords == 6 && st.themes == 4)
        #expect(try store.authority(named: "comhairle nan eilean siar")?.regime == .foisa2002)
        #expect(try store.authority(named: "wyp")?.name == "West Yorkshire Police")
    }

    @Test func malformedFileIsRefusedWholeWithLineNumbers() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        try writeSmallSeed(into: dir, authorities: """
        name,short_name,group,category,nation,regime,website
        Leeds City Council,Leeds,Local and regional,Unitary authorities,England,FOIA 2000,
        Bad Nation Council,BNC,Local and regional,Unitary authorities,Atlantis,FOIA 2000,
        Glasgow City Council,Glasgow,Local and regional,Unitary authorities,Scotland,FOIA 2000,
        Leeds City Council,Leeds,Local and regional,Unitary authorities,England,FOIA 2000,
        Nowhere Council,NC,Local and regional,Parish councils,England,FOIA 2000,
        """)
        let store = try FOIStore(path: dir.appendingPathComponent("db.sqlite").path)
        _ = try store.importFile(dir.appendingPathComponent("authorities/categories.csv").path)
        let file = dir.appendingPathComponent("authorities/authorities.csv").path
        do {
            _ = try store.importFile(file)
            Issue.record("a malformed file was accepted")
        } catch let StoreError.badImport(_, problems) {
            #expect(problems.count == 4)
            #expect(problems[0].hasPrefix("\(file):3: nation 'Atlantis'"))
            #expect(problems[1] == "\(file):4: Scottish authority 'Glasgow City Council' must be under FOISA 2002")
            #expect(problems[2] == "\(file):5: duplicate of line 2 ('Leeds City Council')")
            #expect(problems[3].hasPrefix("\(file):6: category 'Local and regional > Parish councils'"))
        }
        #expect(try store.stats().authorities == 0, "nothing may be half-written")

        let report = try store.importFile(file, skipBad: true)
        #expect(report.inserted == 1 && report.skipped.count == 4)
        #expect(try store.stats().authorities == 1)
    }

    @Test func missingColumnIsRefused() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("k.csv")
        try "keyword,theme\nroads,highways\n".write(to: file, atomically: true, encoding: .utf8)
        let store = try FOIStore(path: dir.appendingPathComponent("db.sqlite").path)
        #expect(throws: StoreError.self) { _ = try store.importFile(file.path, kind: .keywords) }
    }
}

@Suite struct QueryTests {
    func seeded() throws -> (FOIStore, URL) {
        let dir = try temporaryFolder()
        try writeSmallSeed(into: dir)
        let store = try FOIStore(path: dir.appendingPathComponent("db.sqlite").path)
        try store.importSeed(root: dir)
        return (store, dir)
    }

    @Test func fullTextSearch() throws {
        let (store, dir) = try seeded(); defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try store.searchAuthorities("leeds").map(\.name) == ["Leeds City Council"])
        #expect(try store.searchAuthorities("gwyn").map(\.name) == ["Cyngor Gwynedd"])
        #expect(try store.searchAuthorities("eilean").map(\.name) == ["Comhairle nan Eilean Siar"])
        #expect(try store.searchAuthorities("WYP").map(\.name) == ["West Yorkshire Police"])
        #expect(try store.searchAuthorities("council").count == 2)
        #expect(try store.searchAuthorities("\"'); DROP TABLE authority; --").isEmpty)
        #expect(try store.stats().authorities == 5)
    }

    @Test func spinsAreSuitableAndReproducible() throws {
        let (store, dir) = try seeded(); defer { try? FileManager.default.removeItem(at: dir) }
        let spinner = try store.spinner()
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42)
        for _ in 0..<200 {
            let r = try #require(spinner.spin(rng: &a))
            #expect(r == spinner.spin(rng: &b))
            #expect(r.keywords.count == 2 && Set(r.keywords).count == 2)
            #expect(r.keywords.allSatisfy { $0.suits(r.authority) })
        }
        var c = SplitMix64(seed: 7)
        for _ in 0..<50 {
            let r = try #require(spinner.spin(category: "Police forces", rng: &c))
            #expect(r.authority.name == "West Yorkshire Police")
        }
        // Harrogate (a district council) suits only the Local-and-regional keywords.
        let harrogate = try #require(try store.authority(named: "Harrogate"))
        #expect(Set(spinner.keywords(for: harrogate).map(\.text))
                == ["compensation claims", "air quality monitoring", "agency staff spending"])
        #expect(spinner.spin(category: "Nonexistent", rng: &c) == nil)
    }

    /// A keyword inside another ("houses in multiple occupation" and "… licences") asks one thing twice: no spin
    /// pairs them, and every other pair still lands (read in session 16).
    @Test func spinsNeverPairAKeywordWithOneThatContainsIt() {
        let leeds = Authority(name: "Leeds City Council", shortName: "Leeds", group: "Local and regional",
                              category: "Metropolitan district councils", nation: .england, regime: .foia2000)
        let ks = ["houses in multiple occupation", "houses in multiple occupation licences", "pothole repairs"]
            .map { Keyword(text: $0, theme: "housing", categories: [leeds.category], environmental: false) }
        let spinner = Spinner(authorities: [leeds], keywords: ks)
        var rng = SplitMix64(seed: 16)
        var pairs = Set<Set<String>>()
        for _ in 0..<300 {
            guard let r = spinner.spin(rng: &rng) else { Issue.record("no spin"); return }
            #expect(!Keyword.nests(r.keywords[0], r.keywords[1]), "\(r.keywords.map(\.text))")
            pairs.insert(Set(r.keywords.map(\.text)))
        }
        #expect(pairs.count == 2)
    }

    @Test func recordsActivity() throws {
        let (store, dir) = try seeded(); defer { try? FileManager.default.removeItem(at: dir) }
        let spin = try store.record(spin: SpinRecord(authorityName: "Leeds City Council", keywords: ["a", "b"], seed: .max))
        let gen = try store.record(generation: GenerationRecord(spinId: spin.id, prompt: "p", text: "t",
                                                                modelId: "m", seed: 3, score: 90))
        try store.rate(generationId: try #require(gen.id), value: 1)
        #expect(try store.ratings().map(\.value) == [1])
        #expect(try store.generation(id: gen.id!)?.seed == 3)
    }
}
