import Foundation
import TestSupport
import Testing

/// The rules `DossierAPI` applies to every route, over loopback: `HEAD`, entity tags and
/// `If-None-Match`, `Cache-Control`, `?pretty=true`, `?fields=`, `X-Request-Id` and the
/// index at `GET /`.
@Suite(.timeLimit(.minutes(1)))
struct ConventionsIntegrationTests {
    /// An entity of the fixture (delta's spokeswoman).
    static let entityID = "marta-sousa-lima"

    /// A concrete URL for every `GET` route but `/metrics` and `/openapi.yaml`: reads whose
    /// body does not change from one request to the next.
    static let stableReads = [
        "/", "/healthz", "/readyz", "/v1/documents", "/v1/documents/alpha", "/v1/documents/alpha/text",
        "/v1/documents/alpha/related", "/v1/contacts", "/v1/timeline", "/v1/quotes", "/v1/entities", "/v1/entities/\(entityID)",
    ]

    /// Every `GET` route's concrete URL, `/metrics` included (its body counts the requests).
    static let allReads = stableReads + ["/metrics"]

    /// `HEAD` answers with the status and the `Content-Length`, `ETag`, `Content-Type` and
    /// `Cache-Control` of the `GET` of the same URL, and no body (the connection stays in step).
    @Test(arguments: Self.stableReads)
    func headMatchesGet(_ target: String) throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()
        let get = try client.get(target)

        let head = try client.head(target)

