import Foundation

/// What is wrong with a tokenizer file.
public enum TokenizerError: Error, CustomStringConvertible, Equatable {
    case missingFile(String)
    case unreadable(String, String)
    case invalidJSON(String, String)
    case unsupported(String)
    case malformed(String)

    public var description: String {
        switch self {
        case .missingFile(let p): return "tokenizer file not found: \(p)"
        case .unreadable(let p, let why): return "cannot read \(p): \(why)"
        case .invalidJSON(let p, let why): return "\(p) is not valid JSON: \(why)"
        case .unsupported(let what): return "unsupported tokenizer: \(what)"
        case .malformed(let what): return "malformed tokenizer.json: \(what)"
        }
    }
}

extension BPETokenizer {
    /// Loads `tokenizer.json` from a model directory (or the file itself).
    public convenience init(directory: URL) throws {
        var isDir: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDir)
        let file = exists && isDir.boolValue ? directory.appendingPathComponent("tokenizer.json") : directory
        guard FileManager.default.fileExists(atPath: file.path) else { throw TokenizerError.missingFile(file.path) }
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw TokenizerError.unreadable(file.path, "\(error.localizedDescription)")
        }
        try self.init(json: data, path: file.path)
    }

    /// Same as `init(directory:)`.
    public static func load(from directory: URL) throws -> BPETokenizer { try BPETokenizer(directory: directory) }

    /// Parses the contents of a `tokenizer.json`: a byte-level BPE model with the GPT-2
    /// pre-tokenizer (ours, GPT-2's, and the like). Merges may be "a b" strings (older
    /// `tokenizers`) or ["a", "b"] pairs (`tokenizers` 0.20 and later).
    public convenience init(json data: Data, path: String = "tokenizer.json") throws {
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: data) } catch {
            throw TokenizerError.invalidJSON(path, "\(error.localizedDescription)")
        }
        guard let obj = root as? [String: Any] else { throw TokenizerError.malformed("top level is not an object") }
        guard let model = obj["model"] as? [String: Any] else { throw TokenizerError.malformed("no \"model\" object") }
        let type = model["type"] as? String ?? "BPE"
        guard type == "BPE" else { throw TokenizerError.unsupported("model type \(type), expected BPE") }
        if let n = obj["normalizer"], !(n is NSNull) {
            throw TokenizerError.unsupported("a normalizer is set; byte-level BPE uses none")
        }
        guard let pre = obj["pre_tokenizer"] as? [String: Any] else {
            throw TokenizerError.unsupported("pre_tokenizer must be ByteLevel")
        }
        guard pre["type"] as? String == "ByteLevel" else {
            throw TokenizerError.unsupported("pre_tokenizer \(pre["type"] ?? "?"), expected ByteLevel")
        }
        if (pre["add_prefix_space"] as? Bool) == true {
            throw TokenizerError.unsupported("ByteLevel add_prefix_space true")
        }
        if (pre["use_regex"] as? Bool) == false {
            throw TokenizerError.unsupported("ByteLevel use_regex false")
        }
        if (model["byte_fallback"] as? Bool) == true { throw TokenizerError.unsupported("byte_fallback true") }
        for k in ["continuing_subword_prefix", "end_of_word_suffix"] {
            if let v = model[k] as? String, !v.isEmpty { throw TokenizerError.unsupported("\(k) \"\(v)\"") }
        }
        if let d = model["dropout"] as? Double, d > 0 { throw TokenizerError.unsupported("BPE dropout \(d)") }
        let ignoreMerges = model["ignore_merges"] as? Bool ?? false

        guard let vocabAny = model["vocab"] as? [String: Any] else { throw TokenizerError.malformed("model.vocab is not an object") }
        var vocab: [String: Int] = [:]
        vocab.reserveCapacity(vocabAny.count)
        var maxId = -1
        for (k, v) in vocabAny {
            guard let id = (v as? NSNumber)?.intValue, id >= 0, id < 10_000_000 else {
                throw TokenizerError.malformed("vocab entry \"\(k)\" has no valid id")
            }
            vocab[k] = id
            maxId = max(maxId, id)
        }
        var added: [AddedToken] = []
        if let list = obj["added_tokens"] as? [[String: Any]] {
            for (i, t) in list.enumerated() {
                guard let content = t["content"] as? String, !content.isEmpty,
                      let id = (t["id"] as? NSNumber)?.intValue, id >= 0, id < 10_000_000 else {
                    throw TokenizerError.malformed("added_tokens[\(i)] lacks content or id")
                }
                added.append(AddedToken(content: content, id: id, special: t["special"] as? Bool ?? false))
                maxId = max(maxId, id)
            }
        } else if let a = obj["added_tokens"], !(a is NSNull) {
            throw TokenizerError.malformed("added_tokens is not a list")
        }
        let count = maxId + 1
        var strings = [String](repeating: "", count: count)
        var bytes = [[UInt8]](repeating: [], count: count)
        for (s, id) in vocab {
            strings[id] = s
            bytes[id] = ByteLevel.decode(s) ?? Array(s.utf8)
        }
        for t in added {
            if vocab[t.content] == nil || vocab[t.content] != t.id {
                strings[t.id] = t.content
            }
            bytes[t.id] = Array(t.content.utf8)
        }
        var byteIds = [Int32](repeating: -1, count: 256)
        for b in 0..<256 {
            let s = String(ByteLevel.byteToScalar[b])
            guard let id = vocab[s] else {
                throw TokenizerError.malformed("vocab lacks the byte symbol \"\(s)\" (byte \(b)); not a byte-level BPE vocabulary")
            }
            byteIds[b] = Int32(id)
        }
        guard let mergesAny = model["merges"] as? [Any] else { throw TokenizerError.malformed("model.merges is not a list") }
        var merges: [(Int32, Int32, Int32)] = []
        merges.reserveCapacity(mergesAny.count)
        for (i, m) in mergesAny.enumerated() {
            let a: String, b: String
            if let s = m as? String {
                let parts = s.split(separator: " ", omittingEmptySubsequences: false)
                guard parts.count == 2 else { throw TokenizerError.malformed("merges[\(i)] \"\(s)\" is not \"a b\"") }
                a = String(parts[0]); b = String(parts[1])
            } else if let p = m as? [Any], p.count == 2, let x = p[0] as? String, let y = p[1] as? String {
                a = x; b = y
            } else {
                throw TokenizerError.malformed("merges[\(i)] is neither \"a b\" nor [\"a\", \"b\"]")
            }
            guard let ia = vocab[a] else { throw TokenizerError.malformed("merges[\(i)]: \"\(a)\" not in vocab") }
            guard let ib = vocab[b] else { throw TokenizerError.malformed("merges[\(i)]: \"\(b)\" not in vocab") }
            guard let ic = vocab[a + b] else { throw TokenizerError.malformed("merges[\(i)]: \"\(a + b)\" not in vocab") }
            merges.append((Int32(ia), Int32(ib), Int32(ic)))
        }
        self.init(tokenBytes: bytes, tokenStrings: strings, byteIds: byteIds, merges: merges,
                  added: added.sorted { $0.id < $1.id }, ignoreMerges: ignoreMerges)
    }

    /// Writes `tokenizer.json` and `tokenizer_config.json` into `directory` (created if needed).
    public func save(to directory: URL, modelMaxLength: Int = 1024) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(tokenizerJSON().utf8).write(to: directory.appendingPathComponent("tokenizer.json"), options: .atomic)
        try Data(tokenizerConfigJSON(modelMaxLength: modelMaxLength).utf8)
            .write(to: directory.appendingPathComponent("tokenizer_config.json"), options: .atomic)
    }

    /// The Hugging Face `tokenizer.json` text (vocab in id order, merges as pairs).
    public func tokenizerJSON() -> String {
        var s = "{\n  \"version\": \"1.0\",\n  \"truncation\": null,\n  \"padding\": null,\n  \"added_tokens\": ["
        s += jsonLines(addedTokens.map { t in
            "    {\"id\": \(t.id), \"content\": \(jsonString(t.content)), \"single_word\": false, \"lstrip\": false, \"rstrip\": false, \"normalized\": false, \"special\": \(t.special)}"
        })
        s += "\n  ],\n  \"normalizer\": null,\n"
        s += "  \"pre_tokenizer\": {\"type\": \"ByteLevel\", \"add_prefix_space\": false, \"trim_offsets\": true, \"use_regex\": true},\n"
        s += "  \"post_processor\": {\"type\": \"ByteLevel\", \"add_prefix_space\": false, \"trim_offsets\": true, \"use_regex\": true},\n"
        s += "  \"decoder\": {\"type\": \"ByteLevel\", \"add_prefix_space\": false, \"trim_offsets\": true, \"use_regex\": true},\n"
        s += "  \"model\": {\n    \"type\": \"BPE\",\n    \"dropout\": null,\n    \"unk_token\": null,\n"
        s += "    \"continuing_subword_prefix\": null,\n    \"end_of_word_suffix\": null,\n"
        s += "    \"fuse_unk\": false,\n    \"byte_fallback\": false,\n    \"ignore_merges\": \(ignoreMerges),\n"
        s += "    \"vocab\": {"
        var seen = Set<String>(), vocab = [String]()
        for (id, str) in tokenStrings.enumerated() where !str.isEmpty && !seen.contains(str) {
            seen.insert(str)
            vocab.append("      \(jsonString(str)): \(id)")
        }
        s += jsonLines(vocab)
        s += "\n    },\n    \"merges\": ["
        s += jsonLines(mergeList.map { "      [\(jsonString(tokenStrings[Int($0.0)])), \(jsonString(tokenStrings[Int($0.1)]))]" })
        s += "\n    ]\n  }\n}\n"
        return s
    }

    /// The `tokenizer_config.json` text for `transformers.AutoTokenizer`.
    public func tokenizerConfigJSON(modelMaxLength: Int = 1024) -> String {
        let eos = Self.endOfText
        let pad = id(forSpecial: Self.pad) != nil ? Self.pad : eos
        let hasEOS = id(forSpecial: eos) != nil
        var s = "{\n  \"tokenizer_class\": \"PreTrainedTokenizerFast\",\n"
        if hasEOS {
            s += "  \"bos_token\": \(jsonString(eos)),\n  \"eos_token\": \(jsonString(eos)),\n"
            s += "  \"unk_token\": \(jsonString(eos)),\n  \"pad_token\": \(jsonString(pad)),\n"
        }
        let extra = addedTokens.filter { $0.special && $0.content != eos && $0.content != pad }.map { jsonString($0.content) }
        s += "  \"additional_special_tokens\": [\(extra.joined(separator: ", "))],\n"
        s += "  \"add_bos_token\": false,\n  \"add_eos_token\": false,\n  \"add_prefix_space\": false,\n"
        s += "  \"clean_up_tokenization_spaces\": false,\n  \"model_max_length\": \(modelMaxLength),\n"
        s += "  \"added_tokens_decoder\": {"
        s += jsonLines(addedTokens.map { t in
            "    \"\(t.id)\": {\"content\": \(jsonString(t.content)), \"lstrip\": false, \"normalized\": false, \"rstrip\": false, \"single_word\": false, \"special\": \(t.special)}"
        })
        s += "\n  }\n}\n"
        return s
    }
}

/// A JSON string literal.
func jsonString(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if u.value < 0x20 || u.value == 0x7F || (u.value >= 0x80 && u.value < 0xA0) || u.value == 0x2028 || u.value == 0x2029 {
                out += String(format: "\\u%04x", u.value)
            } else {
                out.unicodeScalars.append(u)
            }
        }
    }
    return out + "\""
}

/// JSON list items or object members, one a line: a newline before the first, a comma and newline between.
func jsonLines(_ items: [String]) -> String { items.isEmpty ? "" : "\n" + items.joined(separator: ",\n") }
