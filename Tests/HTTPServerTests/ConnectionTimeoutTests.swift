import Foundation
import HTTPServer
import TestSupport
import Testing

/// The header timeout and the keep-alive idle timeout, with both shortened to 300 ms.
@Suite(.timeLimit(.minutes(1)))
struct ConnectionTimeoutTests {
    static let timeout = Duration.milliseconds(300)

    /// A client that starts a head and never finishes it gets 408, then the connection closes.
    @Test func answers408WhenHeadDoesNotArriveInTime() throws {
        var configuration = ServerConfiguration.testing
        configuration.headerTimeout = Self.timeout
        let server = try TestServer.started(configuration: configuration, responder: ServerTestResponder())
        defer { server.shutdown() }
        let client = try server.makeClient()
        let started = ContinuousClock.now

        try client.send("GET /never-finished HTTP/1.1\r\nHost: test\r\nX-Test: still typ")
        let response = try client.readResponse()

        #expect(ContinuousClock.now - started >= Self.timeout)
        #expect(response.statusCode == 408)
        #expect(response.announcesClose)
        #expect(client.isClosedByPeer())
    }

    /// A body trickled a byte at a time, each within the idle timeout, still gets 408 once the
    /// body timeout has passed since its head: a slow sender cannot hold a connection.
    @Test func answers408WhenBodyTricklesPastTheBodyTimeout() throws {
        var configuration = ServerConfiguration.testing
        configuration.bodyTimeout = Self.timeout
        let server = try TestServer.started(configuration: configuration, responder: ServerTestResponder())
        defer { server.shutdown() }
        let client = try server.makeClient()
        let started = ContinuousClock.now

        try client.send("POST /upload HTTP/1.1\r\nHost: test\r\nContent-Length: 1000000\r\n\r\n")
        for _ in 0..<4 {
            try client.send("x")
            Thread.sleep(forTimeInterval: 0.1)
        }
        let response = try client.readResponse()

        #expect(ContinuousClock.now - started >= Self.timeout)
        #expect(response.statusCode == 408)
        #expect(client.isClosedByPeer())
    }

    /// A keep-alive connection with nothing to do is closed once the idle timeout passes.
    @Test func closesIdleKeepAliveConnection() throws {
        var configuration = ServerConfiguration.testing
        configuration.idleTimeout = Self.timeout
        let server = try TestServer.started(configuration: configuration, responder: ServerTestResponder())
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(RawRequest.get("/once"))
        let response = try client.readResponse()
        let answered = ContinuousClock.now
        #expect(response.statusCode == 200)
        #expect(!response.announcesClose)

        #expect(client.isClosedByPeer(within: .seconds(3)))
        #expect(ContinuousClock.now - answered >= Self.timeout - .milliseconds(50))
        #expect(server.waitForOpenConnections(0))
    }
}
