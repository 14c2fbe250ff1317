import HTTPClient
import Testing
import TestSupport

/// `get(_:timeout:maxBodyBytes:)` and `Connection` against the project's own server.
@Suite(.serialized)
struct GetTests {
    private let server: TestServer

    init() throws {
        self.server = try TestServer.started(responder: ClientTestResponder())
    }

    private func endpoint(_ path: String) -> Endpoint {
        Endpoint(host: "127.0.0.1", port: self.server.port, path: path)
    }

    @Test func getReadsStatusHeadersAndBody() throws {
        let response = try HTTPClient.get(self.endpoint("/echo?x=1"), timeout: .seconds(5))
        #expect(response.status == 200)
        #expect(response.headers.value(of: "Content-Type") == "text/plain")
        let lines = String(decoding: response.body, as: UTF8.self).split(separator: "\n")
        #expect(lines == ["GET /echo?x=1", "host 127.0.0.1:\(self.server.port)", "connection close"])
    }

    @Test func getReturnsOtherStatuses() throws {
        #expect(try HTTPClient.get(self.endpoint("/missing")).status == 404)
    }

    @Test func getReadsAStreamedChunkedBody() throws {
        let response = try HTTPClient.get(self.endpoint("/stream?count=50"))
        #expect(response.headers.value(of: "Transfer-Encoding") == "chunked")
        let expected = (0..<50).map { "piece \($0)\n" }.joined()
        #expect(String(decoding: response.body, as: UTF8.self) == expected)
    }

    @Test func getRejectsBodyOverTheCap() throws {
        #expect(throws: HTTPClientError.bodyTooLarge(limit: 1000)) {
            try HTTPClient.get(self.endpoint("/bytes?count=1001"), maxBodyBytes: 1000)
        }
        #expect(try HTTPClient.get(self.endpoint("/bytes?count=1000"), maxBodyBytes: 1000).body.count == 1000)
    }

    @Test func getOfRefusedPortThrowsConnectionRefused() throws {
        let port = try RefusingPort()
        #expect(throws: HTTPClientError.connectionRefused) { try HTTPClient.get(port.endpoint, timeout: .seconds(2)) }
    }

    /// A response read to its end leaves a keep-alive connection ready for the next request.
    @Test func connectionCarriesRequestsOneAfterAnother() throws {
        let connection = try Connection(to: self.endpoint("/bytes?count=3"))
        for count in [3, 0, 70_000] {
            try connection.send(method: "GET", target: "/bytes?count=\(count)")
            #expect(try connection.readHead().status == 200)
            var body: [UInt8] = []
            while let piece = try connection.nextBodyChunk() { body += piece }
            #expect(body.count == count)
        }
    }

    /// `HEAD` is answered with the `GET` length and no body, which must not be waited for.
    @Test func headResponseHasNoBody() throws {
        let connection = try Connection(to: self.endpoint("/bytes?count=10"))
        try connection.send(method: "HEAD")
        #expect(try connection.readHead().headers.value(of: "Content-Length") == "10")
        #expect(try connection.nextBodyChunk() == nil)
    }

    /// A stream pulled piece by piece: pieces arrive as the server sends them.
    @Test func nextBodyChunkYieldsAStreamAsItArrives() throws {
        let connection = try Connection(to: self.endpoint("/stream?count=3"))
        try connection.send(method: "GET")
        _ = try connection.readHead()
        var text = ""
        while let piece = try connection.nextBodyChunk() { text += String(decoding: piece, as: UTF8.self) }
        #expect(text == "piece 0\npiece 1\npiece 2\n")
        #expect(connection.trailers.isEmpty)
    }
}
