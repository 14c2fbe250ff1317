@testable import HTTPServer
import Testing

/// `RequestTarget`: the forms of RFC 9112 §3.2, percent-decoding of the path, the raw query.
struct RequestTargetTests {
    /// Origin-form: the path is decoded, the query after `?` is kept exactly as sent.
    @Test(arguments: [
        ("/", "/", ""),
        ("/v1/documents", "/v1/documents", ""),
        ("/a%20b/c?x=%20&y=1", "/a b/c", "x=%20&y=1"),
        ("/search?q=caf%C3%A9&page=2", "/search", "q=caf%C3%A9&page=2"),
        ("/a?", "/a", ""),
        ("/a?b?c", "/a", "b?c"),
        ("/a%2Fb", "/a/b", ""),
        ("//double", "//double", ""),
    ])
    func parsesOriginForm(target: String, path: String, query: String) throws {
        let parsed = try RequestTarget.parse(target)
        #expect(parsed.path == path)
        #expect(parsed.query == query)
    }

    /// Absolute-form: the scheme (either case) and authority are dropped; no path means `/`.
    @Test(arguments: [
        ("http://example.com/p?q=1", "/p", "q=1"),
        ("https://example.com/a/b", "/a/b", ""),
        ("http://example.com", "/", ""),
        ("http://example.com?q", "/", "q"),
        ("HTTP://Example.com:8080/p%20q", "/p q", ""),
        ("hTTpS://user@example.com/", "/", ""),
    ])
    func parsesAbsoluteForm(target: String, path: String, query: String) throws {
        let parsed = try RequestTarget.parse(target)
        #expect(parsed.path == path)
        #expect(parsed.query == query)
    }

    /// Asterisk-form is for OPTIONS only.
    @Test func acceptsAsteriskForOptions() throws {
        #expect(try RequestTarget.parse("*", method: .options).path == "*")
        #expect(throws: HTTPParseError.invalidTarget) { try RequestTarget.parse("*", method: .get) }
    }

    /// UTF-8 escapes decode to text.
    @Test(arguments: [("/caf%C3%A9", "/café"), ("/%E2%82%AC", "/€"), ("/%f0%9f%93%b0", "/📰"), ("/%41%62", "/Ab")])
    func decodesUTF8Escapes(target: String, path: String) throws {
        #expect(try RequestTarget.parse(target).path == path)
    }

    /// Fragments, whitespace, control bytes, non-ASCII bytes and unknown forms are refused.
    @Test(arguments: [
        "", "a/b", "*/", "**", "/a#frag", "/#", "/a b", "/a\tb", "/a\u{0}", "/a\u{1F}", "/a\u{7F}", "/café",
        "?q", "http:/x", "http:///p", "http://?q", "ftp://example.com/p", "example.com:443", "/?q=a b", "/?q#f",
    ])
    func rejectsInvalidTarget(target: String) {
        #expect(throws: HTTPParseError.invalidTarget) { try RequestTarget.parse(target) }
    }

    /// A raw 0xFF byte (not UTF-8 at all) is refused too.
    @Test func rejectsRawHighByte() {
        #expect(throws: HTTPParseError.invalidTarget) { try RequestTarget.parse([UInt8(ascii: "/"), 0xFF]) }
    }

    /// Every `%` must start two hex digits, in the path and in the query alike.
    @Test(arguments: [
        "/%zz", "/%4", "/a%", "/%%41", "/%4g", "/%G1",
        "/?q=%zz", "/?q=%4", "/?q=%", "/?%", "/a?b=%4g", "http://example.com/%zz", "http://example.com?%4",
    ])
    func rejectsInvalidEscape(target: String) {
        #expect(throws: HTTPParseError.invalidPercentEncoding) { try RequestTarget.parse(target) }
    }

    /// A decoded path must be UTF-8 text without NUL.
    @Test(arguments: ["/%00", "/a%00b", "/%FF", "/%C3", "/%C3%28", "/%ED%A0%80", "/%C0%AF", "/%F8%88%80%80%80"])
    func rejectsUndecodablePath(target: String) {
        #expect(throws: HTTPParseError.invalidPercentEncoding) { try RequestTarget.parse(target) }
    }

    /// The query is not decoded, so escapes that the path would refuse pass through unchanged.
    @Test(arguments: ["q=%00", "q=%FF", "q=%C3"])
    func keepsQueryEscapesRaw(query: String) throws {
        #expect(try RequestTarget.parse("/?" + query).query == query)
    }

    /// Through the parser, the request keeps the raw target and the decoded path.
    @Test func parserCarriesRawTargetAndDecodedPath() throws {
        let request = try #require(ParserFixture.request(Wire.get("/caf%C3%A9?x=%C3%A9")))
        #expect(request.target == "/caf%C3%A9?x=%C3%A9")
        #expect(request.path == "/café")
        #expect(request.query == "x=%C3%A9")
    }

    /// Through the parser, absolute-form and asterisk-form come out as paths.
    @Test func parserAcceptsAbsoluteAndAsteriskForms() {
        let input = Wire.head("GET http://example.com/p?q HTTP/1.1", Wire.host) + Wire.head("OPTIONS * HTTP/1.1", Wire.host)
        let outcome = ParserFixture.parse(input)
        #expect(outcome.error == nil)
        #expect(outcome.requests.map(\.path) == ["/p", "*"])
        #expect(outcome.requests.map(\.query) == ["q", ""])
    }
}
