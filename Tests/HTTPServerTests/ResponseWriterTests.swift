@testable import HTTPServer
import Testing

/// `ResponseWriter`, compared against golden bytes.
struct ResponseWriterTests {
    static let date = "Sun, 06 Nov 1994 08:49:37 GMT"
    static let plainText = HeaderFields([("Content-Type", "text/plain")])

    /// What the writer appends for `response`, as text.
    static func written(
        _ response: Response, omitBody: Bool = false, connection: ResponseWriter.ConnectionDirective = .none
    ) -> String {
        var buffer: [UInt8] = []
        ResponseWriter.append(
            response, omitBody: omitBody, connection: connection, date: Wire.bytes(Self.date),
            serverName: Wire.bytes("dossier"), to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// The status line and the fields the writer always sends first.
    static func preamble(_ status: String) -> String {
        "HTTP/1.1 \(status)\r\nDate: \(Self.date)\r\nServer: dossier\r\n"
    }

    /// A 200 carries Date, Server, Content-Length, the handler's fields, then the body.
    @Test func writesOKWithBody() {
        let response = Response(headers: Self.plainText, body: Wire.bytes("hello"))
        #expect(Self.written(response) == Self.preamble("200 OK") + "Content-Length: 5\r\nContent-Type: text/plain\r\n\r\nhello")
    }

    /// An empty 200 says `Content-Length: 0`.
    @Test func writesZeroLengthForEmptyBody() {
        #expect(Self.written(Response()) == Self.preamble("200 OK") + "Content-Length: 0\r\n\r\n")
    }

    /// For HEAD the headers, Content-Length included, are those of the GET, without the body.
    @Test func omitsBodyForHeadButKeepsLength() {
        let response = Response(headers: Self.plainText, body: Wire.bytes("hello"))
        #expect(Self.written(response, omitBody: true) == Self.preamble("200 OK") + "Content-Length: 5\r\nContent-Type: text/plain\r\n\r\n")
    }

    /// 204 and 304 carry neither Content-Length nor a body, even if the handler gave one.
    @Test(arguments: [(HTTPStatus.noContent, "204 No Content"), (.notModified, "304 Not Modified")])
    func writesNoLengthOrBodyForBodilessStatus(status: HTTPStatus, line: String) {
        let response = Response(status: status, headers: HeaderFields([("ETag", "\"v1\"")]), body: Wire.bytes("ignored"))
        #expect(Self.written(response) == Self.preamble(line) + "ETag: \"v1\"\r\n\r\n")
        #expect(Self.written(response, omitBody: true) == Self.preamble(line) + "ETag: \"v1\"\r\n\r\n")
    }

    /// The connection directive comes after Content-Length and before the handler's fields.
    @Test(arguments: [
        (ResponseWriter.ConnectionDirective.none, ""),
        (.close, "Connection: close\r\n"),
        (.keepAlive, "Connection: keep-alive\r\n"),
    ])
    func writesConnectionDirective(directive: ResponseWriter.ConnectionDirective, line: String) {
        let response = Response(status: .notFound, headers: Self.plainText, body: Wire.bytes("no"))
        #expect(Self.written(response, connection: directive)
            == Self.preamble("404 Not Found") + "Content-Length: 2\r\n" + line + "Content-Type: text/plain\r\n\r\nno")
    }

    /// The writer owns Date, Server, Content-Length, Connection and Transfer-Encoding: a
    /// handler's values for them, in any case, are dropped.
    @Test func dropsHandlerSuppliedOwnedFields() {
        let headers = HeaderFields([
            ("date", "yesterday"), ("Server", "evil"), ("Content-Type", "text/plain"), ("CONTENT-LENGTH", "99"),
            ("Connection", "close"), ("Transfer-Encoding", "chunked"), ("X-Request-Id", "r1"),
        ])
        let response = Response(headers: headers, body: Wire.bytes("hi"))
        #expect(Self.written(response, connection: .keepAlive) == Self.preamble("200 OK")
            + "Content-Length: 2\r\nConnection: keep-alive\r\nContent-Type: text/plain\r\nX-Request-Id: r1\r\n\r\nhi")
    }

    /// A status outside the predefined set is written from its code and reason.
    @Test func writesCustomStatus() {
        let response = Response(status: HTTPStatus(code: 418, reason: "I'm a teapot"))
        #expect(Self.written(response) == Self.preamble("418 I'm a teapot") + "Content-Length: 0\r\n\r\n")
    }

    /// Responses are appended after what the buffer already holds, so pipelined answers queue up.
    @Test func appendsAfterExistingBytes() {
        var buffer = ResponseWriter.continueMessage
        ResponseWriter.append(
            Response(status: .noContent), omitBody: false, connection: .close, date: Wire.bytes(Self.date),
            serverName: Wire.bytes("dossier"), to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self)
            == "HTTP/1.1 100 Continue\r\n\r\n" + Self.preamble("204 No Content") + "Connection: close\r\n\r\n")
    }

    /// The interim response is exactly the status line and the empty line.
    @Test func continueMessageIsBareStatusLine() {
        #expect(ResponseWriter.continueMessage == Wire.bytes("HTTP/1.1 100 Continue\r\n\r\n"))
    }

    /// Decimal digits without `String`, from one digit to the largest `Int`.
    @Test(arguments: [
        (0, "0"), (9, "9"), (10, "10"), (99, "99"), (100, "100"), (12345, "12345"),
        (1_000_000, "1000000"), (Int.max, "9223372036854775807"),
    ])
    func appendsDecimal(value: Int, text: String) {
        var buffer = Wire.bytes("n=")
        ResponseWriter.appendDecimal(value, to: &buffer)
        #expect(buffer == Wire.bytes("n=" + text))
    }

    /// A chunk is its size in lowercase hex without leading zeros, CRLF, the bytes, CRLF.
    @Test(arguments: [(1, "1"), (15, "f"), (16, "10"), (255, "ff"), (4096, "1000"), (65_535, "ffff"), (1_048_577, "100001")])
    func framesChunk(size: Int, hex: String) {
        var buffer: [UInt8] = []
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: size)
        ResponseWriter.appendChunk(bytes, to: &buffer)
        #expect(buffer == Wire.bytes(hex + "\r\n") + bytes + Wire.bytes("\r\n"))
    }

    /// A streamed head says `Transfer-Encoding: chunked` instead of a length, and drops a handler's own framing fields.
    @Test func writesChunkedHead() {
        var buffer: [UInt8] = []
        let head = Response(headers: HeaderFields([("Content-Type", "text/event-stream"), ("Content-Length", "9"), ("Transfer-Encoding", "gzip")]))
        ResponseWriter.appendHead(
            head, framing: .chunked, connection: .close, date: Wire.bytes(Self.date), serverName: Wire.bytes("dossier"), to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self)
            == Self.preamble("200 OK") + "Transfer-Encoding: chunked\r\nConnection: close\r\nContent-Type: text/event-stream\r\n\r\n")
    }
}
