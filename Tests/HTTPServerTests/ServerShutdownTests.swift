import Glibc
@testable import HTTPServer
import TestSupport
import Testing

/// Graceful shutdown with a request in flight: the listener stops, idle connections close,
/// the in-flight request is answered with `Connection: close`, then the completion runs.
@Suite(.timeLimit(.minutes(1)))
struct ServerShutdownTests {
    /// A server with one request held inside the responder and one idle keep-alive connection.
    ///
    /// The busy connection is accepted first and the idle one second, so with two workers
    /// served round-robin they sit on different worker queues and the held request does not
    /// stop the idle connection's worker.
    struct Scenario {
        let server: TestServer
        let gate = ServerTestResponder.Gate()
        let busy: TestClient
        let idle: TestClient

        init() throws {
            self.server = try TestServer.started(responder: ServerTestResponder(gate: self.gate))
            self.busy = try self.server.makeClient()
            try #require(self.server.waitForOpenConnections(1))
            self.idle = try self.server.makeClient()
            try #require(self.server.waitForOpenConnections(2))
            try self.idle.send(RawRequest.get("/warm-up"))
            try #require(try self.idle.readResponse().statusCode == 200)
            try self.busy.send(RawRequest.get(ServerTestResponder.blockPath))
            try #require(self.gate.entered.wait(timeout: .seconds(3)))
        }

        /// Lets the held request finish and waits for the drain (if any) to complete.
        func finish() -> Bool {
            self.gate.release.open()
            return self.server.shutdown()
        }
    }

    /// Once shutdown begins, connecting fails with `ECONNREFUSED` even while a request is in flight.
    @Test func refusesNewConnectionsWhileDraining() throws {
        let scenario = try Scenario()
        defer { _ = scenario.finish() }

        scenario.server.beginShutdown()

        let refused = eventually {
            do throws(TestClientError) {
                _ = try TestClient(port: scenario.server.port)
                return false  // accepted before the listener closed; try again
            } catch {
                return error == .systemCall("connect", errno: ECONNREFUSED)
            }
        }
        #expect(refused)
    }

    /// An idle keep-alive connection is closed as soon as shutdown begins.
    @Test func closesIdleConnectionsAtOnce() throws {
        let scenario = try Scenario()
        defer { _ = scenario.finish() }

        scenario.server.beginShutdown()

        #expect(scenario.idle.isClosedByPeer())
        #expect(!scenario.server.hasCompletedShutdown)  // the held request still keeps it open
    }

    /// The request in flight when shutdown begins gets its whole response, marked
    /// `Connection: close`, and then its connection is closed.
    @Test func answersInFlightRequestWithConnectionClose() throws {
        let scenario = try Scenario()
        defer { _ = scenario.finish() }

        scenario.server.beginShutdown()
        scenario.gate.release.open()
        let response = try scenario.busy.readResponse()

        #expect(response.statusCode == 200)
        #expect(response.bodyText == "released")
        #expect(response.announcesClose)
        #expect(scenario.busy.isClosedByPeer())
    }

    /// The completion runs once the last connection has closed, well within the grace period.
    @Test func runsCompletionWhenLastConnectionCloses() throws {
        let scenario = try Scenario()
        scenario.server.beginShutdown(gracePeriod: .seconds(10))
        #expect(!scenario.server.waitForShutdown(timeout: .milliseconds(100)))

        let started = ContinuousClock.now
        scenario.gate.release.open()
        _ = try scenario.busy.readResponse()

        #expect(scenario.server.waitForShutdown(timeout: .seconds(3)))
        #expect(ContinuousClock.now - started < .seconds(3))
        #expect(scenario.server.openConnectionCount == 0)
    }

    /// A connection the kernel had queued but the listener had not yet accepted when the drain
    /// began is still accepted and answered: the drain does not finish (and the process exit)
    /// with it waiting.
    @Test func answersAConnectionQueuedButNotYetAcceptedAtShutdown() throws {
        let server = try TestServer.started(responder: ServerTestResponder())
        // Hold the listener's queue, so the connection below waits in the kernel's backlog.
        server.server.listener.queue.async { usleep(300_000) }
        let client = try server.makeClient()
        try client.send("GET /hello HTTP/1.1\r\nHost: te")
        #expect(client.waitUntilAcknowledged())

        server.beginShutdown(gracePeriod: .seconds(10))
        #expect(!server.waitForShutdown(timeout: .milliseconds(100)), "the queued connection is open")
        try client.send("st\r\n\r\n")
        let response = try client.readResponse()

        #expect(response.statusCode == 200)
        #expect(response.announcesClose)
        #expect(server.waitForShutdown(timeout: .seconds(3)))
    }

    /// A connection stuck mid-request past the grace period is closed and the completion still runs.
    @Test func closesStuckConnectionsAfterGracePeriod() throws {
        let server = try TestServer.started(responder: ServerTestResponder())
        let client = try server.makeClient()
        try client.send("GET /half HTTP/1.1\r\nHost: te")
        try #require(server.waitForOpenConnections(1))

        server.beginShutdown(gracePeriod: .milliseconds(200))

        #expect(server.waitForShutdown(timeout: .seconds(3)))
        #expect(client.isClosedByPeer())
        #expect(server.openConnectionCount == 0)
    }
}
