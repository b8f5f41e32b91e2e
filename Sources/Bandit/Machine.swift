import FOI

/// The slot machine as a pure, tick-driven state machine: no terminal, no threads, no clock of its own.
///
/// The driver feeds it `tick(now:)` with seconds from its clock, `press(_:)` with player actions and
/// `letterText`/`letterDone`/`letterFailed` with generation events; it draws `snapshot` and carries
/// out `effects` (drain them with `takeEffects()`). The same seed, key sequence and ticks give the
/// same reels.
///
/// Reel 0 holds authorities (narrowed by the category), reels 1 and 2 keywords. When the reels land,
/// the keywords suit the authority on the payline (unless chaos), and the symbols above and below the
/// payline are the ones a nudge would bring on, so every nudge keeps the combination suitable.
public struct Machine: Sendable {
    public let spinner: Spinner
    public let config: Config
    public let seed: UInt64
    var rng: SplitMix64

    var authorityStrip: [Authority]
    var keywordStrips: [[Keyword]]
    var reels: [Reel]
    var fixedAuthority: Authority?

    public internal(set) var category: String?
    public internal(set) var chaos: Bool
    public internal(set) var temperature: Double
    public internal(set) var selectedReel = 0
    public internal(set) var nudgesLeft = 0
    public internal(set) var phase: Phase = .ready
    public internal(set) var letter = ""
    public internal(set) var lamps: [Lamp]
    /// The judge's score for the letter shown (nil before it is judged).
    public internal(set) var score: Int?
    /// What that letter paid (nil: not judged yet, or a practice letter nobody paid for).
    public internal(set) var won: Int?
    public internal(set) var credits: Int
    /// The credits paid for the letter being written, not yet settled (see Stakes.swift).
    var stake: Stake?
    public internal(set) var pulls = 0
    public internal(set) var status = "Pull the lever (space) to spin"
    public internal(set) var rating: Int?
    /// Serial of the generation whose letter is shown (0: none yet).
    public internal(set) var serial = 0
    public internal(set) var now = 0.0
    var jackpotStart: Double?
    var effects: [Effect] = []

    /// - Parameters:
    ///   - spinner: the authorities and keywords (from the store).
    ///   - seed: same seed, same keys, same ticks: same reels and letters.
    public init(spinner: Spinner, seed: UInt64, config: Config = Config(), category: String? = nil,
                chaos: Bool = false, temperature: Double = 0.8) {
        self.spinner = spinner
        self.config = config
        self.seed = seed
        self.category = category
        self.chaos = chaos
        self.temperature = temperature
        credits = config.startingCredits
        rng = SplitMix64(seed: seed)
        lamps = JudgeCheck.allCases.map { Lamp(id: $0.rawValue, lit: nil) }
        authorityStrip = []
        keywordStrips = [[], []]
        reels = []
        // Start on a suitable combination, so the first screen already shows a sensible payline.
        var pool = candidates()
        if pool.isEmpty { pool = spinner.authorities }
        precondition(!pool.isEmpty && spinner.keywords.count >= 2, "the spinner needs authorities and at least two keywords")
        let a = rng.pick(pool)
        let ks = pickKeywords(for: a, keeping: [nil, nil])
        setPayline(authority: a, keywords: ks)
    }

    // MARK: Inputs

    public mutating func tick(now: Double) {
        self.now = now
        guard phase == .spinning else { return }
        for i in reels.indices where reels[i].spinning && now >= reels[i].stopTime {
            reels[i].spinning = false
            reels[i].index = reels[i].target
        }
        if !reels.contains(where: \.spinning) { land() }
    }

    public mutating func press(_ key: Key) {
        switch key {
        case .pull: pull()
        case .hold(let r): hold(r)
        case .nudgeUp(let r): nudge(r, by: +1)
        case .nudgeDown(let r): nudge(r, by: -1)
        case .selectReel(let r): if (0..<3).contains(r) { selectedReel = r }
        case .selectNext: selectedReel = (selectedReel + 1) % 3
        case .selectPrevious: selectedReel = (selectedReel + 2) % 3
        case .rate(let v): rate(v)
        case .setCategory(let c): setCategory(c)
        case .fixAuthority(let a): fix(a)
        case .setTemperature(let t):
            temperature = t
            status = "Temperature \(Self.format(t)) from the next letter"
        case .cycleTemperature:
            let ts = config.temperatures
            let i = ts.firstIndex { $0 > temperature + 1e-9 } ?? 0
            temperature = ts[i]
            status = "Temperature \(Self.format(temperature)) from the next letter"
        case .newGame: newGame()
        case .toggleChaos:
            chaos.toggle()
            status = chaos ? "Chaos: any keyword with any authority" : "Keywords suit the authority again"
            if phase != .spinning { rebuildStrips() }
        }
    }

    public mutating func letterText(_ chunk: String, serial: Int) {
        guard serial == self.serial, phase == .generating else { return }
        letter += chunk
    }

