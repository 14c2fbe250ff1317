@testable import dossier
import HTTPClient
import HTTPServer
import Testing

/// `dossier serve` options: defaults, environment, flags, validation, server configuration.
struct ServeOptionsTests {
    @Test func defaultsMatchTheHelpText() throws {
        let options = try ServeOptions.parsed([])
        #expect(options.host == "127.0.0.1")
        #expect(options.port == 8080)
        #expect(options.seeds == "./seeds")
        #expect(options.workers == System.activeProcessorCount)
        #expect(options.maxConnections == 10_000)
        #expect(options.maxBodyBytes == 1_048_576)
        #expect(options.headerTimeout == 10)
        #expect(options.idleTimeout == 60)
        #expect(options.drainTimeout == 10)
        #expect(options.ingestTimeout == 5)
        #expect(options.isAccessLogEnabled)
        #expect(options.logFormat == .text)
        #expect(options.logLevel == .info)
    }

    /// One flag, its value as given on the command line, and the options it should produce.
    static let flagCases: [(flag: String, value: String, check: @Sendable (ServeOptions) -> Bool)] = [
        ("--host", "::1", { $0.host == "::1" }),
        ("--port", "80", { $0.port == 80 }),
        ("--seeds", "/srv/seeds", { $0.seeds == "/srv/seeds" }),
        ("--data-dir", "/srv/data", { $0.dataDirectory == "/srv/data" }),
        ("--compact-after", "1048576", { $0.compactAfterBytes == 1_048_576 }),
        ("--openapi", "/srv/openapi.yaml", { $0.openAPI == "/srv/openapi.yaml" }),
        ("--cors-origins", "https://desk.example, http://localhost:3000", { $0.corsOrigins == ["https://desk.example", "http://localhost:3000"] }),
        ("--workers", "3", { $0.workers == 3 }),
        ("--max-connections", "50", { $0.maxConnections == 50 }),
        ("--max-body-bytes", "0", { $0.maxBodyBytes == 0 }),
        ("--header-timeout", "2.5", { $0.headerTimeout == 2.5 }),
        ("--idle-timeout", "1", { $0.idleTimeout == 1 }),
        ("--drain-timeout", "30", { $0.drainTimeout == 30 }),
        ("--ingest-timeout", "0.25", { $0.ingestTimeout == 0.25 }),
        ("--scheduler", "normal", { $0.scheduler == .normal }),
        ("--log-format", "json", { $0.logFormat == .json }),
        ("--log-level", "warning", { $0.logLevel == .warning }),
        ("--follow", "http://dossier-writer:8080", { $0.follow == Endpoint(host: "dossier-writer", port: 8080) && $0.servesWithoutDataDirectory }),
    ]

    @Test(arguments: Self.flagCases)
    func flagWithSeparateValue(_ flag: String, _ value: String, _ check: @Sendable (ServeOptions) -> Bool) throws {
        #expect(check(try ServeOptions.parsed([flag, value])))
    }

    @Test(arguments: Self.flagCases)
    func flagWithInlineValue(_ flag: String, _ value: String, _ check: @Sendable (ServeOptions) -> Bool) throws {
        #expect(check(try ServeOptions.parsed(["\(flag)=\(value)"])))
    }

    @Test(arguments: Self.flagCases)
    func environmentVariableOverridesDefault(_ flag: String, _ value: String, _ check: @Sendable (ServeOptions) -> Bool) throws {
        #expect(check(try ServeOptions.parsed([], environment: [ServeOption.withFlag(flag).variable: value])))
    }

