import HTTPServer
import TestSupport
import Testing

/// Every error status the API and server produce, over loopback: each is problem+json whose
/// `status` matches; requests the server cannot read close the connection, while 404 and
/// 405 keep it.
@Suite(.timeLimit(.minutes(1)))
struct HTTPErrorIntegrationTests {
    /// A request the server must refuse, and the status it should get.
    struct UnreadableRequest: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: String
        let status: Int

        var testDescription: String { "\(self.name) → \(self.status)" }
    }

    static let unreadableRequests: [UnreadableRequest] = [
        UnreadableRequest(name: "malformed request line", bytes: "GARBAGE\r\n\r\n", status: 400),
        UnreadableRequest(name: "HTTP/1.1 without Host", bytes: "GET /healthz HTTP/1.1\r\n\r\n", status: 400),
        UnreadableRequest(
            name: "Content-Length and Transfer-Encoding",
            bytes: "POST /v1/documents HTTP/1.1\r\nHost: test\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\nabc",
            status: 400),
        UnreadableRequest(
            name: "differing repeated Content-Length",
            bytes: "POST /v1/documents HTTP/1.1\r\nHost: test\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabc",
            status: 400),
        UnreadableRequest(
            name: "obsolete line folding",
            bytes: "GET /healthz HTTP/1.1\r\nHost: test\r\nX-Folded: first\r\n second\r\n\r\n", status: 400),
        UnreadableRequest(
            name: "invalid percent-escape in the path", bytes: "GET /v1/documents/%zz HTTP/1.1\r\nHost: test\r\n\r\n", status: 400),
        UnreadableRequest(
            name: "declared body over the limit, never sent",
            bytes: "POST /v1/documents HTTP/1.1\r\nHost: test\r\nContent-Length: 2000000\r\n\r\n", status: 413),
        UnreadableRequest(
            name: "request line over 8 KiB",
            bytes: "GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: test\r\n\r\n", status: 414),
        UnreadableRequest(
            name: "101 header fields",
            bytes: "GET /healthz HTTP/1.1\r\nHost: test\r\n" + (1...100).map { "X-Field-\($0): v\r\n" }.joined() + "\r\n",
            status: 431),
        UnreadableRequest(
            name: "header block over 32 KiB",
            bytes: "GET /healthz HTTP/1.1\r\nHost: test\r\n"
                + (1...5).map { "X-Big-\($0): " + String(repeating: "b", count: 7000) + "\r\n" }.joined() + "\r\n",
            status: 431),
        UnreadableRequest(name: "unknown method BREW", bytes: "BREW /pot HTTP/1.1\r\nHost: test\r\n\r\n", status: 501),
        UnreadableRequest(
            name: "unknown transfer coding before chunked",
            bytes: "POST /v1/documents HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
            status: 501),
        UnreadableRequest(name: "HTTP/2.0", bytes: "GET /healthz HTTP/2.0\r\nHost: test\r\n\r\n", status: 505),
        UnreadableRequest(
            name: "unsupported expectation",
            bytes: "POST /v1/documents HTTP/1.1\r\nHost: test\r\nExpect: something-else\r\nContent-Length: 2\r\n\r\nhi",
            status: 417),
    ]

    /// A request the server cannot read gets its problem+json status, then the connection closes.
    @Test(arguments: unreadableRequests)
    func answersUnreadableRequestWithProblemAndCloses(_ request: UnreadableRequest) throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(request.bytes)
        let response = try client.readResponse()

        try response.expectProblem(status: request.status)
        #expect(response.announcesClose)
        #expect(client.isClosedByPeer())
    }

    /// An unknown path is a 404 problem, and the connection stays open.
    @Test func answersUnknownPathWith404AndKeepsConnection() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(RawRequest.get("/no/such/thing"))
        let response = try client.readResponse()

        let problem = try response.expectProblem(status: 404)
        #expect((problem["detail"] as? String)?.contains("/no/such/thing") == true)
        #expect(!response.announcesClose)
        try APIFixture.expectConnectionStillServes(client)
    }

    /// An unknown document id is a 404 problem naming the id, and the connection stays open.
    @Test func answersUnknownDocumentWith404AndKeepsConnection() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(RawRequest.get("/v1/documents/zulu"))
        let response = try client.readResponse()

        let problem = try response.expectProblem(status: 404)
        #expect((problem["detail"] as? String)?.contains("zulu") == true)
        try APIFixture.expectConnectionStillServes(client)
    }

    /// A known method on a path without it is 405 with `Allow: GET, HEAD`, and the connection stays open.
    @Test(arguments: [
        RawRequest.make("POST", "/v1/documents", body: ""),
        RawRequest.make("DELETE", "/v1/documents/alpha"),
        RawRequest.make("PUT", "/healthz", body: "x"),
    ])
    func answersWrongMethodWith405AndAllow(_ request: String) throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(request)
        let response = try client.readResponse()

        try response.expectProblem(status: 405)
        #expect(response["Allow"] == "GET, HEAD, OPTIONS")
        #expect(!response.announcesClose)
        try APIFixture.expectConnectionStillServes(client)
    }
}
