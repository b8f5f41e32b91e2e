import FOI
import Foundation
import Hummingbird
import Logging
import NIOCore
import Store
import Writer

/// How `foibandit serve` runs.
public struct ServiceConfig: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// Bearer token; required when `host` is not a loopback address.
    public var token: String?
    /// Largest request body accepted (bytes).
    public var maxBodyBytes = 1 << 20
    /// Largest `max_tokens` a request may ask for.
    public var maxTokensCap = 512
    /// Most rows `POST /v1/batch` takes.
    public var maxBatchRows = 64
    /// How long the queue waits for more requests before decoding.
    public var batchWindow: Duration = .milliseconds(5)
    /// Most letters decoded together.
    public var maxBatch = 16
    /// Most letters waiting or being written; beyond it generation routes answer 503 at once.
    public var maxPending = 512
    /// A connection on which nothing is read for this long is closed, unless its response is being
    /// written: half a request head, a body that stops coming, a kept-alive connection left idle.
    public var idleTimeout: Duration = .seconds(30)

    public init() {}

    public static func isLoopback(_ host: String) -> Bool { Loopback.isLoopback(host) }

    /// The token rule: any address but loopback needs a token, and a token given must be one a client
    /// can send: not empty or blank (which would guard nothing), no spaces or control characters.
    public func validate() throws(ServiceError) {
        if let token {
            if token.allSatisfy({ $0.isWhitespace }) { throw ServiceError("the token is empty or blank; give a real token or none") }
            if token.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
                throw ServiceError("the token contains spaces or control characters, which an Authorization header cannot carry")
            }
        }
        guard idleTimeout > .zero else { throw ServiceError("the idle timeout must be positive") }
        if !Self.isLoopback(host) && (token ?? "").isEmpty {
            throw ServiceError("binding \(host) (not loopback) needs a token: pass --token or set FOIBANDIT_TOKEN")
        }
        guard (1...65535).contains(port) || port == 0 else { throw ServiceError("bad port \(port)") }
    }
}

public struct ServiceError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ d: String) { description = d }
}

/// What the routes share: the seed data, and the model queue when a model is loaded.
public struct ServiceState: Sendable {
    public let directory: Directory
    public let queue: GenerationQueue?
    public let modelId: String?
    /// Built once: its word sets take a moment to build and no time to use.
    public let judge: Judge

    public init(directory: Directory, writer: LetterWriter?, config: ServiceConfig, logger: Logger = Logger(label: "foibandit.queue")) {
        self.directory = directory
        judge = writer?.judge ?? directory.judge
        queue = writer.map { GenerationQueue(writer: $0, window: config.batchWindow, maxBatch: config.maxBatch, logger: logger) }
        modelId = writer?.modelId
    }
}

/// Builds the application (Hummingbird 2 template style). `onServerRunning` is told the listening channel:
/// the tests, which ask for port 0, learn the port from it.
public func buildApplication(config: ServiceConfig, state: ServiceState, logger: Logger? = nil,
                             onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }) throws -> some ApplicationProtocol {
    try config.validate()
    let logger = logger ?? Logger(label: "foibandit.serve")
    let router = buildRouter(config: config, state: state, logger: logger)
    return Application(
        router: router,
        server: ServiceHTTP1Channel.builder(idleTimeout: config.idleTimeout),
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "foibandit"),
        onServerRunning: onServerRunning,
        logger: logger
    )
}

public typealias AppContext = BasicRequestContext

/// The routes, each with its method and path; `buildRouter` registers exactly these, and the
/// OpenAPI document is checked against them.
public enum Routes {
    public static let all: [(method: HTTPRequest.Method, path: String)] = [
        (.get, "/healthz"),
        (.head, "/healthz"),
        (.get, "/openapi.yaml"),
        (.post, "/v1/letters"),
        (.post, "/v1/letters/stream"),
        (.post, "/v1/judge"),
        (.get, "/v1/spin"),
        (.get, "/v1/authorities"),
        (.get, "/v1/keywords"),
        (.post, "/v1/batch"),
        (.post, "/v1/filings"),
    ]
}