    public mutating func letterDone(score: Int, checks: [(id: String, passed: Bool)], serial: Int, text: String? = nil) {
        guard serial == self.serial, phase == .generating else { return }
        if let text { letter = text }
        phase = .done
        self.score = score
        lamps = checks.map { Lamp(id: $0.id, lit: $0.passed) }
        settle(score: score, checks: checks, serial: serial)
        if let request = currentRequest {
            effects.append(.recordGeneration(serial: serial, request: request, text: letter, score: score))
        }
    }

    public mutating func letterFailed(_ message: String, serial: Int) {
        guard serial == self.serial, phase == .generating else { return }
        phase = .failed
        status = "Generation failed: \(message)" + refund()
    }

    /// Returns and clears the side effects queued since the last call.
    public mutating func takeEffects() -> [Effect] {
        defer { effects.removeAll() }
        return effects
    }

    // MARK: Output

    public var snapshot: Snapshot {
        var views: [ReelView] = []
        for (i, reel) in reels.enumerated() {
            let pos = reel.position(at: now)
            let base = pos.rounded(.down)
            let idx = Int(base)
            func name(_ k: Int) -> String {
                let n = reel.count
                let j = ((k % n) + n) % n
                return i == 0 ? authorityStrip[j].name : keywordStrips[i - 1][j].text
            }
            views.append(ReelView(above: name(idx - 1), on: name(idx), below: name(idx + 1),
                                  spinning: reel.spinning, held: reel.held,
                                  fixed: i == 0 && fixedAuthority != nil, offset: pos - base))
        }
        var frame: Int?
        if let s = jackpotStart, now - s < config.jackpotSeconds {
            frame = Int((now - s) * config.jackpotFramesPerSecond)
        }
        return Snapshot(reels: views, selectedReel: selectedReel, nudgesLeft: nudgesLeft, phase: phase,
                        letter: letter, lamps: lamps, score: score, won: won, credits: credits,
                        pullCost: pullCost, gameOver: gameOver, jackpotFrame: frame,
                        status: status, temperature: temperature, category: category, chaos: chaos,
                        pulls: pulls, rating: rating,
                        authority: phase == .spinning ? nil : paylineAuthority,
                        keywords: phase == .spinning ? [] : paylineKeywords)
    }

    public var paylineAuthority: Authority { authorityStrip[reels[0].index] }
    public var paylineKeywords: [Keyword] { [keywordStrips[0][reels[1].index], keywordStrips[1][reels[2].index]] }
    public var isSpinning: Bool { phase == .spinning }
    /// The request of the current letter, once the reels have landed and a generation started.
    public internal(set) var currentRequest: GenerationRequest?

    // MARK: Actions

    mutating func pull() {
        guard phase != .spinning else { status = "The reels are still spinning"; return }
        guard charge(pullCost, for: "a pull") else { return }
        if phase == .generating { effects.append(.cancelGeneration(serial: serial)) }
        // A new stake: a letter still being written for an earlier one is forfeited with it.
        stake = Stake(cost: pullCost)
        pulls += 1
        nudgesLeft = min(nudgesLeft + config.nudgesPerPull, config.maxNudges)
        clearLetter()
        currentRequest = nil

        let holdAuthority = reels[0].held || fixedAuthority != nil
        let keep: [Keyword?] = [reels[1].held ? paylineKeywords[0] : nil, reels[2].held ? paylineKeywords[1] : nil]

        // Authority: among the candidates that suit the held keywords, if any does.
        let authority: Authority
        if holdAuthority {
            authority = paylineAuthority
        } else {
            let all = candidates()
            let held = keep.compactMap { $0 }
            let suiting = chaos ? all : all.filter { a in held.allSatisfy { $0.suits(a) } }
            let pool = suiting.isEmpty ? (all.isEmpty ? [paylineAuthority] : all) : suiting
            authority = rng.pick(pool)
            let start = reels[0].index
            authorityStrip = pool
            reels[0].count = pool.count
            reels[0].index = min(start, pool.count - 1)
            reels[0].target = pool.firstIndex(of: authority)!
        }
        let ks = pickKeywords(for: authority, keeping: keep)
        for r in 0..<2 where keep[r] == nil {
            var strip = spinner.keywords(for: authority, chaos: chaos)
            if !strip.contains(ks[r]) { strip.append(ks[r]) }
            let start = reels[r + 1].index
            keywordStrips[r] = strip
            reels[r + 1].count = strip.count
            reels[r + 1].index = min(start, strip.count - 1)
            reels[r + 1].target = strip.firstIndex(of: ks[r])!
        }

        // Spin the unheld reels; they stop left to right with a stagger.
        var order = 0
        let spins = [!holdAuthority, keep[0] == nil, keep[1] == nil]
        for i in 0..<3 {
            reels[i].held = false
            guard spins[i] else { continue }
            let n = reels[i].count
            let start = reels[i].index
            let rest = ((start - reels[i].target) % n + n) % n
            let laps = max(1, (config.minTravel + 4 * order + n - 1) / n) * n
            reels[i].spinning = true
            reels[i].startPosition = Double(start)
            reels[i].travel = Double(laps + rest)
            reels[i].startTime = now
            reels[i].stopTime = now + config.spinTime + Double(order) * config.stagger
            order += 1
        }
        phase = .spinning
        status = "Spinning…"
        if order == 0 { land() }
    }

