import Foundation
import TestSupport
import Testing

/// `/v1/documents` and `/v1/documents/{id}` served by the real API over loopback:
/// entity tags and `If-None-Match`, `HEAD`, `?pretty=true`, paging and parameter checks.
@Suite(.timeLimit(.minutes(1)))
struct DocumentsIntegrationTests {
    /// A document is served as JSON with a strong, quoted `ETag`.
    @Test func servesDocumentWithETag() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(RawRequest.get("/v1/documents/alpha"))
        let response = try client.readResponse()

        #expect(response.statusCode == 200)
        #expect(response["Content-Type"] == "application/json")
        let etag = try #require(response["ETag"])
        #expect(etag.hasPrefix("\"") && etag.hasSuffix("\"") && etag.count > 2)
        let document = try response.jsonObject()
        #expect(document["id"] as? String == "alpha")
        #expect(document["title"] as? String == "Council approves new water plan")
        #expect(document["source"] as? String == "AFP")
    }

    /// `If-None-Match` with the tag itself, a list containing it, or `*` gives 304 with the
    /// tag and no body, and the connection stays in step.
    @Test(arguments: ["exact", "list", "star"])
    func answersNotModifiedWhenTagMatches(_ form: String) throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()
        let etag = try Self.etag(of: "/v1/documents/alpha", on: client)
        let condition = switch form {
        case "exact": etag
        case "list": "\"0000000000000000\", \(etag), W/\"other\""
        default: "*"
        }

        try client.send(RawRequest.get("/v1/documents/alpha", headers: [("If-None-Match", condition)]))
        let response = try client.readResponse()

        #expect(response.statusCode == 304)
        #expect(response["ETag"] == etag)
        #expect(response.body.isEmpty)
        #expect(response["Content-Length"] == nil)
        try APIFixture.expectConnectionStillServes(client)
    }

    /// `If-None-Match` with only other tags gives the full 200 response.
    @Test func servesDocumentWhenTagDiffers() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(RawRequest.get("/v1/documents/alpha", headers: [("If-None-Match", "\"0000000000000000\"")]))
        let response = try client.readResponse()

        #expect(response.statusCode == 200)
        #expect(try response.jsonObject()["id"] as? String == "alpha")
    }

    /// `HEAD` of a document has the `Content-Length` and `ETag` of its `GET` and no body.
    @Test func answersHeadWithGetLengthAndNoBody() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()
        try client.send(RawRequest.get("/v1/documents/bravo"))
        let get = try client.readResponse()

        try client.send(RawRequest.head("/v1/documents/bravo"))
        let head = try client.readResponse(forHEADRequest: true)

        #expect(head.statusCode == 200)
        #expect(head["Content-Length"] == String(get.body.count))
        #expect(head["ETag"] == get["ETag"])
        #expect(head.body.isEmpty)
        try APIFixture.expectConnectionStillServes(client)
    }

    /// `?pretty=true` indents the JSON; it parses to the same value as the compact form.
    @Test func indentsJSONWhenPretty() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()
        try client.send(RawRequest.get("/v1/documents/alpha"))
        let compact = try client.readResponse()

        try client.send(RawRequest.get("/v1/documents/alpha?pretty=true"))
        let pretty = try client.readResponse()

        #expect(pretty.statusCode == 200)
        #expect(!compact.bodyText.contains("\n"))
        #expect(pretty.bodyText.hasPrefix("{\n  \"id\": \"alpha\""))
        #expect(NSDictionary(dictionary: try pretty.jsonObject()) == NSDictionary(dictionary: try compact.jsonObject()))
    }

    /// `limit=1&offset=1` gives the second document (by id) in the list envelope with exact
    /// totals and links to the neighbouring pages.
    @Test func pagesDocumentList() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(RawRequest.get("/v1/documents?limit=1&offset=1"))
        let response = try client.readResponse()

        #expect(response.statusCode == 200)
        let envelope = try response.jsonObject()
        let data = try #require(envelope["data"] as? [[String: Any]])
        #expect(data.map { $0["id"] as? String } == ["bravo"])
        #expect(data.first?["paragraphs"] == nil)
        let meta = try #require(envelope["meta"] as? [String: Any])
        #expect(meta["total"] as? Int == APIFixture.articles.count)
        #expect(meta["limit"] as? Int == 1)
        #expect(meta["offset"] as? Int == 1)
        let links = try #require(envelope["links"] as? [String: Any])
        #expect(links["self"] as? String == "/v1/documents?limit=1&offset=1")
        #expect(links["next"] as? String == "/v1/documents?limit=1&offset=2")
        #expect(links["prev"] as? String == "/v1/documents?limit=1&offset=0")
    }

    /// An unknown query parameter is a 400 problem naming it, and the connection stays open.
    @Test func rejectsUnknownParameterByName() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(RawRequest.get("/v1/documents?bogus=1"))
        let response = try client.readResponse()

        let problem = try response.expectProblem(status: 400)
        #expect(problem["parameter"] as? String == "bogus")
        #expect((problem["detail"] as? String)?.contains("bogus") == true)
        try APIFixture.expectConnectionStillServes(client)
    }

    /// The `ETag` of a successful GET on `client`.
    private static func etag(of target: String, on client: TestClient) throws -> String {
        try client.send(RawRequest.get(target))
        let response = try client.readResponse()
        try #require(response.statusCode == 200)
        return try #require(response["ETag"])
    }
}