public func buildRouter(config: ServiceConfig, state: ServiceState, logger: Logger) -> Router<AppContext> {
    let router = Router(context: AppContext.self)
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: JSONErrorMiddleware(logger: logger))
    if let token = config.token, !token.isEmpty { router.add(middleware: BearerMiddleware(token: token)) }
    let api = API(config: config, state: state, logger: logger)
    router.get("/healthz") { _, _ in try await api.health() }
    // Probes often use HEAD; the same answer, whose body the server leaves out.
    router.head("/healthz") { _, _ in try await api.health() }
    router.get("/openapi.yaml") { _, _ in
        Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: OpenAPI.document)))
    }
    router.post("/v1/letters") { req, ctx in try await api.letter(req, log: ctx.logger) }
    router.post("/v1/letters/stream") { req, ctx in try await api.stream(req, log: ctx.logger) }
    router.post("/v1/judge") { req, _ in try await api.judge(req) }
    router.get("/v1/spin") { req, _ in try api.spin(req) }
    router.get("/v1/authorities") { req, _ in try api.authorities(req) }
    router.get("/v1/keywords") { req, _ in try api.keywords(req) }
    router.post("/v1/batch") { req, ctx in try await api.batch(req, log: ctx.logger) }
    router.post("/v1/filings") { req, ctx in try await api.filing(req, log: ctx.logger) }
    return router
}

/// A 4xx/5xx with a JSON body `{"error": "..."}`.
public struct APIError: Error, Sendable {
    public var status: HTTPResponse.Status
    public var message: String
    public init(_ status: HTTPResponse.Status, _ message: String) { self.status = status; self.message = message }
}

func jsonResponse(_ status: HTTPResponse.Status = .ok, _ value: some Encodable) throws -> Response {
    let enc = JSONEncoder()
    enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(bytes: try enc.encode(value))))
}

func errorResponse(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) -> Response {
    var r = (try? jsonResponse(status, ["error": message])) ?? Response(status: status)
    r.headers.append(contentsOf: headers)
    return r
}

/// Every error leaves as JSON `{"error": "..."}`; unexpected ones are logged and become a 500.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let e as APIError {
            return errorResponse(e.status, e.message)
        } catch let e as HTTPResponseError {
            // The router answers 404 for a path it knows under another method; that is a 405 with
            // the methods it takes (RFC 9110 §15.5.6), so `GET /v1/letters` says to POST.
            let allowed = Routes.all.filter { $0.path == request.uri.path }.map(\.method.rawValue)
            if e.status == .notFound, !allowed.isEmpty {
                return errorResponse(.methodNotAllowed, "method \(request.method) not allowed on \(request.uri.path); use "
                    + allowed.joined(separator: " or "), headers: [.allow: allowed.joined(separator: ", ")])
            }
            let message: String
            switch e.status {
            case .notFound: message = "no such route: \(request.method) \(request.uri.path)"
            case .contentTooLarge: message = "request body too large"
            case .methodNotAllowed: message = "method \(request.method) not allowed on \(request.uri.path)"
            default: message = e.status.reasonPhrase
            }
            return errorResponse(e.status, message)
        } catch {
            logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return errorResponse(.internalServerError, "internal error")
        }
    }
}

/// `Authorization: Bearer <token>` on every route but /healthz.
struct BearerMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path == "/healthz" { return try await next(request, context) }
        let given = request.headers[.authorization] ?? ""
        guard let credentials = Self.bearerCredentials(given), Self.same(credentials, token) else {
            return errorResponse(.unauthorized, given.isEmpty ? "missing bearer token" : "wrong bearer token",
                                 headers: [.wwwAuthenticate: "Bearer"])
        }
        return try await next(request, context)
    }

    /// The token after an auth scheme of "Bearer" in any case (RFC 9110 §11.1: schemes are
    /// case-insensitive), separated by one or more spaces; nil for any other scheme.
    static func bearerCredentials(_ header: String) -> String? {
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }

    /// Compares in time that does not depend on where the strings first differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var diff = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) { diff |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0) }
        return diff == 0
    }
}
