import Access
import Corpus

/// What an operator configures about the API, as opposed to the server under it.
public struct APIOptions: Sendable {
    /// The default `journalQueueLimit`: 2 MiB.
    public static let defaultJournalQueueLimit = 2 * 1024 * 1024

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
    /// Most entries one search may read (`SearchIndex.search`'s `workLimit`); past it, 400.
    public var searchWorkLimit: Int
    /// How many event streams may be open, in all and per client.
    public var eventStreams: EventStreamLimits
    /// The OpenAPI document served at `GET /openapi.yaml`, or `nil` when there is none.
    public var openAPIDocument: [UInt8]?
    /// How often an event stream with nothing to say sends a comment line. Default 15 s.
    public var heartbeatInterval: Duration
    /// Bytes of committed writes a `/v1/journal` follower may leave unread before it is
    /// disconnected (it reconnects and resumes). Default 2 MiB.
    public var journalQueueLimit: Int
    /// Where writes go when this server takes none (a read replica's writer), for the 405
    /// that a write gets here; `nil` when there is nowhere to send them.
    public var writesGoTo: String?

    /// Options with any origin allowed to read, open access (a loopback development server),
    /// any host, no rate limits, the default search work limit and event stream caps, no
    /// OpenAPI document, a 15 s heartbeat, a 2 MiB journal queue per follower and no writer to
    /// send writes to.
    public init(
        allowedOrigins: [String] = ["*"], access: AccessPolicy = .open, hosts: HostPolicy = HostPolicy(allowing: nil),
        writeLimit: RateLimit? = nil, searchLimit: RateLimit? = nil, searchWorkLimit: Int = SearchIndex.defaultWorkLimit,
        eventStreams: EventStreamLimits = EventStreamLimits(),
        openAPIDocument: [UInt8]? = nil, heartbeatInterval: Duration = .seconds(15),
        journalQueueLimit: Int = APIOptions.defaultJournalQueueLimit, writesGoTo: String? = nil
    ) {
        self.allowedOrigins = allowedOrigins
        self.access = access
        self.hosts = hosts
        self.writeLimit = writeLimit
        self.searchLimit = searchLimit
        self.searchWorkLimit = searchWorkLimit
        self.eventStreams = eventStreams
        self.openAPIDocument = openAPIDocument
        self.heartbeatInterval = heartbeatInterval
        self.journalQueueLimit = journalQueueLimit
        self.writesGoTo = writesGoTo
    }
}

/// Caps on `GET /v1/events` streams, which hold a connection each for as long as the client
/// likes.
public struct EventStreamLimits: Sendable, Hashable {
    /// Streams open at once; a new one past it ends the oldest. Default 2,000.
    public var total: Int
    /// Streams one client (a key, else an address; anonymous loopback peers are not counted)
    /// may hold; more get 429. Default 20.
    public var perClient: Int

    /// The caps; the defaults leave most of `--max-connections` to requests.
    public init(total: Int = 2_000, perClient: Int = 20) {
        self.total = total
        self.perClient = perClient
    }
}
