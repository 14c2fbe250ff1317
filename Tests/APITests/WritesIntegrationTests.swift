import API
import Corpus
import DocumentModel
import Foundation
import HTTPServer
import Locking
import TestSupport
import Testing

/// `POST /v1/documents` and `DELETE /v1/documents/{id}` over loopback: every status, the
/// error details, idempotent retries, and the write visible to every read at once.
@Suite(.timeLimit(.minutes(1)))
struct WritesIntegrationTests {
    /// A plain-text POST answers 201 with `Location` and the document, and every read sees it at once.
    @Test func createsFromPlainTextAndServesEverywhere() throws {
        let harness = try WritableServer()
        let client = try harness.client()

        let created = try client.post("/v1/documents", WritableServer.article("Lisbon ferry terminal reopens"))

        #expect(created.statusCode == 201)
        #expect(created["Location"] == "/v1/documents/doc-1")
        #expect(created["Content-Type"] == "application/json")
        let document = try created.jsonObject()
        #expect(document["id"] as? String == "doc-1")
        #expect(document["title"] as? String == "Lisbon ferry terminal reopens")
        let fetched = try client.get("/v1/documents/doc-1")
        #expect(fetched.statusCode == 200)
        #expect(fetched.body == created.body)
        #expect(fetched["ETag"] == created["ETag"])
        #expect(try client.listing("/v1/documents?limit=100").ids.contains("doc-1"))
        #expect(try client.listing("/v1/search?q=ferry+terminal").ids == ["doc-1"])
        #expect(try client.listing("/v1/quotes?document=doc-1").data.count == 1)
        #expect(try client.get("/v1/entities/rui-costa").statusCode == 200)
    }

    /// JSON metadata overrides what the text says; the id is the one given.
    @Test func createsFromJSONWithMetadata() throws {
        let harness = try WritableServer()
        let client = try harness.client()

        let created = try client.postJSON("/v1/documents", [
            "text": WritableServer.article("Terminal reopens"), "id": "lusa-2026-117", "source": "Lusa", "published": "2026-11-02",
            "title": "Ferry terminal back in service",
        ])

        #expect(created.statusCode == 201, "\(created.bodyText)")
        #expect(created["Location"] == "/v1/documents/lusa-2026-117")
        let document = try created.jsonObject()
        #expect(document["title"] as? String == "Ferry terminal back in service")
        #expect(document["slug"] as? String == "ferry-terminal-back-in-service")
        #expect(document["source"] as? String == "Lusa")
        #expect(document["published"] as? String == "2026-11-02")
        #expect(try client.listing("/v1/documents?source=lusa").ids == ["lusa-2026-117"])
    }

    /// A taken id is 409 and changes nothing.
    @Test func refusesTakenID() throws {
        let harness = try WritableServer()
        let client = try harness.client()

        let response = try client.postJSON("/v1/documents", ["text": WritableServer.article("Again"), "id": "alpha"])

        #expect(response.statusCode == 409)
        #expect(response["Content-Type"] == "application/problem+json")
        #expect(try response.jsonObject()["detail"] as? String == "A document with the id 'alpha' already exists.")
        #expect(try client.get("/v1/documents/alpha").jsonObject()["title"] as? String == "Council approves new water plan")
    }

    /// Bodies of other media types, or none, are 415 naming what is accepted.
    @Test(arguments: [Optional("text/html"), "application/xml", "text/plain; charset=iso-8859-1", nil])
    func refusesOtherMediaTypes(_ contentType: String?) throws {
        let harness = try WritableServer()
        let response = try harness.client().post("/v1/documents", "<p>hi</p>", contentType: contentType)

        #expect(response.statusCode == 415)
        let detail = try response.jsonObject()["detail"] as? String ?? ""
        #expect(detail.contains("application/json"))
    }

    /// Text that yields no body paragraph is 422.
    @Test(arguments: ["", "   \n\n  ", "date 2024-03-05 AFP, GENEVA\n\n"])
    func refusesTextWithoutBody(_ text: String) throws {
        let harness = try WritableServer()
        let response = try harness.client().post("/v1/documents", text)

        #expect(response.statusCode == 422)
        #expect(try response.jsonObject()["detail"] as? String == "The text has no body paragraphs.")
    }

    /// Malformed JSON is 400 with the error's line, column and byte offset.
    @Test func reportsWhereJSONIsMalformed() throws {
        let harness = try WritableServer()
        let response = try harness.client().post("/v1/documents", "{\n  \"text\": \"Ferry\",\n  \"id\": \"x\",\n}", contentType: "application/json")

        #expect(response.statusCode == 400)
        let problem = try response.jsonObject()
        #expect(problem["line"] as? Int == 4)
        #expect(problem["column"] as? Int == 1)
        #expect(problem["offset"] as? Int == 34)
        #expect((problem["detail"] as? String)?.hasPrefix("The body is not valid JSON: ") == true)
        #expect((problem["detail"] as? String)?.contains("line 4, column 1") == true)
    }

