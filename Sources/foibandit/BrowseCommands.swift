import ArgumentParser
import FOI
import Store

struct Authorities: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authorities", abstract: "Find public authorities, or add one not listed.", subcommands: [Search.self, Add.self])

    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find authorities as you would write them: names, short names, short forms, typos.",
            discussion: "What the query resolves to comes first (as generate, batch and the API would resolve it), then every body with a word starting with each word of the query.")
        @OptionGroup var store: StoreOptions
        @Option(help: "Most results to show.") var limit = 20
        @Argument(help: "Words to look for (each matches as a prefix).") var query: [String]

        func run() throws {
            let found = AuthorityResolver(try store.open().allAuthorities()).search(query.joined(separator: " "), limit: limit)
            if found.isEmpty { throw RuntimeError("no authority matches '\(query.joined(separator: " "))'") }
            for a in found { print("\(a.name)\t\(a.shortName)\t\(a.category)\t\(a.nation.rawValue)\t\(a.regime.rawValue)") }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a body that is not in the database (a parish council, a school, a GP practice).",
            discussion: "Its nation decides the law: FOISA in Scotland, FOIA elsewhere. Its category is one of the database's or a plain description.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The body's full name.") var name: String
        @Option(help: "Its nation (\(UnlistedBody.nationChoices)).") var nation: String
        @Option(help: "Its kind: a category of the database or plain words (\"community council\").") var category: String?
        @Option(help: "A short name.") var shortName: String?

        func run() throws {
            if let tooLong = InputLimits.checkAuthority(name) { throw ValidationError(tooLong) }
            guard let n = UnlistedBody.nation(nation) else { throw ValidationError("unknown nation '\(nation)' (want \(UnlistedBody.nationChoices))") }
            let s = try store.open()
            let categories = try s.categories().map { (group: $0.groupName, category: $0.category) }
            var a = UnlistedBody.authority(name: name, nation: n, category: category, known: categories)
            a.shortName = shortName?.trimmingCharacters(in: .whitespaces) ?? ""
            guard try s.add(authority: a) else { throw ValidationError("'\(a.name)' is already in the database") }
            print("added \(a.name)\t\(a.category.isEmpty ? "-" : a.category)\t\(a.nation.rawValue)\t\(a.regime.rawValue)")
        }
    }
}

struct Keywords: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keywords", abstract: "List request keywords, or show what the composer asks about one.",
        subcommands: [List.self, Show.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List keywords, optionally of one theme.")
        @OptionGroup var store: StoreOptions
        @Option(help: "Only this theme (see --themes).") var theme: String?
        @Flag(help: "List the themes instead.") var themes = false

        func run() throws {
            let s = try store.open()
            if themes { try s.themes().forEach { print($0) }; return }
            let ks = try s.allKeywords(theme: theme)
            if ks.isEmpty, let theme {
                throw RuntimeError(Suggest.unknownMessage(kind: "theme", name: theme, candidates: try s.themes()))
            }
            for k in ks { print("\(k.theme)\t\(k.text)\(k.environmental ? "\tenvironmental" : "")") }
        }
    }

    /// What a person curating keywords needs to see: which bodies a keyword is paired with and every question
    /// the composer may ask about it, as a letter would put them.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a keyword's theme, the bodies it suits and the questions the composer may ask about it.",
            discussion: "Questions are shown with the keyword in place, \"the body\" for how the letter names it and \"in the period\" for the letter's period.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The keyword, as listed by `keywords list`.") var keyword: String

        func run() throws {
            let s = try store.open()
            let all = try s.allKeywords()
            guard let k = all.first(where: { $0.text.lowercased() == keyword.lowercased() }) else {
                throw RuntimeError(Suggest.unknownMessage(kind: "keyword", name: keyword, candidates: all.map(\.text)))
            }
            print("\(k.text)\ttheme: \(k.theme)\(k.environmental ? "\tenvironmental" : "")")
            var counts: [String: Int] = [:]
            for a in try s.spinner().authorities where k.suits(a) { counts[a.category, default: 0] += 1 }
            print("suits \(counts.values.reduce(0, +)) bodies: " + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "; "))
            for q in QuestionBanks.questions(for: k) {
                let text = q.text.replacingOccurrences(of: "{K}", with: k.text).replacingOccurrences(of: "{ORG}", with: "the body")
                    .replacingOccurrences(of: "{T}", with: "in the period")
                print("\(q.numeric ? "figure" : "text  ")\t\(text)")
            }
        }
    }
}

struct Categories: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "categories", abstract: "List the categories of authorities (for --category).",
        subcommands: [List.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every group and category with how many authorities it has.",
            discussion: """
            --category takes a category or a group in any case, or a common word for several: police, nhs, \
            council, university, fire, department. Words that fit several categories list them.
            """)
        @OptionGroup var store: StoreOptions

        func run() throws {
            let s = try store.open()
            let spinner = try s.spinner()
            var counts: [CategoryPair: Int] = [:]
            for a in spinner.authorities { counts[CategoryPair(group: a.group, category: a.category), default: 0] += 1 }
            let pairs = Set(try s.categoryPairs() + spinner.categoryPairs)
            for p in pairs.sorted(by: { ($0.group, $0.category) < ($1.group, $1.category) }) {
                print("\(p.group)\t\(p.category)\t\(counts[p] ?? 0)")
            }
        }
    }
}
