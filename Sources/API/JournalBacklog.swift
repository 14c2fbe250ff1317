import Replication

/// What one follower's replication feed has still to send, and how much of it counts
/// against its cap.
///
/// Two kinds of items wait in order: the lines of a catch-up, encoded only when their batch
/// is taken (a whole collection is never encoded at once, and its entries are the store's
/// own), and the already encoded bytes of each write committed since (shared with every other
/// follower, see `JournalAppendEncoding`). Only the second kind grows with the writes a slow
/// follower has not read, so only it counts against `maxQueuedBytes`.
///
/// A value type with no I/O: `JournalFeedSender` keeps one under its lock.
struct JournalBacklog: Sendable {
    /// One thing waiting to be sent.
    enum Item: Sendable {
        /// A catch-up line, encoded when it is taken.
        case line(JournalWire.Line)
        /// A committed write's lines, encoded.
        case encoded([UInt8])
    }

    /// Encoded bytes that may wait before the follower counts as too far behind.
    let maxQueuedBytes: Int
    /// Items not yet sent; `items[next...]` are waiting.
    private var items: [Item] = []
    private var next = 0
    /// The size of the `.encoded` items waiting.
    private(set) var queuedBytes = 0

    /// An empty backlog capped at `maxQueuedBytes` of encoded writes.
    init(maxQueuedBytes: Int) {
        self.maxQueuedBytes = maxQueuedBytes
    }

    /// Whether nothing is waiting.
    var isEmpty: Bool { self.next == self.items.count }

    /// Whether the encoded writes waiting are over the cap.
    var isOverCap: Bool { self.queuedBytes > self.maxQueuedBytes }

    /// Queues items at the end.
    ///
    /// - Complexity: amortised O(`items.count`).
    mutating func append(_ items: some Sequence<Item>) {
        for item in items {
            if case .encoded(let bytes) = item { self.queuedBytes += bytes.count }
            self.items.append(item)
        }
    }

    /// Takes the items at the front, encoded, up to `maxBytes` (a single item may be larger);
    /// `nil` when nothing waits. A lone encoded item is handed over as it is, not copied.
    ///
    /// - Complexity: amortised O(*n*) in the bytes taken.
    mutating func takeBatch(maxBytes: Int) -> [UInt8]? {
        guard !self.isEmpty else { return nil }
        var batch: [UInt8] = []
        while batch.count < maxBytes, self.next < self.items.count {
            let bytes: [UInt8]
            switch self.items[self.next] {
            case .line(let line): bytes = JournalWire.encode(line)
            case .encoded(let encoded):
                bytes = encoded
                self.queuedBytes -= encoded.count
            }
            if batch.isEmpty { batch = bytes } else { batch += bytes }
            self.next += 1
        }
        // Reclaim taken items once they outnumber the waiting ones: amortised O(1) an item.
        if self.next > self.items.count - self.next {
            self.items.removeFirst(self.next)
            self.next = 0
        }
        return batch
    }

    /// Drops everything waiting (the feed has ended).
    mutating func removeAll() {
        self.items = []
        self.next = 0
        self.queuedBytes = 0
    }
}