    mutating func fix(_ a: Authority?) {
        guard phase != .spinning else { status = "Wait for the reels to stop"; return }
        guard !gameOver else { status = Self.gameOverStatus; return }
        guard let a else {
            fixedAuthority = nil
            rebuildStrips()
            status = "Authority reel released"
            return
        }
        fixedAuthority = a
        reels[0].held = false
        // Keep the keywords if they suit; otherwise re-pick suitable ones now.
        let current = paylineKeywords
        let keep: [Keyword?] = current.map { chaos || $0.suits(a) ? $0 : nil }
        let ks = keep.contains(nil) ? pickKeywords(for: a, keeping: keep) : current
        if phase == .generating { effects.append(.cancelGeneration(serial: serial)) }
        setPayline(authority: a, keywords: ks)
        // A new combination on the payline: write its letter now, as after a pull or a nudge. Nobody
        // paid for it, so it pays nothing (fixing a reel must not buy a second payout), and a stake
        // still unsettled goes with the letter it paid for.
        stake = nil
        land(message: false)
        status = "Authority fixed: \(a.name) (press 1 to release) — a practice letter; pull to play for credits"
    }

    // MARK: Helpers

    /// Authorities that can land: in the category, with two suitable keywords.
    func candidates() -> [Authority] {
        spinner.authorities(in: category).filter { chaos || spinner.keywords(for: $0).count >= 2 }
    }

    /// Two distinct keywords for `authority`, keeping the given ones.
    mutating func pickKeywords(for authority: Authority, keeping keep: [Keyword?]) -> [Keyword] {
        var out = keep
        for r in 0..<2 where out[r] == nil {
            let other = out[1 - r]
            let fits = { (k: Keyword) in other.map { !Keyword.nests($0, k) } ?? true }
            var pool = spinner.keywords(for: authority, chaos: chaos).filter(fits)
            if pool.isEmpty { pool = spinner.keywords.filter(fits) }
            out[r] = rng.pick(pool)
        }
        return out.map { $0! }
    }

    /// Puts a combination on the payline and rebuilds the strips around it.
    mutating func setPayline(authority: Authority, keywords: [Keyword]) {
        authorityStrip = [authority]
        keywordStrips = [[keywords[0]], [keywords[1]]]
        if reels.isEmpty { reels = [Reel(count: 1, index: 0), Reel(count: 1, index: 0), Reel(count: 1, index: 0)] }
        for i in 0..<3 { reels[i].count = 1; reels[i].index = 0 }
        rebuildStrips()
    }

    /// Neighbours for the stopped reels: authorities suiting both payline keywords, keywords suiting
    /// the payline authority; payline symbols stay where they are.
    mutating func rebuildStrips() {
        let a = paylineAuthority
        let ks = paylineKeywords
        var aStrip: [Authority]
        if fixedAuthority != nil {
            aStrip = [a]
        } else {
            aStrip = spinner.authorities(in: category).filter { chaos || ($0 == a) || (ks[0].suits($0) && ks[1].suits($0)) }
            if !aStrip.contains(a) { aStrip.insert(a, at: 0) }
        }
        authorityStrip = aStrip
        reels[0].count = aStrip.count
        reels[0].index = aStrip.firstIndex(of: a)!
        for r in 0..<2 {
            var strip = spinner.keywords(for: a, chaos: chaos)
            if !strip.contains(ks[r]) { strip.insert(ks[r], at: 0) }
            keywordStrips[r] = strip
            reels[r + 1].count = strip.count
            reels[r + 1].index = strip.firstIndex(of: ks[r])!
        }
    }

    /// The letter shown, its verdict, rating and lamps, cleared for a new stake's letter (a pull, a landing).
    mutating func clearLetter() {
        letter = ""
        score = nil
        won = nil
        rating = nil
        jackpotStart = nil
        lamps = JudgeCheck.allCases.map { Lamp(id: $0.rawValue, lit: nil) }
    }

    /// All reels stopped on a combination: record it and start writing the letter at once.
    mutating func land(message: Bool = true) {
        rebuildStrips()
        serial += 1
        let genSeed = rng.next()
        let request = GenerationRequest(serial: serial, authority: paylineAuthority, keywords: paylineKeywords,
                                        style: PromptFormat.defaultStyle, seed: genSeed,
                                        temperature: temperature, maxTokens: config.maxTokens)
        currentRequest = request
        stake?.serial = serial
        clearLetter()
        phase = .generating
        if message { status = "Writing to \(request.authority.name)…" }
        effects.append(.recordSpin(serial: serial, authority: request.authority, keywords: request.keywords, seed: genSeed))
        effects.append(.startGeneration(request))
    }

    static func format(_ t: Double) -> String {
        let r = (t * 10).rounded() / 10
        return String(describing: r)
    }
}
