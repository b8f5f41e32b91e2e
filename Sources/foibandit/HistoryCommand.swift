import ArgumentParser
import FOI
import Foundation
import History
import Store

/// `foibandit history import|list|show|stats|measure`: the person's own sent requests, for `train history`.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Import and browse your own past FOI requests (to learn your style with `train history`).",
        subcommands: [Import.self, List.self, Show.self, Stats.self, Measure.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import sent requests: CSV or JSON Lines (authority, body, title, date, keywords), .txt folders, .eml, mbox.",
            discussion: """
            Each request is matched to an authority (name, short name, the To: address's domain against the \
            authority's website, the greeting, or a single authority named in the letter). Unmatched requests \
            are kept and listed. Keywords are derived when none are given. Duplicates (same text) are skipped. \
            A file that cannot be read is reported and the others are still imported; nothing already \
            imported is changed.
            """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "Files or folders to import.") var paths: [String]

        func run() throws {
            let s = try store.open()
            let parsed = HistoryParser.read(paths: paths)
            for p in parsed.problems { stderr("history import: \(p)") }
            let matcher = HistoryMatcher(authorities: try s.allAuthorities(), keywords: try s.allKeywords())
            let entries = matcher.entries(parsed.requests, corpus: try s.historyBodies() + parsed.requests.map(\.body))
            let report = try s.importHistory(entries)
            let total = try s.historyRecords().count
            print("imported \(report.inserted.count) request\(report.inserted.count == 1 ? "" : "s")"
                  + (report.duplicates.isEmpty ? "" : ", skipped \(report.duplicates.count) duplicate\(report.duplicates.count == 1 ? "" : "s")")
                  + "; the history now holds \(total)")
            for d in report.duplicates { print("  duplicate: \(d.source) (same text as history #\(d.existingId))") }
            let unmatched = entries.filter { e in e.authorityName == nil && report.inserted.contains { $0.contentHash == e.contentHash } }
            if !unmatched.isEmpty {
                print("\(unmatched.count) request\(unmatched.count == 1 ? " was" : "s were") kept without a known authority; "
                      + "\(unmatched.count == 1 ? "it trains" : "they train") your style all the same (see `history list --unmatched`):")
                for e in unmatched {
                    let hint = Suggest.didYouMean(e.suggestions)
                    print("  \(e.source): '\(e.rawAuthority.isEmpty ? "(no authority given)" : e.rawAuthority)'\(hint)")
                }
            }
            if total < HistoryTraining.minimumLetters {
                print("note: \(HistoryImportError.tooFewLetters(have: total, need: HistoryTraining.minimumLetters))")
            }
            if report.inserted.isEmpty && !parsed.problems.isEmpty { throw ExitCode(1) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List imported requests (id, date, authority, title).")
        @OptionGroup var store: StoreOptions
        @Flag(help: "Only requests with no matched authority.") var unmatched = false
        @Option(help: "Only requests to this authority.") var authority: String?
        @Option(help: "Most rows to show.") var limit: Int?

        func run() throws {
            let rows = try store.open().historyRecords(unmatchedOnly: unmatched, authority: authority, limit: limit)
            if rows.isEmpty { print(unmatched ? "no unmatched requests" : "the history is empty (import with `foibandit history import PATH...`)"); return }
            for r in rows {
                let who = r.authorityName ?? "? \(r.rawAuthority.isEmpty ? "(unknown)" : r.rawAuthority)"
                print("\(r.id ?? 0)\t\(r.date.isEmpty ? "-" : r.date)\t\(who)\t\(r.title)")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one imported request in full.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The request's id (from `history list`).") var id: Int64

        func run() throws {
            guard let r = try store.open().historyRecord(id: id) else { throw ValidationError("no history request #\(id)") }
            print("#\(r.id ?? 0)  \(r.title)")
            print("authority: \(r.authorityName ?? "(unmatched)")" + (r.rawAuthority != (r.authorityName ?? "") ? "  [as written: \(r.rawAuthority)]" : ""))
            print("date: \(r.date.isEmpty ? "-" : r.date)   keywords: \(r.keywords)   source: \(r.source)")
            print("")
            print(r.body)
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Summarise the history: counts, authorities, topics, years and the style found.")
        @OptionGroup var store: StoreOptions
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let st = try store.open().historyStats()
            if json {
                let enc = JSONEncoder()
                enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try enc.encode(st), as: UTF8.self)); return
            }
            print("letters: \(st.letters) (\(st.matched) matched to \(st.authorities) authorities, \(st.unmatched) unmatched)")
            if st.letters == 0 { return }
            func show(_ d: [String: Int]) -> String { d.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: ", ") }
            print("top authorities: \(show(st.topAuthorities))")
            print("top keywords: \(show(st.topKeywords))")
            print("by year: \(st.byYear.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))")
            print("sources: \(show(st.sources))")
            print(String(format: "mean length: %.0f words", st.meanWords))
            if let p = st.style {
                print("style (the share of your letters with each usual form, or the mean per letter):")
                print(p.description.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            }
            if st.letters < HistoryTraining.minimumLetters {
                print("note: \(HistoryImportError.tooFewLetters(have: st.letters, need: HistoryTraining.minimumLetters))")
            }
        }
    }
}
