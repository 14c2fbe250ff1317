import Access
import API
import Foundation
import TestSupport
import Testing

/// API keys, scopes, hosts and write origins over loopback: each attack of an anonymous
/// client on the same network, refused with problem+json and nothing stored.
@Suite(.timeLimit(.minutes(1)))
struct AccessIntegrationTests {
    static let writer = NewKey(name: "desk", scopes: [.write])
    static let reader = NewKey(name: "dash", scopes: [.read])
    static let replica = NewKey(name: "replica", scopes: [.replicate])
    static let ring = KeyRing(keys: [writer.key, reader.key, replica.key])

    static func bearer(_ key: NewKey) -> [(String, String)] { [("Authorization", "Bearer \(key.secret)")] }

    /// A writable server whose policy uses the test keys.
    static func server(guarded: Set<OptionalGuard> = [], origins: [String] = ["*"]) throws -> WritableServer {
        try WritableServer(options: APIOptions(allowedOrigins: origins, access: AccessPolicy(keyRing: ring, guarded: guarded, isLoopbackOnly: false)))
    }

    /// How many documents the server holds.
    static func count(_ client: TestClient) throws -> Int {
        let page = try client.get("/v1/documents?limit=1").jsonObject()
        return try #require((page["meta"] as? [String: Any])?["total"] as? Int)
    }

    @Test func writeWithoutKeyIs401WithChallengeAndStoresNothing() throws {
        let server = try Self.server()
        let client = try server.client()
        let before = try Self.count(client)

        let response = try client.post("/v1/documents", WritableServer.article("Anonymous write"))

        #expect(response.statusCode == 401)
        #expect(response["WWW-Authenticate"] == #"Bearer realm="dossier""#)
        #expect(response["Content-Type"] == "application/problem+json")
        #expect((try response.jsonObject()["detail"] as? String)?.contains("Authorization: Bearer") == true)
        #expect(try Self.count(client) == before)
    }

    @Test func wrongKeyIs401InvalidTokenEvenOnOpenReads() throws {
        let server = try Self.server()
        let client = try server.client()

        let write = try client.post("/v1/documents", WritableServer.article("Guessed"), headers: [("Authorization", "Bearer dsk_guess")])
        let read = try client.get("/v1/documents", headers: [("Authorization", "Bearer dsk_guess")])

        #expect(write.statusCode == 401)
        #expect(write["WWW-Authenticate"]?.contains(#"error="invalid_token""#) == true)
        #expect(read.statusCode == 401)
    }

    @Test func keyWithoutWriteScopeIs403() throws {
        let server = try Self.server()
        let client = try server.client()

        let response = try client.post("/v1/documents", WritableServer.article("Reader writes"), headers: Self.bearer(Self.reader))

        #expect(response.statusCode == 403)
        #expect(response["WWW-Authenticate"]?.contains(#"scope="write""#) == true)
        #expect(try response.jsonObject()["required_scope"] as? String == "write")
    }

    @Test func writeKeyCreatesAndDeletes() throws {
        let server = try Self.server()
        let client = try server.client()

        let created = try client.post("/v1/documents", WritableServer.article("Keyed write"), headers: Self.bearer(Self.writer))
        #expect(created.statusCode == 201)
        let location = try #require(created["Location"])
        try client.send(RawRequest.make("DELETE", location))
        #expect(try client.readResponse().statusCode == 401)
        try client.send(RawRequest.make("DELETE", location, headers: Self.bearer(Self.writer)))
        #expect(try client.readResponse().statusCode == 204)
    }

    @Test func journalNeedsTheReplicateScope() throws {
        let server = try Self.server()
        let client = try server.client()

        #expect(try client.get("/v1/journal").statusCode == 401)
        #expect(try client.get("/v1/journal", headers: Self.bearer(Self.writer)).statusCode == 403)
        let reader = try server.client()
        try reader.send(RawRequest.get("/v1/journal", headers: Self.bearer(Self.replica)))
        #expect(try reader.readResponseHead().statusCode == 200)
    }

    @Test func guardedReadsNeedAKeyButProbesNever() throws {
        let server = try Self.server(guarded: [.reads, .metrics])
        let client = try server.client()

        #expect(try client.get("/v1/documents").statusCode == 401)
        #expect(try client.get("/metrics").statusCode == 401)
        #expect(try client.get("/v1/documents", headers: Self.bearer(Self.reader)).statusCode == 200)
        #expect(try client.get("/healthz").statusCode == 200)
        #expect(try client.get("/readyz").statusCode == 200)
    }

    @Test func exposedServerWithoutKeysRefusesWritesAndSaysHowToFixIt() throws {
        let server = try WritableServer(options: APIOptions(access: AccessPolicy(keyRing: nil, isLoopbackOnly: false)))
        let client = try server.client()

        let response = try client.post("/v1/documents", WritableServer.article("No keys anywhere"))

        #expect(response.statusCode == 401)
        #expect((try response.jsonObject()["detail"] as? String)?.contains("dossier keys create") == true)
        #expect(try client.get("/v1/documents").statusCode == 200)
    }

    @Test func foreignHostIs421() throws {
        let server = try WritableServer(options: APIOptions(hosts: HostPolicy(allowing: HostPolicy.loopbackHosts)))
        let client = try server.client()

        try client.send("GET /v1/documents HTTP/1.1\r\nHost: rebound.example:8080\r\n\r\n")
        let refused = try client.readResponse()
        try client.send("GET /v1/documents HTTP/1.1\r\nHost: localhost:8080\r\n\r\n")
        let served = try client.readResponse()

        #expect(refused.statusCode == 421)
        #expect((try refused.jsonObject()["detail"] as? String)?.contains("rebound.example") == true)
        #expect(served.statusCode == 200)
    }

