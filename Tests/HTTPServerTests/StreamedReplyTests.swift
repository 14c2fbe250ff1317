import HTTPServer
import TestSupport
import Testing

/// Streamed replies: chunked framing, HTTP/1.0, `HEAD`, fan-out, vanished and slow clients, shutdown.
@Suite(.timeLimit(.minutes(1)))
struct StreamedReplyTests {
    /// A finite stream arrives as chunks in order, ends with the last chunk, and the connection closes.
    @Test func sendsChunksThenEnds() throws {
        let server = try TestServer.started(responder: ServerTestResponder())
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(RawRequest.get("\(ServerTestResponder.streamPath)?count=50"))
        let response = try client.readResponse()

        #expect(response.statusCode == 200)
        #expect(response["Transfer-Encoding"] == "chunked")
        #expect(response["Content-Length"] == nil)
        #expect(response.announcesClose)
        #expect(response.bodyText == (0..<50).map { "piece \($0)\n" }.joined())
        #expect(client.isClosedByPeer())
    }

    /// HTTP/1.0 has no chunked coding: the body is sent as is and ends with the connection.
    @Test func closeDelimitsStreamForHTTP10() throws {
        let server = try TestServer.started(responder: ServerTestResponder())
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send("GET \(ServerTestResponder.streamPath)?count=3 HTTP/1.0\r\n\r\n")
        let response = try client.readResponse()

        #expect(response["Transfer-Encoding"] == nil)
        #expect(response["Content-Length"] == nil)
        #expect(response.bodyText == "piece 0\npiece 1\npiece 2\n")
    }

    /// `HEAD` gets the stream's head and no body; the producer is told at once, and the connection stays open.
    @Test func answersHEADWithoutStreaming() throws {
        let responder = ServerTestResponder()
        let server = try TestServer.started(responder: responder)
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(RawRequest.make("HEAD", ServerTestResponder.feedPath))
        let response = try client.readResponse(forHEADRequest: true)
        #expect(response.statusCode == 200)
        #expect(response["Content-Type"] == "text/event-stream")
        #expect(responder.feeds.endedCount == 1)

        try client.send(RawRequest.get("/after"))
        #expect(try client.readResponse()["X-Echo-Path"] == "/after")
    }

    /// Two clients of one feed receive the same pieces in the same order.
    @Test func fansOutToEveryClient() throws {
        let responder = ServerTestResponder()
        let server = try TestServer.started(responder: responder)
        defer { server.shutdown() }
        let clients = try (0..<2).map { _ in try server.makeClient() }
        for client in clients {
            try client.send(RawRequest.get(ServerTestResponder.feedPath))
            #expect(try client.readResponseHead()["Transfer-Encoding"] == "chunked")
        }
        try #require(eventually { responder.feeds.openCount == 2 })

        for index in 0..<5 { #expect(responder.feeds.broadcast(Array("event \(index)\n".utf8)) == 2) }

        for client in clients {
            for index in 0..<5 { #expect(try client.readChunk() == Array("event \(index)\n".utf8)) }
        }
    }

    /// A client that goes away ends its stream, and the producer is told.
    @Test func endsStreamWhenClientLeaves() throws {
        let responder = ServerTestResponder()
        let server = try TestServer.started(responder: responder)
        defer { server.shutdown() }
        let client = try server.makeClient()
        try client.send(RawRequest.get(ServerTestResponder.feedPath))
        _ = try client.readResponseHead()
        try #require(eventually { responder.feeds.openCount == 1 })

        client.close()

        #expect(eventually { responder.feeds.endedCount == 1 && server.openConnectionCount == 0 })
    }

    /// A client that stops reading is cut off once its unsent bytes pass the limit, while
    /// another client of the same feed keeps receiving.
    @Test func disconnectsSlowConsumer() throws {
        var configuration = ServerConfiguration.testing
        configuration.streamBufferLimit = 256 * 1024
        let responder = ServerTestResponder()
        let server = try TestServer.started(configuration: configuration, responder: responder)
        defer { server.shutdown() }
        let slow = try server.makeClient(receiveBufferSize: 4096)
        let reader = try server.makeClient()
        for client in [slow, reader] { try client.send(RawRequest.get(ServerTestResponder.feedPath)) }
        _ = try reader.readResponseHead()
        try #require(eventually { responder.feeds.openCount == 2 })

        let piece = [UInt8](repeating: UInt8(ascii: "x"), count: 16 * 1024)
        var sent = 0
        while responder.feeds.openCount == 2 && sent < 1000 {
            responder.feeds.broadcast(piece)
            #expect(try reader.readChunk() == piece)
            sent += 1
        }

        #expect(responder.feeds.openCount == 1)
        #expect(responder.feeds.endedCount == 1)
        #expect(sent < 1000)
        responder.feeds.broadcast(Array("still here".utf8))
        #expect(try reader.readChunk() == Array("still here".utf8))
    }

    /// A producer that aborts its stream has the connection closed at once, with no last
    /// chunk, even while a client that stopped reading has bytes outstanding.
    @Test func abortClosesAtOnceWithoutTheLastChunk() throws {
        let responder = ServerTestResponder()
        let server = try TestServer.started(responder: responder)
        defer { server.shutdown() }
        let client = try server.makeClient(receiveBufferSize: 4096)
        try client.send(RawRequest.get(ServerTestResponder.feedPath))
        try #require(eventually { responder.feeds.openCount == 1 })
        responder.feeds.broadcast([UInt8](repeating: UInt8(ascii: "x"), count: 512 * 1024))

        responder.feeds.abortAll()

        #expect(eventually { responder.feeds.endedCount == 1 && server.openConnectionCount == 0 })
        let received = (try? client.readUntilClosed()) ?? []
        #expect(!received.suffix(5).elementsEqual(Array("0\r\n\r\n".utf8)), "no last chunk")
    }

    /// Shutdown ends open streams cleanly (the last chunk, then the close) and completes.
    @Test func shutdownEndsStreams() throws {
        let responder = ServerTestResponder()
        let server = try TestServer.started(responder: responder)
        let client = try server.makeClient()
        try client.send(RawRequest.get(ServerTestResponder.feedPath))
        _ = try client.readResponseHead()
        try #require(eventually { responder.feeds.openCount == 1 })

        server.beginShutdown(gracePeriod: .seconds(5))

        #expect(try client.readChunk() == nil)
        #expect(client.isClosedByPeer())
        #expect(server.waitForShutdown(timeout: .seconds(3)))
        #expect(responder.feeds.endedCount == 1)
    }

    /// A stream ended with nothing sent is an empty chunked body.
    @Test func endsEmptyStream() throws {
        let server = try TestServer.started(responder: ServerTestResponder())
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(RawRequest.get("\(ServerTestResponder.streamPath)?count=0"))
        let response = try client.readResponse()

        #expect(response.statusCode == 200)
        #expect(response.body.isEmpty)
    }
}
