import API
import Corpus
import DocumentModel
import Extraction
import Store
import TestSupport

extension TestServer {
    /// Serves `documents` from a store in memory for one `GET` of `target`, and stops.
    static func get(_ target: String, serving documents: [Document]) throws -> TestResponse {
        let api = DossierAPI(store: try DocumentStore(seeds: documents, directory: nil, ingestor: Ingestor()), readiness: Readiness(.ready))
        let server = try TestServer.started(configuration: .testing, responder: api)
        defer { server.shutdown() }
        let client = try server.makeClient()
        try client.send(RawRequest.get(target))
        return try client.readResponse()
    }
}
