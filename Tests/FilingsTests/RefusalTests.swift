@testable import Filings
@testable import FilingsRead
import Foundation
@testable import Store
import Testing

/// The repository root, from this file's place in it (Tests/FilingsTests/…).
let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Text that is not a regulatory announcement is refused with a reason and not stored; `force` stores it.
@Suite struct RefusalTests {
    /// Our handwritten non-announcements, "hello world", and this repository's own README and DESIGN.
    static func samples() throws -> [(name: String, data: Data)] {
        let folder = fixtures.appendingPathComponent("not-announcements")
        var out = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) }
        out.append(("stdin", Data("hello world".utf8)))
        for doc in ["README.md", "DESIGN.md"] { out.append((doc, try Data(contentsOf: repoRoot.appendingPathComponent(doc)))) }
        return out
    }

    @Test func nonAnnouncementsAreRefusedAndNotStored() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("filings-refuse-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try FOIStore(path: dir.appendingPathComponent("db.sqlite").path)
        for (name, data) in try Self.samples() {
            do {
                // what `filings process` does: process, then store only what came back
                let r = try FilingProcessor.process(data: data, filename: name)
                try store.saveFiling(r.record)
                Issue.record("\(name) was accepted as \(r.type)")
            } catch let e as FilingError {
                guard case .notAnAnnouncement(let file, let reason) = e else { Issue.record("\(name): \(e)"); continue }
                #expect(file == name && !reason.isEmpty)
                #expect(e.description.contains("not a regulatory announcement") && e.description.contains("--force"), "\(e)")
                print("refused \(name): \(reason)")
            }
        }
        #expect(try store.filingCount() == 0)
        // with force it is stored, as Other, with a warning saying why it was not recognised
        let forced = try FilingProcessor.process(data: Data("hello world".utf8), filename: "hello.txt", force: true)
        #expect(forced.type == "other" && forced.classifier == "none")
        #expect(forced.warnings.contains { $0.contains("not recognised as a regulatory announcement") })
        try store.saveFiling(forced.record)
        #expect(try store.filingCount() == 1)
    }

    /// No announcement is refused: the whole corpus, and composer documents of every type.
    @Test func announcementsPassTheCheck() throws {
        for c in try LabelledFiling.all() { #expect(AnnouncementCheck.reason(c.text) == nil, "\(c.file): \(AnnouncementCheck.reason(c.text) ?? "")") }
        for d in FilingsComposer().corpus(count: 160, heldOut: true, seed: 31) {
            let text = FilingText.of(d)
            #expect(AnnouncementCheck.reason(text) == nil, "\(d.filename): \(AnnouncementCheck.reason(text) ?? "")")
        }
    }
}

/// The iXBRL reader keeps reading the Companies House accounts in ../shared/data (beside the repository),
/// when that folder is there; the same six files are copied into Fixtures for machines without it.
@Suite struct SharedAccountsTests {
    static let folder = repoRoot.deletingLastPathComponent().appendingPathComponent("shared/data/ixbrl-uk-small-company-accounts")
    static var present: Bool { FileManager.default.fileExists(atPath: folder.path) }

    @Test(.enabled(if: present)) func everySharedAccountIsRead() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".html") || $0.hasSuffix(".xhtml") }.sorted()
        #expect(names.count >= 6)
        for name in names {
            let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
            let r = try FilingProcessor.process(data: data, filename: name)
            #expect(r.format == "ixbrl" && r.classifier == "ixbrl-facts" && r.factCount >= 25, "\(name)")
            #expect(r.fields["entity_name"] != nil && r.fields["company_number"] != nil, "\(name): \(r.fields)")
            #expect(FieldSchema.isValid(r.fields["period_end"] ?? "", FieldSpec("period_end", .date)), "\(name)")
            #expect(!r.summary.contains("1 employees"), "\(name): \(r.summary)")
            // the copy in Fixtures reads the same
            if let copy = try? fixture(name) { #expect(try FilingProcessor.process(data: copy, filename: name).fields == r.fields, "\(name)") }
        }
    }
}
