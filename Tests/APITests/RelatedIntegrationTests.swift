import API
import Corpus
import DocumentModel
import Extraction
import TestSupport
import Testing

/// `GET /v1/documents/{id}/related` over loopback.
@Suite(.timeLimit(.minutes(1)))
struct RelatedIntegrationTests {
    /// Two stories on one flood and one on a budget.
    private static let texts = [
        ("flood-1", "River floods swamp Valmora\n\nThe Tessin river burst its banks in Valmora on Monday, mayor Ilse Brandt said."),
        ("flood-2", "Valmora counts the cost of floods\n\nThe Tessin river floods in Valmora will cost millions, mayor Ilse Brandt said."),
        ("budget", "Parliament passes budget\n\nLawmakers in Karsk approved the annual budget after a long debate over pensions."),
    ]

    private static func get(_ target: String) throws -> TestResponse {
        let ingestor = Ingestor()
        return try TestServer.get(target, serving: try Self.texts.map { try ingestor.ingest(text: $0.1, id: $0.0) })
    }

    /// The other flood story, with a positive score and the entities and terms that explain it.
    @Test func listsTheStoryThatSharesEntitiesAndTerms() throws {
        let body = try Self.get("/v1/documents/flood-1/related").jsonObject()
        let items = try #require(body["data"] as? [[String: Any]])
        #expect(items.map { $0["id"] as? String } == ["flood-2"])
        #expect((body["meta"] as? [String: Any])?["total"] as? Int == 1)
        let item = try #require(items.first)
        #expect(item["title"] as? String == "Valmora counts the cost of floods")
        #expect((item["score"] as? Double ?? 0) > 0)
        let entities = (item["shared_entities"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(Set(entities).isSuperset(of: ["valmora", "ilse-brandt"]))
        #expect(Set(item["shared_terms"] as? [String] ?? []).contains("tessin"))
        #expect((item["links"] as? [String: Any])?["self"] as? String == "/v1/documents/flood-2")
    }

    /// A story that shares nothing has an empty list; the document may be named by its slug;
    /// an unknown one is a 404 problem.
    @Test func emptyListSlugAndUnknownDocument() throws {
        #expect((try Self.get("/v1/documents/budget/related").jsonObject()["data"] as? [Any])?.isEmpty == true)
        #expect(try Self.get("/v1/documents/river-floods-swamp-valmora/related").statusCode == 200)
        try Self.get("/v1/documents/nope/related").expectProblem(status: 404)
    }
}
