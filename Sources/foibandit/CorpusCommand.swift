import ArgumentParser
import FOI
import FOICorpus
import Foundation

struct Corpus: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the domain corpus and the committed eval sets (see scripts/corpus/README.md).",
        subcommands: [Build.self, EvalSetsCommand.self])

    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write cpt.jsonl, sft.jsonl (letters with name slots) and reference_slots.jsonl from composer letters on the training split.")

        @Option(help: "Output folder.") var out: String
        @Option(help: "Letters for each of cpt.jsonl and sft.jsonl.") var letters: Int = 20_000
        @Option(help: "Seed.") var seed: UInt64 = 1
        @OptionGroup var seedRoot: SeedRootOptions

        func run() throws {
            let (authorities, keywords) = try seedRoot.load()
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let cptPath = (out as NSString).appendingPathComponent("cpt.jsonl")
            let sftPath = (out as NSString).appendingPathComponent("sft.jsonl")
            FileManager.default.createFile(atPath: cptPath, contents: nil)
            FileManager.default.createFile(atPath: sftPath, contents: nil)
            guard let cpt = FileHandle(forWritingAtPath: cptPath), let sft = FileHandle(forWritingAtPath: sftPath) else {
                throw ValidationError("cannot write to \(out)")
            }
            defer { try? cpt.close(); try? sft.close() }
            var cptBuf = "", sftBuf = ""
            let s = DomainCorpus.build(
                authorities: authorities, keywords: keywords, letters: letters, seed: seed,
                cpt: { line in
                    cptBuf += line + "\n"
                    if cptBuf.utf8.count > 1 << 20 { cpt.write(Data(cptBuf.utf8)); cptBuf = "" }
                },
                sft: { line in
                    sftBuf += line + "\n"
                    if sftBuf.utf8.count > 1 << 20 { sft.write(Data(sftBuf.utf8)); sftBuf = "" }
                })
            cpt.write(Data(cptBuf.utf8)); sft.write(Data(sftBuf.utf8))
            // The reference letters in the SFT letters' form, for the trainer's periodic eval of a slots model.
            let bodies = Dictionary(authorities.map { ($0.name, BodyProfile.of($0)) }, uniquingKeysWith: { a, _ in a })
            let reference = EvalSets.make(authorities: authorities, keywords: keywords).reference
                .map { DomainCorpus.jsonLine($0.withNameSlots(body: { name in bodies[name] })) }.joined(separator: "\n") + "\n"
            try reference.write(toFile: (out as NSString).appendingPathComponent("reference_slots.jsonl"), atomically: true, encoding: .utf8)
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys]
            let summary = String(decoding: try e.encode(s), as: UTF8.self)
            try summary.write(toFile: (out as NSString).appendingPathComponent("summary.json"), atomically: true, encoding: .utf8)
            print(summary)
        }
    }

    struct EvalSetsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "evalsets",
            abstract: "Write the eval sets (unseen authorities, unseen keywords, ordinary, reference letters).")

        @Option(help: "Output folder.") var out: String = "evalsets"
        @OptionGroup var seedRoot: SeedRootOptions

        func run() throws {
            let (authorities, keywords) = try seedRoot.load()
            let sets = EvalSets.make(authorities: authorities, keywords: keywords)
            try EvalSets.write(sets, to: out)
            print("unseen_authorities.jsonl \(sets.unseenAuthorities.count)")
            print("unseen_keywords.jsonl    \(sets.unseenKeywords.count)")
            print("ordinary.jsonl           \(sets.ordinary.count)")
            print("reference_letters.jsonl  \(sets.reference.count)")
        }
    }
}
