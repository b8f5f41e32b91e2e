import FOI

/// What the generation function is asked to write. The driver hands it to the letter writer
/// (the model, or the composer fallback) on a background thread.
public struct GenerationRequest: Hashable, Sendable {
    /// Serial number of this generation inside one machine; stale text from an older one is ignored.
    public var serial: Int
    public var authority: Authority
    public var keywords: [Keyword]
    public var style: String
    public var seed: UInt64
    public var temperature: Double
    public var maxTokens: Int

    public init(serial: Int, authority: Authority, keywords: [Keyword], style: String = PromptFormat.defaultStyle,
                seed: UInt64, temperature: Double, maxTokens: Int) {
        self.serial = serial; self.authority = authority; self.keywords = keywords; self.style = style
        self.seed = seed; self.temperature = temperature; self.maxTokens = maxTokens
    }

    public var prompt: Prompt { Prompt(authority: authority, keywords: keywords, style: style) }
}

/// The letter writer the driver calls: streams chunks through `onText` (return false to stop early)
/// and returns the whole letter, which the machine shows in place of what streamed: with best-of-n the
/// stream is the first candidate, as it is written, and the return the judge's pick.
public typealias GenerateFunction = @Sendable (GenerationRequest, _ onText: @Sendable (String) -> Bool) throws -> String

/// Abstract player actions. Reels are numbered 0 (authority), 1 and 2 (keywords).
public enum Key: Hashable, Sendable {
    /// Pull the lever: spin every reel that is not held.
    case pull
    /// Toggle the hold on a reel for the next pull (on a fixed authority reel: release it); each held
    /// reel adds `Config.holdCost` to the pull.
    case hold(Int)
    /// Move a reel one step up: the symbol below the payline comes onto it.
    case nudgeUp(Int)
    /// Move a reel one step down: the symbol above the payline drops onto it.
    case nudgeDown(Int)
    case selectReel(Int)
    case selectNext
    case selectPrevious
    /// +1 or -1 for the current letter.
    case rate(Int)
    /// Narrow the authority reel to a category or group (nil: all).
    case setCategory(String?)
    /// Fix the authority reel on one authority until released (nil: release).
    case fixAuthority(Authority?)
    case setTemperature(Double)
    case cycleTemperature
    case toggleChaos
    /// Start again with fresh credits once the game is over.
    case newGame
}

/// Side effects the driver carries out, drained from `Machine.effects`.
public enum Effect: Hashable, Sendable {
    /// The reels landed on a new combination (after a pull or a nudge): write a spin row.
    case recordSpin(serial: Int, authority: Authority, keywords: [Keyword], seed: UInt64)
    /// Start writing the letter now; post `letterText`/`letterDone`/`letterFailed` with the same serial.
    case startGeneration(GenerationRequest)
    /// Stop the generation with this serial (the player pulled or nudged meanwhile).
    case cancelGeneration(serial: Int)
    /// A letter finished and was judged: write a generation row (keyed by serial for ratings).
    case recordGeneration(serial: Int, request: GenerationRequest, text: String, score: Int)
    /// The player rated the letter of generation `serial`.
    case recordRating(serial: Int, value: Int)
}

/// One judge check as a lamp: lit when passed, nil before a letter has been judged.
public struct Lamp: Hashable, Sendable {
    public var id: String
    public var lit: Bool?
}

public enum Phase: Hashable, Sendable {
    /// Nothing written yet.
    case ready
    case spinning
    case generating
    case done
    case failed
}

/// What a reel shows: the symbols above, on and below the payline.
public struct ReelView: Hashable, Sendable {
    public var above: String
    public var on: String
    public var below: String
    public var spinning: Bool
    public var held: Bool
    /// Authority reel fixed by a search (stays across pulls).
    public var fixed: Bool
    /// 0..<1: how far the strip has moved past the current symbol (for smooth drawing).
    public var offset: Double
}

/// Everything the screen needs to draw one frame.
public struct Snapshot: Hashable, Sendable {
    public var reels: [ReelView]
    public var selectedReel: Int
    public var nudgesLeft: Int
    public var phase: Phase
    public var letter: String
    public var lamps: [Lamp]
    /// The judge's score for the letter shown (nil before it is judged).
    public var score: Int?
    /// What that letter paid: nil before it is judged, and for a practice letter nobody paid for.
    public var won: Int?
    /// What is left to play with: pulls, holds and nudges spend it, judged letters pay into it.
    public var credits: Int
    /// What the next pull costs, holds included.
    public var pullCost: Int
    /// No credits left for anything that could pay: only a new game (`Key.newGame`) goes on.
    public var gameOver: Bool
    /// Frame number of the jackpot animation while it runs, else nil.
    public var jackpotFrame: Int?
    public var status: String
    public var temperature: Double
    public var category: String?
    public var chaos: Bool
    public var pulls: Int
    /// The rating given to the current letter, if any.
    public var rating: Int?
    /// The authority and keywords on the payline.
    public var authority: Authority?
    public var keywords: [Keyword]
}
