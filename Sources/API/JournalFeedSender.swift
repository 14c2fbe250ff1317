import Corpus
import DocumentModel
import HTTPServer
import Locking
import Replication

/// Paces one follower's replication feed: the updates the store delivers are queued as lines
/// and handed to the stream a batch at a time, the next once the previous has been written
/// to the socket. A catch-up of the whole collection is then never encoded all at once, and
/// a follower that reads slowly holds only a batch or two in the server's buffers.
///
/// - Note: `Sendable`: the queue is behind a lock, under which batches are also handed to the
///   stream, so they reach it in order whichever thread sends.
final class JournalFeedSender: Sendable {
    /// Bytes a batch grows to before it is sent (a single line may be larger).
    static let batchBytes = 256 * 1024
    /// Lines waiting, by default, before the follower counts as too slow and its feed is
    /// ended; it then reconnects and catches up from what it has.
    static let defaultMaxQueuedLines = 200_000

    private struct State {
        /// Lines not yet sent; `lines[next...]` are waiting.
        var lines: [JournalWire.Line] = []
        var next = 0
        /// A batch was handed to the stream and has not been reported written yet.
        var isSending = false
    }

    private let stream: ResponseStream
    private let maxQueuedLines: Int
    private let state = Locked(State())

    /// Makes a sender for `stream` and has the stream report each time it has drained.
    init(stream: ResponseStream, maxQueuedLines: Int = JournalFeedSender.defaultMaxQueuedLines) {
        self.stream = stream
        self.maxQueuedLines = maxQueuedLines
        stream.whenDrained { [weak self] in self?.sendNextBatch(afterDrain: true) }
    }

    /// Queues an update's lines.
    ///
    /// - Returns: `false` once the stream has ended, so the store drops this feed.
    func enqueue(_ update: ReplicationUpdate) -> Bool {
        self.enqueue(JournalWire.lines(of: update))
    }

    /// Queues lines.
    ///
    /// - Returns: `false` once the stream has ended.
    @discardableResult
    func enqueue(_ lines: [JournalWire.Line]) -> Bool {
        guard self.stream.isOpen else { return false }
        let isTooFarBehind = self.state.withLock { state in
            state.lines += lines
            return state.lines.count - state.next > self.maxQueuedLines
        }
        if isTooFarBehind {
            self.stream.finish()
            return false
        }
        self.sendNextBatch(afterDrain: false)
        return true
    }

    /// Hands the next batch to the stream, unless one is still being written (and this is
    /// not the report that it has been).
    private func sendNextBatch(afterDrain: Bool) {
        self.state.withLock { state in
            if afterDrain { state.isSending = false }
            guard !state.isSending, state.next < state.lines.count else { return }
            var batch: [UInt8] = []
            while batch.count < Self.batchBytes, state.next < state.lines.count {
                batch += JournalWire.encode(state.lines[state.next])
                state.next += 1
            }
            // Reclaim sent lines once they outnumber the waiting ones: amortised O(1) a line.
            if state.next > state.lines.count - state.next {
                state.lines.removeFirst(state.next)
                state.next = 0
            }
            state.isSending = true
            self.stream.send(batch)
        }
    }
}
