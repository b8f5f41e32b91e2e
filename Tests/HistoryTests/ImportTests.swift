import FOI
import Foundation
import History
import Store
import Testing

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("foibandit-history-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A store seeded with the shipped authorities and keywords.
func seededStore(_ dir: URL) throws -> FOIStore {
    let s = try FOIStore(path: dir.appendingPathComponent("db.sqlite").path)
    _ = try s.importSeed(root: repoRoot)
    return s
}

/// parse -> match -> store, as `history import` does.
@discardableResult
func importPaths(_ paths: [String], into s: FOIStore) throws -> (FOIStore.HistoryImportReport, HistoryParser.Result, [HistoryEntry]) {
    let parsed = HistoryParser.read(paths: paths)
    let m = HistoryMatcher(authorities: try s.allAuthorities(), keywords: try s.allKeywords())
    let entries = m.entries(parsed.requests, corpus: try s.historyBodies() + parsed.requests.map(\.body))
    return (try s.importHistory(entries), parsed, entries)
}

@Suite struct ImportTests {
    @Test func sampleHistoryCSVImportsMatchedAndDeduplicated() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let s = try seededStore(dir)
        let csv = fixtures.appendingPathComponent("sample_history.csv").path
        let (report, parsed, _) = try importPaths([csv], into: s)
        #expect(parsed.problems.isEmpty)
        #expect(report.inserted.count == 80)
        // short names ("HDFT") match too: every sample letter names a real authority
        #expect(report.unmatched.isEmpty, "\(report.unmatched.map(\.rawAuthority))")
        // a second import of the same file adds nothing and changes nothing
        let before = try s.historyRecords()
        let (again, _, _) = try importPaths([csv], into: s)
        #expect(again.inserted.isEmpty && again.duplicates.count == 80)
        #expect(try s.historyRecords().map(\.id) == before.map(\.id))
        let st = try s.historyStats()
        #expect(st.letters == 80)
        let style = try #require(st.style)
        #expect(style.usual(.greeting)?.form == "Dear <team or officer>" && style.usual(.greeting)?.share == 1)
        #expect(style.usual(.numbering)?.form == "(a)" && style.usual(.signOff)?.form == "kind regards")
    }

    @Test func mailAndTextFilesAreCleanedAndMatched() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let s = try seededStore(dir)
        let (report, parsed, entries) = try importPaths([fixtures.appendingPathComponent("mail").path,
                                                         fixtures.appendingPathComponent("letters").path], into: s)
        #expect(parsed.problems.isEmpty, "\(parsed.problems)")
        #expect(report.inserted.count == 6)
        func entry(_ source: String) throws -> HistoryEntry { try #require(entries.first { $0.source.hasSuffix(source) }) }

        // quoted-printable part of a multipart mail; html copy, attachment, signature and quoted reply dropped
        let pothole = try entry("pothole.eml")
        #expect(pothole.authorityName == "Leeds City Council" && pothole.matchedBy == "mentioned")
        #expect(pothole.title == "Pothole repairs")
        #expect(pothole.date == "2024-03-04")
        #expect(pothole.body.hasSuffix("Kind regards,\nAlasdair Penhallow"))
        #expect(!pothole.body.contains("wrote:") && !pothole.body.contains("sent from my phone") && !pothole.body.contains("html copy"))
        #expect(pothole.keywords.contains("pothole repairs") && pothole.keywords.contains("road defect reports"))

        // base64, ISO-8859-1, matched by the To: domain against the authority's website; Outlook chain dropped
        let bursaries = try entry("bursaries.eml")
        #expect(bursaries.authorityName == "Scottish Funding Council" && bursaries.matchedBy == "email domain")
        #expect(bursaries.body.contains("café refurbishments"))
        #expect(!bursaries.body.contains("Earlier correspondence"))

        // mbox: two messages, one to an unknown body (kept, unmatched); ">From" unescaped
        let gwynedd = try entry("sent.mbox#1")
        #expect(gwynedd.authorityName == "Gwynedd Council" && gwynedd.matchedBy == "short name")
        #expect(gwynedd.body.contains("\nFrom the council's own website"))
        let grit = try entry("sent.mbox#2")
        #expect(grit.authorityName == nil && grit.rawAuthority == "Unknown Body")
        #expect(!grit.keywords.isEmpty)

        // .txt with headers (short name) and without (greeting names an authority that no longer exists)
        let tax = try entry("Council_tax_reductions.txt")
        #expect(tax.authorityName == "Leeds City Council" && tax.title == "Council tax reductions" && tax.date == "2023-11-02")
        let trees = try entry("tree_works.txt")
        #expect(trees.authorityName == nil)
        #expect(trees.title == "tree works")
        #expect(trees.keywords.contains { $0.contains("tree") }, "\(trees.keywords)")
        #expect(try s.historyRecords(unmatchedOnly: true).count == 2)
    }

    @Test func badInputGetsClearMessagesAndLosesNothing() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let s = try seededStore(dir)
        try importPaths([fixtures.appendingPathComponent("letters").path], into: s)
        let before = try s.historyRecords()
        #expect(before.count == 2)

        func write(_ name: String, _ data: Data) throws -> String {
            let u = dir.appendingPathComponent(name); try data.write(to: u); return u.path
        }
        let empty = try write("empty.csv", Data())
        let blank = try write("blank.txt", Data("  \n\n".utf8))
        let latin1 = try write("latin1.txt", "Dear FOI Officer,\nCaf\u{E9} inspections please.".data(using: .isoLatin1)!)
        let noBody = try write("nobody.csv", Data("authority,title\nLeeds City Council,Potholes\n".utf8))
        let noText = try write("scan.eml", Data("""
            From: a@example.org\r\nTo: foi@leeds.gov.uk\r\nSubject: scan\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n\
            --b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename="x.pdf"\r\n\r\nJVBERi0=\r\n--b--\r\n
            """.utf8))
        let koi8 = try write("koi8.eml", Data("From: a@example.org\nTo: foi@leeds.gov.uk\nSubject: x\nContent-Type: text/plain; charset=koi8-r\n\nDear FOI Officer\n".utf8))
        let odd = try write("notes.docx", Data("PK\u{3}\u{4}".utf8))
        let badJSON = try write("h.jsonl", Data("{\"authority\": \"Leeds\", \"body\": \"Dear FOI Officer, please provide (a) x (b) y.\"}\nnot json\n".utf8))
        let missing = dir.appendingPathComponent("nope.csv").path

        let (report, parsed, _) = try importPaths([empty, blank, latin1, noBody, noText, koi8, odd, badJSON, missing], into: s)
        let messages = parsed.problems.map(\.description)
        func has(_ file: String, _ text: String) -> Bool { messages.contains { $0.contains(file) && $0.contains(text) } }
        #expect(has("empty.csv", "empty"))
        #expect(has("blank.txt", "empty"))
        #expect(has("latin1.txt", "not UTF-8") && has("latin1.txt", "save it as UTF-8"))
        #expect(has("nobody.csv", "no `body` column") && has("nobody.csv", "authority, title"))
        #expect(has("scan.eml", "no text part"))
        #expect(has("koi8.eml", "unknown charset") && has("koi8.eml", "koi8-r"))
        #expect(has("notes.docx", "unsupported file type"))
        #expect(has("h.jsonl:2", "not a JSON object"))
        #expect(has("nope.csv", "no such file"))
        // the one good line still arrives; nothing stored before is touched
        #expect(report.inserted.count == 1)
        let after = try s.historyRecords()
        #expect(Array(after.prefix(2)).map(\.contentHash) == before.map(\.contentHash))
        #expect(HistoryImportError.tooFewLetters(have: 3, need: 20).description.contains("at least 20"))
    }

    @Test func duplicatesIgnoreSpacingAndKeywordsSkipBoilerplate() throws {
        let a = "Dear FOI Officer,\n\nPlease provide the number of grit bins.\n\nKind regards,\nA"
        let b = "Dear FOI Officer,\nPlease provide   the number of grit bins.\nKind regards,\nA\n"
        #expect(HistoryMatcher.contentHash(a) == HistoryMatcher.contentHash(b))
        let corpus = (0..<10).map { "Dear FOI Officer, topic \($0) zebra\($0) crossing\($0). My preferred format is a CSV spreadsheet." }
        let m = HistoryMatcher(authorities: [], keywords: [])
        let es = m.entries(corpus.map { HistoryRequest(rawAuthority: "", body: $0, source: "x") }, corpus: corpus)
        #expect(es[3].keywords.contains("zebra3 crossing3"), "\(es[3].keywords)")
        #expect(!es[3].keywords.contains { $0.contains("csv spreadsheet") || $0.contains("preferred format") })
    }

    @Test func ratingsBecomePreferencePairs() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let s = try FOIStore(path: dir.appendingPathComponent("db.sqlite").path)
        func gen(_ prompt: String, _ text: String, _ rating: Int?) throws {
            let g = try s.record(generation: GenerationRecord(prompt: prompt, text: text, modelId: "m", seed: 1, score: 70))
            if let rating { try s.rate(generationId: g.id!, value: rating) }
        }
        try gen("P1", "liked letter", 1)
        try gen("P1", "disliked letter", -1)
        try gen("P1", "unrated letter", nil)
        try gen("P2", "only liked", 1)
        try gen("P3", "changed mind", 1)
        try gen("P3", "other", 1)
        let g = try s.record(generation: GenerationRecord(prompt: "P3", text: "changed mind 2", modelId: "m", seed: 2, score: 50))
        try s.rate(generationId: g.id!, value: 1)
        try s.rate(generationId: g.id!, value: -1)       // the latest rating counts
        let pairs = try s.ratingPreferencePairs()
        #expect(pairs.count == 3)
        #expect(pairs[0].prompt == "P1" && pairs[0].chosen == "liked letter" && pairs[0].rejected == "disliked letter")
        #expect(pairs.filter { $0.prompt == "P3" }.allSatisfy { $0.rejected == "changed mind 2" })
    }
}
