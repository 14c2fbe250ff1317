/// Settings of a `Server`, each with a documented default.
public struct ServerConfiguration: Sendable, Hashable {
    /// Address to bind: an IPv4 or IPv6 literal or a resolvable name. Default `127.0.0.1`.
    public var host: String
    /// Port to bind; 0 picks a free one. Default 8080.
    public var port: Int
    /// Serial worker queues connections are spread over. Default: one per active core.
    public var workerCount: Int
    /// Request parsing limits (414, 431, 413). Defaults: DESIGN.md's.
    public var limits: ParserLimits
    /// Open connections beyond which new ones get 503 and are closed. Default 10,000.
    public var maxConnections: Int
    /// Connections one peer address may hold; more get 429 and are closed. Default 1,000.
    public var maxConnectionsPerAddress: Int
    /// Whether loopback peers are held to `maxConnectionsPerAddress` too. Default `false`: on
    /// loopback a local proxy or sidecar speaks for many clients.
    public var capsLoopbackPeers: Bool
    /// Connections kept above `maxConnections` for requests to `probePaths` only, so that a
    /// full server still answers its orchestrator's probes. Default 16.
    public var reservedProbeConnections: Int
    /// The paths a reserved connection may ask for (liveness and readiness). Default none.
    public var probePaths: Set<String>
    /// Time allowed for a request's header section, from its first byte (or from accept). Default 10 s.
    public var headerTimeout: Duration
    /// Body bytes of requests still arriving that all connections together may hold; a body
    /// that takes the total past it gets 503. Default 256 MiB.
    public var maxBodyBytesInFlight: Int
    /// Time allowed for a request's body, from the end of its head: a body trickled to hold
    /// a connection gets 408. Default 30 s.
    public var bodyTimeout: Duration
    /// Time an idle keep-alive connection, or a stalled write, is kept. Default 60 s.
    public var idleTimeout: Duration
    /// After a closing response, time to wait for the peer to close before resetting. Default 2 s.
    public var lingerTimeout: Duration
    /// The `Server` header value. Default `Dossier`.
    public var serverName: String
    /// The listen backlog. Default 1024.
    public var backlog: Int32
    /// Unsent response bytes above which a connection stops reading (back-pressure). Default 1 MiB.
    public var outputHighWaterMark: Int
    /// Unsent bytes of a streamed response above which the client counts as too slow and is
    /// disconnected, so one slow reader never holds back the producer. Default 1 MiB.
    public var streamBufferLimit: Int

    /// Makes a configuration with every default.
    public init() {
        self.host = "127.0.0.1"
        self.port = 8080
        self.workerCount = max(1, System.activeProcessorCount)
        self.limits = ParserLimits()
        self.maxConnections = 10_000
        self.maxConnectionsPerAddress = 1_000
        self.capsLoopbackPeers = false
        self.reservedProbeConnections = 16
        self.probePaths = []
        self.headerTimeout = .seconds(10)
        self.bodyTimeout = .seconds(30)
        self.maxBodyBytesInFlight = 256 * 1024 * 1024
        self.idleTimeout = .seconds(60)
        self.lingerTimeout = .seconds(2)
        self.serverName = "Dossier"
        self.backlog = 1024
        self.outputHighWaterMark = 1024 * 1024
        self.streamBufferLimit = 1024 * 1024
    }
}
