import API
import TestSupport
import Testing

/// Query-parameter checks and not-found answers over loopback: every bad parameter is a 400
/// problem+json that names it, every missing resource a 404 problem+json, and neither closes
/// the connection.
@Suite(.timeLimit(.minutes(1)))
struct ParameterValidationIntegrationTests {
    /// A request target and the name its problem must carry: the bad query parameter of a
    /// 400, or the text the `detail` of a 404 must contain.
    struct Case: Sendable, CustomTestStringConvertible {
        let target: String
        let name: String

        init(_ target: String, _ name: String) {
            self.target = target
            self.name = name
        }

        var testDescription: String { "\(self.target) → '\(self.name)'" }
    }

    static let badParameters: [Case] = [
        Case("/v1/documents?limit=0", "limit"),
        Case("/v1/documents?limit=101", "limit"),
        Case("/v1/documents?limit=abc", "limit"),
        Case("/v1/documents?offset=-1", "offset"),
        Case("/v1/entities?limit=0", "limit"),
        Case("/v1/quotes?limit=101", "limit"),
        Case("/v1/timeline?offset=-1", "offset"),
        Case("/v1/contacts?offset=x", "offset"),
        Case("/v1/documents/alpha/related?limit=0", "limit"),
        Case("/v1/documents?from=2024-13-01", "from"),
        Case("/v1/documents?from=2024-02-30", "from"),
        Case("/v1/documents?to=yesterday", "to"),
        Case("/v1/documents?from=2024-05-01&to=2024-04-01", "from"),
        Case("/v1/timeline?from=2024-13-01", "from"),
        Case("/v1/timeline?from=2024-05-01&to=2024-04-01", "from"),
        Case("/v1/documents?kind=blog", "kind"),
        Case("/v1/documents?sort=date", "sort"),
        Case("/v1/entities?type=place", "type"),
        Case("/v1/documents?pretty=yes", "pretty"),
        Case("/v1/documents/alpha?pretty=1", "pretty"),
        Case("/v1/documents?fields=a,,b", "fields"),
        Case("/v1/documents?fields=bad-name", "fields"),
        Case("/v1/documents?bogus=1", "bogus"),
        Case("/v1/entities?bogus=1", "bogus"),
        Case("/v1/quotes?bogus=1", "bogus"),
        Case("/v1/timeline?bogus=1", "bogus"),
        Case("/v1/contacts?bogus=1", "bogus"),
        Case("/v1/documents/alpha?bogus=1", "bogus"),
        Case("/v1/documents/alpha/related?bogus=1", "bogus"),
        Case("/v1/documents?limit=1&limit=2", "limit"),
    ]

    /// A bad, unknown or repeated query parameter is a 400 problem+json whose `parameter`
    /// member is its name and whose `detail` quotes it; the connection stays open.
    @Test(arguments: Self.badParameters)
    func rejectsBadParameterByName(_ bad: Case) throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        let response = try client.get(bad.target)

        let problem = try response.expectProblem(status: 400)
        #expect(problem["parameter"] as? String == bad.name)
        #expect((problem["detail"] as? String)?.contains("'\(bad.name)'") == true, "detail: \(problem["detail"] ?? "none")")
        try APIFixture.expectConnectionStillServes(client)
    }

    static let missing: [Case] = [
        Case("/v1/documents/no-such-document", "no-such-document"),
        Case("/v1/documents/no-such-document/text", "no-such-document"),
        Case("/v1/documents/no-such-document/related", "no-such-document"),
        Case("/v1/entities/no-such-entity", "no-such-entity"),
        Case("/nowhere/at/all", "/nowhere/at/all"),
        Case("/openapi.yaml", "OpenAPI"),
    ]

    /// An unknown document or entity id, an unknown path, and `/openapi.yaml` on a server
    /// started without an OpenAPI document are each a 404 problem+json whose `detail` names
    /// what is missing; the connection stays open.
    @Test(arguments: Self.missing)
    func answersNotFoundProblem(_ missing: Case) throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        let response = try client.get(missing.target)

        let problem = try response.expectProblem(status: 404)
        #expect((problem["detail"] as? String)?.contains(missing.name) == true, "detail: \(problem["detail"] ?? "none")")
        #expect(problem["parameter"] == nil)
        try APIFixture.expectConnectionStillServes(client)
    }

    /// With an OpenAPI document configured, `/openapi.yaml` serves exactly its bytes as YAML.
    @Test func servesConfiguredOpenAPIDocument() throws {
        let document = Array("openapi: 3.1.0\ninfo:\n  title: Dossier\n".utf8)
        let server = try APIFixture.startServer(options: .init(openAPIDocument: document))
        defer { server.shutdown() }
        let client = try server.makeClient()

        let response = try client.get("/openapi.yaml")

        #expect(response.statusCode == 200)
        #expect(response["Content-Type"] == "application/yaml")
        #expect(response.body == document)
    }
}
