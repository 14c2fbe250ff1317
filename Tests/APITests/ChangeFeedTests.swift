@testable import API
import DocumentModel
import Foundation
import HTTPServer
@testable import Store
import Testing

/// `ChangeFeed` without sockets: a resumed backlog paged to the reader's drain reports, then
/// live changes, each change once and in order; a resume older than the history gets one
/// `reset` event; a slow reader falls behind in the log, not in the server's buffers.
struct ChangeFeedTests {
    /// A change with a title of `titleLength` characters.
    static func change(_ number: Int, titleLength: Int = 20) -> Change {
        Change(number: number, kind: .created, documentID: "doc-\(number)", title: String(repeating: "t", count: titleLength), at: 0)
    }

    /// A log holding changes 1...`count` (the last `capacity` of them) and a feed through them.
    static func feed(changes count: Int, capacity: Int = ChangeLog.defaultCapacity, titleLength: Int = 20) -> (ChangeLog, ChangeFeed) {
        let log = ChangeLog(last: 0, capacity: capacity)
        log.append((1...max(1, count)).prefix(count).map { Self.change($0, titleLength: titleLength) })
        return (log, ChangeFeed(changes: log, through: count, heartbeatInterval: .seconds(60)))
    }

    /// Publishes changes `numbers`, as the store does: into the log, then to the feed.
    static func publish(_ numbers: ClosedRange<Int>, log: ChangeLog, feed: ChangeFeed) {
        let changes = numbers.map { Self.change($0) }
        log.append(changes)
        feed.publish(changes, through: numbers.upperBound)
    }

    /// The `id:` of each event in `bytes`, in order.
    static func ids(_ bytes: some Sequence<[UInt8]>) -> [Int] {
        String(decoding: Array(bytes.joined()), as: UTF8.self).split(separator: "\n").compactMap { line in
            line.hasPrefix("id: ") ? Int(line.dropFirst(4)) : nil
        }
    }

    @Test func pagesABacklogOnePieceAfterEachDrainThenGoesLive() throws {
        let (log, feed) = Self.feed(changes: 300, titleLength: 200)
        let recorded = RecordedStream(try feed.subscribe(after: 0, client: nil))
        #expect(recorded.sends == [ChangeFeed.preamble], "the backlog waits for the preamble to be written")

        recorded.drain()
        let first = recorded.sends.dropFirst()
        #expect(first.count == 1)
        #expect(first[first.startIndex].count < EventPage.maxBytes + 1024, "one bounded piece")
        recorded.drain()
        Self.publish(301...302, log: log, feed: feed)
        #expect(recorded.sends.count == 3, "published while a piece is in flight: not sent now")

        while Self.ids(recorded.sends).last != 302 {
            let before = recorded.sends.count
            recorded.drain()
            try #require(recorded.sends.count == before + 1, "each drain brings one piece")
        }
        recorded.drain()
        Self.publish(303...303, log: log, feed: feed)

        #expect(Self.ids(recorded.sends) == Array(1...303), "every change once, in order, then live")
    }

    @Test func aResumeOlderThanTheHistoryGetsOneResetEventThenLive() throws {
        let (log, feed) = Self.feed(changes: 30, capacity: 10)
        let recorded = RecordedStream(try feed.subscribe(after: 5, client: nil))

        recorded.drain()
        recorded.drain()
        Self.publish(31...31, log: log, feed: feed)

        let text = String(decoding: Array(recorded.sends.joined()), as: UTF8.self)
        let blocks = text.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        #expect(blocks.count == 3)
        let reset = blocks[1].split(separator: "\n")
        #expect(reset.prefix(2) == ["id: 30", "event: reset"])
        let data = try JSONSerialization.jsonObject(with: Data(reset[2].dropFirst(6).utf8)) as? [String: Any]
        #expect(data?["since"] as? Int == 5)
        #expect(data?["oldest_change"] as? Int == 21)
        #expect(data?["last_change"] as? Int == 30)
        #expect(data?["reload"] as? String == "/v1/documents")
        #expect(Self.ids(recorded.sends) == [30, 31])
    }

    @Test func aSlowLiveReaderFallsBehindInTheLogThenIsToldWhatItMissed() throws {
        let (log, feed) = Self.feed(changes: 0, capacity: 10)
        let recorded = RecordedStream(try feed.subscribe(after: 0, client: nil))
        recorded.drain()

        Self.publish(1...1, log: log, feed: feed)
        Self.publish(2...3, log: log, feed: feed)
        #expect(Self.ids(recorded.sends) == [1], "nothing more before the first is written")
        recorded.drain()
        #expect(Self.ids(recorded.sends) == [1, 2, 3])

        for number in 4...20 { Self.publish(number...number, log: log, feed: feed) }
        recorded.drain()
        #expect(Self.ids(recorded.sends) == [1, 2, 3, 20], "changes 4 to 10 are gone: a reset as of 20")
        #expect(String(decoding: recorded.sends.last ?? [], as: UTF8.self).contains("event: reset"))
    }

    @Test func refusesAResumeAheadOfTheLatestChange() {
        let (_, feed) = Self.feed(changes: 3)

        #expect(throws: ChangeFeed.Refusal.self) { try feed.subscribe(after: 4, client: nil) }
        #expect(feed.streamCount == 0)
    }
}
