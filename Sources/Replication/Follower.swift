import Corpus
import Dispatch
import DocumentModel
import Foundation
import HTTPClient
import Locking
import Store

/// Keeps a read replica's store in step with its writer: it streams the writer's
/// `GET /v1/journal` from the change its copy has reached, applies every update to the store,
/// and reconnects (with backoff) whenever the feed breaks.
///
/// ```swift
/// let store = try DocumentStore(seeds: seeds, directory: nil, ingestor: Ingestor())   // the writer's seeds
/// let follower = Follower(writer: try Endpoint(parsing: "http://dossier-writer:8080"), store: store)
/// follower.start()
/// ```
///
/// - Note: `Sendable`: the feed is read on the follower's own thread; what `stop()` touches
///   (the stopped flag and the open connection's cancellation) is behind a lock.
public final class Follower: Sendable {
    /// Timeouts and bounds.
    public struct Configuration: Sendable {
        /// How long the feed may be silent before the follower reconnects: longer than the
        /// writer's 15 s heartbeat. Default 45 s.
        public var silenceTimeout: Duration = .seconds(45)
        /// How long to wait for the connection. Default 5 s.
        public var connectTimeout: Duration = .seconds(5)
        /// The first wait before reconnecting; it doubles up to `maxRetryDelay`. Default 100 ms.
        public var retryDelay: Duration = .milliseconds(100)
        /// The longest wait before reconnecting. Default 5 s.
        public var maxRetryDelay: Duration = .seconds(5)
        /// The longest feed line (one document's entry) accepted. Default 256 MiB.
        public var maxLineBytes = 256 * 1024 * 1024
        /// The API key (with the `replicate` scope) sent to a writer that requires one;
        /// `nil` sends none.
        public var key: String?

        /// The defaults.
        public init() {}
    }

    /// What the follower reports: a sync on the store's writer queue once the store serves
    /// it, a disconnection on the follower's thread.
    public enum Event: Sendable {
        /// The copy is the writer's as of change `through`; `isReset` when it started again
        /// from the writer's whole collection.
        case synced(through: Int, isReset: Bool)
        /// The feed broke; the follower reconnects after `retryIn`.
        case disconnected(FollowerError, retryIn: Duration)
    }

    private struct State {
        var isStopped = false
        var cancellation: Connection.Cancellation?
    }

    /// The writer's base URL.
    public let writer: Endpoint
    private let store: DocumentStore
    private let configuration: Configuration
    private let report: @Sendable (Event) -> Void
    private let state = Locked(State())
    /// Signalled by `stop()` to cut a wait before reconnecting short.
    private let wake = DispatchSemaphore(value: 0)

    /// Makes a follower; nothing happens before `start()`.
    ///
    /// - Parameters:
    ///   - writer: the writer's base URL (`http://host:port`, a path prefix allowed).
    ///   - store: the replica's store: read-only, over the writer's seeds.
    ///   - configuration: timeouts and bounds.
    ///   - report: told of each sync and each disconnection (see `Event`).
    public init(
        writer: Endpoint, store: DocumentStore, configuration: Configuration = Configuration(),
        report: @escaping @Sendable (Event) -> Void = { _ in }
    ) {
        self.writer = writer
        self.store = store
        self.configuration = configuration
        self.report = report
    }

    /// Starts following on a thread of its own.
    public func start() {
        let thread = Thread { [self] in self.run() }
        thread.name = "dossier.follower"
        thread.start()
    }

    /// Stops following: the open feed is cut, and no reconnection is made.
    public func stop() {
        let cancellation = self.state.withLock { state in
            state.isStopped = true
            return state.cancellation
        }
        cancellation?.cancel()
        self.wake.signal()
    }

    private var isStopped: Bool {
        self.state.withLock { $0.isStopped }
    }

