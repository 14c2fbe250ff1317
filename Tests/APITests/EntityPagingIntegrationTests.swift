import API
import Corpus
import DocumentModel
import TestSupport
import Testing

/// `GET /v1/entities/{id}` pages its documents and quotations, and the entity routes follow
/// writes, over loopback.
@Suite(.timeLimit(.minutes(1)))
struct EntityPagingIntegrationTests {
    /// 30 documents that name the port authority, each with one quotation it spoke; every
    /// third also names the mayor.
    private static let documents = (0..<30).map { index in
        let authority = Entity(id: "port-authority", name: "Port Authority", kind: .organization, aliases: [], mentions: [])
        let mayor = Entity(id: "ilse-brandt", name: "Ilse Brandt", kind: .person, aliases: [], mentions: [])
        let quote = Quote(
            id: "q1", text: "statement \(index)", speaker: Quote.Speaker(entity: authority), speakerText: nil, verb: "said", paragraph: 0, start: 0,
            end: 1, isPartial: false, attribution: nil)
        let id = "doc-\(index < 10 ? "0" : "")\(index)"
        return Document(
            id: id, slug: id, kind: .newsArticle, title: "Story \(index)", isTitleDerived: false, source: nil, published: nil, dateline: nil,
            paragraphs: [Paragraph(index: 0, section: .body, text: "The port reopened.")], entities: index % 3 == 0 ? [authority, mayor] : [authority],
            quotes: [quote])
    }

    private static func get(_ target: String) throws -> TestResponse {
        try TestServer.get(target, serving: Self.documents)
    }

    /// `limit` and `offset` cut both lists at the same place; the totals are the whole lists'.
    @Test func pagesDocumentsAndQuotesTogether() throws {
        let entity = try Self.get("/v1/entities/port-authority?limit=10&offset=20").jsonObject()
        #expect(entity["document_count"] as? Int == 30)
        #expect(entity["quote_count"] as? Int == 30)
        #expect((entity["documents"] as? [[String: Any]])?.map { $0["id"] as? String } == (20..<30).map { "doc-\($0)" })
        #expect((entity["quotes"] as? [[String: Any]])?.map { $0["text"] as? String } == (20..<30).map { "statement \($0)" })
        #expect((entity["co_occurring"] as? [[String: Any]])?.first?["shared_documents"] as? Int == 10)
    }

    /// Without parameters a page is 20 long, as on every list route; past the end it is empty.
    @Test func defaultPageAndPastTheEnd() throws {
        let first = try Self.get("/v1/entities/port-authority").jsonObject()
        #expect((first["documents"] as? [Any])?.count == 20)
        #expect((first["quotes"] as? [Any])?.count == 20)
        let past = try Self.get("/v1/entities/port-authority?offset=30").jsonObject()
        #expect((past["documents"] as? [Any])?.isEmpty == true)
        #expect(past["document_count"] as? Int == 30)
    }

    /// A bad page size or an unknown parameter is a 400 naming it.
    @Test(arguments: ["limit=0", "limit=101", "offset=-1", "sort=name"])
    func rejectsBadParameters(_ query: String) throws {
        try Self.get("/v1/entities/port-authority?\(query)").expectProblem(status: 400)
    }

    /// A created document appears at once in its entities' pages and in the ranking; deleted,
    /// it is gone again.
    @Test func followsWrites() throws {
        let server = try WritableServer()
        let client = try server.client()
        let before = try client.get("/v1/entities/rui-costa").statusCode
        let created = try client.postJSON("/v1/documents", ["id": "port-1", "text": WritableServer.article("Port reopens")])
        #expect(created.statusCode == 201)
        let entity = try client.get("/v1/entities/rui-costa").jsonObject()
        #expect((entity["documents"] as? [[String: Any]])?.contains { $0["id"] as? String == "port-1" } == true)
        let listed = try client.get("/v1/entities?limit=100").jsonObject()["data"] as? [[String: Any]]
        #expect(listed?.contains { $0["id"] as? String == "rui-costa" } == true)
        #expect(try client.get("/v1/documents/port-1/related").statusCode == 200)
        #expect(try client.delete("/v1/documents/port-1").statusCode == 204)
        #expect(try client.get("/v1/entities/rui-costa").statusCode == before)
    }
}
