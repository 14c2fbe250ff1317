@testable import HTTPServer
import Testing

/// The request line, header fields, `Host`, `Content-Length` bodies, `Expect`, pipelining and
/// poisoning. Most inputs go through `ParserFixture`, which feeds them whole, byte by byte and
/// split at every offset.
struct RequestParserTests {
    // MARK: Request line

    /// Method, target, version and headers come out as sent; the path is split from the query.
    @Test func parsesRequestLine() throws {
        let request = try #require(ParserFixture.request(Wire.get("/v1/documents?q=x%20y")))
        #expect(request.method == .get)
        #expect(request.target == "/v1/documents?q=x%20y")
        #expect(request.path == "/v1/documents")
        #expect(request.query == "q=x%20y")
        #expect(request.version == .http1_1)
        #expect(request.headers["Host"] == "example.com")
        #expect(request.body.isEmpty && request.trailers.count == 0)
    }

    /// Every method the server implements is recognised by its exact token.
    @Test(arguments: HTTPMethod.allCases)
    func recognisesMethod(method: HTTPMethod) throws {
        let request = try #require(ParserFixture.request(Wire.head("\(method.rawValue) / HTTP/1.1", Wire.host)))
        #expect(request.method == method)
    }

    /// An HTTP/1.0 request needs no `Host`.
    @Test func parsesHTTP1_0WithoutHost() throws {
        let request = try #require(ParserFixture.request(Wire.head("GET /old HTTP/1.0")))
        #expect(request.version == .http1_0)
        #expect(request.headers.count == 0)
    }

    /// A higher minor version of HTTP/1 is served as 1.1 (RFC 9110 §6.2).
    @Test(arguments: ["HTTP/1.2", "HTTP/1.9"])
    func treatsHigherMinorVersionAsHTTP1_1(version: String) throws {
        let request = try #require(ParserFixture.request(Wire.head("GET / \(version)", Wire.host)))
        #expect(request.version == .http1_1)
    }

    /// A request line that is not `token SP target SP HTTP/d.d` gets its own error.
    @Test(arguments: [
        ("G(T / HTTP/1.1", HTTPParseError.malformedRequestLine),
        ("GE\"T / HTTP/1.1", .malformedRequestLine),
        ("GET  / HTTP/1.1", .malformedRequestLine),
        (" GET / HTTP/1.1", .malformedRequestLine),
        ("GET /", .malformedRequestLine),
        ("GET", .malformedRequestLine),
        ("/ HTTP/1.1", .malformedRequestLine),
        ("GET\t/ HTTP/1.1", .malformedRequestLine),
        ("GET / HTTP/2.0", .unsupportedVersion),
        ("GET / HTTP/0.9", .unsupportedVersion),
        ("GET / HTTX/1.1", .malformedVersion),
        ("GET / HTTP/1", .malformedVersion),
        ("GET / http/1.1", .malformedVersion),
        ("GET / HTTP/1.10", .malformedVersion),
        ("GET / HTTP/a.1", .malformedVersion),
        ("BREW / HTTP/1.1", .unknownMethod("BREW")),
        ("get / HTTP/1.1", .unknownMethod("get")),
        ("CONNECT example.com:443 HTTP/1.1", .unknownMethod("CONNECT")),
        ("GET /a#b HTTP/1.1", .invalidTarget),
        ("GET /%zz HTTP/1.1", .invalidPercentEncoding),
        ("GET /a\rb HTTP/1.1", .bareCarriageReturn),
    ])
    func rejectsMalformedRequestLine(line: String, error: HTTPParseError) {
        ParserFixture.expectFailure(Wire.head(line, Wire.host), error)
    }

    /// Extra or missing spaces around the version break the request line itself (400 either way,
    /// but the error should name the request line rather than the version).
    @Test(arguments: ["GET /  HTTP/1.1", "GET / HTTP/1.1 ", "GET / "])
    func rejectsExtraSpaceBeforeOrAfterVersionAsMalformedRequestLine(line: String) {
        ParserFixture.expectFailure(Wire.head(line, Wire.host), .malformedRequestLine)
    }

