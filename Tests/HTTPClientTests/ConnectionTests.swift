import Dispatch
import HTTPClient
import Testing

/// `Connection` against a scripted loopback server: each framing, each malformed response,
/// timeouts, refusal and cancellation.
struct ConnectionTests {
    /// Sends `GET /` to a server that answers `response`, and reads the head.
    private func exchange(_ response: String, configuration: Connection.Configuration = Connection.Configuration()) throws
        -> (ScriptedServer, Connection, ResponseHead)
    {
        let server = try ScriptedServer(answer: response)
        let connection = try Connection(to: server.endpoint(), configuration: configuration)
        try connection.send(method: "GET")
        return (server, connection, try connection.readHead())
    }

    /// Every remaining piece of the body, concatenated.
    private func body(of connection: Connection) throws -> String {
        var bytes: [UInt8] = []
        while let piece = try connection.nextBodyChunk() {
            #expect(!piece.isEmpty)
            bytes += piece
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func readsContentLengthBody() throws {
        let (_, connection, head) = try self.exchange("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello")
        #expect(head.status == 200)
        #expect(try self.body(of: connection) == "hello")
    }

    @Test func readsChunkedBodyWithExtensionsAndTrailers() throws {
        let (_, connection, _) = try self.exchange(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value;q=\"a; b\"\r\nhello\r\n6 ; last\r\n world\r\n0\r\nX-Checksum: abc\r\nX-Count: 2\r\n\r\n")
        #expect(try self.body(of: connection) == "hello world")
        #expect(connection.trailers == [HeaderField(name: "X-Checksum", value: "abc"), HeaderField(name: "X-Count", value: "2")])
    }

    @Test func readsCloseDelimitedBody() throws {
        let (_, connection, _) = try self.exchange("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end")
        #expect(try self.body(of: connection) == "until the end")
    }

    @Test func skipsInterimResponses() throws {
        let (_, connection, head) = try self.exchange("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok")
        #expect(head.status == 201)
        #expect(try self.body(of: connection) == "ok")
    }

    @Test func rejectsBadStatusLine() throws {
        #expect(throws: HTTPClientError.malformedStatusLine("HTTP/1.1 OK")) { try self.exchange("HTTP/1.1 OK\r\n\r\n") }
    }

    @Test func rejectsHeadOverTheLimit() throws {
        var configuration = Connection.Configuration()
        configuration.maxHeadBytes = 1024
        let padding = String(repeating: "X-Padding: \(String(repeating: "p", count: 100))\r\n", count: 20)
        #expect(throws: HTTPClientError.headTooLarge(limit: 1024)) {
            try self.exchange("HTTP/1.1 200 OK\r\n\(padding)\r\n", configuration: configuration)
        }
    }

    @Test(arguments: [
        ("zz\r\n", HTTPClientError.malformedChunk("chunk-size line 'zz'")),
        ("5\nhello\r\n0\r\n\r\n", .malformedChunk("line ended by LF without CR")),
        ("3\r\nhello\r\n0\r\n\r\n", .malformedChunk("chunk data longer than its size")),
        ("5;\r\nhello\r\n0\r\n\r\n", .malformedChunk("chunk extension in '5;'")),
        ("1;" + String(repeating: "a", count: 5000) + "\r\n", .chunkLineTooLong(limit: 4096)),
        ("5\r\nhel", .closedByPeer(during: .receive)),
        ("0\r\nBad trailer\r\n\r\n", .malformedHeaderField("Bad trailer")),
    ])
    func rejectsMalformedChunkedBody(_ chunks: String, expected: HTTPClientError) throws {
        let (_, connection, _) = try self.exchange("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks)
        #expect(throws: expected) { try self.body(of: connection) }
    }

    @Test func contentLengthBodyCutShortIsClosedByPeer() throws {
        let (_, connection, _) = try self.exchange("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort")
        #expect(throws: HTTPClientError.closedByPeer(during: .receive)) { try self.body(of: connection) }
    }

    @Test func serverClosingBeforeAnsweringIsClosedByPeer() throws {
        #expect(throws: HTTPClientError.closedByPeer(during: .receive)) { try self.exchange("") }
    }

    /// A server that accepts and never answers: the read times out.
    @Test func silentServerTimesOut() throws {
        let server = try ScriptedServer(.holdOpen)
        var configuration = Connection.Configuration()
        configuration.receiveTimeout = .milliseconds(200)
        let connection = try Connection(to: server.endpoint(), configuration: configuration)
        try connection.send(method: "GET")
        #expect(throws: HTTPClientError.timedOut(.receive)) { try connection.readHead() }
    }

    /// The connection's deadline bounds a wait whatever the configured timeout.
    @Test func deadlineBoundsEveryWait() throws {
        let server = try ScriptedServer(.holdOpen)
        let connection = try Connection(to: server.endpoint(), deadline: .now + .milliseconds(200))
        try connection.send(method: "GET")
        #expect(throws: HTTPClientError.timedOut(.receive)) { try connection.readHead() }
    }

    @Test func refusedConnection() throws {
        let port = try RefusingPort()
        #expect(throws: HTTPClientError.connectionRefused) { try Connection(to: port.endpoint) }
    }

    /// `cancel()` from another thread ends a read blocked waiting for the server.
    @Test func cancellationFromAnotherThreadEndsABlockedRead() throws {
        let server = try ScriptedServer(.holdOpen)
        let connection = try Connection(to: server.endpoint())
        try connection.send(method: "GET")
        let cancellation = connection.cancellation
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(50)) { cancellation.cancel() }
        #expect(throws: HTTPClientError.cancelled) { try connection.readHead() }
        #expect(throws: HTTPClientError.cancelled) { try connection.send(method: "GET") }
    }

    @Test(arguments: [("G T", "/", "G T"), ("", "/", ""), ("GET", "no-slash", "no-slash"), ("GET", "/a b", "/a b"), ("GET", "/a\r\nX: 1", "/a\r\nX: 1")])
    func rejectsRequestLineThatWouldBreakFraming(_ method: String, target: String, culprit: String) throws {
        let server = try ScriptedServer(.holdOpen)
        let connection = try Connection(to: server.endpoint())
        #expect(throws: HTTPClientError.invalidRequestField(culprit)) { try connection.send(method: method, target: target) }
    }

    @Test func rejectsFieldValueWithLineBreak() throws {
        let server = try ScriptedServer(.holdOpen)
        let connection = try Connection(to: server.endpoint())
        #expect(throws: HTTPClientError.invalidRequestField("X-Id: 1\r\nX-Evil: 2")) {
            try connection.send(method: "GET", headers: [HeaderField(name: "X-Id", value: "1\r\nX-Evil: 2")])
        }
    }
}
