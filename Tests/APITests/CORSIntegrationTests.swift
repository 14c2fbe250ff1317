import API
import Foundation
import TestSupport
import Testing

/// Cross-origin access and `OPTIONS` over loopback: `Access-Control-*` headers with the
/// default `*` and with a list of origins, `Vary: Origin`, preflights, and plain `OPTIONS`.
@Suite(.timeLimit(.minutes(1)))
struct CORSIntegrationTests {
    static let desk = "https://desk.example"
    static let elsewhere = "https://elsewhere.example"
    /// Options allowing only the desk's origin.
    static let deskOnly = APIOptions(allowedOrigins: [desk])

    /// The names in a comma-separated header value, trimmed and lower-cased.
    static func tokens(_ value: String?) -> Set<String> {
        Set((value ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
    }

    /// A preflight for `GET` from `origin` asking to send `If-None-Match`.
    static func preflight(_ target: String, origin: String) -> String {
        RawRequest.make(
            "OPTIONS", target,
            headers: [("Origin", origin), ("Access-Control-Request-Method", "GET"), ("Access-Control-Request-Headers", "if-none-match")])
    }

    /// With the default options any origin may read: a cross-origin `GET` gets
    /// `Access-Control-Allow-Origin: *`, exposes `ETag` and `X-Request-Id`, and needs no
    /// `Vary: Origin` since the answer does not depend on the origin.
    @Test func allowsAnyOriginByDefault() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        let response = try client.get("/v1/documents", headers: [("Origin", Self.desk)])

        #expect(response.statusCode == 200)
        #expect(response["Access-Control-Allow-Origin"] == "*")
        #expect(Self.tokens(response["Access-Control-Expose-Headers"]).isSuperset(of: ["etag", "x-request-id"]))
        #expect(!response.values(for: "Vary").contains { Self.tokens($0).contains("origin") })
    }

    /// With a list of origins, a `GET` from a listed origin gets that origin echoed in
    /// `Access-Control-Allow-Origin`, the exposed headers, and `Vary: Origin`.
    @Test func echoesAllowedOrigin() throws {
        let server = try APIFixture.startServer(options: Self.deskOnly)
        defer { server.shutdown() }
        let client = try server.makeClient()

        let response = try client.get("/v1/documents", headers: [("Origin", Self.desk)])

        #expect(response.statusCode == 200)
        #expect(response["Access-Control-Allow-Origin"] == Self.desk)
        #expect(Self.tokens(response["Access-Control-Expose-Headers"]).isSuperset(of: ["etag", "x-request-id"]))
        #expect(response.values(for: "Vary").contains { Self.tokens($0).contains("origin") })
    }

    /// With a list of origins, a `GET` from another origin, or with no `Origin`, is still
    /// answered but without `Access-Control-Allow-Origin`, and says `Vary: Origin` so a cache
    /// does not hand it to a listed origin.
    @Test(arguments: [Self.elsewhere, nil])
    func withholdsOtherOrigins(_ origin: String?) throws {
        let server = try APIFixture.startServer(options: Self.deskOnly)
        defer { server.shutdown() }
        let client = try server.makeClient()

        let response = try client.get("/v1/documents", headers: origin.map { [("Origin", $0)] } ?? [])

        #expect(response.statusCode == 200)
        #expect(response["Access-Control-Allow-Origin"] == nil)
        #expect(response["Access-Control-Expose-Headers"] == nil)
        #expect(response.values(for: "Vary").contains { Self.tokens($0).contains("origin") })
    }

    /// A preflight from an allowed origin (default `*` or listed) answers 204 with `Allow` and
    /// `Access-Control-Allow-Methods` of `GET, HEAD, OPTIONS`, allowed headers including the
    /// one asked for, a positive `Access-Control-Max-Age`, and the origin allowed.
    @Test(arguments: [false, true])
    func answersPreflight(listingOrigins: Bool) throws {
        let server = try listingOrigins ? APIFixture.startServer(options: Self.deskOnly) : APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(Self.preflight("/v1/documents", origin: Self.desk))
        let response = try client.readResponse()

        #expect(response.statusCode == 204)
        #expect(response["Allow"] == "GET, HEAD, OPTIONS")
        #expect(response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS")
        #expect(Self.tokens(response["Access-Control-Allow-Headers"]).isSuperset(of: ["if-none-match", "idempotency-key", "last-event-id"]))
        #expect(response["Access-Control-Max-Age"].flatMap(Int.init).map { $0 > 0 } == true)
        #expect(response["Access-Control-Allow-Origin"] == (listingOrigins ? Self.desk : "*"))
        #expect(response.body.isEmpty)
        try APIFixture.expectConnectionStillServes(client)
    }

    /// A preflight from an origin not listed is refused with a 403 problem+json that names the
    /// origin, and no `Access-Control-Allow-*` headers.
    @Test func refusesPreflightFromOtherOrigin() throws {
        let server = try APIFixture.startServer(options: Self.deskOnly)
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(Self.preflight("/v1/documents", origin: Self.elsewhere))
        let response = try client.readResponse()

        let problem = try response.expectProblem(status: 403)
        #expect((problem["detail"] as? String)?.contains(Self.elsewhere) == true)
        #expect(response["Access-Control-Allow-Origin"] == nil)
        #expect(response["Access-Control-Allow-Methods"] == nil)
        try APIFixture.expectConnectionStillServes(client)
    }

    /// `OPTIONS` without preflight headers answers 204 with the path's `Allow`, templated
    /// paths included, and no preflight headers.
    @Test(arguments: ["/v1/documents", "/v1/documents/alpha", "/healthz"])
    func answersPlainOptions(_ target: String) throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(RawRequest.make("OPTIONS", target))
        let response = try client.readResponse()

        #expect(response.statusCode == 204)
        #expect(response["Allow"] == "GET, HEAD, OPTIONS")
        #expect(response["Access-Control-Allow-Methods"] == nil)
        #expect(response.body.isEmpty)
        try APIFixture.expectConnectionStillServes(client)
    }

    /// `OPTIONS` on a path no route matches is a 404 problem+json.
    @Test func optionsOnUnknownPathIsNotFound() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(RawRequest.make("OPTIONS", "/nowhere"))
        let response = try client.readResponse()

        try response.expectProblem(status: 404)
        #expect(response["Allow"] == nil)
        try APIFixture.expectConnectionStillServes(client)
    }

    /// `OPTIONS *` asks about the server as a whole: 204 with the methods any route answers.
    @Test func answersOptionsForServer() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send("OPTIONS * HTTP/1.1\r\nHost: test\r\n\r\n")
        let response = try client.readResponse()

        #expect(response.statusCode == 204)
        #expect(response["Allow"] == "GET, HEAD, OPTIONS")
        try APIFixture.expectConnectionStillServes(client)
    }
}
