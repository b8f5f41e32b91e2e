import ArgumentParser
import FOI
import Foundation
import Hummingbird
import Logging
import Service

/// `foibandit serve`: the HTTP API (see `GET /openapi.yaml`).
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the HTTP API (letters, streaming, spin, search, batch).",
        discussion: """
        Binds 127.0.0.1:8080 by default. Binding any other address needs a token (--token or \
        FOIBANDIT_TOKEN); then every route but /healthz needs `Authorization: Bearer <token>`. \
        SIGTERM or SIGINT stops accepting connections and finishes the requests in flight. \
        The API is described at GET /openapi.yaml.
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var modelOptions: ModelOptions
    @Option(help: "Address to bind.") var host = "127.0.0.1"
    @Option(help: "Port to bind.") var port = 8080
    @Option(help: "Bearer token required on every route but /healthz (default: $FOIBANDIT_TOKEN).") var token: String?
    @Option(help: "Largest request body, in bytes.") var maxBody = 1 << 20
    @Option(help: "Largest max_tokens a request may ask for.") var maxTokensCap = 512
    @Option(help: "Most rows POST /v1/batch takes.") var maxBatchRows = 64
    @Option(help: "Most letters decoded together.") var maxBatch = 16
    @Option(help: "Most letters queued; beyond it generation routes answer 503.") var maxPending = 512
    @Option(help: "Milliseconds the queue waits to gather requests into one decode.") var batchWindowMs = 5
    @Option(help: "Seconds a connection may send nothing (half a request, a stalled body, idle keep-alive) before it is closed.")
    var idleTimeout = 30.0
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.") var logLevel = "info"
    @Option(help: "Log format: text, or json (one object per line).") var logFormat = "text"
    @Flag(help: "Start without a model (generation routes answer 503).") var noModel = false

    func run() async throws {
        var config = ServiceConfig()
        config.host = host; config.port = port
        config.token = token ?? ProcessInfo.processInfo.environment["FOIBANDIT_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        config.maxBodyBytes = maxBody; config.maxTokensCap = maxTokensCap; config.maxBatchRows = maxBatchRows
        config.maxBatch = maxBatch; config.maxPending = maxPending; config.batchWindow = .milliseconds(max(0, batchWindowMs))
        guard idleTimeout.isFinite, idleTimeout > 0, idleTimeout <= 86_400 else { throw ValidationError("--idle-timeout must be more than 0 and at most 86400 seconds") }
        config.idleTimeout = .milliseconds(Int64(idleTimeout * 1000))
        do { try config.validate() } catch { throw ValidationError(error.description) }
        guard let level = Logger.Level(rawValue: logLevel) else { throw ValidationError("unknown --log-level '\(logLevel)'") }
        switch logFormat {
        case "json": LoggingSystem.bootstrap { label in var h = JSONLogHandler(label: label); h.logLevel = level; return h }
        case "text": LoggingSystem.bootstrap { label in var h = StreamLogHandler.standardError(label: label); h.logLevel = level; return h }
        default: throw ValidationError("unknown --log-format '\(logFormat)' (text or json)")
        }
        var logger = Logger(label: "foibandit.serve")
        logger.logLevel = level

        let db = try store.open()
        let directory = try Directory(store: db)
        let writer = noModel ? nil : try modelOptions.writer(judge: directory.judge, store: db)
        writer?.requester = try db.requester()
        let state = ServiceState(directory: directory, writer: writer, config: config, logger: logger)
        logger.info("starting", metadata: ["host": "\(host)", "port": "\(port)", "model": "\(writer?.modelId ?? "none")",
                                           "authorities": "\(directory.authorities.count)", "auth": "\(config.token == nil ? "off" : "bearer")"])
        let app = try buildApplication(config: config, state: state, logger: logger)
        try await app.runService()
        logger.info("stopped")
    }
}
