import ArgumentParser
import FOI
import Foundation
import Store

/// Settings a person makes once: the name that signs every letter.
struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Settings kept in the database (the name that signs your letters).",
        discussion: """
        A request under the Freedom of Information Act must give the requester's name. Set it once and \
        generate, batch, play and the HTTP service sign every letter with it; --requester (or a batch \
        column, or the API's "requester") signs one letter with another name.
        """,
        subcommands: [RequesterCommand.self, Show.self])

    struct RequesterCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "requester", abstract: "Set (or clear) the name that signs every letter.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Your name, as it should appear under the letter.") var name: String?
        @Option(help: "An email address for replies, put under the name.") var email: String?
        @Flag(help: "Forget the stored name: letters end with a placeholder again.") var clear = false

        func run() throws {
            let s = try store.open()
            if clear {
                try s.setRequester(nil)
                print("requester cleared: letters end with a placeholder such as [Your name]")
                return
            }
            guard let name else { throw ValidationError("give a name, e.g. foibandit config requester \"Sam Jones\" (or --clear)") }
            let r: Requester
            do { r = try Requester.validated(name: name, email: email) } catch { throw ValidationError("\(error)") }
            try s.setRequester(r)
            print("letters will be signed: \(r.name)" + (r.email.map { " <\($0)>" } ?? ""))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the stored settings.")
        @OptionGroup var store: StoreOptions
        func run() throws {
            let r = try store.open().requester()
            print("requester: " + (r.map { $0.name + ($0.email.map { " <\($0)>" } ?? "") } ?? "(not set: letters end with a placeholder)"))
        }
    }
}

/// `--requester`, for the commands that write letters.
struct RequesterOptions: ParsableArguments {
    @Option(help: "Sign the letter with this name (default: the name set with `foibandit config requester`).")
    var requester: String?

    /// The option's name, else the stored one, else nil (a placeholder stays).
    func resolve(_ store: FOIStore) throws -> Requester? {
        if let requester {
            do { return try Requester.validated(name: requester) } catch { throw ValidationError("--requester: \(error)") }
        }
        return try store.requester()
    }
}
