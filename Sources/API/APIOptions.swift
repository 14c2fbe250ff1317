import Access

/// What an operator configures about the API, as opposed to the server under it.
public struct APIOptions: Sendable {
    /// The origins browsers may call the API from (`https://desk.example`), or `["*"]` for any.
    /// `*` covers reads only: a page may write only from an origin listed by name (or from
    /// the server's own origin).
    public var allowedOrigins: [String]
    /// Who may call which route.
    public var access: AccessPolicy
    /// Which `Host` values the server answers to.
    public var hosts: HostPolicy
    /// Writes a client (a key, else an address) may make; `nil` for no limit.
    public var writeLimit: RateLimit?
    /// Searches a client may make; `nil` for no limit.
    public var searchLimit: RateLimit?
    /// The OpenAPI document served at `GET /openapi.yaml`, or `nil` when there is none.
    public var openAPIDocument: [UInt8]?
    /// How often an event stream with nothing to say sends a comment line. Default 15 s.
    public var heartbeatInterval: Duration
    /// Where writes go when this server takes none (a read replica's writer), for the 405
    /// that a write gets here; `nil` when there is nowhere to send them.
    public var writesGoTo: String?

    /// Options with any origin allowed to read, open access (a loopback development server),
    /// any host, no rate limits, no OpenAPI document, a 15 s heartbeat and no writer to send
    /// writes to.
    public init(
        allowedOrigins: [String] = ["*"], access: AccessPolicy = .open, hosts: HostPolicy = HostPolicy(allowing: nil),
        writeLimit: RateLimit? = nil, searchLimit: RateLimit? = nil,
        openAPIDocument: [UInt8]? = nil, heartbeatInterval: Duration = .seconds(15), writesGoTo: String? = nil
    ) {
        self.allowedOrigins = allowedOrigins
        self.access = access
        self.hosts = hosts
        self.writeLimit = writeLimit
        self.searchLimit = searchLimit
        self.openAPIDocument = openAPIDocument
        self.heartbeatInterval = heartbeatInterval
        self.writesGoTo = writesGoTo
    }
}
