import HTTPClient
import HTTPServer

extension ServeOption {
    /// Every option of `dossier serve`, in the order of `--help` and `--print-config`.
    static let all: [ServeOption] = [
        ServeOption(flag: "--host", variable: "DOSSIER_HOST", keyPath: \.host, parse: OptionValue.nonEmpty, show: { $0 }),
        ServeOption(flag: "--port", variable: "DOSSIER_PORT", keyPath: \.port, parse: OptionValue.integer(in: 0...65535), show: String.init),
        ServeOption(flag: "--seeds", variable: "DOSSIER_SEEDS", keyPath: \.seeds, parse: OptionValue.nonEmpty, show: { $0 }),
        ServeOption(flag: "--data-dir", variable: "DOSSIER_DATA_DIR", keyPath: \.dataDirectory, parse: OptionValue.nonEmpty, show: { $0 }),
        ServeOption(
            flag: "--compact-after", variable: "DOSSIER_COMPACT_AFTER", keyPath: \.compactAfterBytes,
            parse: OptionValue.integer(in: 4096...(1 << 40)), show: String.init),
        ServeOption(
            flag: "--read-only", variable: "DOSSIER_READ_ONLY", arity: .presence(meaning: "on"), keyPath: \.isReadOnly,
            parse: OptionValue.onOff, show: OptionValue.showOnOff),
        ServeOption(flag: "--follow", variable: "DOSSIER_FOLLOW", keyPath: \.follow, parse: OptionValue.writerURL, show: { $0?.description ?? "" }),
        ServeOption(flag: "--openapi", variable: "DOSSIER_OPENAPI", keyPath: \.openAPI, parse: OptionValue.nonEmpty, show: { $0 }),
        ServeOption(
            flag: "--cors-origins", variable: "DOSSIER_CORS_ORIGINS", keyPath: \.corsOrigins, parse: OptionValue.origins,
            show: { $0.joined(separator: ",") }),
        ServeOption(flag: "--api-keys", variable: "DOSSIER_API_KEYS_FILE", keyPath: \.apiKeysFile, parse: OptionValue.anyText, show: { $0 }),
        ServeOption(
            flag: "--require-key-for", variable: "DOSSIER_REQUIRE_KEY_FOR", keyPath: \.requireKeyFor, parse: OptionValue.guards,
            show: OptionValue.showGuards),
        ServeOption(
            flag: "--allowed-hosts", variable: "DOSSIER_ALLOWED_HOSTS", keyPath: \.allowedHosts, parse: OptionValue.hosts,
            show: { $0.isEmpty ? "auto" : $0.joined(separator: ",") }),
        ServeOption(
            flag: "--follow-key", variable: "DOSSIER_FOLLOW_KEY", keyPath: \.followKey, parse: OptionValue.anyText,
            show: { $0.isEmpty ? "" : "(set, not shown)" }),
        ServeOption(
            flag: "--write-limit", variable: "DOSSIER_WRITE_LIMIT", keyPath: \.writeLimit, parse: RateLimitSetting.parse, show: \.description),
        ServeOption(
            flag: "--search-limit", variable: "DOSSIER_SEARCH_LIMIT", keyPath: \.searchLimit, parse: RateLimitSetting.parse,
            show: \.description),
        ServeOption(
            flag: "--search-work-limit", variable: "DOSSIER_SEARCH_WORK_LIMIT", keyPath: \.searchWorkLimit,
            parse: OptionValue.integer(in: 1_000...1_000_000_000), show: String.init),
        ServeOption(flag: "--workers", variable: "DOSSIER_WORKERS", keyPath: \.workers, parse: OptionValue.integer(in: 1...256), show: String.init),
        ServeOption(
            flag: "--max-connections", variable: "DOSSIER_MAX_CONNECTIONS", keyPath: \.maxConnections,
            parse: OptionValue.integer(in: 1...1_000_000), show: String.init),
        ServeOption(
            flag: "--max-connections-per-address", variable: "DOSSIER_MAX_CONNECTIONS_PER_ADDRESS", keyPath: \.maxConnectionsPerAddress,
            parse: OptionValue.integer(in: 1...1_000_000), show: String.init),
        ServeOption(
            flag: "--max-event-streams", variable: "DOSSIER_MAX_EVENT_STREAMS", keyPath: \.maxEventStreams,
            parse: OptionValue.integer(in: 1...1_000_000), show: String.init),
        ServeOption(
            flag: "--max-event-streams-per-client", variable: "DOSSIER_MAX_EVENT_STREAMS_PER_CLIENT", keyPath: \.maxEventStreamsPerClient,
            parse: OptionValue.integer(in: 1...1_000_000), show: String.init),
        ServeOption(
            flag: "--max-journal-queue", variable: "DOSSIER_MAX_JOURNAL_QUEUE", keyPath: \.maxJournalQueue,
            parse: OptionValue.integer(in: 1024...(1 << 40)), show: String.init),
        ServeOption(
            flag: "--probe-connections", variable: "DOSSIER_PROBE_CONNECTIONS", keyPath: \.probeConnections,
            parse: OptionValue.integer(in: 0...1_000), show: String.init),
        ServeOption(
            flag: "--max-body-bytes", variable: "DOSSIER_MAX_BODY_BYTES", keyPath: \.maxBodyBytes,
            parse: OptionValue.integer(in: 0...(1 << 30)), show: String.init),
        ServeOption(
            flag: "--max-body-memory", variable: "DOSSIER_MAX_BODY_MEMORY", keyPath: \.maxBodyMemory,
            parse: OptionValue.integer(in: 1024...(1 << 40)), show: String.init),
        ServeOption(
            flag: "--header-timeout", variable: "DOSSIER_HEADER_TIMEOUT", keyPath: \.headerTimeout, parse: OptionValue.seconds,
            show: OptionValue.showSeconds),
        ServeOption(
            flag: "--body-timeout", variable: "DOSSIER_BODY_TIMEOUT", keyPath: \.bodyTimeout, parse: OptionValue.seconds,
            show: OptionValue.showSeconds),
        ServeOption(
            flag: "--idle-timeout", variable: "DOSSIER_IDLE_TIMEOUT", keyPath: \.idleTimeout, parse: OptionValue.seconds,
            show: OptionValue.showSeconds),
        ServeOption(
            flag: "--drain-timeout", variable: "DOSSIER_DRAIN_TIMEOUT", keyPath: \.drainTimeout, parse: OptionValue.seconds,
            show: OptionValue.showSeconds),
        ServeOption(
            flag: "--ingest-timeout", variable: "DOSSIER_INGEST_TIMEOUT", keyPath: \.ingestTimeout, parse: OptionValue.seconds,
            show: OptionValue.showSeconds),
        ServeOption(
            flag: "--scheduler", variable: "DOSSIER_SCHEDULER", keyPath: \.scheduler, parse: OptionValue.choice, show: \.rawValue),
        ServeOption(
            flag: "--log-format", variable: "DOSSIER_LOG_FORMAT", keyPath: \.logFormat, parse: OptionValue.choice, show: \.rawValue),
        ServeOption(flag: "--log-level", variable: "DOSSIER_LOG_LEVEL", keyPath: \.logLevel, parse: OptionValue.choice, show: \.rawValue),
        ServeOption(
            flag: "--no-access-log", variable: "DOSSIER_ACCESS_LOG", arity: .presence(meaning: "off"), keyPath: \.isAccessLogEnabled,
            parse: OptionValue.onOff, show: OptionValue.showOnOff),
    ]
}
