import Foundation
import Testing

@Suite struct CLITests {
    @Test func rootHelpText() throws {
        let r = try foibandit(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout == """
        OVERVIEW: A one-armed bandit that writes UK Freedom of Information requests.

        Pull the lever: the reels land on a public authority and two keywords, and a
        small language model trained by this project writes the request letter. The
        judge's verdict sets the payout.

        USAGE: foibandit <subcommand>

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          play (default)          Play the slot machine: spin an authority and
                                  keywords, and the model writes the request.
          spin                    Spin the reels: a random authority and two keywords
                                  that suit it.
          generate                Write one request letter with the model and print it
                                  with its judge score.
          compose                 Write one request letter with the rule-based composer
                                  (the domain corpus's source).
          judge                   Score a request letter with the judge's weighted
                                  checks.
          db                      Create, import into and inspect the SQLite database.
          authorities             Find public authorities, or add one not listed.
          categories              List the categories of authorities (for --category).
          keywords                List request keywords, or show what the composer asks
                                  about one.
          corpus                  Build the domain corpus and the committed eval sets
                                  (see scripts/corpus/README.md).
          batch                   Write a letter for every row of a CSV file (batched
                                  decoding, resumable).
          serve                   Serve the HTTP API (letters, streaming, spin, search,
                                  batch).
          history                 Import and browse your own past FOI requests (to
                                  learn your style with `train history`).
          filings                 Read, classify, extract and summarise regulatory
                                  filings (RNS announcements, inline XBRL accounts).
          train                   Train the model, one stage at a time (see
                                  models/<name>/configs/).
          eval                    Evaluate a model on the held-out eval sets and write
                                  eval.json.
          export                  Export a model for other engines (GGUF for llama.cpp).
          bench                   Engine speed benchmarks as JSON (used by
                                  bench/speed/run.sh).
          config                  Settings kept in the database (the name that signs
                                  your letters).

          See 'foibandit help <subcommand>' for detailed help.

        """)
    }

    @Test func firstRunSeedsTheDatabaseAndSpinsReproducibly() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let env = ["FOIBANDIT_DB": dir.appendingPathComponent("db.sqlite").path]
        let stats = try foibandit(["db", "stats", "--json"], env: env)
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stderr.contains("imported"))
        let a = try foibandit(["spin", "--plain", "--seed", "11", "--count", "5"], env: env)
        let b = try foibandit(["spin", "--plain", "--seed", "11", "--count", "5"], env: env)
        #expect(a.status == 0 && a.stdout == b.stdout)
        #expect(a.stdout.split(separator: "\n").count == 5)
        let again = try foibandit(["db", "init"], env: env)
        #expect(again.stdout.contains("authorities.csv: 0 new"))
    }

    @Test func malformedImportIsRefusedWithLineNumbers() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("more.csv")
        try "keyword,theme,categories,environmental\nroad gritting,highways,Local and regional,maybe\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        let r = try foibandit(["db", "import", csv.path, "--db", dir.appendingPathComponent("db.sqlite").path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("\(csv.path):2: environmental must be true or false, not 'maybe'"))
    }

    @Test func unknownCategorySuggests() throws {
        let dir = try temporaryFolder(); defer { try? FileManager.default.removeItem(at: dir) }
        let r = try foibandit(["spin", "--plain", "--category", "Police forcse", "--db", dir.appendingPathComponent("db.sqlite").path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("did you mean"))
    }

    /// Debian 12's OpenBLAS takes recent Intel server cores for a Pentium 4 and runs SSE3 kernels (training
    /// 3.8× slower); the program restarts itself with OPENBLAS_CORETYPE set, unless the user set it.
    @Test func openBLASRunsKernelsForThisCPU() throws {
        let flags = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        guard flags.contains(" avx2") else { return }
        // An empty OPENBLAS_CORETYPE is as good as none (OpenBLAS then chooses for itself).
        let r = try foibandit(["bench", "bf16", "--runs", "1"], env: ["OPENBLAS_CORETYPE": ""])
        #expect(r.status == 0, "\(r.stderr)")
        let core = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])["openblas_core"] as? String
        #expect(core?.lowercased() != "prescott", "OpenBLAS runs its generic kernels: \(core ?? "?")")
        // A core the user names is kept.
        let named = try foibandit(["bench", "bf16", "--runs", "1"], env: ["OPENBLAS_CORETYPE": "Haswell"])
        let kept = try #require(try JSONSerialization.jsonObject(with: Data(named.stdout.utf8)) as? [String: Any])["openblas_core"] as? String
        #expect(kept == "Haswell")
    }
}