    /// Empty lines before the request line are skipped (RFC 9112 §2.2), with CRLF or bare LF.
    @Test(arguments: ["\r\n", "\n", "\r\n\r\n", "\n\r\n\n"])
    func skipsEmptyLinesBeforeRequestLine(prefix: String) throws {
        let request = try #require(ParserFixture.request(prefix + Wire.get("/after")))
        #expect(request.path == "/after")
    }

    // MARK: Header fields

    /// Names keep their case but are looked up case-insensitively.
    @Test func looksUpFieldNamesIgnoringCase() throws {
        let request = try #require(ParserFixture.request(Wire.get("/", "X-Custom-Field: 1")))
        #expect(request.headers["x-custom-field"] == "1")
        #expect(request.headers["X-CUSTOM-FIELD"] == "1")
        #expect(request.headers.map(\.name) == ["Host", "X-Custom-Field"])
    }

    /// Leading and trailing SP and HTAB are trimmed; inner whitespace and obs-text are kept.
    @Test func trimsOptionalWhitespaceAroundValues() throws {
        let request = try #require(ParserFixture.request(Wire.get("/", "X-A: \t a \t b \t ", "X-B:c", "X-C: café")))
        #expect(request.headers["X-A"] == "a \t b")
        #expect(request.headers["X-B"] == "c")
        #expect(request.headers["X-C"] == "café")
    }

    /// A field may have an empty value, with or without whitespace after the colon.
    @Test func acceptsEmptyValues() throws {
        let request = try #require(ParserFixture.request(Wire.get("/", "X-Empty:", "X-Blank:   ")))
        #expect(request.headers.values(for: "X-Empty") == [""])
        #expect(request.headers.values(for: "X-Blank") == [""])
    }

    /// Repeated fields stay separate lines, in order.
    @Test func keepsRepeatedFieldsInOrder() throws {
        let request = try #require(ParserFixture.request(Wire.get("/", "Accept: a", "X-Other: o", "accept: b")))
        #expect(request.headers.values(for: "Accept") == ["a", "b"])
    }

    /// Bare LF ends lines in the head as well as CRLF, even mixed.
    @Test(arguments: [
        "GET /lf HTTP/1.1\nHost: example.com\nX-A: 1\n\n",
        "GET /lf HTTP/1.1\r\nHost: example.com\nX-A: 1\r\n\n",
        "GET /lf HTTP/1.1\nHost: example.com\r\nX-A: 1\n\r\n",
    ])
    func acceptsBareLineFeedLineEndings(head: String) throws {
        let request = try #require(ParserFixture.request(head))
        #expect(request.path == "/lf")
        #expect(request.headers["X-A"] == "1")
    }

    /// Field lines that are not `token ":" OWS value OWS` are refused.
    @Test(arguments: [
        ("X-A: 1\r\n folded", HTTPParseError.obsoleteLineFolding),
        ("X-A: 1\r\n\tfolded", .obsoleteLineFolding),
        ("Host : example.com", .malformedHeaderField),
        ("X-A\t: 1", .malformedHeaderField),
        ("X-A 1", .malformedHeaderField),
        (": 1", .malformedHeaderField),
        ("X(A): 1", .malformedHeaderField),
        ("X-A: a\rb", .bareCarriageReturn),
        ("X-A: a\r", .bareCarriageReturn),
        ("X-A: a\u{0}b", .malformedHeaderField),
        ("X-A: a\u{1}b", .malformedHeaderField),
        ("X-A: a\u{B}b", .malformedHeaderField),
        ("X-A: a\u{7F}b", .malformedHeaderField),
    ])
    func rejectsMalformedFieldLine(line: String, error: HTTPParseError) {
        ParserFixture.expectFailure(Wire.get("/", line), error)
    }

    /// Obsolete line folding is refused on the very first field line too.
    @Test func rejectsFoldingOnFirstFieldLine() {
        ParserFixture.expectFailure(Wire.head("GET / HTTP/1.1", " Host: example.com"), .obsoleteLineFolding)
    }

    // MARK: Host

