import Access
import Corpus
import Foundation
import HTTPClient
import HTTPServer

/// The settings of `dossier serve`: defaults, overridden by environment variables,
/// overridden by flags; `ServeOption.all` lists the options, their flags and variables.
struct ServeOptions: Equatable {
    /// Whether it serves without a data directory: read-only, or a follower of a writer.
    var servesWithoutDataDirectory: Bool {
        self.isReadOnly || self.follow != nil
    }

    var host = "127.0.0.1"
    var port = 8080
    var seeds = "./seeds"
    var dataDirectory = "./data"
    var isReadOnly = false
    /// The writer this server is a read replica of (`--follow`), or `nil`.
    var follow: Endpoint?
    var compactAfterBytes = 64 * 1024 * 1024
    var openAPI = "./openapi.yaml"
    var corsOrigins = ["*"]
    var workers = System.activeProcessorCount
    var maxConnections = 10_000
    var maxConnectionsPerAddress = 1_000
    var maxEventStreams = 2_000
    var maxEventStreamsPerClient = 20
    var maxJournalQueue = 2 * 1024 * 1024
    var probeConnections = 16
    var maxBodyBytes = 1024 * 1024
    var maxBodyMemory = 256 * 1024 * 1024
    var headerTimeout = 10.0
    var bodyTimeout = 30.0
    var idleTimeout = 60.0
    var drainTimeout = 10.0
    /// CPU seconds ingesting one posted document may take (`--ingest-timeout`).
    var ingestTimeout = 5.0
    var scheduler = Scheduler.batch
    var logFormat = LogFormat.text
    var logLevel = LogLevel.info
    var isAccessLogEnabled = true
    /// The API key file (`--api-keys`), or empty for none.
    var apiKeysFile = ""
    /// Routes that need a key beyond writes and the journal (`--require-key-for`).
    var requireKeyFor: Set<OptionalGuard> = []
    /// The `Host` values answered (`--allowed-hosts`): empty for the default of the bind
    /// address (loopback names on loopback, any elsewhere), `["*"]` for any.
    var allowedHosts: [String] = []
    /// The key a follower sends to its writer (`--follow-key`), or empty for none.
    var followKey = ""
    /// Writes per client (`--write-limit`).
    var writeLimit = RateLimitSetting.auto
    /// Searches per client (`--search-limit`).
    var searchLimit = RateLimitSetting.auto
    /// Most postings and dictionary words one search may read (`--search-work-limit`).
    var searchWorkLimit = SearchIndex.defaultWorkLimit
    /// Where each option not left at its default came from, by `ServeOption.name`.
    var sources: [String: Source] = [:]

    /// Whether the server listens on a loopback address only, where it may run without keys.
    var isLoopbackOnly: Bool {
        self.host == "localhost" || self.host == "::1" || self.host.hasPrefix("127.")
    }

    /// The `Host` values the server answers to.
    var hostPolicy: HostPolicy {
        if self.allowedHosts == ["*"] { return HostPolicy(allowing: nil) }
        if self.allowedHosts.isEmpty { return HostPolicy(allowing: self.isLoopbackOnly ? HostPolicy.loopbackHosts : nil) }
        return HostPolicy(allowing: self.allowedHosts)
    }

    /// The Linux scheduling policy of the server's threads.
    enum Scheduler: String, CaseIterable, Equatable {
        /// `SCHED_BATCH`: Dispatch's event thread is not preempted by each worker it wakes.
        case batch
        /// The default `SCHED_OTHER`.
        case normal
    }

    /// Where an option's effective value came from.
    enum Source: Equatable, CustomStringConvertible {
        /// Nothing set it.
        case defaultValue
        /// This environment variable.
        case environment(String)
        /// This flag.
        case flag(String)

        /// `default`, `env DOSSIER_PORT` or `flag --port`.
        var description: String {
            switch self {
            case .defaultValue: return "default"
            case .environment(let variable): return "env \(variable)"
            case .flag(let flag): return "flag \(flag)"
            }
        }
    }

    /// Parses `serve`'s arguments over the environment.
    ///
    /// Every variable is read, then every flag, so a flag wins over its variable; an invalid
    /// variable fails even when a flag would override it.
    ///
    /// - Throws: `UsageError` naming the offending flag or variable.
    static func parse(_ arguments: [String], environment: [String: String]) throws(UsageError) -> ServeOptions {
        var options = ServeOptions()
        for option in ServeOption.all {
            guard let value = environment[option.variable] else { continue }
            try option.apply(&options, value, option.variable)
            options.sources[option.name] = .environment(option.variable)
        }
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            let (flag, inlineValue) = Self.splitFlag(argument)
            guard let option = ServeOption.all.first(where: { $0.flag == flag }) else {
                throw argument.hasPrefix("-") ? .unknownOption(argument) : .unexpectedArgument(argument)
            }
            switch option.arity {
            case .presence(let meaning):
                guard inlineValue == nil else { throw .unknownOption(argument) }
                try option.apply(&options, meaning, flag)
            case .value:
                guard let value = inlineValue ?? remaining.popFirst() else { throw .missingValue(option: flag) }
                try option.apply(&options, value, flag)
            }
            options.sources[option.name] = .flag(flag)
        }
        if !options.requireKeyFor.isEmpty && options.apiKeysFile.isEmpty {
            throw .invalidValue(
                source: options.sourceName(of: "--require-key-for"),
                value: OptionValue.showGuards(options.requireKeyFor), rule: "needs an API key file (--api-keys)")
        }
        return options
    }

    /// Where `option`'s value came from.
    func source(of option: ServeOption) -> Source {
        self.sources[option.name] ?? .defaultValue
    }

    /// `--port=80` → (`--port`, `80`); `--port` → (`--port`, nil).
    static func splitFlag(_ argument: String) -> (String, String?) {
        guard let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
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
        configuration.maxConnectionsPerAddress = self.maxConnectionsPerAddress
        configuration.reservedProbeConnections = self.probeConnections
        configuration.probePaths = ["/healthz", "/readyz"]
        configuration.limits.maxBodyBytes = self.maxBodyBytes
        configuration.maxBodyBytesInFlight = self.maxBodyMemory
        configuration.headerTimeout = Self.duration(seconds: self.headerTimeout)
        configuration.bodyTimeout = Self.duration(seconds: self.bodyTimeout)
        configuration.idleTimeout = Self.duration(seconds: self.idleTimeout)
        configuration.serverName = "Dossier/\(Version.current)"
        return configuration
    }

    /// The logger configuration these options describe (stdout for access lines, stderr for
    /// the rest).
    var logConfiguration: StreamLogger.Configuration {
        var configuration = StreamLogger.Configuration()
        configuration.format = self.logFormat
        configuration.level = self.logLevel
        configuration.isAccessLogEnabled = self.isAccessLogEnabled
        return configuration
    }
}
