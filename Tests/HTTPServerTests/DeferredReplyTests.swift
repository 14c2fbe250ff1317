import HTTPServer
import TestSupport
import Testing

/// Replies completed later, from another queue: in order, to half-closed clients, and during a drain.
@Suite(.timeLimit(.minutes(1)))
struct DeferredReplyTests {
    /// A deferred reply arrives, and the connection stays usable.
    @Test func servesDeferredReply() throws {
        let server = try TestServer.started(responder: ServerTestResponder())
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(RawRequest.get("\(ServerTestResponder.deferredPath)?ms=20"))
        let response = try client.readResponse()
        #expect(response.statusCode == 200)
        #expect(response.bodyText == "deferred")
        #expect(!response.announcesClose)

        try client.send(RawRequest.get("/next"))
        #expect(try client.readResponse()["X-Echo-Path"] == "/next")
    }

    /// Requests pipelined behind a deferred one are answered after it, in order.
    @Test func keepsPipelinedRepliesInOrder() throws {
        let server = try TestServer.started(responder: ServerTestResponder())
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(
            RawRequest.get("/first") + RawRequest.get("\(ServerTestResponder.deferredPath)?ms=100")
                + RawRequest.get("/third") + RawRequest.get("\(ServerTestResponder.deferredPath)?ms=0") + RawRequest.get("/fifth"))

        #expect(try client.readResponse()["X-Echo-Path"] == "/first")
        #expect(try client.readResponse().bodyText == "deferred")
        #expect(try client.readResponse()["X-Echo-Path"] == "/third")
        #expect(try client.readResponse().bodyText == "deferred")
        #expect(try client.readResponse()["X-Echo-Path"] == "/fifth")
    }

    /// A client that shuts down its sending side after the request still gets the reply, then the close.
    @Test func answersHalfClosedClient() throws {
        let server = try TestServer.started(responder: ServerTestResponder())
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(RawRequest.get("\(ServerTestResponder.deferredPath)?ms=100"))
        client.shutdownWrite()

        // Reading is paused while the reply is outstanding, so the server may learn of the
        // half-close only after replying: the close follows the reply either way.
        #expect(try client.readResponse().bodyText == "deferred")
        #expect(client.isClosedByPeer())
    }

    /// A drain waits for an outstanding deferred reply, which goes out with `Connection: close`.
    @Test func drainWaitsForDeferredReply() throws {
        let server = try TestServer.started(responder: ServerTestResponder())
        let client = try server.makeClient()
        try client.send(RawRequest.get("\(ServerTestResponder.deferredPath)?ms=300"))
        try #require(server.waitForOpenConnections(1))

        server.beginShutdown(gracePeriod: .seconds(5))

        let response = try client.readResponse()
        #expect(response.bodyText == "deferred")
        #expect(response.announcesClose)
        #expect(server.waitForShutdown(timeout: .seconds(5)))
    }
}
