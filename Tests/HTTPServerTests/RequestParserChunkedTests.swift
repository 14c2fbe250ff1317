@testable import HTTPServer
import Testing

/// Chunked request bodies (RFC 9112 §7.1): sizes, extensions, delimiters and trailers.
struct RequestParserChunkedTests {
    /// A chunked POST head followed by `body` exactly as given.
    static func post(_ body: String) -> String {
        Wire.head("POST /upload HTTP/1.1", Wire.host, "Transfer-Encoding: chunked") + body
    }

    /// The chunks are joined into one body; hexadecimal sizes may use either case.
    @Test func joinsChunksIntoBody() throws {
        let body = "5\r\nhello\r\n1\r\n \r\na\r\n0123456789\r\nA\r\nabcdefghij\r\n0\r\n\r\n"
        let request = try #require(ParserFixture.request(Self.post(body)))
        #expect(request.body == Wire.bytes("hello 0123456789abcdefghij"))
        #expect(request.headers["Transfer-Encoding"] == "chunked")
        #expect(request.trailers.count == 0)
    }

    /// A body of only the last chunk is empty.
    @Test func acceptsEmptyChunkedBody() throws {
        let request = try #require(ParserFixture.request(Self.post("0\r\n\r\n")))
        #expect(request.body.isEmpty)
    }

    /// Leading zeros in a chunk size are allowed.
    @Test func acceptsLeadingZerosInChunkSize() throws {
        let request = try #require(ParserFixture.request(Self.post("005\r\nhello\r\n000\r\n\r\n")))
        #expect(request.body == Wire.bytes("hello"))
    }

    /// Chunk extensions are accepted and ignored, on data chunks and the last chunk alike.
    @Test(arguments: [
        "5;name=value\r\nhello\r\n0\r\n\r\n",
        "5;name\r\nhello\r\n0;last=1\r\n\r\n",
        "5 ; a=b;c=\"quoted value\"\r\nhello\r\n0\r\n\r\n",
        "5\t;a=b\r\nhello\r\n0\r\n\r\n",
    ])
    func ignoresChunkExtensions(body: String) throws {
        let request = try #require(ParserFixture.request(Self.post(body)))
        #expect(request.body == Wire.bytes("hello"))
    }

    /// Trailer fields go to `trailers`, never into `headers`.
    @Test func keepsTrailersApartFromHeaders() throws {
        let input = Self.post(Wire.chunked(["hello"], trailers: ["X-Checksum: abc", "x-trailer:  two "]))
        let request = try #require(ParserFixture.request(input))
        #expect(request.trailers["X-Checksum"] == "abc")
        #expect(request.trailers["X-Trailer"] == "two")
        #expect(request.trailers.count == 2)
        #expect(request.headers["X-Checksum"] == nil)
        #expect(request.headers.count == 2)
    }

    /// The request after a chunked body with trailers starts right after its empty line.
    @Test func parsesRequestAfterTrailers() {
        let outcome = ParserFixture.parse(Self.post(Wire.chunked(["a", "bc"], trailers: ["X-T: 1"])) + Wire.get("/next"))
        #expect(outcome.error == nil)
        #expect(outcome.requests.map(\.path) == ["/upload", "/next"])
        #expect(outcome.requests.map(\.body) == [Wire.bytes("abc"), []])
        #expect(outcome.requests.map(\.trailers.count) == [1, 0])
    }

    /// Until the last chunk and the empty line arrive, the parser waits.
    @Test func waitsForLastChunk() throws {
        var parser = RequestParser()
        parser.append(contentsOf: Wire.bytes(Self.post("5\r\nhello\r\n")))
        #expect(try parser.next() == .needMoreBytes)
        parser.append(contentsOf: Wire.bytes("3\r\nabc\r\n0\r\n"))
        #expect(try parser.next() == .needMoreBytes)
        #expect(parser.hasPartialRequest && !parser.isReadingHead)
        parser.append(contentsOf: Wire.bytes("\r\n"))
        #expect(try parser.next().request?.body == Wire.bytes("helloabc"))
    }

    /// Broken chunk framing is refused: garbage sizes, missing or bare-LF delimiters, bad extensions.
    @Test(arguments: [
        "zz\r\nhello\r\n0\r\n\r\n",
        "\r\nhello\r\n0\r\n\r\n",
        "5x\r\nhello\r\n0\r\n\r\n",
        "-5\r\nhello\r\n0\r\n\r\n",
        "+5\r\nhello\r\n0\r\n\r\n",
        "0x5\r\nhello\r\n0\r\n\r\n",
        " 5\r\nhello\r\n0\r\n\r\n",
        ";a=b\r\nhello\r\n0\r\n\r\n",
        "5;a=\u{1}\r\nhello\r\n0\r\n\r\n",
        "5 x\r\nhello\r\n0\r\n\r\n",
        "5\r\nhelloXX0\r\n\r\n",
        "5\r\nhello0\r\n\r\n",
        "3\r\nhello\r\n0\r\n\r\n",
        "5\nhello\r\n0\r\n\r\n",
        "5\r\nhello\n0\r\n\r\n",
        "5\r\nhello\r\n0\n\r\n",
        "5\rhello\r\n0\r\n\r\n",
    ])
    func rejectsMalformedChunk(body: String) {
        ParserFixture.expectFailure(Self.post(body), .malformedChunk)
    }

    /// Trailer lines follow the rules of header lines.
    @Test(arguments: [
        ("X-T : 1", HTTPParseError.malformedHeaderField),
        ("X-T: 1\r\n folded", .obsoleteLineFolding),
        ("X-T: a\rb", .bareCarriageReturn),
        ("X-T: a\u{0}b", .malformedHeaderField),
    ])
    func rejectsMalformedTrailer(trailer: String, error: HTTPParseError) {
        ParserFixture.expectFailure(Self.post(Wire.chunked(["hello"], trailers: [trailer])), error)
    }

    /// A chunk size of more hex digits than any body limit allows is too large, not an overflow.
    @Test func rejectsOverlongChunkSizeAsTooLarge() {
        ParserFixture.expectFailure(Self.post("1" + String(repeating: "0", count: 16) + "\r\n"), .bodyTooLarge(limit: ParserLimits().maxBodyBytes))
    }

    /// An endless chunk-size line is refused rather than buffered forever.
    @Test func rejectsEndlessChunkSizeLine() {
        ParserFixture.expectFailure(Self.post("5;" + String(repeating: "a", count: 5000)), .malformedChunk)
    }

    /// The longest chunk-size line the parser accepts (4096 bytes before CRLF) is accepted
    /// however its bytes arrive.
    @Test func acceptsLongestChunkSizeLine() throws {
        let line = "5;" + String(repeating: "a", count: 4094)
        let request = try #require(ParserFixture.request(Self.post(line + "\r\nhello\r\n0\r\n\r\n")))
        #expect(request.body == Wire.bytes("hello"))
    }
}
