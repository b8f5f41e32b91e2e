@testable import Filings
@testable import FilingsRead
import Foundation
import Testing

/// One labelled announcement of the corpus in Fixtures/announcements: NAME.txt or NAME.html, and
/// NAME.expected with "type: …" then one "field: value" line per field the filing states.
struct LabelledFiling {
    var file: String
    var type: FilingType
    var fields: [String: String]
    var text: String

    static let folder = fixtures.appendingPathComponent("announcements")

    static func all() throws -> [LabelledFiling] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".expected") }.sorted()
        return try names.map { name in
            let base = String(name.dropLast(".expected".count))
            let file = try #require(["txt", "html"].map { "\(base).\($0)" }.first { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) },
                                    "\(name) has no .txt or .html beside it")
            var fields: [String: String] = [:]
            var type: FilingType?
            for line in try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).split(separator: "\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let k = String(line[..<colon]), v = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if k == "type" { type = FilingType(rawValue: v) } else { fields[k] = v }
            }
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            return LabelledFiling(file: file, type: try #require(type, "\(name): no type"), fields: fields,
                                  text: try FilingReader.read(data: data, filename: file).text)
        }
    }
}

/// The corpus of announcements in real layouts (issue 24): every labelled field, scored exactly.
@Suite struct CorpusTests {
    @Test func corpusCoversTheTypesInSeveralLayouts() throws {
        let corpus = try LabelledFiling.all()
        let types = Set(corpus.map(\.type))
        print("corpus: \(corpus.count) announcements, \(types.count) types, \(corpus.reduce(0) { $0 + $1.fields.count }) labelled fields")
        #expect(corpus.count >= 60)
        #expect(types.count >= 12)
        // every label is a field of its type and passes its kind: the labels follow the same rules as the output
        for c in corpus {
            for (k, v) in c.fields {
                let spec = try #require(FieldSchema.spec(k, of: c.type), "\(c.file): \(k) is not a \(c.type.rawValue) field")
                #expect(FieldSchema.isValid(v, spec), "\(c.file): label \(k) = \(v) fails its kind \(spec.kind)")
            }
        }
    }

    @Test func extractionIsExactOnLabelledFields() throws {
        let corpus = try LabelledFiling.all()
        var exact = 0, total = 0, extra: [String] = []
        var misses: [String] = []
        for c in corpus {
            let got = FieldExtractor.extract(c.type, text: c.text)
            for (k, v) in c.fields.sorted(by: { $0.key < $1.key }) {
                total += 1
                if got[k] == v { exact += 1 } else { misses.append("\(c.file) \(k): expected “\(v)”, got “\(got[k] ?? "nothing")”") }
            }
            for k in got.keys.sorted() where c.fields[k] == nil { extra.append("\(c.file) \(k) = \(got[k]!)") }
        }
        let rate = Double(exact) / Double(max(total, 1))
        print(String(format: "extraction: %d/%d labelled fields exact (%.1f%%); %d fields emitted that are not labelled", exact, total, rate * 100, extra.count))
        for m in misses { print("  miss: " + m) }
        for e in extra { print("  not labelled: " + e) }
        #expect(rate >= 0.98, "\(exact)/\(total)")
        #expect(extra.count * 50 <= total, "\(extra.count) emitted fields have no label")
    }

    @Test func noEmittedFieldFailsItsType() throws {
        for c in try LabelledFiling.all() {
            for t in FilingType.allCases {   // every type's reader, on every filing: the wrong reader must not emit junk either
                for (k, v) in FieldExtractor.extract(t, text: c.text) {
                    let spec = try #require(FieldSchema.spec(k, of: t))
                    #expect(FieldSchema.isValid(v, spec), "\(c.file) as \(t.rawValue): \(k) = \(v)")
                }
            }
        }
        // the bugs of issue 24 are caught by the kinds, whatever a reader does
        let pct = FieldSchema.spec("percent_direct", of: .holdings)!
        #expect(!FieldSchema.isValid("6144000", pct) && FieldSchema.isValid("5.12", pct))
        #expect(!FieldSchema.isValid("12.5", FieldSchema.spec("volume", of: .pdmr)!))
        #expect(!FieldSchema.isValid("83.2", FieldSchema.spec("price", of: .pdmr)!) && FieldSchema.isValid("83.2 GBX", FieldSchema.spec("price", of: .pdmr)!))
        #expect(!FieldSchema.isValid("Chief Financial Officer", FieldSchema.spec("person", of: .pdmr)!))
        #expect(FieldSchema.validated(["percent_after": "6144000", "holder": "Ostrander Capital Partners, Inc."], type: .holdings) == ["holder": "Ostrander Capital Partners, Inc."])
    }

    @Test func announcementsAreClassifiedRight() throws {
        var right = 0
        let corpus = try LabelledFiling.all()
        for c in corpus {
            let r = try FilingProcessor.process(data: Data(c.text.utf8), filename: c.file)
            if r.filingType == c.type { right += 1 } else { print("  classified \(c.file) as \(r.type) (\(r.classifier)), labelled \(c.type.rawValue)") }
        }
        print("classification: \(right)/\(corpus.count) right")
        #expect(right * 100 >= corpus.count * 95, "\(right)/\(corpus.count)")
    }

    /// Every number a summary states is in its filing, whatever the extractor found (checked against the
    /// document alone, not the fields, so a wrong field cannot vouch for itself), and percentages are percentages.
    @Test func summariesOnlyStateTheFilingsNumbers() throws {
        for c in try LabelledFiling.all() {
            let r = try FilingProcessor.process(data: Data(c.text.utf8), filename: c.file)
            let allowed = NumberCheck.allowed(fields: [:], document: c.text)
            #expect(NumberCheck.unsupported(summary: r.summary, allowed: allowed).isEmpty, "\(c.file): \(r.summary)")
            for p in NumberCheck.percents(r.summary) { #expect(Double(p)! <= 100, "\(c.file): \(p)% in \(r.summary)") }
            #expect(r.summary.contains(r.fields["issuer"] ?? "—"), "\(c.file): \(r.summary)")
        }
    }
}
