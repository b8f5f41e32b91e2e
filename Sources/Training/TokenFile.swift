import Foundation
import LM
import Tokenizer

/// A packed stream of token ids as little-endian UInt16 (our vocabularies stay under 65,536).
/// Tokenising a corpus once and memory-mapping the result keeps the training loop free of text work.
public struct TokenFile: Sendable {
    public let tokens: [UInt16]

    public init(tokens: [UInt16]) { self.tokens = tokens }

    public init(contentsOf url: URL) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw TrainingError.badInput("\(url.path): cannot read token file")
        }
        guard data.count % 2 == 0 else { throw TrainingError.badInput("\(url.path): odd byte count, truncated token file") }
        tokens = data.withUnsafeBytes { raw in
            (0..<(data.count / 2)).map { UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 2, as: UInt16.self)) }
        }
    }

    public func write(to url: URL) throws {
        let data = tokens.withUnsafeBufferPointer { Data(buffer: $0) }
        try data.write(to: url, options: .atomic)
    }

    /// Tokenises text files into one stream, each document followed by `<|endoftext|>`.
    /// Documents are separated by blank-line-free boundaries: a file is split on lines that are
    /// exactly "\u{1E}" (record separator) when present, else taken whole.
    public static func encode(files: [URL], tokenizer: BPETokenizer,
                              progress: ((Int, Int) -> Void)? = nil) throws -> TokenFile {
        precondition(tokenizer.vocabSize <= Int(UInt16.max) + 1)
        var out: [UInt16] = []
        let eot = UInt16(tokenizer.endOfTextId)
        for (i, f) in files.enumerated() {
            guard let data = FileManager.default.contents(atPath: f.path),
                  let text = String(data: data, encoding: .utf8) else {
                throw TrainingError.badInput("\(f.path): cannot read as UTF-8 text")
            }
            for doc in documents(in: text, jsonl: f.pathExtension == "jsonl") {
                out.append(contentsOf: tokenizer.encode(doc).map { UInt16($0) })
                out.append(eot)
            }
            progress?(i + 1, files.count)
        }
        return TokenFile(tokens: out)
    }

    /// A `.jsonl` file holds one `{"text": ...}` (or `{"letter": ...}`) document per line; any other file is plain text
    /// whose documents are separated by blank lines in groups (paragraph blocks of up to ~4 KB).
    public static func documents(in text: String, jsonl: Bool) -> [String] {
        if jsonl {
            return text.split(separator: "\n").compactMap { line in
                guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
                return (obj["text"] ?? obj["letter"]) as? String
            }
        }
        var docs: [String] = [], cur = ""
        for para in text.components(separatedBy: "\n\n") {
            let p = para.trimmingCharacters(in: .whitespacesAndNewlines)
            if p.isEmpty { continue }
            if !cur.isEmpty && cur.utf8.count + p.utf8.count > 4096 { docs.append(cur); cur = "" }
            cur += cur.isEmpty ? p : "\n\n" + p
        }
        if !cur.isEmpty { docs.append(cur) }
        return docs
    }
}
