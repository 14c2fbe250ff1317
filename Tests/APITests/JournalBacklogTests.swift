@testable import API
import Replication
import Testing

/// `JournalBacklog`: items in order, batches up to a size, only encoded writes counted.
struct JournalBacklogTests {
    @Test func takesBatchesInOrderUpToTheSize() {
        var backlog = JournalBacklog(maxQueuedBytes: 100)
        backlog.append([.line(.synced(through: 1)), .encoded(Array("a\n".utf8)), .line(.heartbeat)])

        let first = backlog.takeBatch(maxBytes: 1)
        #expect(first == JournalWire.encode(.synced(through: 1)), "a batch holds at least one item")
        #expect(backlog.takeBatch(maxBytes: 1000) == Array("a\n".utf8) + JournalWire.heartbeat)
        #expect(backlog.takeBatch(maxBytes: 1000) == nil)
        #expect(backlog.isEmpty)
    }

    @Test func countsOnlyEncodedWritesAgainstTheCap() {
        var backlog = JournalBacklog(maxQueuedBytes: 4)
        backlog.append([.line(.reset(through: 9)), .encoded([1, 2, 3])])
        #expect(backlog.queuedBytes == 3)
        #expect(!backlog.isOverCap)

        backlog.append([.encoded([4, 5])])
        #expect(backlog.isOverCap)

        _ = backlog.takeBatch(maxBytes: 1000)
        #expect(backlog.queuedBytes == 0)
        #expect(!backlog.isOverCap)
    }

    @Test func removeAllForgetsEverything() {
        var backlog = JournalBacklog(maxQueuedBytes: 4)
        backlog.append([.encoded([1, 2, 3, 4, 5])])
        backlog.removeAll()
        #expect(backlog.isEmpty && backlog.queuedBytes == 0)
    }
}
