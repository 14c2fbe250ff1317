import Access
import API
import Corpus
import DocumentModel
import Extraction
import Foundation
import HTTPClient
import Locking
import Replication
import Store
import Testing
import TestSupport

/// A `Follower` over loopback: a read-only store over the writer's seeds that serves what is
/// written to the writer, and one that waits for a writer that is not there yet.
@Suite(.timeLimit(.minutes(1)))
struct FollowerIntegrationTests {
    /// A read-only store over the fixture seeds, as a replica has.
    static func replicaStore() throws -> DocumentStore {
        let ingestor = Ingestor()
        return try DocumentStore(seeds: APIFixture.articles.map { try ingestor.ingest(text: $0.text, id: $0.id) }, directory: nil, ingestor: Ingestor())
    }

    @Test func servesWhatIsWrittenToTheWriterAfterCatchingUp() throws {
        let writer = try WritableServer()
        let client = try writer.client()
        try ChangesIntegrationTests.makeThreeChanges(client)
        let replica = try Self.replicaStore()
        let events = Locked<[Follower.Event]>([])
        let follower = Follower(writer: Endpoint(host: "127.0.0.1", port: writer.server.port), store: replica) { event in
            events.withLock { $0.append(event) }
        }
        follower.start()
        defer { follower.stop() }

        #expect(eventually { replica.snapshot.version == 3 })
        #expect(replica.snapshot.document(idOrSlug: "doc-2")?.title == "Second story")
        #expect(replica.snapshot.document(idOrSlug: "doc-1") == nil)

        #expect(try client.postJSON("/v1/documents", ["text": WritableServer.article("Fourth story"), "id": "lusa-4"]).statusCode == 201)
        let firstSeed = try #require(APIFixture.articles.first?.id)
        #expect(try client.delete("/v1/documents/\(firstSeed)").statusCode == 204)

        #expect(eventually { replica.snapshot.version == 5 })
        #expect(replica.snapshot.document(idOrSlug: "lusa-4")?.title == "Fourth story")
        #expect(replica.snapshot.document(idOrSlug: firstSeed) == nil)
        #expect(Set(replica.snapshot.documents.map(\.id)) == Set(writer.store.snapshot.documents.map(\.id)))
        let synced = events.withLock { $0 }.compactMap { event -> Int? in
            if case .synced(let through, true) = event { return through }
            return nil
        }
        #expect(synced == [3], "one catch-up: a new follower starts from the writer's seeds and entries")
    }

    @Test func retriesUntilTheWriterAnswersAndReportsWhy() throws {
        let gone = try WritableServer()
        let closedPort = gone.server.port
        _ = gone.server.shutdown()
        let replica = try Self.replicaStore()
        let events = Locked<[Follower.Event]>([])
        var configuration = Follower.Configuration()
        configuration.retryDelay = .milliseconds(10)
        let follower = Follower(writer: Endpoint(host: "127.0.0.1", port: closedPort), store: replica, configuration: configuration) { event in
            events.withLock { $0.append(event) }
        }
        follower.start()
        defer { follower.stop() }

        #expect(eventually { events.withLock { $0.count >= 2 } })
        guard case .disconnected(.connection(.connectionRefused), _) = try #require(events.withLock { $0.first }) else {
            Issue.record("expected a refused connection, got \(events.withLock { $0 })")
            return
        }
    }

    @Test func sendsItsKeyToAWriterThatRequiresOne() throws {
        let replicateKey = NewKey(name: "replica", scopes: [.replicate])
        let writeKey = NewKey(name: "desk", scopes: [.write])
        let policy = AccessPolicy(keyRing: KeyRing(keys: [replicateKey.key, writeKey.key]), isLoopbackOnly: false)
        let writer = try WritableServer(options: APIOptions(access: policy))
        let created = try writer.client().post(
            "/v1/documents", WritableServer.article("Keyed story"), headers: [("Authorization", "Bearer \(writeKey.secret)")])
        try #require(created.statusCode == 201)
        let events = Locked<[Follower.Event]>([])
        var configuration = Follower.Configuration()
        configuration.retryDelay = .milliseconds(10)
        let keyless = Follower(writer: Endpoint(host: "127.0.0.1", port: writer.server.port), store: try Self.replicaStore(), configuration: configuration) {
            event in events.withLock { $0.append(event) }
        }
        keyless.start()
        #expect(eventually { !events.withLock { $0.isEmpty } })
        keyless.stop()
        guard case .disconnected(.unexpectedStatus(401, _), _) = try #require(events.withLock { $0.first }) else {
            Issue.record("expected a 401 without the key, got \(events.withLock { $0 })")
            return
        }

        configuration.key = replicateKey.secret
        let replica = try Self.replicaStore()
        let keyed = Follower(writer: Endpoint(host: "127.0.0.1", port: writer.server.port), store: replica, configuration: configuration)
        keyed.start()
        defer { keyed.stop() }
        #expect(eventually { replica.snapshot.version == 1 })
        #expect(replica.snapshot.document(idOrSlug: "doc-1")?.title == "Keyed story")
    }
}
