import API
import Corpus
import Dispatch
import DocumentModel
import Extraction
import Foundation
import HTTPServer
import Locking
import Replication
import Store
import Testing
import TestSupport

/// `GET /v1/journal` over loopback: the catch-up a follower at a change gets (resumed from
/// the writer's tail, or started again), then each write as it is committed.
@Suite(.timeLimit(.minutes(1)))
struct JournalIntegrationTests {
    @Test func resumesAfterAChangeThenStreamsEachWrite() throws {
        let harness = try WritableServer()
        let client = try harness.client()
        try ChangesIntegrationTests.makeThreeChanges(client)

        let feed = try JournalFeedClient(port: harness.server.port, target: "/v1/journal?after=1")
        let catchUp = try feed.lines(count: 3)
        guard case .entry(.created(2, _, "doc-2", let submission, nil, _)) = catchUp[0] else {
            Issue.record("expected doc-2's creation, got \(catchUp[0])")
            return
        }
        #expect(submission.text == WritableServer.article("Second story"))
        guard case .entry(.deleted(3, _, "doc-1")) = catchUp[1] else {
            Issue.record("expected doc-1's deletion, got \(catchUp[1])")
            return
        }
        #expect(catchUp[2] == .synced(through: 3))

        #expect(try client.postJSON("/v1/documents", ["text": WritableServer.article("Fourth story"), "source": "Lusa"]).statusCode == 201)
        guard case .entry(.created(4, _, "doc-4", let fourth, nil, _)) = try feed.lines(count: 1)[0] else {
            Issue.record("expected doc-4's creation")
            return
        }
        #expect(fourth.source == "Lusa")
    }

    /// The feed names the writer's collection first; a follower that names another (its
    /// writer's directory was started afresh) starts again, though the tail still holds
    /// every change after its own.
    @Test func aFollowerOfAnotherCollectionStartsAgain() throws {
        let harness = try WritableServer()
        try ChangesIntegrationTests.makeThreeChanges(try harness.client())
        let identity = try #require(harness.store.identity)
        let other = String(repeating: "0", count: 32)

        let same = try JournalFeedClient(port: harness.server.port, target: "/v1/journal?after=2&collection=\(identity)")
        #expect(try same.lines(count: 2).last == .synced(through: 3))
        #expect(same.collection == identity)
        let elsewhere = try JournalFeedClient(port: harness.server.port, target: "/v1/journal?after=2&collection=\(other)")
        #expect(try elsewhere.lines(count: 1) == [.reset(through: 3)])

        let malformed = try harness.client().get("/v1/journal?after=2&collection=xyz")
        #expect(malformed.statusCode == 400)
        #expect((try malformed.jsonObject()["detail"] as? String)?.contains("collection") == true)
    }

    @Test func aFollowerAheadStartsAgainFromTheCollection() throws {
        let harness = try WritableServer()
        let client = try harness.client()
        try ChangesIntegrationTests.makeThreeChanges(client)

        let feed = try JournalFeedClient(port: harness.server.port, target: "/v1/journal?after=40")
        let lines = try feed.lines(count: 3)

        #expect(lines[0] == .reset(through: 3))
        guard case .entry(.created(2, _, "doc-2", _, _, _)) = lines[1] else {
            Issue.record("expected the one live posted document, got \(lines[1])")
            return
        }
        #expect(lines[2] == .synced(through: 3))
    }

    /// The feed is paced to the follower's reading, not cut off by the stream buffer limit
    /// that bounds event streams: a catch-up and a single document both larger than it arrive.
    @Test func aCatchUpLargerThanTheStreamBufferLimitArrivesWhole() throws {
        var serverConfiguration = ServerConfiguration.testing
        serverConfiguration.streamBufferLimit = 16 * 1024
        let harness = try WritableServer(serverConfiguration: serverConfiguration)
        let client = try harness.client()
        let padding = String(repeating: "The ferry terminal will reopen next week, the port authority said. ", count: 60)
        for number in 1...12 {
            let text = WritableServer.article("Story \(number)") + "\n\n" + padding
            #expect(try client.post("/v1/documents", text).statusCode == 201)
        }

        let feed = try JournalFeedClient(port: harness.server.port, target: "/v1/journal?after=100")
        let lines = try feed.lines(count: 14)
        #expect(lines.first == .reset(through: 12))
        #expect(lines.last == .synced(through: 12))

        let large = WritableServer.article("Long read") + "\n\n" + String(repeating: padding, count: 8)
        #expect(try client.post("/v1/documents", large).statusCode == 201)
        guard case .entry(.created(13, _, _, let submission, _, _)) = try feed.lines(count: 1)[0] else {
            Issue.record("expected the long document")
            return
        }
        #expect(submission.text.utf8.count > serverConfiguration.streamBufferLimit)
    }

