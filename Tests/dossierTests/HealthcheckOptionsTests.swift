@testable import dossier
import HTTPClient
import Testing

/// `HealthcheckOptions.parse`: the server's address from the environment as `serve` reads it,
/// flags over it, and the wildcard addresses a container listens on.
struct HealthcheckOptionsTests {
    private func parse(_ arguments: [String], environment: [String: String] = [:]) throws(UsageError) -> HealthcheckOptions {
        try HealthcheckOptions.parse(arguments, environment: environment)
    }

    @Test func defaultsAskLoopbackPort8080WithinTwoSeconds() throws {
        let options = try self.parse([])
        #expect(options == HealthcheckOptions())
        #expect(options.endpoint == Endpoint(host: "127.0.0.1", port: 8080, path: "/healthz"))
        #expect(options.timeout == 2)
    }

    @Test func environmentSetsHostAndPort() throws {
        let options = try self.parse([], environment: ["DOSSIER_HOST": "::1", "DOSSIER_PORT": "9000", "DOSSIER_SEEDS": "/app/seeds"])
        #expect(options.endpoint == Endpoint(host: "::1", port: 9000, path: "/healthz"))
    }

    @Test func flagsOverrideEnvironment() throws {
        let options = try self.parse(
            ["--host", "127.0.0.2", "--port=81", "--timeout", "0.5"], environment: ["DOSSIER_HOST": "::1", "DOSSIER_PORT": "9000"])
        #expect(options.endpoint == Endpoint(host: "127.0.0.2", port: 81, path: "/healthz"))
        #expect(options.timeout == 0.5)
    }

    @Test(arguments: [("0.0.0.0", "127.0.0.1"), ("::", "::1"), ("0:0:0:0:0:0:0:0", "::1"), ("localhost", "localhost")])
    func wildcardAddressIsReachedThroughLoopback(_ bound: String, connected: String) throws {
        #expect(try self.parse([], environment: ["DOSSIER_HOST": bound]).endpoint.host == connected)
    }

    @Test(arguments: [
        (["--port", "0"], UsageError.invalidValue(source: "--port", value: "0", rule: "must be an integer from 1 to 65535")),
        (["--timeout", "soon"], .invalidValue(source: "--timeout", value: "soon", rule: "must be a number of seconds from 0.001 to 86400")),
        (["--host", ""], .invalidValue(source: "--host", value: "", rule: "must not be empty")),
        (["--timeout"], .missingValue(option: "--timeout")),
        (["--seeds", "x"], .unknownOption("--seeds")),
        (["extra"], .unexpectedArgument("extra")),
    ])
    func rejectsBadArguments(_ arguments: [String], expected: UsageError) {
        #expect(throws: expected) { try self.parse(arguments) }
    }

    @Test func rejectsBadPortInEnvironment() {
        #expect(throws: UsageError.invalidValue(source: "DOSSIER_PORT", value: "http", rule: "must be an integer from 1 to 65535")) {
            try self.parse([], environment: ["DOSSIER_PORT": "http"])
        }
    }
}
