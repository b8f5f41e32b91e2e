import Foundation
import Hummingbird
@testable import Service
import XCTest

/// Issue 26 item 9: blank tokens refused, the Bearer scheme case-insensitive, loopback decided on
/// the resolved address rather than the spelling.
final class TokenRuleTests: XCTestCase {
    func testBlankOrUnsendableTokensAreRefused() {
        for (host, token) in [("127.0.0.1", " "), ("0.0.0.0", " "), ("0.0.0.0", "\t\n"), ("127.0.0.1", ""), ("0.0.0.0", "two words")] {
            var config = ServiceConfig()
            config.host = host
            config.token = token
            XCTAssertThrowsError(try config.validate(), "\(host) \(token.debugDescription)") {
                XCTAssertTrue("\($0)".contains("token"), "\($0)")
            }
        }
        var ok = ServiceConfig()
        ok.host = "0.0.0.0"
        ok.token = "s3cret"
        XCTAssertNoThrow(try ok.validate())
    }

    func testLoopbackIsTheResolvedAddress() {
        for h in ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "::ffff:127.0.0.1", "localhost"] {
            XCTAssertTrue(ServiceConfig.isLoopback(h), h)
        }
        for h in ["127.0.0.1.example", "127.evil", "0.0.0.0", "::", "10.0.0.1", "128.0.0.1", "", "localhost.example"] {
            XCTAssertFalse(ServiceConfig.isLoopback(h), h)
        }
        var config = ServiceConfig()
        config.host = "127.0.0.1.example"
        XCTAssertThrowsError(try config.validate())
    }

    func testBearerSchemeIsCaseInsensitive() async throws {
        try await ServiceRig.app(token: "s3cret").serve { c in
            for header in ["Bearer s3cret", "bearer s3cret", "BEARER s3cret", "bEaReR  s3cret"] {
                let r = try await c.execute(uri: "/v1/keywords", method: .get, headers: [.authorization: header])
                XCTAssertEqual(r.status, .ok, header)
            }
            for header in ["Basic s3cret", "bearer", "bearers3cret", "Bearer s3cre", "Token s3cret"] {
                let r = try await c.execute(uri: "/v1/keywords", method: .get, headers: [.authorization: header])
                XCTAssertEqual(r.status, .unauthorized, header)
            }
        }
    }
}
