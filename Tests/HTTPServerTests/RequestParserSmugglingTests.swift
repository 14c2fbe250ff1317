@testable import HTTPServer
import Testing

/// Body framing rules that defend against request smuggling (RFC 9112 §6.1, §6.3): every
/// ambiguous combination of `Content-Length` and `Transfer-Encoding` is refused.
struct RequestParserSmugglingTests {
    /// A POST head carrying `fields` (and `Host`) on `version`.
    static func post(_ fields: String..., version: String = "HTTP/1.1") -> String {
        Wire.head(["POST / \(version)", Wire.host] + fields)
    }

    /// `Content-Length` together with `Transfer-Encoding`, in either order, is refused.
    @Test(arguments: [
        ["Content-Length: 5", "Transfer-Encoding: chunked"],
        ["Transfer-Encoding: chunked", "Content-Length: 5"],
        ["Transfer-Encoding: chunked", "Content-Length: 0"],
        ["Content-Length: 5", "Transfer-Encoding: gzip"],
    ])
    func rejectsContentLengthWithTransferEncoding(fields: [String]) {
        ParserFixture.expectFailure(Wire.head(["POST / HTTP/1.1", Wire.host] + fields) + "5\r\nhello\r\n0\r\n\r\n", .conflictingFraming)
    }

    /// A list of identical lengths, or identical repeated lines, is one length (RFC 9110 §8.6).
    @Test(arguments: [
        ["Content-Length: 5, 5"],
        ["Content-Length: 5,5 , 5"],
        ["Content-Length: 5", "Content-Length: 5"],
        ["Content-Length: 005"],
    ])
    func acceptsRepeatedIdenticalContentLength(fields: [String]) throws {
        let request = try #require(ParserFixture.request(Wire.head(["POST / HTTP/1.1", Wire.host] + fields) + "hello"))
        #expect(request.body == Wire.bytes("hello"))
    }

    /// Differing, signed, non-decimal or empty lengths are refused.
    @Test(arguments: [
        ["Content-Length: 5, 6"],
        ["Content-Length: 5", "Content-Length: 6"],
        ["Content-Length: abc"],
        ["Content-Length: -1"],
        ["Content-Length: +5"],
        ["Content-Length: "],
        ["Content-Length: 5,"],
        ["Content-Length: ,5"],
        ["Content-Length: 5 5"],
        ["Content-Length: 0x5"],
        ["Content-Length: 5.0"],
        ["Content-Length: 5", "Content-Length: "],
    ])
    func rejectsInvalidContentLength(fields: [String]) {
        ParserFixture.expectFailure(Wire.head(["POST / HTTP/1.1", Wire.host] + fields) + "hello", .invalidContentLength)
    }

    /// A length too long for any integer saturates and fails the body limit (413), not 400.
    @Test func rejectsHugeContentLengthAsTooLarge() {
        let digits = String(repeating: "9", count: 30)
        ParserFixture.expectFailure(Self.post("Content-Length: \(digits)"), .bodyTooLarge(limit: ParserLimits().maxBodyBytes))
    }

    /// `chunked` is the only transfer coding; any other is named in the error (501).
    @Test(arguments: [
        (["Transfer-Encoding: gzip, chunked"], "gzip"),
        (["Transfer-Encoding: gzip"], "gzip"),
        (["Transfer-Encoding: chunked, gzip"], "gzip"),
        (["Transfer-Encoding: identity"], "identity"),
        (["Transfer-Encoding: gzip", "Transfer-Encoding: chunked"], "gzip"),
    ])
    func rejectsUnsupportedTransferEncoding(fields: [String], coding: String) {
        ParserFixture.expectFailure(
            Wire.head(["POST / HTTP/1.1", Wire.host] + fields) + Wire.chunked(["hello"]), .unsupportedTransferEncoding(coding))
    }

    /// `chunked` applied twice, or an empty coding list, is refused.
    @Test(arguments: [
        ["Transfer-Encoding: chunked, chunked"],
        ["Transfer-Encoding: chunked", "Transfer-Encoding: chunked"],
        ["Transfer-Encoding: "],
        ["Transfer-Encoding: ,"],
    ])
    func rejectsMalformedTransferEncoding(fields: [String]) {
        ParserFixture.expectFailure(
            Wire.head(["POST / HTTP/1.1", Wire.host] + fields) + Wire.chunked(["hello"]), .malformedTransferEncoding)
    }

    /// The coding name is case-insensitive and may carry whitespace and empty list elements.
    @Test(arguments: ["chunked", "Chunked", "CHUNKED", " chunked ", ", chunked"])
    func acceptsChunkedSpelledLoosely(value: String) throws {
        let request = try #require(ParserFixture.request(Self.post("Transfer-Encoding: \(value)") + Wire.chunked(["hello"])))
        #expect(request.body == Wire.bytes("hello"))
    }

    /// An HTTP/1.0 request cannot use `Transfer-Encoding`, even alongside `Content-Length`.
    @Test(arguments: [["Transfer-Encoding: chunked"], ["Transfer-Encoding: chunked", "Content-Length: 5"]])
    func rejectsTransferEncodingOnHTTP1_0(fields: [String]) {
        ParserFixture.expectFailure(Wire.head(["POST / HTTP/1.0"] + fields) + Wire.chunked(["hello"]), .transferEncodingOnHTTP1_0)
    }

    /// Framing fields disguised by whitespace are refused rather than ignored, so no front end
    /// and this server can disagree about where the body ends.
    @Test(arguments: [
        (["Transfer-Encoding : chunked"], HTTPParseError.malformedHeaderField),
        (["Content-Length : 5"], .malformedHeaderField),
        (["X-A: 1", " Transfer-Encoding: chunked"], .obsoleteLineFolding),
        (["Transfer-Encoding:", " chunked"], .obsoleteLineFolding),
        (["Content-Length: 5\rTransfer-Encoding: chunked"], .bareCarriageReturn),
    ])
    func rejectsDisguisedFramingFields(fields: [String], error: HTTPParseError) {
        ParserFixture.expectFailure(Wire.head(["POST / HTTP/1.1", Wire.host] + fields) + Wire.chunked(["hello"]), error)
    }

    /// The body ends where `Content-Length` says: a request hidden inside it is body, and the
    /// bytes after it are the next request.
    @Test func framesBodyByContentLengthOnly() {
        let smuggled = Wire.get("/admin")
        let input = Wire.post("/a", body: smuggled) + Wire.get("/b")
        let outcome = ParserFixture.parse(input)
        #expect(outcome.error == nil)
        #expect(outcome.requests.map(\.path) == ["/a", "/b"])
        #expect(outcome.requests.first?.body == Wire.bytes(smuggled))
    }
}
