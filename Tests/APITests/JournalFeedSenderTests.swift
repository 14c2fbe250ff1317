@testable import API
import Corpus
import Dispatch
@testable import HTTPServer
import DocumentModel
import Locking
import Replication
import TestSupport
import Testing

/// `JournalFeedSender`: a batch at a time, the next only once the stream reports the previous
/// written, in order, and the feed ended for a follower too far behind.
struct JournalFeedSenderTests {
    /// 600 entries of about 1 KiB: some 600 KiB of lines, three batches.
    static let entries = (1...600).map { number in
        JournalEntry.created(
            change: number, at: 0, id: "doc-\(number)", submission: DocumentSubmission(text: String(repeating: "x", count: 1000)), idempotency: nil)
    }

    /// A stream attached to a recording sink, as a connection would attach it: the bytes of
    /// each send, and an empty element for `finish`.
    static func recordedStream() -> (ResponseStream, Locked<[[UInt8]]>) {
        let stream = ResponseStream(bufferLimit: .max)
        let sent = Locked<[[UInt8]]>([])
        let queue = DispatchQueue(label: "test.sink")
        queue.sync {
            stream.attach(queue: queue) { event in
                switch event {
                case .bytes(let bytes): sent.withLock { $0.append(bytes) }
                case .finish: sent.withLock { $0.append([]) }
                }
            }
        }
        return (stream, sent)
    }

    /// What the sink has received once it has `count` events, or after a while.
    static func settled(_ sent: Locked<[[UInt8]]>, count: Int) -> [[UInt8]] {
        _ = eventually(within: .milliseconds(300)) { sent.withLock { $0.count >= count } }
        return sent.withLock { $0 }
    }

    @Test func sendsOneBatchAtATimeInOrder() throws {
        let (stream, sent) = Self.recordedStream()
        let sender = JournalFeedSender(stream: stream)

        #expect(sender.enqueue(.reset(entries: Self.entries, through: 600)))
        #expect(sender.enqueue(.append([.deleted(change: 601, at: 0, id: "doc-1")])))
        let first = Self.settled(sent, count: 1)
        #expect(first.count == 1, "nothing more before the first batch is written")
        #expect(first[0].count >= JournalFeedSender.batchBytes && first[0].count < JournalFeedSender.batchBytes + 2048)

        var batches = first
        while true {
            stream.drained()
            let now = Self.settled(sent, count: batches.count + 1)
            guard now.count > batches.count else { break }
            batches = now
        }
        let lines = batches.joined().split(separator: 0x0A).map { try? JournalWire.decode($0) }
        #expect(lines.count == 603)
        #expect(lines.first == .reset(through: 600))
        #expect(lines[601] == .synced(through: 600))
        #expect(lines.last == .entry(.deleted(change: 601, at: 0, id: "doc-1")))
    }

    @Test func endsTheFeedOfAFollowerTooFarBehind() {
        let (stream, sent) = Self.recordedStream()
        let sender = JournalFeedSender(stream: stream, maxQueuedLines: 100)
        let many = (1...101).map { JournalEntry.deleted(change: $0, at: 0, id: "d") }

        #expect(!sender.enqueue(.append(many)), "the store drops the feed")
        #expect(Self.settled(sent, count: 1) == [[]], "the stream is finished, nothing sent")
    }
}
