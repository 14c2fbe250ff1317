import Foundation
import Dispatch
import HTTPServer
import Locking
import Synchronization
import TestSupport
import Testing

/// The connection limit, and many connections served at once.
@Suite(.timeLimit(.minutes(1)))
struct ConnectionLimitTests {
    /// At `maxConnections` 2, a third connection gets 503 without sending anything and is closed,
    /// while the first two keep working.
    @Test func refusesConnectionOverLimitWith503() throws {
        var configuration = ServerConfiguration.testing
        configuration.maxConnections = 2
        let server = try TestServer.started(configuration: configuration, responder: ServerTestResponder())
        defer { server.shutdown() }
        let first = try server.makeClient()
        let second = try server.makeClient()
        try #require(server.waitForOpenConnections(2))

        let third = try server.makeClient()
        let refusal = try third.readResponse()

        #expect(refusal.statusCode == 503)
        #expect(refusal["Date"] != nil && refusal["Server"] != nil && refusal["Content-Length"] != nil)
        #expect(refusal.announcesClose)
        #expect(third.isClosedByPeer())
        #expect(server.waitForOpenConnections(2))
        for client in [first, second] {
            try client.send(RawRequest.get("/still-served"))
            #expect(try client.readResponse().statusCode == 200)
        }
    }

    /// Above `maxConnections`, reserved connections still answer the probe paths, and refuse
    /// anything else with 503: a server full of idle streams still tells its orchestrator it
    /// is alive.
    @Test func reservedConnectionsServeProbesOnly() throws {
        var configuration = ServerConfiguration.testing
        configuration.maxConnections = 1
        configuration.reservedProbeConnections = 2
        configuration.probePaths = ["/healthz"]
        let server = try TestServer.started(configuration: configuration, responder: ServerTestResponder())
        defer { server.shutdown() }
        let holder = try server.makeClient()
        try #require(server.waitForOpenConnections(1))

        let probe = try server.makeClient()
        try probe.send(RawRequest.get("/healthz"))
        let probed = try probe.readResponse()
        let other = try server.makeClient()
        try other.send(RawRequest.get("/v1/documents"))
        let refused = try other.readResponse()
        let beyond = try server.makeClient()
        let beyondReserve = try beyond.readResponse()

        #expect(probed.statusCode == 200)
        #expect(refused.statusCode == 503)
        #expect(other.isClosedByPeer())
        #expect(beyondReserve.statusCode == 503)
        try holder.send(RawRequest.get("/still-served"))
        #expect(try holder.readResponse().statusCode == 200)
    }

    /// One address may hold `maxConnectionsPerAddress` connections; the next gets 429 and is
    /// closed, and a closed one frees its place. (Loopback peers are exempt by default; the
    /// test's loopback client is counted as any other address would be.)
    @Test func capsConnectionsPerAddress() throws {
        var configuration = ServerConfiguration.testing
        configuration.maxConnectionsPerAddress = 2
        configuration.capsLoopbackPeers = true
        let server = try TestServer.started(configuration: configuration, responder: ServerTestResponder())
        defer { server.shutdown() }
        let first = try server.makeClient()
        let second = try server.makeClient()
        try #require(server.waitForOpenConnections(2))

        let third = try server.makeClient()
        #expect(try third.readResponse().statusCode == 429)
        #expect(third.isClosedByPeer())
        first.close()
        #expect(server.waitForOpenConnections(1))
        let fourth = try server.makeClient()
        try fourth.send(RawRequest.get("/after-close"))
        #expect(try fourth.readResponse().statusCode == 200)
        try second.send(RawRequest.get("/still-served"))
        #expect(try second.readResponse().statusCode == 200)
    }

    /// Bodies still arriving share one memory budget: a body that takes the total past it
    /// gets 503 and its connection is closed, while the body already counted completes, and
    /// a closed connection gives its share back.
    @Test func bodiesInFlightShareOneBudget() throws {
        var configuration = ServerConfiguration.testing
        configuration.maxBodyBytesInFlight = 1000
        let server = try TestServer.started(configuration: configuration, responder: ServerTestResponder())
        defer { server.shutdown() }
        let first = try server.makeClient()
        try first.send("POST /first HTTP/1.1\r\nHost: test\r\nContent-Length: 1200\r\n\r\n" + String(repeating: "a", count: 800))
        try #require(first.waitUntilAcknowledged())
        Thread.sleep(forTimeInterval: 0.1)

        let second = try server.makeClient()
        try second.send("POST /second HTTP/1.1\r\nHost: test\r\nContent-Length: 500\r\n\r\n" + String(repeating: "b", count: 300))
        let refused = try second.readResponse()
        try first.send(String(repeating: "a", count: 400))
        let completed = try first.readResponse()
        let third = try server.makeClient()
        try third.send("POST /third HTTP/1.1\r\nHost: test\r\nContent-Length: 900\r\n\r\n" + String(repeating: "c", count: 900))
        let afterwards = try third.readResponse()

        #expect(refused.statusCode == 503)
        #expect(second.isClosedByPeer())
        #expect(completed.statusCode == 200 && completed.body.count == 1200)
        #expect(afterwards.statusCode == 200)
    }

    /// 100 connections open at once, driven from four threads, each make five requests and
    /// every response matches its request.
    @Test func servesHundredConcurrentConnections() throws {
        let connections = 100
        let threads = 4
        let rounds = 5
        let server = try TestServer.started(responder: ServerTestResponder())
        defer { server.shutdown() }
        let clients = try (0..<connections).map { _ in try server.makeClient() }
        try #require(server.waitForOpenConnections(connections))

        let failures = Locked<[String]>([])
        let successes = Atomic<Int>(0)
        let groups = ClientGroups(clients: clients, count: threads)
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            let mine = groups.clients(of: thread)
            do {
                for round in 0..<rounds {
                    // Send on every connection first, so all of them have a request in flight.
                    for (index, client) in mine {
                        try client.send(RawRequest.make("POST", "/c\(index)/r\(round)", body: "\(index):\(round)"))
                    }
                    for (index, client) in mine {
                        let response = try client.readResponse()
                        if response.statusCode == 200 && response["X-Echo-Path"] == "/c\(index)/r\(round)"
                            && response.bodyText == "\(index):\(round)"
                        {
                            successes.add(1, ordering: .relaxed)
                        } else {
                            failures.withLock { $0.append("connection \(index) round \(round): \(response.statusCode)") }
                        }
                    }
                }
            } catch {
                failures.withLock { $0.append("thread \(thread): \(error)") }
            }
        }

        #expect(failures.withLock { $0 }.isEmpty)
        #expect(successes.load(ordering: .relaxed) == connections * rounds)
        #expect(server.openConnectionCount == connections)
    }
}

/// Clients split into disjoint groups, one per thread.
///
/// - Note: `@unchecked Sendable` because each group's clients are used by exactly one thread
///   of `concurrentPerform`, and the array itself is never mutated.
private final class ClientGroups: @unchecked Sendable {
    private let clients: [TestClient]
    private let count: Int

    init(clients: [TestClient], count: Int) {
        self.clients = clients
        self.count = count
    }

    /// The clients with their overall index for thread `group`.
    func clients(of group: Int) -> [(Int, TestClient)] {
        self.clients.indices.filter { $0 % self.count == group }.map { ($0, self.clients[$0]) }
    }
}