    /// HTTP/1.1 requires `Host`.
    @Test func rejectsMissingHostOnHTTP1_1() {
        ParserFixture.expectFailure(Wire.head("GET / HTTP/1.1", "Accept: */*"), .missingHost)
    }

    /// An empty `Host` value is allowed (RFC 9110 §7.2).
    @Test func acceptsEmptyHost() throws {
        let request = try #require(ParserFixture.request(Wire.head("GET / HTTP/1.1", "Host:")))
        #expect(request.headers["Host"] == "")
    }

    /// Two `Host` lines, whatever their case or version, are refused.
    @Test(arguments: [
        ["GET / HTTP/1.1", "Host: a", "Host: b"],
        ["GET / HTTP/1.1", "Host: a", "host: a"],
        ["GET / HTTP/1.0", "HOST: a", "Host: a"],
    ])
    func rejectsDuplicateHost(lines: [String]) {
        ParserFixture.expectFailure(Wire.head(lines), .duplicateHost)
    }

    // MARK: Content-Length bodies

    /// A body framed by `Content-Length` is read exactly; the next request starts after it.
    @Test func readsContentLengthBody() {
        let outcome = ParserFixture.parse(Wire.post("/a", body: "hello") + Wire.get("/b"))
        #expect(outcome.error == nil)
        #expect(outcome.requests.map(\.body) == [Wire.bytes("hello"), []])
        #expect(outcome.requests.map(\.path) == ["/a", "/b"])
    }

    /// `Content-Length: 0` means no body, and the parser is at once ready for the next head.
    @Test func treatsZeroContentLengthAsNoBody() throws {
        let request = try #require(ParserFixture.request(Wire.head("POST / HTTP/1.1", Wire.host, "Content-Length: 0")))
        #expect(request.body.isEmpty)
    }

    /// Until the body is complete, `next()` asks for more bytes; then the request comes out.
    @Test func waitsForRestOfBody() throws {
        var parser = RequestParser()
        parser.append(contentsOf: Wire.post(body: "hello").utf8.dropLast(2))
        #expect(try parser.next() == .needMoreBytes)
        #expect(parser.hasPartialRequest && !parser.isReadingHead)
        parser.append(contentsOf: Wire.bytes("lo"))
        #expect(try parser.next().request?.body == Wire.bytes("hello"))
        #expect(!parser.hasPartialRequest && parser.isReadingHead)
    }

    // MARK: Pipelining

    /// A GET, a POST with a body and a chunked POST in one buffer come out in order.
    @Test func parsesPipelinedRequestsInOrder() {
        let input = Wire.get("/first") + Wire.post("/second", body: "hello") + Wire.chunkedPost("/third", chunks: ["wor", "ld"])
        let outcome = ParserFixture.parse(input)
        #expect(outcome.error == nil && !outcome.endsMidRequest)
        #expect(outcome.requests.map(\.method) == [.get, .post, .post])
        #expect(outcome.requests.map(\.path) == ["/first", "/second", "/third"])
        #expect(outcome.requests.map(\.body) == [[], Wire.bytes("hello"), Wire.bytes("world")])
    }

    /// Between pipelined requests the parser reads a head, and has a partial request only while
    /// unparsed bytes remain.
    @Test func reportsProgressBetweenPipelinedRequests() throws {
        var parser = RequestParser()
        #expect(!parser.hasPartialRequest && parser.isReadingHead)
        parser.append(contentsOf: Wire.bytes(Wire.get("/first") + Wire.post("/second", body: "hello")))
        #expect(parser.hasPartialRequest)
        #expect(try parser.next().request?.path == "/first")
        #expect(parser.hasPartialRequest && parser.isReadingHead)
        #expect(try parser.next().request?.path == "/second")
        #expect(!parser.hasPartialRequest && parser.isReadingHead)
        #expect(try parser.next() == .needMoreBytes)
        parser.append(contentsOf: Wire.bytes("GET /third"))
        #expect(try parser.next() == .needMoreBytes)
        #expect(parser.hasPartialRequest && parser.isReadingHead)
    }

    // MARK: Poisoning

