import ArgumentParser
import FOI
import Foundation
import Store

struct Spin: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Spin the reels: a random authority and two keywords that suit it.",
        discussion: "The same --seed gives the same spins. Spins are recorded in the database.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "Print the spins as text (no slot machine).") var plain = false
    @Option(help: "Only authorities in this category or group.") var category: String?
    @Option(help: "Seed for reproducible spins (default: random).") var seed: UInt64?
    @Option(help: "How many spins.") var count = 1
    @Flag(help: "Ignore which keywords suit which authorities.") var chaos = false

    func run() throws {
        guard count > 0 else { throw ValidationError("--count must be at least 1") }
        let s = try store.open()
        let spinner = try s.spinner()
        let seed = seed ?? UInt64.random(in: 0...UInt64.max)
        var rng = SplitMix64(seed: seed)
        for _ in 0..<count {
            guard let r = spinner.spin(category: category, chaos: chaos, rng: &rng) else {
                let cats = try s.categories().flatMap { [$0.category, $0.groupName] }
                throw ValidationError(category.map { Suggest.unknownMessage(kind: "category", name: $0, candidates: Array(Set(cats))) }
                                      ?? "no authority has two suitable keywords")
            }
            try s.record(spin: SpinRecord(authorityName: r.authority.name, keywords: r.keywords.map(\.text), seed: seed))
            print("\(r.authority.name) | \(r.keywords.map(\.text).joined(separator: " | "))")
        }
    }
}
