import Testing
import TestSupport

/// One keep-alive loopback connection to a running `dossier`, with the reads and writes the
/// crash tests make: writes, single documents, the whole listing and the change history.
///
/// ```swift
/// let session = try DossierSession(port: port)
/// let listed = try session.listing()  // id -> title, every page
/// ```
///
/// - Note: Not thread-safe, like the `TestClient` it wraps: one thread at a time.
final class DossierSession {
    /// One entry of `/v1/changes`.
    struct ListedChange: Sendable, Hashable {
        let number: Int
        /// `document.created` or `document.deleted`.
        let type: String
        let id: String
        let title: String
    }

    private let client: TestClient

    /// Connects to `127.0.0.1:port`.
    init(port: Int) throws {
        self.client = try TestClient(port: port)
    }

    /// Closes the connection.
    func close() {
        self.client.close()
    }

    /// Sends `request` and reads its whole response.
    func send(_ request: String) throws -> TestResponse {
        try self.client.send(request)
        return try self.client.readResponse()
    }

    /// `GET target`.
    func get(_ target: String) throws -> TestResponse {
        try self.send(RawRequest.get(target))
    }

    /// Every document `/v1/documents` lists, id to title, read 100 at a time.
    func listing() throws -> [String: String] {
        var documents: [String: String] = [:]
        var total = Int.max
        var offset = 0
        while offset < total {
            let page = try self.get("/v1/documents?limit=100&offset=\(offset)").jsonObject()
            let meta = try #require(page["meta"] as? [String: Any])
            total = try #require(meta["total"] as? Int)
            let data = try #require(page["data"] as? [[String: Any]])
            for summary in data {
                documents[try #require(summary["id"] as? String)] = try #require(summary["title"] as? String)
            }
            offset += 100
        }
        return documents
    }

    /// The latest change number, even when the changes before it are no longer kept (410).
    func lastChange() throws -> Int {
        let response = try self.get("/v1/changes?since=0&limit=1")
        let body = try response.jsonObject()
        switch response.statusCode {
        case 200: return try #require((body["meta"] as? [String: Any])?["last_change"] as? Int)
        case 410: return try #require(body["last_change"] as? Int)
        default: throw TestClientError.malformedResponse("GET /v1/changes: \(response.statusCode) \(response.bodyText)")
        }
    }

    /// The changes after `since`, oldest first, following `links.next`, and the latest change number.
    func changes(since: Int) throws -> (changes: [ListedChange], lastChange: Int) {
        var changes: [ListedChange] = []
        var target: String? = "/v1/changes?since=\(since)&limit=1000"
        var lastChange = since
        while let next = target {
            let response = try self.get(next)
            try #require(response.statusCode == 200, "GET \(next): \(response.statusCode) \(response.bodyText)")
            let page = try response.jsonObject()
            for change in try #require(page["data"] as? [[String: Any]]) {
                changes.append(
                    ListedChange(
                        number: try #require(change["change"] as? Int), type: try #require(change["type"] as? String),
                        id: try #require(change["id"] as? String), title: try #require(change["title"] as? String)))
            }
            lastChange = try #require((page["meta"] as? [String: Any])?["last_change"] as? Int)
            target = (page["links"] as? [String: Any])?["next"] as? String
        }
        return (changes, lastChange)
    }
}