    private func run() {
        var copy = Copy()
        var delay = self.configuration.retryDelay
        while !self.isStopped {
            do {
                try self.follow(updating: &copy, onSync: { delay = self.configuration.retryDelay })
            } catch {
                guard !self.isStopped else { break }
                self.report(.disconnected(error, retryIn: delay))
            }
            _ = self.wake.wait(timeout: .now() + .nanoseconds(Int(delay / .nanoseconds(1))))
            delay = min(delay * 2, self.configuration.maxRetryDelay)
        }
    }

    /// What the store's copy is: the writer's collection as of a change.
    private struct Copy {
        /// The change it is as of; advanced as updates are applied.
        var through = 0
        /// The writer's collection identity, once a feed has given it.
        var collection: String?
    }

    /// Reads one feed until it breaks, applying what it carries.
    ///
    /// - Parameters:
    ///   - copy: what the store's copy is, sent to the writer and kept up to date.
    ///   - onSync: called at each `synced` line.
    private func follow(updating copy: inout Copy, onSync: () -> Void) throws(FollowerError) {
        var clientConfiguration = Connection.Configuration()
        clientConfiguration.connectTimeout = self.configuration.connectTimeout
        clientConfiguration.receiveTimeout = self.configuration.silenceTimeout
        let connection: Connection
        do {
            connection = try Connection(to: self.writer, configuration: clientConfiguration)
        } catch {
            throw .connection(error)
        }
        let isStopped = self.state.withLock { state in
            state.cancellation = connection.cancellation
            return state.isStopped
        }
        defer { self.state.withLock { $0.cancellation = nil } }
        if isStopped { connection.cancellation.cancel() }
        do {
            var headers = [HeaderField(name: "Accept", value: JournalWire.mediaType)]
            if let key = self.configuration.key { headers.append(HeaderField(name: "Authorization", value: "Bearer \(key)")) }
            try connection.send(method: "GET", target: self.feedTarget(for: copy), headers: headers)
            let head = try connection.readHead()
            guard head.status == 200 else { throw FollowerError.unexpectedStatus(head.status, detail: Self.excerpt(of: connection)) }
            var reader = FeedReader(maxLineBytes: self.configuration.maxLineBytes)
            while let bytes = try connection.nextBodyChunk() {
                let updates = try reader.read(bytes)
                if let collection = reader.collection, collection != copy.collection {
                    // Another collection's change numbers name other writes: nothing of the old
                    // copy may be kept by the reset that follows, so go back to the seeds first.
                    if copy.collection != nil { self.store.apply(.reset(seeds: nil, entries: [], through: 0)) }
                    copy.collection = collection
                }
                for update in updates {
                    switch update {
                    case .reset(_, _, let through), .resume(_, let through):
                        copy.through = through
                        onSync()
                        // Reported once the store serves it: a replica turns ready on this.
                        let report = self.report
                        self.store.apply(update) { report(.synced(through: through, isReset: update.isReset)) }
                    case .append(let entries):
                        copy.through = entries.last?.change ?? copy.through
                        self.store.apply(update)
                    }
                }
            }
            throw FollowerError.feedEnded
        } catch let error as FollowerError {
            throw error
        } catch let error as HTTPClientError {
            throw .connection(error)
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
    }

    /// `/v1/journal?after=N[&collection=ID]` under the writer's path.
    private func feedTarget(for copy: Copy) -> String {
        let base = self.writer.path.hasSuffix("/") ? String(self.writer.path.dropLast()) : self.writer.path
        return base + "/v1/journal?after=\(copy.through)" + (copy.collection.map { "&collection=\($0)" } ?? "")
    }

    /// The start of an error response's body, for the log.
    private static func excerpt(of connection: Connection) -> String {
        var body: [UInt8] = []
        while body.count < 300, let bytes = try? connection.nextBodyChunk() { body += bytes }
        return String(decoding: body.prefix(300), as: UTF8.self)
    }
}

extension ReplicationUpdate {
    /// Whether it starts again from the seeds.
    var isReset: Bool {
        if case .reset = self { return true }
        return false
    }
}
