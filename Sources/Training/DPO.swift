import Foundation
import LM

/// A judged preference pair: the same prompt with a better and a worse completion.
public struct PreferencePair: Sendable, Equatable {
    public var prompt: [Int]
    public var chosen: [Int]
    public var rejected: [Int]
    public init(prompt: [Int], chosen: [Int], rejected: [Int]) {
        self.prompt = prompt; self.chosen = chosen; self.rejected = rejected
    }
}

/// Direct Preference Optimisation (Rafailov et al. 2023) with summed completion log-probs.
///
///     z    = β · ((log π(c) − log π_ref(c)) − (log π(r) − log π_ref(r)))
///     loss = −log σ(z)            (ln 2 at the start, when π = π_ref)
///
/// The reference is the frozen SFT model; its log-probs are computed once, before training,
/// so only one model is held in memory.
///
/// `chosenNLL` (α) adds α · (−log π(c) / |c|), the chosen letter's mean token loss (Pang et al. 2024).
/// Plain DPO can lower the likelihood of both letters of a pair as long as the gap grows, and a
/// small model then loses what SFT taught it, such as copying names from the prompt.
public final class DPOObjective {
    let pairs: [PreferencePair]
    let beta: Float
    let chosenNLL: Float
    let P: Int, T: Int, pad: Int
    /// log π_ref(chosen), log π_ref(rejected) per pair.
    let refChosen: [Float], refRejected: [Float]
    var order: EpochOrder

    public init(pairs: [PreferencePair], reference: Model, beta: Float, chosenNLL: Float = 0, pairsPerStep P: Int,
                seqLen T: Int, seed: UInt64, pad: Int) throws {
        guard !pairs.isEmpty else { throw TrainingError.badInput("no preference pairs") }
        self.pairs = pairs; self.beta = beta; self.chosenNLL = chosenNLL; self.P = P; self.T = T; self.pad = pad
        var rc = [Float](), rr = [Float]()
        for start in stride(from: 0, to: pairs.count, by: P) {
            let chunk = Array(pairs[start..<min(start + P, pairs.count)])
            let lp = DPOObjective.logProbs(reference, chunk, rows: P, T: T, pad: pad)
            rc += lp.chosen; rr += lp.rejected
        }
        refChosen = rc; refRejected = rr
        order = EpochOrder(count: pairs.count, seed: seed)
    }

    /// Forward of 2·rows sequences (chosen first, then rejected); returns their summed log-probs.
    static func logProbs(_ model: Model, _ chunk: [PreferencePair], rows: Int, T: Int, pad: Int) -> (chosen: [Float], rejected: [Float]) {
        let batch = DPOObjective.batch(chunk, rows: rows, T: T, pad: pad)
        model.forward(tokens: batch.tokens, targets: batch.targets, mask: batch.mask, batch: batch.B, seqLen: T)
        let s = model.sequenceLogProbs()
        return (Array(s[0..<chunk.count]), Array(s[rows..<(rows + chunk.count)]))
    }

    static func batch(_ chunk: [PreferencePair], rows: Int, T: Int, pad: Int) -> Batch {
        var batch = Batch(tokens: [Int](repeating: pad, count: 2 * rows * T), targets: [Int](repeating: -1, count: 2 * rows * T),
                          mask: [Float](repeating: 0, count: 2 * rows * T), B: 2 * rows, T: T)
        for (i, p) in chunk.enumerated() {
            Example(prompt: p.prompt, completion: p.chosen).fill(&batch, row: i, pad: pad)
            Example(prompt: p.prompt, completion: p.rejected).fill(&batch, row: rows + i, pad: pad)
        }
        return batch
    }

    /// The trainer's objective: one step over the next P pairs.
    public var objective: Trainer.Objective {
        { [self] model, _ in
            var idx: [Int] = []
            for _ in 0..<P {
                idx.append(order.next())
            }
            let batch = DPOObjective.batch(idx.map { pairs[$0] }, rows: P, T: T, pad: pad)
            model.forward(tokens: batch.tokens, targets: batch.targets, mask: batch.mask, batch: batch.B, seqLen: T)
            let s = model.sequenceLogProbs()
            var grads = [Float](repeating: 0, count: 2 * P)
            var loss: Float = 0, margin: Float = 0, correct: Float = 0
            for (i, k) in idx.enumerated() {
                let z = beta * ((s[i] - refChosen[k]) - (s[P + i] - refRejected[k]))
                loss += softplus(-z)                       // −log σ(z)
                let g = -beta * sigmoid(-z) / Float(P)     // d loss / d log π(c); opposite sign for r
                let n = Float(max(1, pairs[k].chosen.count))
                loss += chosenNLL * -s[i] / n
                grads[i] = g - chosenNLL / (n * Float(P))
                grads[P + i] = -g
                margin += z
                if z > 0 { correct += 1 }
            }
            model.backward(sequenceLogProbGrads: grads)
            return Trainer.StepResult(loss: loss / Float(P), tokens: batch.B * T,
                                      metrics: ["reward_margin": margin / Float(P), "reward_accuracy": correct / Float(P)])
        }
    }

    public var position: Data { order.position }
}

extension DPOObjective: Resumable {
    public func restore(_ position: Data) throws { try order.restore(position) }
}

@inline(__always) func sigmoid(_ x: Float) -> Float { x >= 0 ? 1 / (1 + expf(-x)) : expf(x) / (1 + expf(x)) }
@inline(__always) func softplus(_ x: Float) -> Float { x > 20 ? x : log1pf(expf(x)) }
