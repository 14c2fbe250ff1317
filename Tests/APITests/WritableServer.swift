import API
import Corpus
import DocumentModel
import Extraction
import Foundation
import HTTPServer
import Store
import TestSupport

/// A real server over the fixture documents with a writable store in a fresh temporary data
/// directory, removed with it.
final class WritableServer {
    let server: TestServer
    let store: DocumentStore
    let dataDirectory: String

    /// Starts it.
    ///
    /// - Parameters:
    ///   - configuration: the store's bounds (history, idempotency keys, compaction).
    ///   - options: the API's options (e.g. a short heartbeat).
    ///   - serverConfiguration: the HTTP server's settings.
    init(
        configuration: DocumentStore.Configuration = DocumentStore.Configuration(), options: APIOptions = APIOptions(),
        serverConfiguration: ServerConfiguration = .testing
    ) throws {
        self.dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-api-tests-\(UUID().uuidString)").path
        let ingestor = Ingestor()
        let documents = try APIFixture.articles.map { try ingestor.ingest(text: $0.text, id: $0.id) }
        self.store = try DocumentStore(seeds: documents, directory: try DataDirectory.open(path: self.dataDirectory), configuration: configuration, ingestor: Ingestor())
        let api = DossierAPI(store: self.store, readiness: Readiness(.ready), options: options)
        self.server = try TestServer.started(configuration: serverConfiguration, responder: api)
    }

    deinit {
        _ = self.server.shutdown()
        self.store.close()
        try? FileManager.default.removeItem(atPath: self.dataDirectory)
    }

    /// A new keep-alive client.
    func client() throws -> TestClient {
        try self.server.makeClient()
    }

    /// A short article in the plain-text form the API takes.
    static func article(_ headline: String) -> String {
        "\(headline)\n\nLISBON — The port authority said on Monday that the ferry terminal would reopen next week.\n\n\"We are ready,\" said Rui Costa, the terminal manager."
    }
}

extension TestClient {
    /// Sends a `POST` with a body of `contentType` (none when `nil`) and reads the response.
    func post(_ target: String, _ body: String, contentType: String? = "text/plain", headers: [(String, String)] = []) throws -> TestResponse {
        let typeHeader = contentType.map { [("Content-Type", $0)] } ?? []
        try self.send(RawRequest.make("POST", target, headers: typeHeader + headers, body: body))
        return try self.readResponse()
    }

    /// Sends a `POST` of a JSON object built from `members` and reads the response.
    func postJSON(_ target: String, _ members: [String: Any], headers: [(String, String)] = []) throws -> TestResponse {
        let body = try JSONSerialization.data(withJSONObject: members, options: [.sortedKeys])
        return try self.post(target, String(decoding: body, as: UTF8.self), contentType: "application/json", headers: headers)
    }

    /// Sends a `DELETE` and reads the response.
    func delete(_ target: String) throws -> TestResponse {
        try self.send(RawRequest.make("DELETE", target))
        return try self.readResponse()
    }
}