    /// Each rule of the JSON body is a 400 naming the member at fault.
    @Test(arguments: [
        (#"[1]"#, nil), (#"{"id": "x"}"#, "text"), (#"{"text": 5}"#, "text"), (#"{"text": "T", "headline": "H"}"#, "headline"),
        (#"{"text": "T", "id": "a b"}"#, "id"), (#"{"text": "T", "id": "-x"}"#, "id"), (#"{"text": "T", "published": "2026-02-30"}"#, "published"),
        (#"{"text": "T", "title": "two\nlines"}"#, "title"), (#"{"text": "T", "text": "U"}"#, nil),
    ] as [(String, String?)])
    func namesTheMemberAtFault(_ body: String, _ field: String?) throws {
        let harness = try WritableServer()
        let response = try harness.client().post("/v1/documents", body, contentType: "application/json")

        #expect(response.statusCode == 400, "\(body): \(response.bodyText)")
        #expect(try response.jsonObject()["field"] as? String == field, "\(body)")
    }

    /// A body over the server's limit is 413 before any of it is read, and nothing is stored.
    @Test func refusesBodyOverLimit() throws {
        var configuration = ServerConfiguration.testing
        configuration.limits.maxBodyBytes = 1024
        let harness = try WritableServer(serverConfiguration: configuration)
        let response = try harness.client().post("/v1/documents", String(repeating: "Long text. ", count: 200))

        #expect(response.statusCode == 413)
        #expect(harness.store.changes.last == 0)
    }

    /// A retry with the same `Idempotency-Key` gets the first answer again, once stored; the
    /// same key with another body is 422.
    @Test func replaysIdempotentRetries() throws {
        let harness = try WritableServer()
        let client = try harness.client()
        let key = [("Idempotency-Key", "\"8e03978e-40d5-43e8-bc93-6894a57f9324\"")]

        let first = try client.post("/v1/documents", WritableServer.article("Terminal reopens"), headers: key)
        let retry = try client.post("/v1/documents", WritableServer.article("Terminal reopens"), headers: key)
        let other = try client.post("/v1/documents", WritableServer.article("Something else"), headers: key)

        #expect(first.statusCode == 201)
        #expect(first["Idempotent-Replayed"] == nil)
        #expect(retry.statusCode == 201)
        #expect(retry["Idempotent-Replayed"] == "true")
        #expect(retry["Location"] == first["Location"])
        #expect(retry.body == first.body)
        #expect(other.statusCode == 422)
        #expect(harness.store.changes.last == 1)
        #expect(try client.post("/v1/documents", "x", headers: [("Idempotency-Key", "")]).statusCode == 400)
    }

    /// DELETE is 204 and the document is gone from every read; a second DELETE is 404; seeds can be deleted.
    @Test func deletesDocumentsAndSeeds() throws {
        let harness = try WritableServer()
        let client = try harness.client()
        _ = try client.post("/v1/documents", WritableServer.article("Terminal reopens"))

        let deleted = try client.delete("/v1/documents/doc-1")
        #expect(deleted.statusCode == 204)
        #expect(deleted.body.isEmpty)
        #expect(deleted["Content-Length"] == nil)
        #expect(try client.get("/v1/documents/doc-1").statusCode == 404)
        #expect(try client.listing("/v1/search?q=terminal").ids.isEmpty)
        #expect(try client.delete("/v1/documents/doc-1").statusCode == 404)

        #expect(try client.delete("/v1/documents/alpha").statusCode == 204)
        #expect(try client.get("/v1/documents/alpha").statusCode == 404)
        #expect(try !client.listing("/v1/documents?limit=100").ids.contains("alpha"))
        #expect(try client.listing("/v1/search?q=council+water").ids.isEmpty)

        // The id is free again; search finds the new document and never the old one.
        #expect(try client.postJSON("/v1/documents", ["text": WritableServer.article("Ferry terminal reopens"), "id": "alpha"]).statusCode == 201)
        #expect(try client.listing("/v1/search?q=terminal+manager").ids == ["alpha"])
        #expect(try client.listing("/v1/search?q=council+water").ids.isEmpty)
    }

    /// A read-only server has no writes: 405 with an `Allow` that leaves them out.
    @Test func readOnlyServerAnswers405() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        let post = try client.post("/v1/documents", WritableServer.article("Terminal reopens"))
        #expect(post.statusCode == 405)
        #expect(post["Allow"] == "GET, HEAD, OPTIONS")
        #expect(try post.jsonObject()["detail"] as? String == "POST is not allowed here; allowed: GET, HEAD, OPTIONS. This server is read-only.")
        let delete = try client.delete("/v1/documents/alpha")
        #expect(delete.statusCode == 405)
        #expect(delete["Allow"] == "GET, HEAD, OPTIONS")
        let elsewhere = try client.delete("/v1/search")
        #expect(try elsewhere.jsonObject()["detail"] as? String == "DELETE is not allowed here; allowed: GET, HEAD, OPTIONS.", "no write lives here anyway")
    }

    /// Concurrent writers on separate connections all get 201 with distinct ids, and the
    /// collection holds every one.
    @Test func concurrentWritersAllLand() throws {
        let harness = try WritableServer()
        let port = harness.server.port
        let locations = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            guard let client = try? TestClient(port: port) else { return }
            for round in 0..<5 {
                if let response = try? client.post("/v1/documents", WritableServer.article("Story \(index)-\(round)")),
                    response.statusCode == 201, let location = response["Location"]
                {
                    locations.withLock { $0.append(location) }
                }
            }
        }
        #expect(Set(locations.withLock { $0 }).count == 40)
        #expect(try harness.client().listing("/v1/documents?limit=100").total == APIFixture.articles.count + 40)
    }
}
