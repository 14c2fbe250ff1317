import Foundation
import HTTPServer
import TestSupport
import Testing

/// Request and response framing over loopback: chunked uploads, `100-continue`, `HEAD`,
/// and the fields the server adds to every response.
@Suite(.timeLimit(.minutes(1)))
struct ConnectionFramingTests {
    /// A chunked body with chunk extensions and a trailer is de-chunked; the trailer is kept apart.
    @Test func decodesChunkedUploadWithExtensionsAndTrailers() throws {
        let server = try TestServer.started(responder: ServerTestResponder())
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(
            "POST /upload HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n"
                + "A ; quoted=\"x y\"\r\n, chunked!\r\n"
                + "0\r\nX-Trailer: done\r\n\r\n")
        let response = try client.readResponse()

        #expect(response.statusCode == 200)
        #expect(response.bodyText == "hello, chunked!")
        #expect(response["X-Echo-Body-Length"] == "15")
        #expect(response["X-Echo-Trailer"] == "done")
        #expect(response["Content-Length"] == "15")
        #expect(response["Transfer-Encoding"] == nil)

        try client.send(RawRequest.get("/after"))
        #expect(try client.readResponse()["X-Echo-Path"] == "/after")
    }

    /// `Expect: 100-continue` gets `100 Continue` before the body is sent, then the final response.
    @Test func sendsContinueBeforeReadingBody() throws {
        let server = try TestServer.started(responder: ServerTestResponder())
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send("POST /continue HTTP/1.1\r\nHost: test\r\nExpect: 100-continue\r\nContent-Length: 7\r\n\r\n")
        let interim = try client.readResponse()
        #expect(interim.statusCode == 100)
        #expect(interim.isInterim)
        #expect(interim.body.isEmpty)

        try client.send("payload")
        let final = try client.readResponse()
        #expect(final.statusCode == 200)
        #expect(final.bodyText == "payload")
    }

    /// `HEAD` carries the `Content-Length` of the `GET` body but no body, and the connection
    /// stays in step for the next request.
    @Test func answersHeadWithLengthButNoBody() throws {
        let server = try TestServer.started(responder: ServerTestResponder())
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(RawRequest.head("\(ServerTestResponder.largePath)?bytes=1000"))
        let head = try client.readResponse(forHEADRequest: true)
        #expect(head.statusCode == 200)
        #expect(head["Content-Length"] == "1000")
        #expect(head.body.isEmpty)

        try client.send(RawRequest.get("\(ServerTestResponder.largePath)?bytes=10"))
        let get = try client.readResponse()
        #expect(get.statusCode == 200)
        #expect(get.body == ServerTestResponder.pattern(count: 10))
    }

    /// Kinds of response that must all carry the server's own fields.
    enum ResponseKind: String, CaseIterable, Sendable {
        case withBody, emptyBody, head, parseFailure

        var request: String {
            switch self {
            case .withBody: return RawRequest.make("POST", "/with-body", body: "abc")
            case .emptyBody: return RawRequest.get("/empty")
            case .head: return RawRequest.head("/head")
            case .parseFailure: return "GET /no-host HTTP/1.1\r\n\r\n"
            }
        }
    }

    /// `Date` (an IMF-fixdate), `Server` and exactly one `Content-Length` are on every
    /// response: with a body, with an empty body, to HEAD, and to a request that fails to parse.
    @Test(arguments: ResponseKind.allCases)
    func addsDateServerAndContentLength(to kind: ResponseKind) throws {
        let server = try TestServer.started(responder: ServerTestResponder())
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(kind.request)
        let response = try client.readResponse(forHEADRequest: kind == .head)

        let date = try #require(response["Date"])
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "GMT")
        format.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let parsed = try #require(format.date(from: date), "Date is not an IMF-fixdate: \(date)")
        #expect(abs(parsed.timeIntervalSinceNow) < 60)
        #expect(response["Server"] == ServerConfiguration.testing.serverName)
        #expect(response["Content-Length"] != nil)
        #expect(response.values(for: "Content-Length").count == 1)
    }
}
