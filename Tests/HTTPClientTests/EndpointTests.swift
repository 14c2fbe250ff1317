import HTTPClient
import Testing

/// `Endpoint(parsing:)`: the `http://host[:port][/path]` URLs a follower is given.
struct EndpointTests {
    @Test func parsesHostPortAndPath() throws {
        let endpoint = try Endpoint(parsing: "http://dossier-writer:8080/v1/changes?since=4")
        #expect(endpoint == Endpoint(host: "dossier-writer", port: 8080, path: "/v1/changes?since=4"))
    }

    @Test func portDefaultsTo80AndPathToSlash() throws {
        #expect(try Endpoint(parsing: "http://example.test") == Endpoint(host: "example.test", port: 80, path: "/"))
    }

    @Test func schemeIsCaseInsensitive() throws {
        #expect(try Endpoint(parsing: "HTTP://a:1/").host == "a")
    }

    @Test func bracketedIPv6HostLosesItsBrackets() throws {
        let endpoint = try Endpoint(parsing: "http://[::1]:9000/healthz")
        #expect(endpoint == Endpoint(host: "::1", port: 9000, path: "/healthz"))
        #expect(endpoint.description == "http://[::1]:9000/healthz")
    }

    @Test func queryWithoutPathGetsASlash() throws {
        #expect(try Endpoint(parsing: "http://a:1?x=1").path == "/?x=1")
    }

    @Test func fragmentIsDropped() throws {
        #expect(try Endpoint(parsing: "http://a:1/p#top").path == "/p")
    }

    @Test(arguments: ["https", "ftp", "HTTPS"])
    func otherSchemesAreUnsupported(_ scheme: String) {
        #expect(throws: HTTPClientError.unsupportedScheme(scheme)) { try Endpoint(parsing: "\(scheme)://a:1/") }
    }

    @Test(arguments: [
        ("a:1/", "expected http://host[:port][/path]"),
        ("http://", "empty host"),
        ("http://:80/", "empty host"),
        ("http://user@a/", "user info is not supported"),
        ("http://a:0/", "the port must be a number from 1 to 65535"),
        ("http://a:65536/", "the port must be a number from 1 to 65535"),
        ("http://a:http/", "the port must be a number from 1 to 65535"),
        ("http://a:/", "the port must be a number from 1 to 65535"),
        ("http://[::1/", "unclosed [ in the host"),
        ("http://[::1]x/", "expected : after ]"),
        ("http://a/b c", "contains spaces or control characters"),
    ])
    func rejectsMalformedURL(_ url: String, reason: String) {
        #expect(throws: HTTPClientError.invalidURL(url, reason: reason)) { try Endpoint(parsing: url) }
    }
}
