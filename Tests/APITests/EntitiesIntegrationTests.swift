import Foundation
import HTTPServer
import Testing
import TestSupport

/// `GET /v1/entities`, `GET /v1/entities/{id}` and `GET /v1/quotes` over a real socket.
struct EntitiesIntegrationTests {
    @Test func listsEntitiesOfAType() throws {
        let response = try APIFixture.get("/v1/entities?type=person")
        #expect(response.statusCode == 200)
        let data = try #require(try response.jsonObject()["data"] as? [[String: Any]])
        #expect(!data.isEmpty)
        #expect(data.allSatisfy { $0["type"] as? String == "person" })
        #expect(data.contains { $0["id"] as? String == "marta-sousa-lima" })
    }

    /// A person with the quotation attributed to them and the documents that name them.
    @Test func servesOneEntityWithItsQuotes() throws {
        let response = try APIFixture.get("/v1/entities/marta-sousa-lima")
        #expect(response.statusCode == 200)
        let entity = try response.jsonObject()
        #expect(entity["type"] as? String == "person")
        #expect((entity["documents"] as? [[String: Any]])?.map { $0["id"] as? String } == ["delta"])
        let quotes = try #require(entity["quotes"] as? [[String: Any]])
        #expect(quotes.map { $0["text"] as? String } == ["We will add evening crossings as demand grows,"])
    }

    @Test func unknownEntityIsNotFound() throws {
        let response = try APIFixture.get("/v1/entities/nobody-at-all")
        #expect(response.statusCode == 404)
    }

    @Test func rejectsUnknownType() throws {
        let response = try APIFixture.get("/v1/entities?type=thing")
        #expect(response.statusCode == 400)
        #expect(try response.jsonObject()["parameter"] as? String == "type")
    }

    /// Quotations filtered by speaker and by the words they contain.
    @Test func filtersQuotesBySpeakerAndWords() throws {
        let bySpeaker = try APIFixture.get("/v1/quotes?speaker=marta-sousa-lima")
        #expect((try bySpeaker.jsonObject()["meta"] as? [String: Int])?["total"] == 1)
        let byWords = try APIFixture.get("/v1/quotes?q=EVENING+crossings")
        let data = try #require(try byWords.jsonObject()["data"] as? [[String: Any]])
        #expect(data.map { $0["document"] as? String } == ["delta"])
        let none = try APIFixture.get("/v1/quotes?q=submarine")
        #expect((try none.jsonObject()["meta"] as? [String: Any])?["total"] as? Int == 0)
    }
}
