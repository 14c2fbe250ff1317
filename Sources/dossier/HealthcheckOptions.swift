import HTTPClient

/// The settings of `dossier healthcheck`: the server's address as `dossier serve` reads it
/// (`DOSSIER_HOST`, `DOSSIER_PORT`), overridden by flags, and how long to wait.
struct HealthcheckOptions: Equatable {
    var host = "127.0.0.1"
    var port = 8080
    var timeout = 2.0

    /// Parses `healthcheck`'s arguments over the environment.
    ///
    /// - Throws: `UsageError` naming the offending flag or variable.
    static func parse(_ arguments: [String], environment: [String: String]) throws(UsageError) -> HealthcheckOptions {
        var options = HealthcheckOptions()
        if let value = environment["DOSSIER_HOST"] { try options.set("--host", value, source: "DOSSIER_HOST") }
        if let value = environment["DOSSIER_PORT"] { try options.set("--port", value, source: "DOSSIER_PORT") }
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            let (flag, inlineValue) = ServeOptions.splitFlag(argument)
            guard ["--host", "--port", "--timeout"].contains(flag) else {
                throw argument.hasPrefix("-") ? .unknownOption(argument) : .unexpectedArgument(argument)
            }
            guard let value = inlineValue ?? remaining.popFirst() else { throw .missingValue(option: flag) }
            try options.set(flag, value, source: flag)
        }
        return options
    }

    private mutating func set(_ flag: String, _ value: String, source: String) throws(UsageError) {
        switch flag {
        case "--host": self.host = try OptionValue.nonEmpty(value, source: source)
        case "--port": self.port = try OptionValue.integer(in: 1...65535)(value, source)
        case "--timeout": self.timeout = try OptionValue.seconds(value, source: source)
        default: preconditionFailure("flag \(flag) has no setter")
        }
    }

    /// `GET /healthz` of the server. A wildcard bind address (`0.0.0.0`, `::`), as a
    /// container's `DOSSIER_HOST` usually is, is reached through the loopback address of its family.
    var endpoint: Endpoint {
        let host: String
        switch self.host {
        case "0.0.0.0": host = "127.0.0.1"
        case "::", "0:0:0:0:0:0:0:0": host = "::1"
        default: host = self.host
        }
        return Endpoint(host: host, port: self.port, path: "/healthz")
    }
}
