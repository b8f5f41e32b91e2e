extension Machine {
    /// One reel: its strip length, where it rests, and how a spin eases it to a stop.
    struct Reel: Sendable {
        var count: Int
        var index: Int
        var held = false
        var spinning = false
        var startPosition = 0.0
        var travel = 0.0
        var startTime = 0.0
        var stopTime = 0.0
        var target = 0

        /// Strip position at `now` while spinning: it moves down (indices decrease) and slows to a stop.
        func position(at now: Double) -> Double {
            guard spinning else { return Double(index) }
            let span = max(stopTime - startTime, 1e-9)
            let x = min(max((now - startTime) / span, 0), 1)
            let eased = 1 - (1 - x) * (1 - x) * (1 - x)
            return startPosition - travel * eased
        }
    }
}
