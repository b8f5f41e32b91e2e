import FOI
import Foundation
import Hummingbird
import Logging
import NIOCore
@testable import Service
import TestSupport
import XCTest

/// A real server for the reliability tests: the tiny world's store and model, and a config the test may adjust.
enum ServiceRig {
    static func app(token: String? = nil, configure: (inout ServiceConfig) -> Void = { _ in }) throws -> LiveApp {
        try appAndState(token: token, configure: configure).app
    }

    /// The application and its state (whose queue a test may inspect).
    static func appAndState(token: String? = nil, configure: (inout ServiceConfig) -> Void = { _ in }) throws
        -> (app: LiveApp, state: ServiceState) {
        var config = ServiceConfig()
        config.port = 0
        config.token = token
        config.maxBodyBytes = 1 << 20
        config.maxTokensCap = 64
        configure(&config)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let state = ServiceState(directory: ServiceTests.directory, writer: ServiceTests.writer, config: config, logger: logger)
        try config.validate()
        return (LiveApp(config: config, state: state, logger: logger), state)
    }

    static func message(_ r: LiveResponse) -> String { message(r.body) }

    /// The `error` of a JSON error body, or "".
    static func message(_ body: ByteBuffer?) -> String {
        guard let body else { return "" }
        return ((try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any])?["error"] as? String ?? ""
    }
}
