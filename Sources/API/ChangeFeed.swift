import Corpus
import Dispatch
import DocumentModel
import HTTPServer
import Locking
import Store

/// The open event streams of `GET /v1/events`, and what is pushed to them.
///
/// Each stream is sent one piece at a time, the next once the connection reports the previous
/// written (`ResponseStream.whenDrained`); `EventStreamCursor` decides what. A stream that
/// resumes is paged through the change log (`EventPage`, some 16 KiB a piece), then gets
/// each published batch as it comes; a batch published while a piece is
/// still in flight is read from the log after it. So a backlog of any size arrives in order,
/// exactly once, without ever holding more than a piece or two in the server's buffers, and a
/// slow reader falls behind in the log instead of being cut off. One that resumes, or falls,
/// further back than the log keeps gets a single `reset` event and continues live.
///
/// A comment line goes to every stream each `heartbeatInterval`, so proxies and clients can
/// tell a quiet feed from a dead one; the timer runs only while a stream is open.
///
/// Streams are capped (`EventStreamLimits`): a client past its share is refused, and a new
/// stream past the total ends the oldest one, whose client reconnects with `Last-Event-ID`
/// and misses nothing. Both are decided under the same lock as the streams themselves.
///
/// - Note: `Sendable`: the streams, their cursors and the heartbeat timer are guarded by a
///   mutex. Pages are read from the log outside it (the cursor lets only one be read at a
///   time), and handed to the stream under it.
final class ChangeFeed: Sendable {
    /// The first bytes of every stream: how long a browser waits before reconnecting.
    static let preamble = Array("retry: 3000\n\n".utf8)
    /// A heartbeat: an SSE comment, which clients ignore.
    static let heartbeat = Array(": heartbeat\n\n".utf8)

    /// An open stream and where it stands.
    private struct Subscriber {
        let stream: ResponseStream
        var cursor: EventStreamCursor
    }

    private struct State {
        var streams: [Int: Subscriber] = [:]
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
        /// The change to resume after is past the latest one, `latest`.
        case ahead(latest: Int)
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
    /// after `since`, a page at a time, then every new one; or, when the log no longer holds
    /// those, a `reset` event and then every new one.
    ///
    /// - Throws: `.ahead` when `since` is past the latest change; `.clientLimit` when the
    ///   client holds its share of streams.
    func subscribe(after since: Int, client: String?) throws(Refusal) -> ResponseStream {
        try self.state.withLock { (state) throws(Refusal) -> ResponseStream in
            guard since <= state.through else { throw .ahead(latest: state.through) }
            if let client, state.streamsPerClient[client, default: 0] >= self.limits.perClient { throw .clientLimit(self.limits.perClient) }
            if state.streams.count >= self.limits.total, let oldest = state.streams.keys.min() {
                // Ended, not dropped: its client reconnects and resumes from its last event.
                state.streams[oldest]?.stream.finish()
                Self.forget(oldest, in: &state)
            }
            let id = state.nextID
            state.nextID += 1
            let stream = ResponseStream { [weak self] in self?.remove(id) }
            // The first report that the preamble is written starts the catch-up.
            stream.whenDrained { [weak self] in self?.drained(id) }
            stream.send(Self.preamble)
            state.streams[id] = Subscriber(stream: stream, cursor: EventStreamCursor(after: since))
            if let client {
                state.clients[id] = client
                state.streamsPerClient[client, default: 0] += 1
            }
            if state.heartbeatTimer == nil { state.heartbeatTimer = self.startHeartbeat() }
            return stream
        }
    }

    /// Pushes newly published changes to every stream that is up to date and not writing;
    /// the others read them from the log when they are ready.
    ///
    /// - Parameters:
    ///   - changes: the changes, in order.
    ///   - through: the change number of the snapshot they lead to.
    /// - Complexity: O(*s*) for *s* streams besides encoding `changes` once; pages are read
    ///   on the streams' own drain reports, never here.
    func publish(_ changes: [Change], through: Int) {
        let bytes = changes.flatMap(ChangeRepresentation.event)
        let catchUps: [(id: Int, after: Int, through: Int)] = self.state.withLock { state in
            let previous = state.through
            guard through > previous else { return [] }
            state.through = through
            var catchUps: [(id: Int, after: Int, through: Int)] = []
            let fitsOnePiece = !bytes.isEmpty && bytes.count <= EventPage.maxBytes
            for (id, var subscriber) in state.streams {
                switch subscriber.cursor.published(previous: previous, latest: through, fitsOnePiece: fitsOnePiece) {
                case .wait:
                    continue
                case .live:
                    state.streams[id] = subscriber
                    if !subscriber.stream.send(bytes) { Self.forget(id, in: &state) }
                case .catchUp(let after, let through):
                    state.streams[id] = subscriber
                    catchUps.append((id, after, through))
                }
            }
            return catchUps
        }
        for catchUp in catchUps { self.catchUp(catchUp.id, after: catchUp.after, through: catchUp.through) }
    }

    /// A stream has written everything it was handed: sends its next page, if it is behind.
    private func drained(_ id: Int) {
        let step: EventStreamCursor.Step = self.state.withLock { state in
            guard var subscriber = state.streams[id] else { return .wait }
            let step = subscriber.cursor.drained(latest: state.through)
            state.streams[id] = subscriber
            return step
        }
        if case .catchUp(let after, let through) = step { self.catchUp(id, after: after, through: through) }
    }

    /// Reads the page of the log after `after` up to `through` and hands it to the stream;
    /// reads the next at once when a page held nothing to send.
    private func catchUp(_ id: Int, after: Int, through: Int) {
        var range = (after: after, through: through)
        while true {
            let page = EventPage.read(from: self.changes, after: range.after, through: range.through)
            let step: EventStreamCursor.Step = self.state.withLock { state in
                guard var subscriber = state.streams[id] else { return .wait }
                let step = subscriber.cursor.sent(through: page.through, handedOver: !page.bytes.isEmpty, latest: state.through)
                state.streams[id] = subscriber
                if !page.bytes.isEmpty, !subscriber.stream.send(page.bytes) { Self.forget(id, in: &state) }
                return step
            }
            guard case .catchUp(let after, let through) = step else { return }
            range = (after, through)
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
        for (id, subscriber) in state.streams where !subscriber.stream.send(bytes) {
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
