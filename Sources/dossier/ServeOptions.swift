import Foundation
import HTTPServer

/// The settings of `dossier serve`: defaults, overridden by environment variables,
/// overridden by flags.
struct ServeOptions: Equatable {
    var host = "127.0.0.1"
    var port = 8080
    var seeds = "./seeds"
    var dataDirectory = "./data"
    var isReadOnly = false
    var compactAfterBytes = 64 * 1024 * 1024
    var openAPI = "./openapi.yaml"
    var corsOrigins = ["*"]
    var workers = System.activeProcessorCount
    var maxConnections = 10_000
    var maxBodyBytes = 1024 * 1024
    var headerTimeout = 10.0
    var idleTimeout = 60.0
    var drainTimeout = 10.0
    var isAccessLogEnabled = true
    var scheduler = Scheduler.batch

    /// The Linux scheduling policy of the server's threads.
    enum Scheduler: String, CaseIterable, Equatable {
        /// `SCHED_BATCH`: Dispatch's event thread is not preempted by each worker it wakes.
        case batch
        /// The default `SCHED_OTHER`.
        case normal
    }

    /// The environment variable of each option that takes a value, by flag.
    static let environmentNames: [(flag: String, variable: String)] = [
        ("--host", "DOSSIER_HOST"), ("--port", "DOSSIER_PORT"), ("--seeds", "DOSSIER_SEEDS"),
        ("--data-dir", "DOSSIER_DATA_DIR"), ("--compact-after", "DOSSIER_COMPACT_AFTER"),
        ("--openapi", "DOSSIER_OPENAPI"), ("--cors-origins", "DOSSIER_CORS_ORIGINS"),
        ("--workers", "DOSSIER_WORKERS"), ("--max-connections", "DOSSIER_MAX_CONNECTIONS"),
        ("--max-body-bytes", "DOSSIER_MAX_BODY_BYTES"), ("--header-timeout", "DOSSIER_HEADER_TIMEOUT"),
        ("--idle-timeout", "DOSSIER_IDLE_TIMEOUT"), ("--drain-timeout", "DOSSIER_DRAIN_TIMEOUT"),
        ("--scheduler", "DOSSIER_SCHEDULER"),
    ]

