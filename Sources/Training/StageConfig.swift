import Foundation
import LM

/// One training stage's settings, read from `models/<name>/configs/<stage>.json`.
/// Every field is explicit in the checked-in files so a run can be reproduced from them alone.
public struct StageConfig: Codable, Sendable, Equatable {
    public enum Stage: String, Codable, Sendable { case pretrain, cpt, sft, dpo, history, classify }

    public struct Architecture: Codable, Sendable, Equatable {
        public var vocabSize, dim, layers, heads, kvHeads, hiddenDim, maxSeqLen: Int
        public var ropeTheta: Float
        public var normEps: Float

        public var modelConfig: ModelConfig {
            ModelConfig(vocabSize: vocabSize, dim: dim, layers: layers, heads: heads, kvHeads: kvHeads,
                        hiddenDim: hiddenDim, maxSeqLen: maxSeqLen, ropeTheta: ropeTheta, normEps: normEps)
        }
    }

    public var stage: Stage
    /// For a stage trained from scratch (pretrain): the architecture. Otherwise nil and `initFrom` is set.
    public var architecture: Architecture?
    /// Model directory this stage starts from (relative to the config file's pipeline root).
    public var initFrom: String?
    /// Training inputs: text files (pretrain, cpt) or JSON Lines of prompt/letter pairs (sft, dpo).
    public var data: [String]
    /// Held-out inputs for periodic eval, same kinds as `data`.
    public var evalData: [String]
    public var batchSize: Int
    public var seqLen: Int
    public var steps: Int
    public var maxLR: Float
    public var minLR: Float
    public var warmupSteps: Int
    public var weightDecay: Float
    public var gradClip: Float
    public var evalEvery: Int
    public var evalBatches: Int
    public var checkpointEvery: Int
    public var seed: UInt64
    /// DPO only: the preference temperature β, samples per prompt, minimum judge-score margin,
    /// prompts, and the sampling temperature (also SFT on own letters) (default 0.7, the product's, so the pairs show the
    /// mistakes people would see).
    public var beta: Float?
    public var samplesPerPrompt: Int?
    public var minMargin: Int?
    public var prompts: Int?
    public var sampleTemperature: Float?
    /// SFT on the model's own letters (`train sft`): how many training prompts of `data` it writes a letter for
    /// (those the judge passes are kept), and how many of `data`'s letters to mix in.
    public var ownLetters: Int?
    public var mixLetters: Int?
    /// SFT on own letters: a letter is kept only while each of its list items (keywords as slots) has been kept
    /// fewer than this many times. Three uncapped rounds narrowed 452 distinct items to 367, one policy item in a
    /// third of the letters, and best-of-N lost what it reranks: product validity fell 2.5 points (session 23).
    public var itemCap: Int?
    /// SFT on own letters: a prompt whose own letter failed is written again as the product writes it (guards,
    /// repairs, best of this many), and that letter is kept when it passes. Own letters alone keep the prompts the
    /// model already gets right: sft33's kept letters skipped the keywords whose frames it mixes up (the judge's
    /// topic failures, 159 of its 600 eval letters), so a round never showed it those keywords done right.
    /// DPO: a prompt none of whose samples is clean gets the product's letter as its chosen one, the same way.
    public var retryCandidates: Int?
    /// SFT on own letters: keep only letters that ask one thing more than they have keywords, up to three
    /// (`WrittenLetter.asksInFull`). Kept on validity alone, sft39's training letters asked one thing for 43% of
    /// one-keyword prompts, against 3% of the composer's, and its letters followed.
    public var fullLetters: Bool?
    /// DPO and SFT on own letters: draw only prompts of these letter styles (nil: every style). The shipped model's
    /// own table letters were valid a third as often as its lists (46 of 124, session 18): pairs of tables only
    /// show it the table's mistakes.
    public var styles: [String]?
    /// DPO only: pairs that differ in one list item (`MendedPairs`): each failed sample against itself with the failing
    /// item swapped for a clean sample's, in place of (best, worst) of whole samples.
    public var mendedPairs: Bool?
    /// DPO only: weight of the chosen letter's mean token loss added to the DPO loss (0: plain DPO).
    public var chosenNLL: Float?
    /// Letters name the authority and keywords through slots ("{authority}", "{k1}") that the writer fills;
    /// the finished model folder carries `Checkpoint.nameSlotsFile` to say so. A stage started from such a
    /// model inherits it.
    public var nameSlots: Bool?
    /// Classify only: the class head's learning rate and how far down the model trains.
    public var classHead: ClassHeadConfig?

    public struct ClassHeadConfig: Codable, Sendable, Equatable {
        public var lr: Float
        /// "last-block" or "full".
        public var mode: String
        public init(lr: Float, mode: String) { self.lr = lr; self.mode = mode }
    }

    public static func load(_ url: URL) throws -> StageConfig {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw TrainingError.badInput("\(url.path): cannot read stage config")
        }
        do { return try JSONDecoder().decode(StageConfig.self, from: data) }
        catch { throw TrainingError.badInput("\(url.path): not a valid stage config (\(error))") }
    }

    public func jsonData() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try e.encode(self)
    }

    public var schedule: LRSchedule {
        LRSchedule(maxLR: maxLR, minLR: minLR, warmupSteps: warmupSteps, totalSteps: steps)
    }

    public var adamW: AdamW.Options {
        AdamW.Options(weightDecay: weightDecay, gradClip: gradClip)
    }
}

extension StageConfig {
    /// A stage built in code rather than read from a file (the filings classifier and summary SFT): the
    /// schedule and the data's identity still go to `stage.json`, so a resume is checked the same way.
    public init(stage: Stage, initFrom: String?, data: [String], batchSize: Int, seqLen: Int, steps: Int,
                maxLR: Float, minLR: Float, warmupSteps: Int, weightDecay: Float, gradClip: Float,
                checkpointEvery: Int, seed: UInt64) {
        self.init(stage: stage, architecture: nil, initFrom: initFrom, data: data, evalData: [], batchSize: batchSize,
                  seqLen: seqLen, steps: steps, maxLR: maxLR, minLR: minLR, warmupSteps: warmupSteps,
                  weightDecay: weightDecay, gradClip: gradClip, evalEvery: 0, evalBatches: 0,
                  checkpointEvery: checkpointEvery, seed: seed)
    }
}

public enum TrainingError: Error, CustomStringConvertible {
    case badInput(String)
    case alreadyComplete(String)

    public var description: String {
        switch self {
        case .badInput(let s): return s
        case .alreadyComplete(let s): return s
        }
    }
}
