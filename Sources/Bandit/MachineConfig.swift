extension Machine {
    /// Timings, nudges and generation settings of one machine.
    public struct Config: Hashable, Sendable {
        /// Seconds the first spinning reel turns.
        public var spinTime: Double = 0.9
        /// Seconds between one reel stopping and the next, left to right.
        public var stagger: Double = 0.45
        /// Strip steps a reel travels at least per spin (more for later reels).
        public var minTravel: Int = 14
        /// Nudges awarded by each pull; unused ones carry over up to `maxNudges`.
        public var nudgesPerPull: Int = 2
        public var maxNudges: Int = 5
        public var temperatures: [Double] = [0.3, 0.6, 0.8, 1.0]
        /// As the writer's default: letters that cite two laws run past 250 tokens (the model's average is about 225),
        /// and a cap of 250 cut them before the sign-off, so every round failed (London Borough of Islington with waste
        /// contracts and foster carer recruitment, session 28's bench). A letter ends when the model ends it.
        public var maxTokens: Int = 400
        public var jackpotSeconds: Double = 3.0
        public var jackpotFramesPerSecond: Double = 10
        /// Credits a game starts with.
        public var startingCredits = 100
        /// What a pull costs, and each held (or fixed) reel on top of it.
        public var pullCost = 10
        public var holdCost = 5
        /// What a nudge costs, besides one of the nudges the pulls award.
        public var nudgeCost = 5
        /// A valid letter pays its score above this (85 breaks even with a plain pull); 100/100 pays
        /// `jackpotPayout`; a letter with a defect pays nothing.
        public var payoutBase = 75
        public var jackpotPayout = 50
        public init() {}
    }
}