    /// Parses `serve`'s arguments over the environment.
    ///
    /// - Throws: `UsageError` naming the offending flag or variable.
    static func parse(_ arguments: [String], environment: [String: String]) throws(UsageError) -> ServeOptions {
        var options = ServeOptions()
        for (flag, variable) in self.environmentNames {
            if let value = environment[variable] { try options.set(flag, value, source: variable) }
        }
        if let value = environment["DOSSIER_ACCESS_LOG"] {
            options.isAccessLogEnabled = try Self.switchValue(value, source: "DOSSIER_ACCESS_LOG")
        }
        if let value = environment["DOSSIER_READ_ONLY"] {
            options.isReadOnly = try Self.switchValue(value, source: "DOSSIER_READ_ONLY")
        }
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--no-access-log":
                options.isAccessLogEnabled = false
                continue
            case "--read-only":
                options.isReadOnly = true
                continue
            default:
                break
            }
            let (flag, inlineValue) = Self.splitFlag(argument)
            guard self.environmentNames.contains(where: { $0.flag == flag }) else {
                throw argument.hasPrefix("-") ? .unknownOption(argument) : .unexpectedArgument(argument)
            }
            guard let value = inlineValue ?? remaining.popFirst() else { throw .missingValue(option: flag) }
            try options.set(flag, value, source: flag)
        }
        return options
    }

    /// An on/off environment value.
    private static func switchValue(_ value: String, source: String) throws(UsageError) -> Bool {
        switch value {
        case "on", "true", "1": return true
        case "off", "false", "0": return false
        default: throw .invalidValue(source: source, value: value, rule: "must be on or off")
        }
    }

    /// `--port=80` → (`--port`, `80`); `--port` → (`--port`, nil).
    static func splitFlag(_ argument: String) -> (String, String?) {
        guard let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    private mutating func set(_ flag: String, _ value: String, source: String) throws(UsageError) {
        switch flag {
        case "--host":
            guard !value.isEmpty else { throw .invalidValue(source: source, value: value, rule: "must not be empty") }
            self.host = value
        case "--port": self.port = try Self.integer(value, in: 0...65535, source: source)
        case "--seeds":
            guard !value.isEmpty else { throw .invalidValue(source: source, value: value, rule: "must not be empty") }
            self.seeds = value
        case "--data-dir":
            guard !value.isEmpty else { throw .invalidValue(source: source, value: value, rule: "must not be empty") }
            self.dataDirectory = value
        case "--compact-after": self.compactAfterBytes = try Self.integer(value, in: 4096...(1 << 40), source: source)
        case "--openapi":
            guard !value.isEmpty else { throw .invalidValue(source: source, value: value, rule: "must not be empty") }
            self.openAPI = value
        case "--cors-origins": self.corsOrigins = try Self.origins(value, source: source)
        case "--workers": self.workers = try Self.integer(value, in: 1...256, source: source)
        case "--max-connections": self.maxConnections = try Self.integer(value, in: 1...1_000_000, source: source)
        case "--max-body-bytes": self.maxBodyBytes = try Self.integer(value, in: 0...(1 << 30), source: source)
        case "--header-timeout": self.headerTimeout = try Self.seconds(value, source: source)
        case "--idle-timeout": self.idleTimeout = try Self.seconds(value, source: source)
        case "--drain-timeout": self.drainTimeout = try Self.seconds(value, source: source)
        case "--scheduler":
            guard let scheduler = Scheduler(rawValue: value) else {
                throw .invalidValue(source: source, value: value, rule: "must be batch or normal")
            }
            self.scheduler = scheduler
        default: preconditionFailure("flag \(flag) listed without a setter")
        }
    }

    /// `*`, or a comma-separated list of origins (`scheme://host[:port]`, no path).
    private static func origins(_ text: String, source: String) throws(UsageError) -> [String] {
        let origins = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let isOrigin: (String) -> Bool = { origin in
            guard let scheme = ["http://", "https://"].first(where: origin.hasPrefix) else { return false }
            let authority = origin.dropFirst(scheme.count)
            return !authority.isEmpty && !authority.contains("/")
        }
        guard !origins.isEmpty, origins == ["*"] || origins.allSatisfy(isOrigin) else {
            throw .invalidValue(source: source, value: text, rule: "must be * or comma-separated origins like https://desk.example")
        }
        return origins
    }

    static func integer(_ text: String, in range: ClosedRange<Int>, source: String) throws(UsageError) -> Int {
        guard let value = Int(text), range.contains(value) else {
            throw .invalidValue(source: source, value: text, rule: "must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    static func seconds(_ text: String, source: String) throws(UsageError) -> Double {
        guard let value = Double(text), value >= 0.001, value <= 86_400 else {
            throw .invalidValue(source: source, value: text, rule: "must be a number of seconds from 0.001 to 86400")
        }
        return value
    }

    /// Seconds as a `Duration`, rounded to whole milliseconds (validation keeps it ≥ 1 ms).
    static func duration(seconds: Double) -> Duration {
        .milliseconds(Int((seconds * 1000).rounded()))
    }

    /// The server configuration these options describe.
    var serverConfiguration: ServerConfiguration {
        var configuration = ServerConfiguration()
        configuration.host = self.host
        configuration.port = self.port
        configuration.workerCount = self.workers
        configuration.maxConnections = self.maxConnections
        configuration.limits.maxBodyBytes = self.maxBodyBytes
        configuration.headerTimeout = Self.duration(seconds: self.headerTimeout)
        configuration.idleTimeout = Self.duration(seconds: self.idleTimeout)
        configuration.serverName = "Dossier/\(Version.current)"
        return configuration
    }
}
