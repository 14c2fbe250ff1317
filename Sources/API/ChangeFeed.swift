import Corpus
import Dispatch
import DocumentModel
import HTTPServer
import Locking

/// The open event streams of `GET /v1/events`, and what is pushed to them.
///
/// A new stream first gets the changes it missed (from the change log), then every change as
/// it is published; both happen under one lock, so no change is sent twice or skipped. A
/// comment line goes to every stream each `heartbeatInterval`, so proxies and clients can tell
/// a quiet feed from a dead one; the timer runs only while a stream is open. Sending never
/// blocks: a stream whose client reads too slowly is cut off by the server.
///
/// Streams are capped (`EventStreamLimits`): a client past its share is refused, and a new
/// stream past the total ends the oldest one, whose client reconnects with `Last-Event-ID`
/// and misses nothing. Both are decided under the same lock as the streams themselves.
///
/// - Note: `Sendable`: the streams and the heartbeat timer are guarded by a mutex.
final class ChangeFeed: Sendable {
    /// The first bytes of every stream: how long a browser waits before reconnecting.
    static let preamble = Array("retry: 3000\n\n".utf8)
    /// A heartbeat: an SSE comment, which clients ignore.
    static let heartbeat = Array(": heartbeat\n\n".utf8)

    private struct State {
        var streams: [Int: ResponseStream] = [:]
        /// The client each counted stream belongs to, and how many each client holds.
        var clients: [Int: String] = [:]
        var streamsPerClient: [String: Int] = [:]
        var nextID = 0
        /// The latest change pushed; a new stream catches up to it from the log.
        var through: Int
        var heartbeatTimer: DispatchSourceTimer?
    }

    /// Why a stream was not opened.
    enum Refusal: Error {
        /// The changes asked for are not kept, or not made yet.
        case changes(ChangeLogError)
        /// The client holds as many streams as one client may.
        case clientLimit(Int)
    }

    private let changes: ChangeLog
    private let heartbeatInterval: Duration
    private let limits: EventStreamLimits
    private let state: Locked<State>

    /// Makes a feed of `changes`, starting after change `through`.
    init(changes: ChangeLog, through: Int, heartbeatInterval: Duration, limits: EventStreamLimits = EventStreamLimits()) {
        self.changes = changes
        self.heartbeatInterval = heartbeatInterval
        self.limits = limits
        self.state = Locked(State(through: through))
    }

    /// Streams open now.
    var streamCount: Int {
        self.state.withLock { $0.streams.count }
    }

    /// The latest change pushed.
    var latest: Int {
        self.state.withLock { $0.through }
    }

    /// Opens a stream for `client` (`nil`: one not counted per client) that gets the changes
    /// after `since`, then every new one.
    ///
    /// - Throws: `.changes` when changes after `since` are no longer kept, or `since` is past
    ///   the latest change; `.clientLimit` when the client holds its share of streams.
    func subscribe(after since: Int, client: String?) throws(Refusal) -> ResponseStream {
        try self.state.withLock { (state) throws(Refusal) -> ResponseStream in
            let missed: [Change]
            do throws(ChangeLogError) {
                missed = try self.changes.changes(after: since, through: state.through, limit: .max)
            } catch {
                throw .changes(error)
            }
            if let client, state.streamsPerClient[client, default: 0] >= self.limits.perClient { throw .clientLimit(self.limits.perClient) }
            if state.streams.count >= self.limits.total, let oldest = state.streams.keys.min() {
                // Ended, not dropped: its client reconnects and resumes from its last event.
                state.streams[oldest]?.finish()
                Self.forget(oldest, in: &state)
            }
            let id = state.nextID
            state.nextID += 1
            let stream = ResponseStream { [weak self] in self?.remove(id) }
            stream.send(Self.preamble + missed.flatMap(ChangeRepresentation.event))
            state.streams[id] = stream
            if let client {
                state.clients[id] = client
                state.streamsPerClient[client, default: 0] += 1
            }
            if state.heartbeatTimer == nil { state.heartbeatTimer = self.startHeartbeat() }
            return stream
        }
    }

    /// Pushes newly published changes to every stream.
    ///
    /// - Parameters:
    ///   - changes: the changes, in order.
    ///   - through: the change number of the snapshot they lead to.
    func publish(_ changes: [Change], through: Int) {
        let bytes = changes.flatMap(ChangeRepresentation.event)
        self.state.withLock { state in
            state.through = max(state.through, through)
            if !bytes.isEmpty { Self.broadcast(bytes, in: &state) }
        }
    }

    private func remove(_ id: Int) {
        self.state.withLock { state in
            Self.forget(id, in: &state)
            if state.streams.isEmpty {
                state.heartbeatTimer?.cancel()
                state.heartbeatTimer = nil
            }
        }
    }

    private func startHeartbeat() -> DispatchSourceTimer {
        HeartbeatTimer.start(every: self.heartbeatInterval) { [weak self] in
            self?.state.withLock { state in Self.broadcast(Self.heartbeat, in: &state) }
        }
    }

    /// Sends to every stream, forgetting those that have ended.
    private static func broadcast(_ bytes: [UInt8], in state: inout State) {
        for (id, stream) in state.streams where !stream.send(bytes) {
            Self.forget(id, in: &state)
        }
    }

    /// Drops a stream and its count against its client (once: a second call does nothing).
    private static func forget(_ id: Int, in state: inout State) {
        state.streams[id] = nil
        guard let client = state.clients.removeValue(forKey: id) else { return }
        let remaining = state.streamsPerClient[client, default: 1] - 1
        state.streamsPerClient[client] = remaining > 0 ? remaining : nil
    }
}
