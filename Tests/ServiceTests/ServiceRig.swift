import FOI
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
@testable import Service
import TestSupport
import XCTest

/// A real server for the reliability tests: the tiny world's store and model, a config the test may
/// adjust, and a second connection for probes made while another request is in flight.
enum ServiceRig {
    static func app(token: String? = nil, configure: (inout ServiceConfig) -> Void = { _ in }) throws -> some ApplicationProtocol {
        try appAndState(token: token, configure: configure).app
    }

    /// The application and its state (whose queue a test may inspect).
    static func appAndState(token: String? = nil, configure: (inout ServiceConfig) -> Void = { _ in }) throws
        -> (app: some ApplicationProtocol, state: ServiceState) {
        var config = ServiceConfig()
        config.port = 0
        config.token = token
        config.maxBodyBytes = 1 << 20
        config.maxTokensCap = 64
        configure(&config)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let state = ServiceState(directory: ServiceTests.directory, writer: ServiceTests.writer, config: config, logger: logger)
        return (try buildApplication(config: config, state: state, logger: logger), state)
    }

    /// `body` run on a fresh connection to the live server `c` (the test client has one connection,
    /// on which requests are answered in order).
    static func onSecondConnection<T: Sendable>(_ c: some TestClientProtocol,
                                                _ body: @escaping @Sendable (TestClient) async throws -> T) async throws -> T {
        let port = try XCTUnwrap(c.port)
        return try await TestClient.withClient(host: "127.0.0.1", port: port, operation: body)
    }

    static func message(_ r: TestResponse) -> String { message(r.body) }

    /// The `error` of a JSON error body, or "".
    static func message(_ body: ByteBuffer?) -> String {
        guard let body else { return "" }
        return ((try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any])?["error"] as? String ?? ""
    }
}