    /// A follower that never reads is disconnected once the writes waiting for it pass the
    /// byte cap, while every write succeeds.
    @Test func aFollowerThatNeverReadsIsDisconnectedPastTheByteCap() throws {
        let harness = try WritableServer(options: APIOptions(journalQueueLimit: 32 * 1024))
        let follower = try TestClient(port: harness.server.port, receiveBufferSize: 4096)
        try follower.send(RawRequest.get("/v1/journal"))
        // A long run of one letter ingests quickly: 60 documents make some 3.6 MB, past what
        // the kernel's buffers hold for a 4 KiB reader, and the cap. Eight writers at once,
        // so that the writes are committed (and synced) in groups.
        let padding = String(repeating: "x", count: 60_000)
        let created = Locked(0)
        let port = harness.server.port
        DispatchQueue.concurrentPerform(iterations: 8) { writer in
            guard let client = try? TestClient(port: port) else { return }
            for number in stride(from: writer + 1, through: 64, by: 8) {
                let response = try? client.post("/v1/documents", WritableServer.article("Story \(number)") + "\n\n" + padding)
                if response?.statusCode == 201 { created.withLock { $0 += 1 } }
            }
        }

        #expect(created.withLock { $0 } == 64)
        #expect(follower.isClosedByPeer(within: .seconds(5)))
    }

    @Test func sendsHeartbeatsWhileQuiet() throws {
        let harness = try WritableServer(options: APIOptions(heartbeatInterval: .milliseconds(50)))
        let feed = try JournalFeedClient(port: harness.server.port, target: "/v1/journal")

        #expect(try feed.lines(count: 4) == [.reset(through: 0), .synced(through: 0), .heartbeat, .heartbeat])
    }

    /// A new follower (no `after`, or 0) has no seeds of its own: it gets the writer's, as
    /// ingested there, so it never ingests a text.
    @Test func aNewFollowerGetsTheWritersSeedsAsIngested() throws {
        let harness = try WritableServer()
        try ChangesIntegrationTests.makeThreeChanges(try harness.client())

        let feed = try JournalFeedClient(port: harness.server.port, target: "/v1/journal?after=0")
        let lines = try feed.lines(count: 3)

        #expect(lines.first == .reset(through: 3))
        #expect(lines.last == .synced(through: 3))
        #expect(feed.seeds.map(\.document.id) == APIFixture.articles.map(\.id))
        let ingestor = Ingestor()
        for (seed, article) in zip(feed.seeds, APIFixture.articles) {
            #expect(seed.document == (try ingestor.ingest(text: article.text, id: article.id)))
            #expect(seed.extractorVersion == Ingestor.version)
        }
    }

    @Test func refusesAnAfterThatIsNotAChangeNumber() throws {
        let harness = try WritableServer()
        let response = try harness.client().get("/v1/journal?after=-1")

        #expect(response.statusCode == 400)
        #expect(try response.jsonObject()["detail"] as? String ?? "" != "")
    }
}

/// A raw client of the replication feed, decoding its lines.
final class JournalFeedClient {
    /// The collection identity the feed gave, kept aside from the other lines.
    private(set) var collection: String?
    /// The seeds a reset gave, kept aside from the other lines.
    private(set) var seeds: [IngestedDocument] = []
    private let client: TestClient
    private var pending: [UInt8] = []

    /// Opens `target` and checks the stream head.
    init(port: Int, target: String) throws {
        self.client = try TestClient(port: port)
        try self.client.send(RawRequest.get(target))
        let head = try self.client.readResponseHead()
        try #require(head.statusCode == 200, "\(head)")
        #expect(head["Content-Type"] == JournalWire.mediaType)
        #expect(head["Transfer-Encoding"] == "chunked")
    }

    /// The next `count` lines, decoded.
    func lines(count: Int) throws -> [JournalWire.Line] {
        var lines: [JournalWire.Line] = []
        while lines.count < count {
            if let end = self.pending.firstIndex(of: 0x0A) {
                let line = try JournalWire.decode(self.pending[..<end])
                self.pending.removeSubrange(...end)
                switch line {
                case .collection(let identity): self.collection = identity
                case .seed(let seed): self.seeds.append(seed)
                default: lines.append(line)
                }
                continue
            }
            guard let chunk = try self.client.readChunk() else { throw TestClientError.closedByPeer(receivedBytes: 0) }
            self.pending += chunk
        }
        return lines
    }
}