    @Test func everyOptionHasItsDocumentedVariable() {
        #expect(ServeOption.all.map(\.variable) == [
            "DOSSIER_HOST", "DOSSIER_PORT", "DOSSIER_SEEDS", "DOSSIER_DATA_DIR", "DOSSIER_COMPACT_AFTER", "DOSSIER_READ_ONLY",
            "DOSSIER_FOLLOW", "DOSSIER_OPENAPI", "DOSSIER_CORS_ORIGINS", "DOSSIER_API_KEYS_FILE",
            "DOSSIER_REQUIRE_KEY_FOR", "DOSSIER_ALLOWED_HOSTS", "DOSSIER_FOLLOW_KEY", "DOSSIER_WRITE_LIMIT",
            "DOSSIER_SEARCH_LIMIT", "DOSSIER_SEARCH_WORK_LIMIT", "DOSSIER_WORKERS", "DOSSIER_MAX_CONNECTIONS", "DOSSIER_MAX_CONNECTIONS_PER_ADDRESS",
            "DOSSIER_MAX_EVENT_STREAMS", "DOSSIER_MAX_EVENT_STREAMS_PER_CLIENT", "DOSSIER_MAX_JOURNAL_QUEUE", "DOSSIER_PROBE_CONNECTIONS", "DOSSIER_MAX_BODY_BYTES", "DOSSIER_MAX_BODY_MEMORY", "DOSSIER_HEADER_TIMEOUT", "DOSSIER_BODY_TIMEOUT", "DOSSIER_IDLE_TIMEOUT", "DOSSIER_DRAIN_TIMEOUT", "DOSSIER_INGEST_TIMEOUT", "DOSSIER_SCHEDULER", "DOSSIER_LOG_FORMAT",
            "DOSSIER_LOG_LEVEL", "DOSSIER_ACCESS_LOG",
        ])
    }

    /// Value options are named like their flags, switches like their variables.
    @Test func optionNamesFollowTheirVariables() {
        #expect(ServeOption.withFlag("--data-dir").name == "data-dir")
        #expect(ServeOption.withFlag("--no-access-log").name == "access-log")
        for option in ServeOption.all where option.arity == .value {
            #expect(option.flag == "--" + option.name)
        }
    }

    @Test func flagOverridesEnvironment() throws {
        let options = try ServeOptions.parsed(["--port", "9000"], environment: ["DOSSIER_PORT": "7000", "DOSSIER_HOST": "0.0.0.0"])
        #expect(options.port == 9000)
        #expect(options.host == "0.0.0.0")
    }

    @Test func lastRepeatedFlagWins() throws {
        #expect(try ServeOptions.parsed(["--port", "1", "--port=2"]).port == 2)
    }

    @Test func inlineValueMayContainEquals() throws {
        #expect(try ServeOptions.parsed(["--seeds=/a=b"]).seeds == "/a=b")
    }

    @Test func separateValueMayStartWithDash() throws {
        #expect(try ServeOptions.parsed(["--seeds", "-odd-dir"]).seeds == "-odd-dir")
    }

    @Test func unrelatedEnvironmentIsIgnored() throws {
        #expect(try ServeOptions.parsed([], environment: ["PORT": "1", "DOSSIER_UNKNOWN": "x"]) == ServeOptions())
    }

    // MARK: Access log

    @Test func noAccessLogFlagTurnsLoggingOff() throws {
        #expect(try !ServeOptions.parsed(["--no-access-log"]).isAccessLogEnabled)
    }

    @Test(arguments: [("off", false), ("false", false), ("0", false), ("on", true), ("true", true), ("1", true)])
    func accessLogVariable(_ value: String, _ isEnabled: Bool) throws {
        #expect(try ServeOptions.parsed([], environment: ["DOSSIER_ACCESS_LOG": value]).isAccessLogEnabled == isEnabled)
    }

    @Test func noAccessLogFlagOverridesVariable() throws {
        #expect(try !ServeOptions.parsed(["--no-access-log"], environment: ["DOSSIER_ACCESS_LOG": "on"]).isAccessLogEnabled)
    }

    @Test(arguments: ["yes", "OFF", ""])
    func invalidAccessLogVariableIsNamed(_ value: String) {
        #expect(throws: UsageError.invalidValue(source: "DOSSIER_ACCESS_LOG", value: value, rule: "must be on or off")) {
            try ServeOptions.parsed([], environment: ["DOSSIER_ACCESS_LOG": value])
        }
    }

    // MARK: Read-only

    @Test func followIsOffByDefaultAndAnEmptyVariableMeansNone() throws {
        #expect(try ServeOptions.parsed([]).follow == nil)
        #expect(try ServeOptions.parsed([], environment: ["DOSSIER_FOLLOW": ""]).follow == nil)
        #expect(try ServeOptions.parsed(["--follow", "http://[::1]:9000/dossier"]).follow == Endpoint(host: "::1", port: 9000, path: "/dossier"))
    }

    @Test(arguments: ["https://writer:8080", "writer:8080", "http://", "http://writer:0"])
    func invalidFollowURLIsNamed(_ value: String) {
        #expect {
            _ = try ServeOptions.parsed(["--follow", value])
        } throws: { error in
            guard case UsageError.invalidValue(source: "--follow", value: value, let rule) = error else { return false }
            return rule.hasPrefix("must be the writer's URL")
        }
    }

    @Test func readOnlyIsOffByDefaultAndOnWithItsFlag() throws {
        #expect(try !ServeOptions.parsed([]).isReadOnly)
        #expect(try ServeOptions.parsed(["--read-only"]).isReadOnly)
    }

    @Test(arguments: [("on", true), ("1", true), ("off", false), ("false", false)])
    func readOnlyVariable(_ value: String, _ isReadOnly: Bool) throws {
        #expect(try ServeOptions.parsed([], environment: ["DOSSIER_READ_ONLY": value]).isReadOnly == isReadOnly)
    }

    @Test func invalidReadOnlyVariableIsNamed() {
        #expect(throws: UsageError.invalidValue(source: "DOSSIER_READ_ONLY", value: "maybe", rule: "must be on or off")) {
            try ServeOptions.parsed([], environment: ["DOSSIER_READ_ONLY": "maybe"])
        }
    }

    // MARK: Invalid values

    static let portRule = "must be an integer from 0 to 65535"
    static let secondsRule = "must be a number of seconds from 0.001 to 86400"
    static let originsRule = "must be * or comma-separated origins like https://desk.example"

    @Test(arguments: [
        ("--port", "70000", Self.portRule), ("--port", "-1", Self.portRule), ("--port", "http", Self.portRule),
        ("--port", "", Self.portRule), ("--port", "80.5", Self.portRule),
        ("--workers", "0", "must be an integer from 1 to 256"), ("--workers", "257", "must be an integer from 1 to 256"),
        ("--max-connections", "0", "must be an integer from 1 to 1000000"),
        ("--max-body-bytes", "-1", "must be an integer from 0 to 1073741824"),
        ("--header-timeout", "0", Self.secondsRule), ("--header-timeout", "-5", Self.secondsRule),
        ("--idle-timeout", "soon", Self.secondsRule), ("--idle-timeout", "nan", Self.secondsRule),
        ("--drain-timeout", "86401", Self.secondsRule), ("--drain-timeout", "inf", Self.secondsRule),
        ("--ingest-timeout", "0", Self.secondsRule),
        ("--host", "", "must not be empty"), ("--seeds", "", "must not be empty"), ("--openapi", "", "must not be empty"),
        ("--cors-origins", "", Self.originsRule), ("--cors-origins", "desk.example", Self.originsRule),
        ("--cors-origins", "https://desk.example/", Self.originsRule), ("--cors-origins", "*,https://a.example", Self.originsRule),
        ("--log-format", "logfmt", "must be text or json"), ("--log-format", "JSON", "must be text or json"),
        ("--log-level", "verbose", "must be debug, info, warning or error"), ("--log-level", "", "must be debug, info, warning or error"),
    ])
    func invalidFlagValueNamesTheFlag(_ flag: String, _ value: String, _ rule: String) {
        let expected = UsageError.invalidValue(source: flag, value: value, rule: rule)
        #expect(throws: expected) { try ServeOptions.parsed([flag, value]) }
        #expect(throws: expected) { try ServeOptions.parsed(["\(flag)=\(value)"]) }
    }

    @Test(arguments: [
        ("DOSSIER_PORT", "70000", Self.portRule), ("DOSSIER_WORKERS", "0", "must be an integer from 1 to 256"),
        ("DOSSIER_HEADER_TIMEOUT", "0", Self.secondsRule), ("DOSSIER_IDLE_TIMEOUT", "-1", Self.secondsRule),
        ("DOSSIER_DRAIN_TIMEOUT", "ten", Self.secondsRule), ("DOSSIER_HOST", "", "must not be empty"),
        ("DOSSIER_LOG_FORMAT", "xml", "must be text or json"), ("DOSSIER_LOG_LEVEL", "trace", "must be debug, info, warning or error"),
    ])
    func invalidVariableValueNamesTheVariable(_ variable: String, _ value: String, _ rule: String) {
        #expect(throws: UsageError.invalidValue(source: variable, value: value, rule: rule)) {
            try ServeOptions.parsed([], environment: [variable: value])
        }
    }

    @Test func invalidVariableFailsEvenWhenFlagWouldOverrideIt() {
        #expect(throws: UsageError.invalidValue(source: "DOSSIER_PORT", value: "x", rule: Self.portRule)) {
            try ServeOptions.parsed(["--port", "80"], environment: ["DOSSIER_PORT": "x"])
        }
    }

    @Test(arguments: ["--verbose", "--readonly", "-p", "--no-access-log=1", "--read-only=1", "--port:80", "--access-log"])
    func unknownOptionIsNamed(_ option: String) {
        #expect(throws: UsageError.unknownOption(option)) { try ServeOptions.parsed([option]) }
    }

    @Test func positionalArgumentIsUnexpected() {
        #expect(throws: UsageError.unexpectedArgument("extra")) { try ServeOptions.parsed(["extra"]) }
    }

    @Test(arguments: ["--port", "--host", "--drain-timeout"])
    func flagWithoutValueIsMissingValue(_ flag: String) {
        #expect(throws: UsageError.missingValue(option: flag)) { try ServeOptions.parsed(["--no-access-log", flag]) }
    }

    // MARK: Server configuration

    @Test func serverConfigurationMapsEveryOption() throws {
        let options = try ServeOptions.parsed([
            "--host", "0.0.0.0", "--port", "0", "--workers", "3", "--max-connections", "42",
            "--max-body-bytes", "2048", "--header-timeout", "1.5", "--idle-timeout", "30",
        ])
        let configuration = options.serverConfiguration
        #expect(configuration.host == "0.0.0.0")
        #expect(configuration.port == 0)
        #expect(configuration.workerCount == 3)
        #expect(configuration.maxConnections == 42)
        #expect(configuration.limits.maxBodyBytes == 2048)
        #expect(configuration.headerTimeout == .milliseconds(1500))
        #expect(configuration.idleTimeout == .seconds(30))
        #expect(configuration.serverName == "Dossier/0.1.0")
    }

    @Test func logConfigurationMapsTheLogOptions() throws {
        let configuration = try ServeOptions.parsed(["--log-format", "json", "--log-level", "error", "--no-access-log"]).logConfiguration
        #expect(configuration.format == .json)
        #expect(configuration.level == .error)
        #expect(!configuration.isAccessLogEnabled)
        #expect(configuration.accessDescriptor == StreamLogger.Configuration().accessDescriptor)
    }

    @Test func serverConfigurationKeepsOtherLimitsAtDefaults() {
        let configuration = ServeOptions().serverConfiguration
        #expect(configuration.limits == ParserLimits())
        #expect(configuration.headerTimeout == .seconds(10))
        #expect(configuration.idleTimeout == .seconds(60))
        #expect(configuration.lingerTimeout == ServerConfiguration().lingerTimeout)
    }

    /// A timeout below a millisecond would round to zero: it is refused, and the smallest
    /// accepted one stays positive.
    @Test(arguments: ["0.0001", "0.0009"])
    func subMillisecondTimeoutIsRefused(_ seconds: String) {
        #expect(throws: UsageError.invalidValue(source: "--header-timeout", value: seconds, rule: Self.secondsRule)) {
            try ServeOptions.parsed(["--header-timeout", seconds])
        }
    }

    @Test func smallestTimeoutStaysPositive() throws {
        let configuration = try ServeOptions.parsed(["--header-timeout", "0.001", "--idle-timeout", "0.001"]).serverConfiguration
        #expect(configuration.headerTimeout == .milliseconds(1))
        #expect(configuration.idleTimeout == .milliseconds(1))
    }
}

/// `--scheduler` / `DOSSIER_SCHEDULER`.
struct ServeOptionsSchedulerTests {
    @Test func defaultsToBatch() throws {
        #expect(try ServeOptions.parsed([]).scheduler == .batch)
    }

    @Test func flagOverridesEnvironment() throws {
        #expect(try ServeOptions.parsed([], environment: ["DOSSIER_SCHEDULER": "normal"]).scheduler == .normal)
        #expect(try ServeOptions.parsed(["--scheduler", "batch"], environment: ["DOSSIER_SCHEDULER": "normal"]).scheduler == .batch)
    }

    @Test func rejectsUnknownPolicy() {
        #expect(throws: UsageError.invalidValue(source: "--scheduler", value: "fifo", rule: "must be batch or normal")) {
            try ServeOptions.parsed(["--scheduler", "fifo"])
        }
    }
}
