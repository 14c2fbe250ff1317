@testable import HTTPServer
import Testing

/// `ParserLimits`: each limit has its own error, and the length limits fire as soon as they are
/// passed, without waiting for the end of the line, section or body.
///
/// Most tests use `ParserLimits.small` (64-byte request line, 128-byte header section, 4 fields,
/// 32-byte body); `enforcesDefault…` tests check DESIGN.md's defaults.
struct RequestParserLimitsTests {
    static let limits = ParserLimits.small

    /// The defaults are DESIGN.md's values.
    @Test func defaultsMatchDesign() {
        let limits = ParserLimits()
        #expect(limits.maxRequestLineBytes == 8 * 1024)
        #expect(limits.maxHeaderBytes == 32 * 1024)
        #expect(limits.maxHeaderFields == 100)
        #expect(limits.maxBodyBytes == 1024 * 1024)
    }

    // MARK: Request line

    /// A request line of exactly the limit is accepted, however its bytes arrive.
    @Test func acceptsRequestLineAtLimit() throws {
        let line = Wire.requestLine(length: Self.limits.maxRequestLineBytes)
        let request = try #require(ParserFixture.request(Wire.head(line, Wire.host), limits: Self.limits))
        #expect(request.target.utf8.count == Self.limits.maxRequestLineBytes - "GET  HTTP/1.1".utf8.count)
    }

    /// One byte over the limit is refused (414).
    @Test func rejectsRequestLineOverLimit() {
        let line = Wire.requestLine(length: Self.limits.maxRequestLineBytes + 1)
        ParserFixture.expectFailure(Wire.head(line, Wire.host), .requestLineTooLong(limit: 64), limits: Self.limits)
    }

    /// An over-long request line is refused before its end arrives.
    @Test func rejectsRequestLineOverLimitBeforeItEnds() throws {
        var parser = RequestParser(limits: Self.limits)
        parser.append(contentsOf: Wire.bytes("GET /" + String(repeating: "a", count: 59)))
        #expect(try parser.next() == .needMoreBytes)
        parser.append(contentsOf: Wire.bytes("a"))
        #expect(throws: HTTPParseError.requestLineTooLong(limit: 64)) { try parser.next() }
    }

    // MARK: Header section

    /// A header section of exactly the limit is accepted, however its bytes arrive.
    @Test func acceptsHeaderSectionAtLimit() throws {
        let fields = Wire.fields(totalling: Self.limits.maxHeaderBytes)
        let request = try #require(ParserFixture.request(Wire.head(["GET / HTTP/1.1"] + fields), limits: Self.limits))
        #expect(request.headers.count == 2)
    }

    /// One byte over the limit is refused (431).
    @Test func rejectsHeaderSectionOverLimit() {
        let fields = Wire.fields(totalling: Self.limits.maxHeaderBytes + 1)
        ParserFixture.expectFailure(Wire.head(["GET / HTTP/1.1"] + fields), .headerSectionTooLarge(limit: 128), limits: Self.limits)
    }

    /// An endless header section is refused before its empty line arrives, even as one endless line.
    @Test(arguments: [false, true])
    func rejectsHeaderSectionOverLimitBeforeItEnds(oneLine: Bool) throws {
        var parser = RequestParser(limits: Self.limits)
        parser.append(contentsOf: Wire.bytes("GET / HTTP/1.1\r\nHost: example.com\r\n"))
        #expect(try parser.next() == .needMoreBytes)
        let filler = oneLine ? "X-Long: " + String(repeating: "a", count: 200) : "X-A: 1\r\nX-B: " + String(repeating: "b", count: 200)
        parser.append(contentsOf: Wire.bytes(filler))
        #expect(throws: HTTPParseError.headerSectionTooLarge(limit: 128)) { try parser.next() }
    }

    /// Exactly `maxHeaderFields` fields are accepted.
    @Test func acceptsMaximumNumberOfFields() throws {
        let fields = [Wire.host, "X-1: 1", "X-2: 2", "X-3: 3"]
        let request = try #require(ParserFixture.request(Wire.head(["GET / HTTP/1.1"] + fields), limits: Self.limits))
        #expect(request.headers.count == Self.limits.maxHeaderFields)
    }

    /// One field more is refused (431), even when the fields are tiny.
    @Test func rejectsTooManyHeaderFields() {
        let fields = [Wire.host, "A:", "B:", "C:", "D:"]
        ParserFixture.expectFailure(Wire.head(["GET / HTTP/1.1"] + fields), .tooManyHeaderFields(limit: 4), limits: Self.limits)
    }

    /// Trailer fields count toward the field limit together with the header fields.
    @Test func countsTrailersTowardFieldLimit() {
        let input = Wire.chunkedPost(chunks: ["hello"], trailers: ["X-T1: 1", "X-T2: 2", "X-T3: 3"])
        ParserFixture.expectFailure(input, .tooManyHeaderFields(limit: 4), limits: Self.limits)
    }

