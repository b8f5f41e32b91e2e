import ArgumentParser
import Foundation
import LM
import LMFormats
import Tokenizer

/// `foibandit export --gguf`: a model folder as one GGUF file that llama.cpp loads.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a model for other engines (GGUF for llama.cpp).",
        discussion: """
        Writes float32 tensors under llama.cpp's llama names (Q and K rows reordered for its rotary \
        layout) and the tokenizer as GPT-2-style byte-level BPE; ids the tokenizer lacks become \
        <|unused_N|> control tokens.
        """)

    @Option(help: "Model folder (Hugging Face layout; default: the shipped models/foibandit-small).") var model: String?
    @Option(help: "tokenizer.json (default: the model folder's).") var tokenizer: String?
    @Option(help: "Output GGUF file.") var gguf: String

    func run() throws {
        let dir = URL(fileURLWithPath: try SeedLocator.path(model, default: ModelOptions.defaultModel))
        let m = try Model.load(directory: dir)
        let tok = try BPETokenizer(directory: tokenizer.map { SeedLocator.given($0) } ?? dir)
        let data = try m.ggufData(tokenizer: tok, name: dir.lastPathComponent)
        try data.write(to: URL(fileURLWithPath: gguf))
        print("wrote \(gguf): \(data.count) bytes, \(m.parameterCount) parameters, \(m.config.vocabSize) ids")
    }
}
