import API
import Corpus
import DocumentModel
import Extraction
import HTTPServer
import Store
import Testing
import TestSupport

/// `/healthz` and `/readyz` served by the real API over loopback.
@Suite(.timeLimit(.minutes(1)))
struct ServiceIntegrationTests {
    /// Liveness answers 200 `{"status": "ok"}`.
    @Test func answersHealthCheck() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(RawRequest.get("/healthz"))
        let response = try client.readResponse()

        #expect(response.statusCode == 200)
        #expect(response["Content-Type"] == "application/json")
        #expect(try response.jsonObject()["status"] as? String == "ok")
    }

    /// Readiness answers 200 with the document count once the corpus is loaded.
    @Test func reportsReadyWithDocumentCount() throws {
        let server = try APIFixture.startServer(readiness: .ready)
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(RawRequest.get("/readyz"))
        let response = try client.readResponse()

        #expect(response.statusCode == 200)
        let body = try response.jsonObject()
        #expect(body["status"] as? String == "ready")
        #expect(body["documents"] as? Int == APIFixture.articles.count)
    }

    /// Readiness answers 503 problem+json with `Retry-After` while the corpus is loading.
    @Test func reportsNotReadyWhileLoading() throws {
        let server = try APIFixture.startServer(readiness: .loading)
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(RawRequest.get("/readyz"))
        let response = try client.readResponse()

        try response.expectProblem(status: 503)
        #expect(response["Retry-After"] != nil)
        try APIFixture.expectConnectionStillServes(client)
    }
}

/// A running `DossierAPI` over three small documents, and checks shared by the API's
/// integration tests.
enum APIFixture {
    /// The documents' ids and texts: two with a metadata line and headline, one with neither,
    /// and a press release with a media contact.
    static let articles: [(id: String, text: String)] = [
        (
            "alpha",
            """
            date 2024-03-05 AFP, GENEVA

            Council approves new water plan

            The council approved a plan on Tuesday to repair the city's ageing water network.

            Work is due to begin next month, officials said.
            """
        ),
        (
            "bravo",
            """
            date 2024-04-10 Reuters, NAIROBI

            Farmers test drought-resistant seeds

            Farmers in the region planted new seed varieties this season after two dry years.
            """
        ),
        (
            "charlie",
            """
            Officials said the old bridge would reopen after safety inspections. Traffic was diverted overnight.
            """
        ),
        (
            "delta",
            """
            Harbour board — Press Release

            New ferry timetable starts in June

            LISBON (3 May 2024) – The harbour board published a new ferry timetable on Friday with more evening crossings.

            “We will add evening crossings as demand grows,” said Marta Sousa Lima, the board's spokeswoman.

            Media contact

            In Lisbon (Portuguese, English): Marta Sousa Lima, +351 21 123 4567, marta.lima@harbour.example
            """
        ),
    ]

    /// Starts a server, sends one GET and returns its response.
    static func get(_ target: String) throws -> TestResponse {
        let server = try self.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()
        try client.send(RawRequest.get(target))
        return try client.readResponse()
    }

    /// Starts a server answering with the real API over the fixture documents.
    ///
    /// - Parameters:
    ///   - readiness: what `/readyz` reports. Default `.ready`.
    ///   - configuration: the server settings. Default `ServerConfiguration.testing`.
    /// - Returns: the running server.
    static func startServer(readiness: Readiness.Phase = .ready, configuration: ServerConfiguration = .testing) throws -> TestServer {
        let ingestor = Ingestor()
        let documents = try self.articles.map { try ingestor.ingest(text: $0.text, id: $0.id) }
        let api = DossierAPI(store: try DocumentStore(seeds: documents, directory: nil, ingestor: Ingestor()), readiness: Readiness(readiness))
        return try TestServer.started(configuration: configuration, responder: api)
    }

    /// Checks that the connection is still open and in step by asking for `/healthz` on it.
    static func expectConnectionStillServes(_ client: TestClient, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try client.send(RawRequest.get("/healthz"))
        let response = try client.readResponse()
        #expect(response.statusCode == 200, sourceLocation: sourceLocation)
    }
}

extension TestResponse {
    /// Checks that this is an RFC 9457 problem for `status` and returns its members.
    ///
    /// The media type must be `application/problem+json` and the body a JSON object with
    /// string `type`, `title` and a non-empty `detail`, and a numeric `status` equal to the
    /// response's.
    @discardableResult
    func expectProblem(status: Int, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        #expect(self.statusCode == status, sourceLocation: sourceLocation)
        #expect(self["Content-Type"] == "application/problem+json", sourceLocation: sourceLocation)
        let problem = try self.jsonObject()
        #expect(problem["type"] is String, sourceLocation: sourceLocation)
        #expect(problem["title"] as? String == self.reason, sourceLocation: sourceLocation)
        #expect(problem["status"] as? Int == status, sourceLocation: sourceLocation)
        #expect((problem["detail"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
        return problem
    }
}