    /// After an error, every later `next()` throws the same error, even if valid bytes follow.
    @Test(arguments: [
        (Wire.head("GET / HTTP/1.1"), HTTPParseError.missingHost),
        (Wire.head("GET / HTTP/3.0", Wire.host), .unsupportedVersion),
        (Wire.chunkedPost(chunks: []).replacingOccurrences(of: "0\r\n", with: "x\r\n"), .malformedChunk),
    ])
    func staysFailedAfterError(input: String, error: HTTPParseError) {
        var parser = RequestParser()
        parser.append(contentsOf: Wire.bytes(input))
        #expect(throws: error) { try parser.next() }
        parser.append(contentsOf: Wire.bytes(Wire.get()))
        #expect(throws: error) { try parser.next() }
        #expect(throws: error) { try parser.next() }
        #expect(parser.hasPartialRequest)
    }
}

/// `Expect: 100-continue` (RFC 9110 §10.1.1).
struct RequestParserExpectTests {
    /// A head asking for `100-continue`, with a five-byte body that has not been sent.
    static func head(version: String = "HTTP/1.1", expect: String = "100-continue", _ framing: String = "Content-Length: 5") -> String {
        Wire.head("POST / \(version)", Wire.host, framing, "Expect: \(expect)")
    }

    /// With no body bytes buffered, `.continueExpected` comes once, then the body is awaited.
    @Test(arguments: ["Content-Length: 5", "Transfer-Encoding: chunked"])
    func expectsContinueOnceBeforeBody(framing: String) throws {
        var parser = RequestParser()
        parser.append(contentsOf: Wire.bytes(Self.head(framing)))
        #expect(try parser.next() == .continueExpected)
        #expect(try parser.next() == .needMoreBytes)
        parser.append(contentsOf: Wire.bytes(framing.hasPrefix("Content") ? "hello" : Wire.chunked(["hello"])))
        #expect(try parser.next().request?.body == Wire.bytes("hello"))
        #expect(try parser.next() == .needMoreBytes)
    }

    /// The expectation is case-insensitive.
    @Test func expectsContinueIgnoringCase() throws {
        var parser = RequestParser()
        parser.append(contentsOf: Wire.bytes(Self.head(expect: "100-Continue")))
        #expect(try parser.next() == .continueExpected)
    }

    /// A client that already sent its body needs no `100 Continue`.
    @Test func skipsContinueWhenBodyIsBuffered() throws {
        var parser = RequestParser()
        parser.append(contentsOf: Wire.bytes(Self.head() + "hel"))
        #expect(try parser.next() == .needMoreBytes)
        parser.append(contentsOf: Wire.bytes("lo"))
        #expect(try parser.next().request?.body == Wire.bytes("hello"))
    }

    /// A request without a body gets no `100 Continue` either.
    @Test func skipsContinueWithoutBody() throws {
        var parser = RequestParser()
        parser.append(contentsOf: Wire.bytes(Self.head("Content-Length: 0")))
        #expect(try parser.next().request != nil)
    }

    /// An HTTP/1.0 client does not understand 100, so its expectation is ignored.
    @Test func ignoresContinueOnHTTP1_0() throws {
        var parser = RequestParser()
        parser.append(contentsOf: Wire.bytes(Self.head(version: "HTTP/1.0")))
        #expect(try parser.next() == .needMoreBytes)
        parser.append(contentsOf: Wire.bytes("hello"))
        #expect(try parser.next().request?.body == Wire.bytes("hello"))
    }

    /// However the bytes arrive, the requests are the same and at most one continue is sent.
    @Test func splitsDoNotChangeExpectingRequest() {
        let outcome = ParserFixture.parse(Self.head() + "hello" + Wire.get("/next"))
        #expect(outcome.requests.map(\.path) == ["/", "/next"])
        #expect(outcome.continues == 0)
        #expect(ParserFixture.run(Wire.bytes(Self.head() + "hello"), .byteByByte).continues == 1)
    }

    /// Any other expectation is refused (417).
    @Test(arguments: ["200-ok", "100-continue, foo", ""])
    func rejectsOtherExpectation(value: String) {
        ParserFixture.expectFailure(Self.head(expect: value), .unsupportedExpectation(value))
    }
}
