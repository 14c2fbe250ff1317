import Corpus
import Extraction
import Foundation
import Store
import Testing
import TestSupport

/// `/v1/documents?author=…` over loopback: documents whose byline names the author, compared
/// like `source` without case or accents, and authors kept across a restart.
@Suite(.timeLimit(.minutes(1)))
struct DocumentAuthorFilterIntegrationTests {
    /// A wire story as a scraped page gives it: headline, byline with two names and the agency.
    static let article = """
        Harbour cranes return after storm repairs

        By José García and Jane Doe, Reuters

        LISBON (Reuters) — The port authority said on Monday that the container cranes damaged in last week's storm were working again.

        "We are back to full capacity," said Rui Costa, the terminal manager.
        """

    @Test(arguments: [
        ("author=Jos%C3%A9+Garc%C3%ADa", true), ("author=jose+garcia", true), ("author=JANE%20DOE", true),
        ("author=jane+doe&source=reuters", true), ("author=jane+doe&source=afp", false), ("author=reuters", false),
        ("author=jane", false),
    ])
    func listsDocumentsByAuthor(_ query: String, _ listed: Bool) throws {
        let harness = try WritableServer()
        let client = try harness.client()
        let created = try client.postJSON("/v1/documents", ["id": "cranes", "text": Self.article])
        try #require(created.statusCode == 201)

        let listing = try client.listing("/v1/documents?\(query)&limit=100")

        #expect(listing.ids == (listed ? ["cranes"] : []))
        #expect(listing.total == (listed ? 1 : 0))
    }

    /// The document carries the byline's names, without the agency, which is its source.
    @Test func documentCarriesAuthors() throws {
        let harness = try WritableServer()
        let client = try harness.client()
        try #require(try client.postJSON("/v1/documents", ["id": "cranes", "text": Self.article]).statusCode == 201)

        let document = try client.get("/v1/documents/cranes").jsonObject()

        #expect(document["authors"] as? [String] == ["José García", "Jane Doe"])
        #expect(document["source"] as? String == "Reuters")
    }

    /// The journal keeps the submitted text, and recovery ingests it again: the authors come
    /// back after a restart.
    @Test func authorsSurviveRestart() throws {
        let harness = try WritableServer()
        try #require(try harness.client().postJSON("/v1/documents", ["id": "cranes", "text": Self.article]).statusCode == 201)
        _ = harness.server.shutdown()
        harness.store.close()

        let reopened = try DocumentStore(seeds: [], directory: try DataDirectory.open(path: harness.dataDirectory), ingestor: Ingestor())
        defer { reopened.close() }

        #expect(reopened.snapshot.document(idOrSlug: "cranes")?.authors == ["José García", "Jane Doe"])
    }

    /// `author` is a parameter of the document list, not of search.
    @Test func searchRejectsAuthor() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        #expect(try client.get("/v1/search?q=port&author=jane+doe").statusCode == 400)
    }
}
