import LM

/// Batched text generation: prompts of different lengths are prefilled together, then every
/// step decodes one token for each unfinished sequence in a single batched forward.
public final class Generator {
    public let model: Model
    public init(model: Model) { self.model = model }

    /// Generates for each prompt (token ids) and returns the new tokens of each (stop token excluded).
    /// - seeds: one per prompt; by default `options.seed(forSequence: i)`, so each sequence's RNG is
    ///   its own and its output does not depend on the rest of the batch.
    /// - onToken: called with (sequence index, token id) as each token is chosen; return false to stop
    ///   that sequence (e.g. when the caller's decoded text ends with a stop string).
    /// - constrain: called with (sequence index, its logits row of V) before each token is drawn; it may
    ///   set logits to -infinity to rule tokens out (a logits processor, e.g. to copy a name exactly).
    /// - guide: a second model of the same vocabulary that reads the same tokens and writes the spans where
    ///   `guide.writes(sequence)` is true (a style adapter's frame around the base model's list items).
    public func generate(prompts: [[Int]], options: SamplingOptions, seeds: [UInt64]? = nil,
                         guide: Guide? = nil,
                         onToken: ((Int, Int) -> Bool)? = nil,
                         constrain: ((Int, UnsafeMutablePointer<Float>) -> Void)? = nil) -> [[Int]] {
        let B = prompts.count, V = model.config.vocabSize
        guard B > 0 else { return [] }
        require(prompts.allSatisfy { !$0.isEmpty }, "every prompt needs at least one token")
        let capacity = min(model.config.maxSeqLen, prompts.map(\.count).max()! + max(0, options.maxNewTokens))
        require(prompts.allSatisfy { $0.count <= capacity }, "a prompt is longer than maxSeqLen \(model.config.maxSeqLen)")
        let decoder = Decoder(model: model, batch: B, capacity: capacity)
        if let guide { require(guide.model.config.vocabSize == V, "the guide model's vocabulary differs") }
        let guideDecoder = guide.map { Decoder(model: $0.model, batch: B, capacity: capacity) }
        var samplers = (0..<B).map { Sampler(vocabSize: V, options: options, seed: seeds?[$0] ?? options.seed(forSequence: $0)) }
        for (i, p) in prompts.enumerated() { for t in p { samplers[i].observe(t) } }
        let stops = Set(options.stopTokenIds)
        var outputs = [[Int]](repeating: [], count: B)
        var active = Array(0..<B)
        var items = prompts.enumerated().map { (sequence: $0.offset, tokens: $0.element) }
        while !active.isEmpty && options.maxNewTokens > 0 {
            let logits = decoder.append(items)
            // [active rows, V] from each model; the guide's row replaces the model's where the guide writes.
            let guided = guideDecoder?.append(items)
            var next = [Int]()
            for (row, s) in active.enumerated() {
                let rowLogits = UnsafeMutablePointer(mutating: logits.baseAddress! + row * V)
                if let guided, guide!.writes(s) { rowLogits.update(from: guided.baseAddress! + row * V, count: V) }
                constrain?(s, rowLogits)
                let tok = samplers[s].sample(rowLogits, V: V)
                if stops.contains(tok) { continue }
                samplers[s].observe(tok, drawn: true)
                outputs[s].append(tok)
                let goOn = onToken?(s, tok) ?? true
                if goOn && outputs[s].count < options.maxNewTokens && decoder.cache.lengths[s] < capacity { next.append(s) }
            }
            active = next
            items = active.map { (sequence: $0, tokens: [outputs[$0].last!]) }
        }
        return outputs
    }
}

/// A model that writes some spans of another model's sequences (`Generator.generate(guide:)`).
public struct Guide {
    public let model: Model
    /// Whether the guide draws sequence i's next token; asked before each token, after `onToken` saw the last.
    public let writes: (Int) -> Bool
    public init(model: Model, writes: @escaping (Int) -> Bool) {
        self.model = model
        self.writes = writes
    }
}
