import ArgumentParser
import FOI
import Foundation
import Store

struct Spin: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Spin the reels: a random authority and two keywords that suit it.",
        discussion: "Prints one line per spin. The same --seed gives the same spins. Spins are recorded in the database. `foibandit play` is the slot machine.")
    @OptionGroup var store: StoreOptions
    // Spins were always printed as text; the flag stays, hidden, so scripts that pass it still run.
    @Flag(help: .hidden) var plain = false
    @Option(help: "Only authorities in this category or group.") var category: String?
    @Option(help: "Seed for reproducible spins (default: random).") var seed: UInt64?
    @Option(help: "How many spins.") var count = 1
    @Flag(help: "Ignore which keywords suit which authorities.") var chaos = false

    func validate() throws {
        guard count > 0 else { throw ValidationError("--count must be at least 1") }
    }

    func run() throws {
        let s = try store.open()
        let spinner = try s.spinner()
        let seed = seed ?? UInt64.random(in: 0...UInt64.max)
        var rng = SplitMix64(seed: seed)
        for _ in 0..<count {
            guard let r = spinner.spin(category: category, chaos: chaos, rng: &rng) else {
                throw RuntimeError(spinner.emptySpinReason(category: category, chaos: chaos, known: try s.categoryPairs()))
            }
            try s.record(spin: SpinRecord(authorityName: r.authority.name, keywords: r.keywords.map(\.text), seed: seed))
            print("\(r.authority.name) | \(r.keywords.map(\.text).joined(separator: " | "))")
        }
    }
}
