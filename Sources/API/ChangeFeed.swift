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
/// - Note: `Sendable`: the streams and the heartbeat timer are guarded by a mutex.
final class ChangeFeed: Sendable {
    /// The first bytes of every stream: how long a browser waits before reconnecting.
    static let preamble = Array("retry: 3000\n\n".utf8)
    /// A heartbeat: an SSE comment, which clients ignore.
    static let heartbeat = Array(": heartbeat\n\n".utf8)

    private struct State {
        var streams: [Int: ResponseStream] = [:]
        var nextID = 0
        /// The latest change pushed; a new stream catches up to it from the log.
        var through: Int
        var heartbeatTimer: DispatchSourceTimer?
    }

    private let changes: ChangeLog
    private let heartbeatInterval: Duration
    private let state: Locked<State>

    /// Makes a feed of `changes`, starting after change `through`.
    init(changes: ChangeLog, through: Int, heartbeatInterval: Duration) {
        self.changes = changes
        self.heartbeatInterval = heartbeatInterval
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

    /// Opens a stream that gets the changes after `since`, then every new one.
    ///
    /// - Throws: `ChangeLogError` when changes after `since` are no longer kept, or `since` is
    ///   past the latest change.
    func subscribe(after since: Int) throws(ChangeLogError) -> ResponseStream {
        try self.state.withLock { (state) throws(ChangeLogError) -> ResponseStream in
            let missed = try self.changes.changes(after: since, through: state.through, limit: .max)
            let id = state.nextID
            state.nextID += 1
            let stream = ResponseStream { [weak self] in self?.remove(id) }
            stream.send(Self.preamble + missed.flatMap(ChangeRepresentation.event))
            state.streams[id] = stream
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
            state.streams[id] = nil
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
            state.streams[id] = nil
        }
    }
}