    // MARK: Body

    /// A body of exactly the limit is accepted, framed either way.
    @Test(arguments: [false, true])
    func acceptsBodyAtLimit(chunked: Bool) throws {
        let body = String(repeating: "b", count: Self.limits.maxBodyBytes)
        let input = chunked ? Wire.chunkedPost(chunks: [String(body.prefix(20)), String(body.dropFirst(20))]) : Wire.post(body: body)
        let request = try #require(ParserFixture.request(input, limits: Self.limits))
        #expect(request.body.count == Self.limits.maxBodyBytes)
    }

    /// A declared length over the limit is refused (413) as soon as the head is read.
    @Test func rejectsDeclaredBodyOverLimitRightAfterHead() {
        var parser = RequestParser(limits: Self.limits)
        parser.append(contentsOf: Wire.bytes(Wire.head("POST / HTTP/1.1", Wire.host, "Content-Length: 33")))
        #expect(throws: HTTPParseError.bodyTooLarge(limit: 32)) { try parser.next() }
    }

    /// A chunked body is refused (413) at the chunk-size line that takes it over the limit,
    /// before that chunk's data arrives.
    @Test func rejectsChunkedBodyGrowingOverLimit() throws {
        var parser = RequestParser(limits: Self.limits)
        parser.append(contentsOf: Wire.bytes(Wire.head("POST / HTTP/1.1", Wire.host, "Transfer-Encoding: chunked")))
        parser.append(contentsOf: Wire.bytes("14\r\n" + String(repeating: "a", count: 20) + "\r\n"))
        #expect(try parser.next() == .needMoreBytes)
        parser.append(contentsOf: Wire.bytes("d\r\n"))
        #expect(throws: HTTPParseError.bodyTooLarge(limit: 32)) { try parser.next() }
    }

    /// The same, fed every way, with the over-limit chunk's data present.
    @Test func rejectsChunkedBodyOverLimitHoweverFed() {
        let chunks = [String(repeating: "a", count: 20), String(repeating: "b", count: 13)]
        ParserFixture.expectFailure(Wire.chunkedPost(chunks: chunks), .bodyTooLarge(limit: 32), limits: Self.limits)
    }

    // MARK: Defaults

    /// An 8 KiB request line is accepted and one byte more refused at the default limit.
    /// (Acceptance is checked fed whole; `acceptsRequestLineAtLimit` covers the splits.)
    @Test func enforcesDefaultRequestLineLimit() {
        let limit = ParserLimits().maxRequestLineBytes
        #expect(ParserFixture.run(Wire.bytes(Wire.head(Wire.requestLine(length: limit), Wire.host)), .whole).requests.count == 1)
        ParserFixture.expectFailure(Wire.head(Wire.requestLine(length: limit + 1), Wire.host), .requestLineTooLong(limit: limit))
    }

    /// A 32 KiB header section is accepted and one byte more refused at the default limit.
    @Test func enforcesDefaultHeaderSectionLimit() {
        let limit = ParserLimits().maxHeaderBytes
        #expect(ParserFixture.run(Wire.bytes(Wire.head(["GET / HTTP/1.1"] + Wire.fields(totalling: limit))), .whole).requests.count == 1)
        ParserFixture.expectFailure(Wire.head(["GET / HTTP/1.1"] + Wire.fields(totalling: limit + 1)), .headerSectionTooLarge(limit: limit))
    }

    /// 100 fields are accepted and 101 refused at the default limit.
    @Test func enforcesDefaultFieldCountLimit() {
        let limit = ParserLimits().maxHeaderFields
        let fields = [Wire.host] + (1..<limit).map { "X-\($0): \($0)" }
        #expect(ParserFixture.request(Wire.head(["GET / HTTP/1.1"] + fields)) != nil)
        ParserFixture.expectFailure(Wire.head(["GET / HTTP/1.1"] + fields + ["X-Extra: 1"]), .tooManyHeaderFields(limit: limit))
    }

    /// A 1 MiB body is accepted and a declared 1 MiB + 1 refused at the default limit.
    @Test func enforcesDefaultBodyLimit() {
        let limit = ParserLimits().maxBodyBytes
        let body = [UInt8](repeating: UInt8(ascii: "b"), count: limit)
        let head = Wire.head("POST / HTTP/1.1", Wire.host, "Content-Length: \(limit)")
        #expect(ParserFixture.run(Wire.bytes(head) + body, .whole).requests.first?.body.count == limit)
        ParserFixture.expectFailure(Wire.head("POST / HTTP/1.1", Wire.host, "Content-Length: \(limit + 1)"), .bodyTooLarge(limit: limit))
    }
}
