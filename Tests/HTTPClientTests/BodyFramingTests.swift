@testable import HTTPClient
import Testing

/// `BodyFraming(head:method:)`: how a response's body ends (RFC 9112 §6.3).
struct BodyFramingTests {
    private func framing(status: Int = 200, _ fields: [(String, String)], method: String = "GET") throws(HTTPClientError) -> BodyFraming {
        try BodyFraming(head: ResponseHead(status: status, reason: "", headers: fields.map { HeaderField(name: $0.0, value: $0.1) }), method: method)
    }

    @Test func headResponseHasNoBody() throws {
        #expect(try self.framing([("Content-Length", "10")], method: "HEAD") == .none)
    }

    @Test(arguments: [100, 103, 204, 304])
    func statusesWithoutContentHaveNoBody(_ status: Int) throws {
        #expect(try self.framing(status: status, [("Content-Length", "10")]) == .none)
    }

    @Test(arguments: [("12", 12), ("0", 0), ("7, 7", 7), (" 3 ", 3)])
    func contentLength(_ value: String, expected: Int) throws {
        #expect(try self.framing([("Content-Length", value)]) == .contentLength(expected))
    }

    @Test func repeatedEqualContentLengthsCountOnce() throws {
        #expect(try self.framing([("Content-Length", "4"), ("content-length", "4")]) == .contentLength(4))
    }

    @Test(arguments: ["", "-1", "+1", "0x10", "1 2", "4, 5", "4,", "1000000000000000000"])
    func rejectsInvalidContentLength(_ value: String) {
        #expect(throws: HTTPClientError.invalidContentLength(value)) { try self.framing([("Content-Length", value)]) }
    }

    @Test(arguments: ["chunked", "Chunked", " chunked "])
    func chunked(_ value: String) throws {
        #expect(try self.framing([("Transfer-Encoding", value)]) == .chunked)
    }

    @Test(arguments: ["gzip, chunked", "chunked, chunked", "identity", ""])
    func rejectsOtherCodings(_ value: String) {
        #expect(throws: HTTPClientError.unsupportedTransferCoding(value)) { try self.framing([("Transfer-Encoding", value)]) }
    }

    @Test func rejectsBothTransferEncodingAndContentLength() {
        #expect(throws: HTTPClientError.malformedHeaderField("both Transfer-Encoding and Content-Length")) {
            try self.framing([("Transfer-Encoding", "chunked"), ("Content-Length", "3")])
        }
    }

    @Test func neitherMeansUntilClose() throws {
        #expect(try self.framing([("Content-Type", "text/plain")]) == .untilClose)
    }
}
