import API
import Corpus
import Extraction
import HTTPServer
import Store
import Testing
import TestSupport

/// The port is served before the collection is loaded: a `StartupGate` over loopback, before
/// and after it is opened.
@Suite(.timeLimit(.minutes(1)))
struct StartupGateIntegrationTests {
    /// While loading, the process is alive, not ready, and every route says it is loading,
    /// on one connection that stays open.
    @Test func answersProbesAndRefusesRoutesWhileLoading() throws {
        let gate = StartupGate(readiness: Readiness(.loading))
        let server = try TestServer.started(responder: gate)
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(RawRequest.get("/healthz"))
        let health = try client.readResponse()
        #expect(health.statusCode == 200)
        #expect(try health.jsonObject()["status"] as? String == "ok")

        try client.send(RawRequest.get("/readyz"))
        let ready = try client.readResponse()
        let readyProblem = try ready.expectProblem(status: 503)
        #expect(readyProblem["detail"] as? String == "The corpus is still loading.")
        #expect(ready["Retry-After"] != nil)

        for request in [RawRequest.get("/v1/documents"), RawRequest.make("POST", "/v1/documents", headers: [("Content-Type", "text/plain")], body: "Some text.")] {
            try client.send(request)
            let response = try client.readResponse()
            try response.expectProblem(status: 503)
            #expect(response["Retry-After"] != nil)
            #expect(response["X-Request-Id"] != nil)
        }
        #expect(!gate.isOpen)
    }

    /// Once opened, the gate is the API: documents, readiness and the API's own errors.
    @Test func passesEverythingToTheAPIOnceOpen() throws {
        let readiness = Readiness(.loading)
        let gate = StartupGate(readiness: readiness)
        let server = try TestServer.started(responder: gate)
        defer { server.shutdown() }
        let client = try server.makeClient()
        try client.send(RawRequest.get("/v1/documents"))
        try client.readResponse().expectProblem(status: 503)

        let ingestor = Ingestor()
        let documents = try APIFixture.articles.map { try ingestor.ingest(text: $0.text, id: $0.id) }
        gate.open(DossierAPI(store: try DocumentStore(seeds: documents, directory: nil, ingestor: Ingestor()), readiness: readiness))
        readiness.finishLoading()

        try client.send(RawRequest.get("/v1/documents/alpha"))
        let document = try client.readResponse()
        #expect(document.statusCode == 200)
        #expect(try document.jsonObject()["id"] as? String == "alpha")
        try client.send(RawRequest.get("/readyz"))
        #expect(try client.readResponse().jsonObject()["documents"] as? Int == APIFixture.articles.count)
        try client.send(RawRequest.get("/v1/nowhere"))
        try client.readResponse().expectProblem(status: 404)
        #expect(gate.isOpen)
    }

    /// A process stopped before it finished loading reports draining, not loading.
    @Test func reportsDrainingWhenStoppedWhileLoading() throws {
        let readiness = Readiness(.loading)
        let server = try TestServer.started(responder: StartupGate(readiness: readiness))
        defer { server.shutdown() }
        readiness.set(.draining)
        let client = try server.makeClient()

        try client.send(RawRequest.get("/readyz"))
        let problem = try client.readResponse().expectProblem(status: 503)

        #expect(problem["detail"] as? String == "The server is shutting down.")
    }
}
