import ArgumentParser
import FOI
import Foundation
import Store

/// `--nation` and `--category`: a body that is not in the database, for the commands that write letters.
struct BodyOptions: ParsableArguments {
    @Option(help: ArgumentHelp("For a body that is not in the database: its nation (\(UnlistedBody.nationChoices)).",
                               discussion: "The law follows from it: FOISA in Scotland, FOIA elsewhere (EIR/EISR for environmental topics)."))
    var nation: String?
    @Option(help: "With --nation: the body's kind, one of the database's categories or plain words (\"parish council\").")
    var category: String?

    func validate() throws {
        if category != nil && nation == nil { throw ValidationError("--category describes a body that is not in the database; give --nation too") }
    }

    func authority(_ name: String, resolver: AuthorityResolver, categories: [(group: String, category: String)]) throws -> Authority {
        try resolveBody(name, nation: nation, category: category, resolver: resolver, categories: categories)
    }
}

/// The body `name` means (`AuthorityResolver.body`), saying on standard error what it resolved to.
func resolveBody(_ name: String, nation: String? = nil, category: String? = nil, resolver: AuthorityResolver,
                 categories: [(group: String, category: String)] = []) throws -> Authority {
    switch resolver.body(name, nation: nation, category: category, categories: categories) {
    case .success(let r):
        if let note = r.note { stderr("note: \(note)") }
        return r.authority
    case .failure(let e):
        throw ValidationError(e.message)
    }
}

/// Adds a body that is not in the database (`--save`), or says how to. `save` is nil for a command
/// without `--save`.
func offerToAdd(_ a: Authority, save: Bool?, store: FOIStore?) throws {
    guard UnlistedBody.isDescribed(a) else { return }
    if save == true, let store {
        stderr(try store.add(authority: a) ? "added '\(a.name)' to the database" : "'\(a.name)' is already in the database")
    } else {
        stderr("to add it to the database: \(save == nil ? "" : "rerun with --save, or ")\(UnlistedBody.addCommand(a))")
    }
}
