import Foundation
import HTTPServer
import Testing
import TestSupport

/// `GET /v1/contacts` over a real socket.
struct ContactsIntegrationTests {
    /// Each contact carries its details, its document's id and a link to the document.
    @Test func listsContactsWithTheirDocument() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(RawRequest.get("/v1/contacts"))
        let response = try client.readResponse()

        #expect(response.statusCode == 200)
        let envelope = try response.jsonObject()
        let data = try #require(envelope["data"] as? [[String: Any]])
        #expect(data.count == 1)
        let contact = try #require(data.first)
        #expect(contact["name"] as? String == "Marta Sousa Lima")
        #expect(contact["city"] as? String == "Lisbon")
        #expect(contact["languages"] as? [String] == ["Portuguese", "English"])
        #expect(contact["phones"] as? [[String: String]] == [["written": "+351 21 123 4567", "e164": "+351211234567"]])
        #expect(contact["email"] as? String == "marta.lima@harbour.example")
        #expect(contact["email_redacted"] as? Bool == false)
        #expect(contact["document"] as? String == "delta")
        #expect((contact["links"] as? [String: String])?["document"] == "/v1/documents/delta")
        #expect((envelope["meta"] as? [String: Int])?["total"] == 1)
    }

    @Test func rejectsLimitOutOfRange() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        try client.send(RawRequest.get("/v1/contacts?limit=0"))
        let response = try client.readResponse()

        #expect(response.statusCode == 400)
        #expect(try response.jsonObject()["parameter"] as? String == "limit")
    }
}
