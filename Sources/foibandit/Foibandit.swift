import ArgumentParser
import LM

@main
struct Foibandit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "foibandit",
        abstract: "A one-armed bandit that writes UK Freedom of Information requests.",
        discussion: """
        Pull the lever: the reels land on a public authority and two keywords, and a small \
        language model trained by this project writes the request letter. The judge's verdict \
        sets the payout.
        """,
        version: "0.1.0",
        subcommands: [
            Play.self,
            Spin.self,
            Generate.self,
            Compose.self,
            JudgeCommand.self,
            DB.self,
            Authorities.self,
            Categories.self,
            Keywords.self,
            Corpus.self,
            Batch.self,
            Serve.self,
            History.self,
            FilingsCommand.self,
            Train.self,
            Eval.self,
            Export.self,
            Bench.self,
            Config.self,
        ],
        defaultSubcommand: Play.self
    )
}
