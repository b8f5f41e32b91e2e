import Dispatch
import Filings
import FilingsRead
import FOI
import Foundation
import Hummingbird
import Logging
import Store
import Writer

/// The route handlers.
struct API: Sendable {
    let config: ServiceConfig
    let state: ServiceState
    let logger: Logger

    // MARK: reading requests

    /// The whole body. A body the HTTP parser cannot read (a malformed chunk size, say) is the client's
    /// error: 400, not the 500 an unexpected error becomes.
    func body(_ req: Request) async throws -> Data {
        do {
            let buffer = try await req.body.collect(upTo: config.maxBodyBytes)
            return Data(buffer.readableBytesView)
        } catch let e as HTTPResponseError {
            throw e   // 413 from the size limit
        } catch {
            throw APIError(.badRequest, "malformed request body (\(error))")
        }
    }

    func decode<T: Decodable>(_ type: T.Type, _ req: Request) async throws -> T {
        let data = try await body(req)
        guard !data.isEmpty else { throw APIError(.badRequest, "empty body; send a JSON object") }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw APIError(.badRequest, "missing field '\(key.stringValue)'")
        } catch let DecodingError.typeMismatch(_, ctx) {
            throw APIError(.badRequest, "wrong type for '\(ctx.codingPath.map(\.stringValue).joined(separator: "."))': \(ctx.debugDescription)")
        } catch let DecodingError.valueNotFound(_, ctx) {
            throw APIError(.badRequest, "null for '\(ctx.codingPath.map(\.stringValue).joined(separator: "."))'")
        } catch let DecodingError.dataCorrupted(ctx) where !ctx.codingPath.isEmpty {
            throw APIError(.badRequest, "bad value for '\(ctx.codingPath.map(\.stringValue).joined(separator: "."))': \(ctx.debugDescription)")
        } catch {
            throw APIError(.badRequest, "bad JSON: the body is not a valid JSON object (UTF-8)")
        }
    }

    func query(_ req: Request, _ name: String, maxLength: Int = 200) throws -> String? {
        guard let v = req.uri.queryParameters[Substring(name)] else { return nil }
        let s = String(v)
        guard s.count <= maxLength else { throw APIError(.badRequest, "query parameter '\(name)' is longer than \(maxLength) characters") }
        return s
    }

    func queue() throws -> GenerationQueue {
        guard let q = state.queue else { throw APIError(.serviceUnavailable, "no model loaded (train one with `make model`, or pass --model)") }
        return q
    }

    /// Sheds load: past `maxPending` letters in the queue, answer 503 now rather than queue without bound.
    /// The check is the queue's own enqueue step (`GenerationQueue.enqueue`), so concurrent requests cannot all pass it.
    func busy(_ inFlight: Int) -> APIError {
        APIError(.serviceUnavailable, "busy: \(inFlight) letters queued (at most \(config.maxPending)); try again shortly")
    }

    func write(_ q: GenerationQueue, _ requests: [LetterRequest]) async throws -> [WrittenLetter] {
        do { return try await q.write(requests, limit: config.maxPending) } catch let b as GenerationQueue.Busy { throw busy(b.inFlight) }
    }

    /// Checks a letter body and turns it into a request for the model.
    /// Judges a letter without the model: the checks run in microseconds, off no queue.
    func judge(_ req: Request) async throws -> Response {
        let b = try await decode(JudgeBody.self, req)
        guard b.letter.utf8.count <= 64_000 else { throw APIError(.badRequest, "a letter of at most 64 KB") }
        try Self.bounded(InputLimits.checkAuthority(b.authority))
        let texts = b.keywords.values.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !texts.isEmpty else { throw APIError(.badRequest, "give at least one keyword") }
        try Self.bounded(InputLimits.checkKeywords(texts))
        let planner = state.directory.planner(maxTokensCap: config.maxTokensCap), judge = state.judge
        let (authority, r) = try await Self.offLoop {
            let authority: Authority
            switch planner.authority(b.authority) {
            case .success(let a): authority = a
            case .failure(let e): throw APIError(.notFound, e.message)
            }
            return (authority, judge.judge(letter: b.letter, authority: authority, keywords: texts))
        }
        return try jsonResponse(.ok, JudgeOut(authority: authority.name, score: r.score, valid: r.valid,
                                              checks: r.checks.map(CheckOut.init), failed_checks: r.failed.map(\.id)))
    }

    /// A field over its bound is the client's error (400), found before any work is done for it.
    static func bounded(_ problem: String?) throws {
        if let problem { throw APIError(.badRequest, problem) }
    }

    /// Runs CPU work (name lookups with suggestions, tokenizing, judging) on a Dispatch thread, so the
    /// few threads that run the server's tasks stay free for /healthz and other requests.
    static func offLoop<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { c in
            DispatchQueue.global(qos: .userInitiated).async { c.resume(with: Result(catching: work)) }
        }
    }

    /// `request` off the event loop, after the bounds that make its work small.
    func plan(_ b: LetterBody, writer: LetterWriter) async throws -> (LetterRequest, note: String?) {
        try Self.bounded(InputLimits.checkAuthority(b.authority))
        try Self.bounded(InputLimits.checkKeywords(b.keywords.values))
        if let s = b.style { try Self.bounded(InputLimits.checkStyle(s)) }
        let me = self
        return try await Self.offLoop { try me.request(b, writer: writer) }
    }

    func request(_ b: LetterBody, writer: LetterWriter) throws -> (LetterRequest, note: String?) {
        let planner = state.directory.planner(maxTokensCap: config.maxTokensCap)
        let authority: Authority, note: String?
        switch planner.resolution(b.authority, nation: b.nation ?? "", category: b.category ?? "") {
        case .success(let r): (authority, note) = r
        case .failure(let e): throw APIError(.notFound, e.message)
        }
        let texts = b.keywords.values.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !texts.isEmpty else { throw APIError(.badRequest, "give at least one keyword") }
        try Self.bounded(InputLimits.checkKeywords(texts))
        var style = LetterStyle.numbered
        if let s = b.style, !s.isEmpty {
            guard let st = LetterStyle(rawValue: s.lowercased()) else {
                throw APIError(.badRequest, Suggest.unknownMessage(kind: "style", name: s, candidates: LetterStyle.allCases.map(\.rawValue)))
            }
            style = st
        }
        let temperature = b.temperature ?? BatchPlanner.defaultTemperature
        guard temperature.isFinite, (0...2).contains(temperature) else { throw APIError(.badRequest, "temperature must be between 0 and 2") }
        let maxTokens = b.max_tokens ?? min(BatchPlanner.defaultMaxTokens, config.maxTokensCap)
        guard maxTokens > 0 else { throw APIError(.badRequest, "max_tokens must be positive") }
        guard maxTokens <= config.maxTokensCap else {
            throw APIError(.badRequest, "max_tokens \(maxTokens) is over the cap of \(config.maxTokensCap)")
        }
        var signer: Requester?
        if let name = b.requester {
            do { signer = try Requester.validated(name: name) } catch { throw APIError(.badRequest, "requester: \(error)") }
        }
        let r = LetterRequest(authority: authority, keywords: Keyword.resolve(texts, known: state.directory.keywords),
                              style: style, seed: b.seed ?? UInt64.random(in: 0...UInt64(UInt32.max)),
                              temperature: temperature, maxTokens: maxTokens, requester: signer)
        switch writer.fitted(r) {
        case .success(let f): return (f, note)
        case .failure(let e): throw APIError(.badRequest, e.message)
        }
    }

    // MARK: routes

    func health() async throws -> Response {
        struct Health: Encodable { var status: String; var model: String?; var in_flight: Int; var batches: Int; var letters: Int }
        var h = Health(status: "ok", model: state.modelId, in_flight: 0, batches: 0, letters: 0)
        if let q = state.queue { h.in_flight = await q.inFlight; h.batches = await q.batches; h.letters = await q.letters }
        return try jsonResponse(.ok, h)
    }

    func letter(_ req: Request, log logger: Logger) async throws -> Response {
        let b = try await decode(LetterBody.self, req)
        let q = try queue()
        let (r, note) = try await plan(b, writer: q.writer)
        let start = ContinuousClock.now
        let w = try await write(q, [r])[0]
        logger.info("letter", metadata: ["authority": "\(r.authority.name)", "seed": "\(r.seed)", "tokens": "\(w.tokens)",
                                         "score": "\(w.judge.score)", "ms": "\(Int((ContinuousClock.now - start) / .milliseconds(1)))"])
        return try jsonResponse(.ok, LetterOut(w, request: r, note: note))
    }

    enum StreamEvent: Sendable { case token(String), done(LetterOut) }

    /// One SSE event; `data` is one line of JSON, so newlines in the text cannot break the framing.
    static func sse(_ event: String, _ value: some Encodable) -> ByteBuffer {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? enc.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return ByteBuffer(string: "event: \(event)\ndata: \(json)\n\n")
    }

    func stream(_ req: Request, log logger: Logger) async throws -> Response {
        let b = try await decode(LetterBody.self, req)
        let q = try queue()
        let (r, note) = try await plan(b, writer: q.writer)
        // Enqueued (or refused with 503) before the response starts; the body only relays the events.
        let (events, sink) = AsyncStream<StreamEvent>.makeStream(bufferingPolicy: .unbounded)
        let onText: GenerationQueue.TextSink = { text in
            if case .terminated = sink.yield(.token(text)) { return false }
            return true
        }
        let done: GenerationQueue.Done = { w in
            sink.yield(.done(LetterOut(w, request: r, note: note)))
            sink.finish()
            logger.info("letter streamed", metadata: ["authority": "\(r.authority.name)", "seed": "\(r.seed)", "tokens": "\(w.tokens)"])
        }
        guard await q.enqueue([(r, onText, done)], limit: config.maxPending) else { throw busy(await q.inFlight) }
        let body = ResponseBody { writer in
            for await e in events {
                switch e {
                case .token(let t): try await writer.write(Self.sse("token", ["text": t]))
                case .done(let out): try await writer.write(Self.sse("done", out))
                }
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"], body: body)
    }

    func spin(_ req: Request) throws -> Response {
        let category = try query(req, "category")
        let chaosText = try query(req, "chaos")?.lowercased()
        let chaos: Bool
        switch chaosText {
        case nil, "", "0", "false", "no": chaos = false
        case "1", "true", "yes": chaos = true
        default: throw APIError(.badRequest, "chaos must be true or false")
        }
        var seed = UInt64.random(in: 0...UInt64(UInt32.max))
        if let s = try query(req, "seed"), !s.isEmpty {
            guard let v = UInt64(s) else { throw APIError(.badRequest, "seed must be a whole number from 0 to \(UInt64.max)") }
            seed = v
        }
        let spinner = Spinner(authorities: state.directory.authorities, keywords: state.directory.keywords)
        var rng = SplitMix64(seed: seed)
        guard let r = spinner.spin(category: category, chaos: chaos, rng: &rng) else {
            throw APIError(.notFound, spinner.emptySpinReason(category: category, chaos: chaos))
        }
        return try jsonResponse(.ok, SpinOut(authority: r.authority.name, keywords: r.keywords.map(\.text), seed: seed, detail: AuthorityOut(r.authority)))
    }

    func authorities(_ req: Request) throws -> Response {
        var limit = 20
        if let l = try query(req, "limit"), !l.isEmpty {
            guard let v = Int(l), (1...100).contains(v) else { throw APIError(.badRequest, "limit must be from 1 to 100") }
            limit = v
        }
        let q = try query(req, "q")?.trimmingCharacters(in: .whitespaces) ?? ""
        let found = q.isEmpty ? Array(state.directory.authorities.prefix(limit)) : state.directory.resolver.search(q, limit: limit)
        return try jsonResponse(.ok, ["authorities": found.map(AuthorityOut.init)])
    }

    func keywords(_ req: Request) throws -> Response {
        let theme = try query(req, "theme")?.trimmingCharacters(in: .whitespaces) ?? ""
        let ks = theme.isEmpty ? state.directory.keywords : state.directory.keywords.filter { $0.theme.lowercased() == theme.lowercased() }
        if ks.isEmpty && !theme.isEmpty {
            let themes = Array(Set(state.directory.keywords.map(\.theme))).sorted()
            throw APIError(.notFound, Suggest.unknownMessage(kind: "theme", name: theme, candidates: themes))
        }
        return try jsonResponse(.ok, ["keywords": ks.map(KeywordOut.init)])
    }

    func batch(_ req: Request, log logger: Logger) async throws -> Response {
        let data = try await body(req)
        let q = try queue()
        let planner = state.directory.planner(maxTokensCap: config.maxTokensCap), maxRows = config.maxBatchRows
        // Parsing and planning (lookups, suggestions, tokenizing) are CPU work: off the event loop.
        let (table, planned, requests) = try await Self.offLoop { () throws -> (BatchTable, [BatchResultRow], [(Int, LetterRequest)]) in
            let table: BatchTable
            do { table = try BatchCSV.read(data) } catch { throw APIError(.badRequest, "\(error)") }
            // A request is answered whole: rows that are not valid CSV refuse it, with their lines.
            if !table.malformed.isEmpty {
                throw APIError(.badRequest, "malformed CSV (\(table.malformed.count) row\(table.malformed.count == 1 ? "" : "s")): " + table.malformed.prefix(5).map(\.description).joined(separator: "; "))
            }
            guard table.rows.count <= maxRows else {
                throw APIError(.contentTooLarge, "at most \(maxRows) rows per request (got \(table.rows.count)); use `foibandit batch` for more")
            }
            var out = table.rows.map { BatchResultRow(input: $0.count >= table.layout.header.count ? $0 : $0 + Array(repeating: "", count: table.layout.header.count - $0.count)) }
            var requests: [(Int, LetterRequest)] = []
            for (i, row) in table.rows.enumerated() {
                switch planner.request(row: row, layout: table.layout).flatMap(q.writer.fitted) {
                case .success(let r): requests.append((i, r)); out[i].seed = r.seed
                case .failure(let e): out[i].error = e.message
                }
            }
            return (table, out, requests)
        }
        var out = planned
        let letters = try await write(q, requests.map(\.1))
        for ((i, _), w) in zip(requests, letters) { out[i].fill(with: w) }
        let failed = out.filter { !$0.ok }.count
        logger.info("batch", metadata: ["rows": "\(out.count)", "failed": "\(failed)"])
        return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: BatchCSV.document(out, layout: table.layout))))
    }

    /// A filing (text, HTML or inline XBRL) in; its type, fields and summary out.
    func filing(_ req: Request, log logger: Logger) async throws -> Response {
        let data = try await body(req)
        var name = try query(req, "filename") ?? ""
        if name.isEmpty {
            let type = req.headers[.contentType]?.lowercased() ?? ""
            name = type.contains("xhtml") ? "upload.xhtml" : type.contains("html") ? "upload.html" : "upload.txt"
        }
        let filename = name
        let result: Result<FilingResult, any Error> = await withCheckedContinuation { c in
            // Classifying is CPU work (and the first call trains the baseline): off the event loop.
            DispatchQueue.global(qos: .userInitiated).async {
                c.resume(returning: Result { try FilingProcessor.process(data: data, filename: filename) })
            }
        }
        switch result {
        case .success(let r):
            logger.info("filing", metadata: ["type": "\(r.type)", "format": "\(r.format)", "bytes": "\(data.count)"])
            let enc = JSONEncoder()
            enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            enc.keyEncodingStrategy = .convertToSnakeCase
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: try enc.encode(r))))
        case .failure(let e as FilingError):
            if case .tooLarge = e { throw APIError(.contentTooLarge, e.description) }
            throw APIError(.badRequest, e.description)
        case .failure(let e):
            throw APIError(.badRequest, "\(filename): \(e)")
        }
    }
}
