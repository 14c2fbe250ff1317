@testable import API
import Corpus
import DocumentModel
import Extraction
import Replication
import Store
import Testing

/// `JournalFeedSender`: a batch at a time, the next only once the stream reports the previous
/// written, in order; a follower whose unread writes pass the byte cap disconnected at once;
/// each write encoded once for every follower.
struct JournalFeedSenderTests {
    /// 600 entries of about 1 KiB: some 600 KiB of lines, some forty batches.
    static let entries = (1...600).map { number in
        JournalEntry.created(
            change: number, at: 0, id: "doc-\(number)", submission: DocumentSubmission(text: String(repeating: "x", count: 1000)), idempotency: nil)
    }

    /// A document of about 1 KiB, change `number`.
    static func entry(_ number: Int) -> JournalEntry {
        .created(change: number, at: 0, id: "doc-\(number)", submission: DocumentSubmission(text: String(repeating: "y", count: 1000)), idempotency: nil)
    }

    /// The write of `entry(number)`.
    static func write(_ number: Int) -> ReplicationUpdate {
        .append([Self.entry(number)])
    }

    @Test func sendsOneBatchAtATimeInOrder() throws {
        let recorded = RecordedStream()
        let sender = JournalFeedSender(stream: recorded.stream)

        #expect(sender.enqueue(.reset(seeds: nil, entries: Self.entries, through: 600)))
        #expect(sender.enqueue(.append([.deleted(change: 601, at: 0, id: "doc-1")])))
        let first = recorded.sends
        #expect(first.count == 1, "nothing more before the first batch is written")
        #expect(first[0].count >= JournalFeedSender.batchBytes && first[0].count < JournalFeedSender.batchBytes + 2048)

        var batches = first
        while true {
            recorded.drain()
            let now = recorded.sends
            guard now.count > batches.count else { break }
            batches = now
        }
        let lines = batches.joined().split(separator: 0x0A).map { try? JournalWire.decode($0) }
        #expect(lines.count == 603)
        #expect(lines.first == .reset(through: 600))
        #expect(lines[601] == .synced(through: 600))
        #expect(lines.last == .entry(.deleted(change: 601, at: 0, id: "doc-1")))
    }

    @Test func disconnectsAFollowerWhoseUnreadWritesPassTheByteCap() {
        let recorded = RecordedStream()
        let lineBytes = JournalWire.encode(.entry(Self.entry(10))).count
        let sender = JournalFeedSender(stream: recorded.stream, maxQueuedBytes: 9 * lineBytes + lineBytes / 2)

        #expect(sender.enqueue(Self.write(1)), "handed to the stream at once: nothing waits")
        for number in 2...10 {
            #expect(sender.enqueue(Self.write(number)), "write \(number): \(number - 1) lines wait")
        }
        #expect(!sender.enqueue(Self.write(11)), "ten lines wait, past the cap: the store drops the feed")
        #expect(!sender.enqueue(Self.write(12)), "and it stays dropped")

        let events = recorded.events
        #expect(events.count == 2)
        #expect(events.last == .abort, "cut off at once, not finished cleanly")
    }

    @Test func aCatchUpDoesNotCountAgainstTheCap() {
        let recorded = RecordedStream()
        let sender = JournalFeedSender(stream: recorded.stream, maxQueuedBytes: 10_000)

        #expect(sender.enqueue(.reset(seeds: nil, entries: Self.entries, through: 600)), "600 KiB of catch-up, encoded a batch at a time")
        #expect(sender.enqueue(Self.write(601)))
        #expect(!recorded.events.contains(.abort))
    }

    @Test func aWriteIsEncodedOnceForEveryFollower() throws {
        let encoding = JournalAppendEncoding()
        let followers = (0..<3).map { _ in RecordedStream() }
        let senders = followers.map { JournalFeedSender(stream: $0.stream, encoding: encoding) }
        let write = Self.write(1)

        for sender in senders { #expect(sender.enqueue(write)) }

        let sent = followers.map { $0.sends.first ?? [] }
        #expect(try JournalWire.decode(sent[0].dropLast()) == .entry(Self.entry(1)))
        let storage = sent.map { $0.withUnsafeBufferPointer { $0.baseAddress } }
        #expect(storage[1] == storage[0] && storage[2] == storage[0], "the same bytes, not three encodings")
    }
}
