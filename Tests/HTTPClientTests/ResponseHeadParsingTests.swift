@testable import HTTPClient
import Testing

/// `ResponseHead(parsing:)`: status lines and header fields, strictly.
struct ResponseHeadParsingTests {
    private func parse(_ text: String) throws(HTTPClientError) -> ResponseHead {
        try ResponseHead(parsing: ArraySlice(text.utf8))
    }

    @Test func parsesStatusReasonAndFieldsInOrder() throws {
        let head = try self.parse("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nX-A:  1 \r\nx-a: 2")
        #expect(head.status == 404)
        #expect(head.reason == "Not Found")
        #expect(head.headers == [
            HeaderField(name: "Content-Type", value: "text/plain"), HeaderField(name: "X-A", value: "1"),
            HeaderField(name: "x-a", value: "2"),
        ])
        #expect(head.headers.values(of: "X-a") == ["1", "2"])
        #expect(head.headers.value(of: "content-type") == "text/plain")
    }

    @Test(arguments: ["HTTP/1.1 204", "HTTP/1.1 204 ", "HTTP/1.0 204 "])
    func reasonMayBeEmpty(_ line: String) throws {
        let head = try self.parse(line)
        #expect(head.status == 204)
        #expect(head.reason == "")
    }

    @Test(arguments: [
        "", "HTTP/2 200 OK", "HTTP/1.2 200 OK", "http/1.1 200 OK", "FTP/1.1 200 OK", "HTTP/1.1 20 OK", "HTTP/1.1 2000 OK",
        "HTTP/1.1 200OK", "HTTP/1.1  200 OK", "HTTP/1.1 099 Low", "HTTP/1.1 2x0 OK", "HTTP/1.1 200 O\u{1}K", "HTTP/1.1 200 OK\nX: 1",
    ])
    func rejectsMalformedStatusLine(_ line: String) {
        #expect(throws: HTTPClientError.malformedStatusLine(HTTPClientError.excerpt(line.utf8.prefix { $0 != 13 }))) {
            try self.parse(line)
        }
    }

    @Test(arguments: [" folded: x", "\tfolded: x", "Name : x", ": x", "No colon", "Na(me: x", "X: a\u{1}b", "X: a\rb", "X: a\nb"])
    func rejectsMalformedField(_ line: String) {
        #expect(throws: HTTPClientError.malformedHeaderField(HTTPClientError.excerpt(line.utf8))) {
            try self.parse("HTTP/1.1 200 OK\r\n" + line)
        }
    }
}