    @Test func pageOnAnotherOriginCannotWriteEvenWithoutPreflight() throws {
        let server = try WritableServer()
        let client = try server.client()
        let before = try Self.count(client)

        let simple = try client.post("/v1/documents", WritableServer.article("Cross-site"), headers: [("Origin", "https://evil.example")])
        try client.send(
            RawRequest.make("OPTIONS", "/v1/documents", headers: [("Origin", "https://evil.example"), ("Access-Control-Request-Method", "POST")]))
        let preflight = try client.readResponse()

        #expect(simple.statusCode == 403)
        #expect(simple["Access-Control-Allow-Origin"] == nil)
        #expect(preflight.statusCode == 403)
        #expect(try Self.count(client) == before)
    }

    @Test func ownOriginAndListedOriginsMayWrite() throws {
        let server = try WritableServer(options: APIOptions(allowedOrigins: ["https://desk.example"]))
        let client = try server.client()

        let own = try client.post("/v1/documents", WritableServer.article("Same origin"), headers: [("Origin", "http://localhost")])
        let listed = try client.post("/v1/documents", WritableServer.article("Desk origin"), headers: [("Origin", "https://desk.example")])

        #expect(own.statusCode == 201)
        #expect(listed.statusCode == 201)
        #expect(listed["Access-Control-Allow-Origin"] == "https://desk.example")
    }

    @Test func everyResponseSaysNosniff() throws {
        let server = try WritableServer()
        let client = try server.client()

        #expect(try client.get("/v1/documents").values(for: "X-Content-Type-Options") == ["nosniff"])
        #expect(try client.get("/nowhere").values(for: "X-Content-Type-Options") == ["nosniff"])
        let broken = try server.client()
        try broken.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\nContent-Length: x\r\n\r\n")
        #expect(try broken.readResponse().values(for: "X-Content-Type-Options") == ["nosniff"])
    }

    @Test func tlsHandshakeOnThePlainPortGets400AtOnce() throws {
        let server = try WritableServer()
        let client = try server.client()
        // The start of a TLS 1.2 ClientHello record: handshake, version 3.1, length, type 1.
        try client.send([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xFC, 0x03, 0x03])

        let response = try client.readResponse()

        #expect(response.statusCode == 400)
        #expect(client.isClosedByPeer(within: .seconds(2)))
    }

    @Test func writesAndSearchesAreLimitedPerClient() throws {
        let second = NewKey(name: "wire", scopes: [.write])
        let slow = RateLimit(perSecond: 0.01, burst: 2)
        let options = APIOptions(
            access: AccessPolicy(keyRing: KeyRing(keys: [Self.writer.key, second.key]), isLoopbackOnly: false), writeLimit: slow, searchLimit: slow)
        let server = try WritableServer(options: options)
        let client = try server.client()
        let before = try Self.count(client)

        let first = try client.post("/v1/documents", WritableServer.article("One"), headers: Self.bearer(Self.writer))
        _ = try client.post("/v1/documents", WritableServer.article("Two"), headers: Self.bearer(Self.writer))
        let third = try client.post("/v1/documents", WritableServer.article("Three"), headers: Self.bearer(Self.writer))
        let otherClient = try client.post("/v1/documents", WritableServer.article("Four"), headers: Self.bearer(second))

        #expect(first.statusCode == 201)
        #expect(first["RateLimit-Policy"] == #""writes";q=2;w=200"#)
        #expect(first["RateLimit"] == #""writes";r=1;t=100"#)
        #expect(third.statusCode == 429)
        // 100 s until the next token, less the time the two writes before it took: under a loaded
        // machine those can take seconds (the limiter runs on the real clock).
        #expect(third["Retry-After"].flatMap { Int($0) }.map { (90...100).contains($0) } == true)
        #expect((try third.jsonObject()["detail"] as? String)?.contains("Too many writes") == true)
        #expect(otherClient.statusCode == 201)
        #expect(try Self.count(client) == before + 3)

        let searches = try (0..<3).map { _ in try client.get("/v1/search?q=port") }
        #expect(searches.map(\.statusCode) == [200, 200, 429])
        #expect(searches[2]["RateLimit"] == #""search";r=0;t=100"#)
    }

    @Test func eventStreamsAreCappedPerClientAndInAll() throws {
        let other = NewKey(name: "wall", scopes: [.read])
        let options = APIOptions(
            access: AccessPolicy(keyRing: KeyRing(keys: [Self.reader.key, other.key]), isLoopbackOnly: false),
            eventStreams: EventStreamLimits(total: 3, perClient: 2))
        let server = try WritableServer(options: options)
        func open(_ key: NewKey) throws -> (TestClient, TestResponse) {
            let client = try server.client()
            try client.send(RawRequest.get("/v1/events", headers: Self.bearer(key)))
            return (client, try client.readResponseHead())
        }

        // Every client is kept: a client let go closes its connection, and its stream with it.
        let opened = try [Self.reader, Self.reader, Self.reader, other, other].map(open)

        #expect(opened.map(\.1.statusCode) == [200, 200, 429, 200, 200])
        #expect(opened[0].0.isClosedByPeer(), "the oldest stream ends when a new one passes the total")
        #expect(!opened[1].0.isClosedByPeer(within: .milliseconds(200)))
    }
}
