import Corpus
import DocumentModel
import HTTPServer
import Locking
import Replication
import Store

/// Paces one follower's replication feed: the updates the store delivers wait in a
/// `JournalBacklog` and are handed to the stream a batch at a time, the next once the
/// previous has been written to the socket. A catch-up of the whole collection is then never
/// encoded all at once, and a follower that reads slowly holds only a batch or two in the
/// server's buffers.
///
/// A follower whose committed writes waiting pass `maxQueuedBytes` is disconnected at once
/// (`ResponseStream.abort()`); it reconnects and resumes from the last change it applied.
/// What a write costs the writer does not grow with any follower's backlog: its lines are
/// encoded once for all followers (`JournalAppendEncoding`), and queuing them is O(1) here.
///
/// - Note: `Sendable`: the backlog is behind a lock, under which batches are also handed to
///   the stream, so they reach it in order whichever thread sends.
final class JournalFeedSender: Sendable {
    /// Bytes a batch grows to before it is sent (a single line may be larger).
    static let batchBytes = 16 * 1024

    private struct State {
        var backlog: JournalBacklog
        /// A batch was handed to the stream and has not been reported written yet.
        var isSending = false
        /// The feed was cut off; nothing more is queued.
        var hasEnded = false
    }

    private let stream: ResponseStream
    private let encoding: JournalAppendEncoding
    private let state: Locked<State>

    /// Makes a sender for `stream` and has the stream report each time it has drained.
    ///
    /// - Parameters:
    ///   - maxQueuedBytes: bytes of committed writes that may wait before the follower is
    ///     disconnected.
    ///   - encoding: where committed writes are encoded, shared by every feed of a server.
    init(stream: ResponseStream, maxQueuedBytes: Int = APIOptions.defaultJournalQueueLimit, encoding: JournalAppendEncoding = JournalAppendEncoding()) {
        self.stream = stream
        self.encoding = encoding
        self.state = Locked(State(backlog: JournalBacklog(maxQueuedBytes: maxQueuedBytes)))
        stream.whenDrained { [weak self] in self?.sendNextBatch(afterDrain: true) }
    }

    /// Queues an update: a catch-up as lines, a committed write as its encoded lines.
    ///
    /// - Returns: `false` once the stream has ended or the follower was cut off, so the store
    ///   drops this feed.
    /// - Complexity: O(1) for `.append` besides encoding it once per server.
    func enqueue(_ update: ReplicationUpdate) -> Bool {
        switch update {
        case .reset, .resume:
            return self.queue(JournalWire.lines(of: update).map(JournalBacklog.Item.line))
        case .append(let entries):
            return self.queue([.encoded(self.encoding.bytes(of: entries))])
        }
    }

    /// Queues lines.
    ///
    /// - Returns: `false` once the stream has ended or the follower was cut off.
    @discardableResult
    func enqueue(_ lines: [JournalWire.Line]) -> Bool {
        self.queue(lines.map(JournalBacklog.Item.line))
    }

    private func queue(_ items: [JournalBacklog.Item]) -> Bool {
        guard self.stream.isOpen else { return false }
        let (isQueued, isTooFarBehind): (Bool, Bool) = self.state.withLock { state in
            guard !state.hasEnded else { return (false, false) }
            state.backlog.append(items)
            self.sendNextBatch(in: &state)
            guard state.backlog.isOverCap else { return (true, false) }
            state.hasEnded = true
            state.backlog.removeAll()
            return (false, true)
        }
        if isTooFarBehind { self.stream.abort() }
        return isQueued
    }

    /// Hands the next batch to the stream, unless one is still being written (and this is
    /// not the report that it has been).
    private func sendNextBatch(afterDrain: Bool) {
        self.state.withLock { state in
            if afterDrain { state.isSending = false }
            self.sendNextBatch(in: &state)
        }
    }

    private func sendNextBatch(in state: inout State) {
        guard !state.isSending, let batch = state.backlog.takeBatch(maxBytes: Self.batchBytes) else { return }
        state.isSending = true
        self.stream.send(batch)
    }
}
