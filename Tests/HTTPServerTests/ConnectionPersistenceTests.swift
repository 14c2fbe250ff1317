import HTTPServer
import TestSupport
import Testing

/// Keep-alive, `Connection: close`, HTTP/1.0, pipelining and split input, over loopback.
@Suite(.timeLimit(.minutes(1)))
struct ConnectionPersistenceTests {
    /// Several requests one after another on one connection each get their own response.
    @Test func servesSeveralRequestsOnOneConnection() throws {
        let server = try TestServer.started(responder: ServerTestResponder())
        defer { server.shutdown() }
        let client = try server.makeClient()

        for index in 0..<3 {
            try client.send(RawRequest.get("/item/\(index)?n=\(index)"))
            let response = try client.readResponse()
            #expect(response.statusCode == 200)
            #expect(response["X-Echo-Path"] == "/item/\(index)")
            #expect(response["X-Echo-Query"] == "n=\(index)")
            #expect(!response.announcesClose)
        }
        #expect(server.openConnectionCount == 1)
    }

    /// An HTTP/1.0 request without `Connection: keep-alive` is answered, then the connection closes.
    @Test func closesHTTP10ConnectionByDefault() throws {
        let server = try TestServer.started(responder: ServerTestResponder())
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send("GET /old HTTP/1.0\r\n\r\n")
        let response = try client.readResponse()

        #expect(response.statusCode == 200)
        #expect(response["X-Echo-Version"] == "HTTP/1.0")
        #expect(response.announcesClose)
        #expect(client.isClosedByPeer())
    }

    /// An HTTP/1.0 request with `Connection: keep-alive` keeps the connection and says so.
    @Test func keepsHTTP10ConnectionWhenAsked() throws {
        let server = try TestServer.started(responder: ServerTestResponder())
        defer { server.shutdown() }
        let client = try server.makeClient()

        for path in ["/first", "/second"] {
            try client.send("GET \(path) HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.statusCode == 200)
            #expect(response["X-Echo-Path"] == path)
            #expect(response["Connection"] == "keep-alive")
        }
    }

    /// `Connection: close` on an HTTP/1.1 request closes the connection after its response.
    @Test func closesAfterResponseWhenClientSendsConnectionClose() throws {
        let server = try TestServer.started(responder: ServerTestResponder())
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(RawRequest.get("/bye", headers: [("Connection", "close")]))
        let response = try client.readResponse()

        #expect(response.statusCode == 200)
        #expect(response.announcesClose)
        #expect(client.isClosedByPeer())
    }

    /// Requests sent in one write are answered strictly in order, HEAD and bodies included.
    @Test func answersPipelinedRequestsInOrder() throws {
        let server = try TestServer.started(responder: ServerTestResponder())
        defer { server.shutdown() }
        let client = try server.makeClient()
        let requests = [
            RawRequest.get("/one"),
            RawRequest.make("POST", "/two", body: "second body"),
            RawRequest.head("/three"),
            RawRequest.make("PUT", "/four", body: ""),
            RawRequest.get("/five", headers: [("X-Test", "last")]),
        ]

        try client.send(requests.joined())
        let responses = try [false, false, true, false, false].map { isHead in try client.readResponse(forHEADRequest: isHead) }

        #expect(responses.map(\.statusCode) == [200, 200, 200, 200, 200])
        #expect(responses.map { $0["X-Echo-Path"] } == ["/one", "/two", "/three", "/four", "/five"])
        #expect(responses.map { $0["X-Echo-Method"] } == ["GET", "POST", "HEAD", "PUT", "GET"])
        #expect(responses[1].bodyText == "second body")
        #expect(responses[4]["X-Echo-Header"] == "last")
    }

    /// Requests pipelined after one that says `Connection: close` are not answered.
    @Test func ignoresRequestsPipelinedAfterConnectionClose() throws {
        let server = try TestServer.started(responder: ServerTestResponder())
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(RawRequest.get("/last", headers: [("Connection", "close")]) + RawRequest.get("/ignored"))
        let response = try client.readResponse()

        #expect(response["X-Echo-Path"] == "/last")
        #expect(response.announcesClose)
        #expect(try client.readUntilClosed().isEmpty)
    }

    /// Pipelined requests before a malformed one are answered in order; the malformed one
    /// gets 400 and the connection closes.
    @Test func answersPipelinedRequestsBeforeMalformedOne() throws {
        let server = try TestServer.started(responder: ServerTestResponder())
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(RawRequest.get("/good") + "GET /bad HTTP/1.1\r\n\r\n" + RawRequest.get("/never"))
        let good = try client.readResponse()
        let bad = try client.readResponse()

        #expect(good.statusCode == 200)
        #expect(good["X-Echo-Path"] == "/good")
        #expect(bad.statusCode == 400)
        #expect(bad.announcesClose)
        #expect(try client.readUntilClosed().isEmpty)
    }

    /// A request that arrives one byte per segment is parsed exactly as if sent whole.
    @Test func parsesRequestSentOneByteAtATime() throws {
        let server = try TestServer.started(responder: ServerTestResponder())
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.sendByteAtATime(
            RawRequest.make("POST", "/slow?q=1", headers: [("X-Test", "trickle")], body: "byte by byte"))
        let response = try client.readResponse()

        #expect(response.statusCode == 200)
        #expect(response["X-Echo-Path"] == "/slow")
        #expect(response["X-Echo-Query"] == "q=1")
        #expect(response["X-Echo-Header"] == "trickle")
        #expect(response.bodyText == "byte by byte")
    }
}