        #expect(get.statusCode == 200)
        #expect(head.statusCode == get.statusCode)
        #expect(get["Content-Length"] == String(get.body.count))
        for name in ["Content-Length", "ETag", "Content-Type", "Cache-Control"] {
            #expect(head[name] != nil, "\(name)")
            #expect(head[name] == get[name], "\(name)")
        }
        #expect(head.body.isEmpty)
        try APIFixture.expectConnectionStillServes(client)
    }

    /// `HEAD /metrics` answers 200 with the `GET`'s media type and caching, a `Content-Length`
    /// and an `ETag` (their values follow the counters, so they are not compared), and no body.
    @Test func headOfMetricsHasNoBody() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()
        let get = try client.get("/metrics")

        let head = try client.head("/metrics")

        #expect(head.statusCode == 200)
        #expect(head["Content-Type"] == get["Content-Type"])
        #expect(head["Cache-Control"] == get["Cache-Control"])
        #expect(head["Content-Length"].flatMap(Int.init).map { $0 > 0 } == true)
        #expect(head["ETag"] != nil)
        #expect(head.body.isEmpty)
        try APIFixture.expectConnectionStillServes(client)
    }

    /// Every successful read carries a strong, quoted `ETag`.
    @Test(arguments: Self.allReads)
    func everyReadHasStrongETag(_ target: String) throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        let response = try client.get(target)

        #expect(response.statusCode == 200)
        let etag = try #require(response["ETag"])
        #expect(etag.count > 2 && etag.hasPrefix("\"") && etag.hasSuffix("\""), "\(etag)")
    }

    /// `If-None-Match` with a read's own `ETag` answers 304 with that tag, its
    /// `Cache-Control`, and no body; the connection stays in step.
    @Test(arguments: Self.stableReads)
    func answersNotModifiedForOwnETag(_ target: String) throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()
        let first = try client.get(target)
        let etag = try #require(first["ETag"])

        let response = try client.get(target, headers: [("If-None-Match", etag)])

        #expect(response.statusCode == 304)
        #expect(response["ETag"] == etag)
        #expect(response["Cache-Control"] == first["Cache-Control"])
        #expect(response.body.isEmpty)
        try APIFixture.expectConnectionStillServes(client)
    }

    /// Probes are never stored (`no-store`); data may be stored but must be revalidated with
    /// its ETag (`no-cache`).
    @Test(arguments: [
        ("/healthz", "no-store"), ("/readyz", "no-store"), ("/metrics", "no-store"),
        ("/", "no-cache"), ("/v1/documents", "no-cache"), ("/v1/documents/alpha", "no-cache"),
        ("/v1/documents/alpha/text", "no-cache"), ("/v1/documents/alpha/related", "no-cache"), ("/v1/contacts", "no-cache"),
        ("/v1/timeline", "no-cache"), ("/v1/quotes", "no-cache"), ("/v1/entities", "no-cache"),
        ("/v1/entities/\(Self.entityID)", "no-cache"),
    ])
    func setsCacheControl(_ target: String, _ expected: String) throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        let response = try client.get(target)

        #expect(response.statusCode == 200)
        #expect(response["Cache-Control"] == expected)
    }

    /// `target` fetched as is and with `?pretty=true`, after checking that the first has no
    /// line breaks and the second is indented.
    private static func compactAndPretty(_ target: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> (TestResponse, TestResponse) {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()
        let compact = try client.get(target)
        let pretty = try client.get(target + "?pretty=true")
        #expect(pretty.statusCode == 200, sourceLocation: sourceLocation)
        #expect(!compact.bodyText.contains("\n"), sourceLocation: sourceLocation)
        #expect(pretty.bodyText.hasPrefix("{\n  \""), sourceLocation: sourceLocation)
        return (compact, pretty)
    }

    /// `?pretty=true` on a single resource gives indented JSON that parses to the same value
    /// as the compact form, which has no line breaks.
    @Test(arguments: ["/", "/healthz", "/readyz", "/v1/documents/alpha", "/v1/entities/\(Self.entityID)"])
    func prettyResourceEqualsCompact(_ target: String) throws {
        let (compact, pretty) = try Self.compactAndPretty(target)
        #expect(sameJSON(try pretty.jsonObject(), try compact.jsonObject()))
    }

    /// `?pretty=true` on a list gives indented JSON with the same items and `meta` as the
    /// compact form, and links that keep `pretty=true`.
    @Test(arguments: ["/v1/documents", "/v1/documents/alpha/related", "/v1/entities", "/v1/quotes", "/v1/timeline", "/v1/contacts"])
    func prettyListEqualsCompact(_ target: String) throws {
        let (compact, pretty) = try Self.compactAndPretty(target)
        let prettyBody = try pretty.jsonObject()
        let compactBody = try compact.jsonObject()
        #expect(sameJSON(try #require(prettyBody["data"]), try #require(compactBody["data"])))
        #expect(sameJSON(try #require(prettyBody["meta"]), try #require(compactBody["meta"])))
        #expect(try decodedLink(try Listing(pretty).selfLink).query.contains("pretty=true"))
    }

    /// `fields=id,title` on the document list keeps only those members of each item, and the
    /// links keep `fields` so every page is cut the same way.
    @Test func fieldsCutListItems() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()
        let full = try client.listing("/v1/documents?limit=2")

        let cut = try client.listing("/v1/documents?fields=id,title&limit=2")

        #expect(cut.data.count == 2)
        #expect(cut.data.allSatisfy { Set($0.keys) == ["id", "title"] })
        #expect(cut.ids == full.ids)
        #expect(cut.data.map { $0["title"] as? String } == full.data.map { $0["title"] as? String })
        #expect(try decodedLink(cut.selfLink).query == ["fields=id,title", "limit=2", "offset=0"])
        #expect(try decodedLink(try #require(cut.next)).query == ["fields=id,title", "limit=2", "offset=2"])
    }

    /// `fields=id,title` on one document keeps only those members of the object, with their
    /// full values.
    @Test func fieldsCutResource() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()
        let full = try client.get("/v1/documents/alpha").jsonObject()

        let response = try client.get("/v1/documents/alpha?fields=id,title")

        #expect(response.statusCode == 200)
        let cut = try response.jsonObject()
        #expect(Set(cut.keys) == ["id", "title"])
        #expect(cut["id"] as? String == "alpha")
        #expect(cut["title"] as? String == full["title"] as? String)
    }

    /// Whether `id` is one the server may have generated or echoed: 1 to 128 characters from
    /// `A-Z a-z 0-9 - _ . : /`.
    static func isSafeRequestID(_ id: String) -> Bool {
        (1...128).contains(id.utf8.count)
            && id.unicodeScalars.allSatisfy { scalar in
                (scalar.isASCII && CharacterSet.alphanumerics.contains(scalar)) || "-_.:/".unicodeScalars.contains(scalar)
            }
    }

    /// A client's `X-Request-Id` of 1 to 128 safe characters is echoed unchanged.
    @Test(arguments: ["abc-123", "trace:2024/05/03_x.y", "Z", String(repeating: "a", count: 128)])
    func echoesSafeRequestID(_ id: String) throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        let response = try client.get("/healthz", headers: [("X-Request-Id", id)])

        #expect(response["X-Request-Id"] == id)
    }

    /// A client's `X-Request-Id` that is too long (129 characters), empty, or contains a
    /// space, a quote or another character unsafe in a log line is replaced by a generated,
    /// safe one.
    @Test(arguments: [String(repeating: "a", count: 129), "has space", "quote\"d", "semi;colon", "tab\tbed", ""])
    func replacesUnsafeRequestID(_ id: String) throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        let response = try client.get("/healthz", headers: [("X-Request-Id", id)])

        let echoed = try #require(response["X-Request-Id"])
        #expect(echoed != id)
        #expect(Self.isSafeRequestID(echoed), "\(echoed)")
    }

    /// Without an `X-Request-Id`, every response (success, 404 or 400) gets a generated, safe
    /// one, and no two requests get the same.
    @Test func generatesDistinctRequestIDs() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()
        let targets = ["/healthz", "/healthz", "/nowhere", "/v1/documents?limit=0"]

        let ids = try targets.map { try client.get($0)["X-Request-Id"] }

        #expect(ids.allSatisfy { $0.map(Self.isSafeRequestID) == true }, "\(ids)")
        #expect(Set(ids.compactMap { $0 }).count == targets.count, "\(ids)")
    }

    /// The route patterns the index must list.
    static let endpointPatterns: Set<String> = [
        "/", "/healthz", "/readyz", "/metrics", "/openapi.yaml", "/v1/documents", "/v1/documents/{id}", "/v1/documents/{id}/text",
        "/v1/documents/{id}/related", "/v1/search", "/v1/contacts", "/v1/timeline", "/v1/quotes", "/v1/entities", "/v1/entities/{id}",
        "/v1/changes", "/v1/events", "/v1/journal",
    ]

    /// `GET /` lists every endpoint once, each a `GET` with its pattern, a summary, and a `url`
    /// equal to the pattern, or `null` exactly when the pattern has a `{parameter}` to fill in.
    @Test func indexListsEveryEndpoint() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        let response = try client.get("/")

        #expect(response.statusCode == 200)
        let endpoints = try #require(try response.jsonObject()["endpoints"] as? [[String: Any]])
        let paths = endpoints.compactMap { $0["path"] as? String }
        #expect(paths.count == endpoints.count)
        #expect(paths.count == Set(paths).count, "listed twice: \(paths)")
        #expect(Set(paths) == Self.endpointPatterns)
        for endpoint in endpoints {
            let path = endpoint["path"] as? String ?? "?"
            #expect(endpoint["method"] as? String == "GET", "\(path)")
            #expect((endpoint["summary"] as? String)?.isEmpty == false, "\(path)")
            if path.contains("{") {
                #expect(endpoint["url"] is NSNull, "\(path)")
            } else {
                #expect(endpoint["url"] as? String == path, "\(path)")
            }
        }
    }
}
