import Foundation
import TestSupport
import Testing

/// `/v1/documents` filters and sort over the fixture, one by one and combined, the links that
/// carry them, and paging every list endpoint by following `links.next`.
///
/// The fixture: alpha (AFP, news, 2024-03-05), bravo (Reuters, news, 2024-04-10), charlie
/// (no source, news, undated) and delta (Harbour board, press release, 2024-05-03).
@Suite(.timeLimit(.minutes(1)))
struct DocumentFilterIntegrationTests {
    /// A query on `/v1/documents` and the ids it must list, in order.
    struct FilterCase: Sendable, CustomTestStringConvertible {
        let query: String
        let ids: [String]

        init(_ query: String, _ ids: [String]) {
            self.query = query
            self.ids = ids
        }

        var testDescription: String { "?\(self.query) → \(self.ids)" }
    }

    static let filterCases: [FilterCase] = [
        FilterCase("source=AFP", ["alpha"]),
        FilterCase("source=reuters", ["bravo"]),
        FilterCase("source=HARBOUR%20BOARD", ["delta"]),
        FilterCase("source=H%C3%A1rbour+b%C3%B6ard", ["delta"]),
        FilterCase("source=Nobody", []),
        FilterCase("kind=news-article", ["alpha", "bravo", "charlie"]),
        FilterCase("kind=press-release", ["delta"]),
        FilterCase("from=2024-04-10", ["bravo", "delta"]),
        FilterCase("to=2024-04-10", ["alpha", "bravo"]),
        FilterCase("from=2024-03-06&to=2024-05-03", ["bravo", "delta"]),
        FilterCase("from=2024-04-10&to=2024-04-10", ["bravo"]),
        FilterCase("from=2024-06-01", []),
        FilterCase("kind=news-article&from=2024-04-01", ["bravo"]),
        FilterCase("source=afp&kind=news-article&to=2024-12-31", ["alpha"]),
        FilterCase("sort=published", ["alpha", "bravo", "delta", "charlie"]),
        FilterCase("sort=-published", ["delta", "bravo", "alpha", "charlie"]),
        FilterCase("kind=news-article&sort=-published", ["bravo", "alpha", "charlie"]),
        FilterCase("from=2024-01-01&sort=-published", ["delta", "bravo", "alpha"]),
    ]

    /// Each filter and sort, alone and combined, lists exactly the matching documents in the
    /// documented order (id order by default; sources compared without case or accents; `from`
    /// and `to` inclusive and dropping undated documents; undated last in either sort), and
    /// `meta.total` counts exactly them.
    @Test(arguments: Self.filterCases)
    func filtersAndSortsDocuments(_ filter: FilterCase) throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        let listing = try client.listing("/v1/documents?\(filter.query)&limit=100")

        #expect(listing.ids == filter.ids)
        #expect(listing.total == filter.ids.count)
    }

    /// `entity=<id>` lists exactly the documents `/v1/entities/<id>` says mention it, for
    /// every entity in the corpus.
    @Test func filtersByEntity() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()
        let entities = try client.listing("/v1/entities?limit=100").ids.compactMap { $0 }
        try #require(!entities.isEmpty, "the fixture should have entities")

        for id in entities {
            let entity = try client.get("/v1/entities/\(id)")
            try #require(entity.statusCode == 200)
            let mentioning = try #require(try entity.jsonObject()["documents"] as? [[String: Any]]).compactMap { $0["id"] as? String }
            let listing = try client.listing("/v1/documents?entity=\(id)&limit=100")

            #expect(!mentioning.isEmpty, "entity \(id)")
            #expect(listing.ids == mentioning.sorted(), "entity \(id)")
            #expect(listing.total == mentioning.count, "entity \(id)")
        }
    }

    /// An entity id no document mentions is not an error: an empty list with total 0 and no
    /// neighbouring pages.
    @Test func listsNothingForUnknownEntity() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        let listing = try client.listing("/v1/documents?entity=no-such-entity")

        #expect(listing.data.isEmpty)
        #expect(listing.total == 0)
        #expect(listing.next == nil)
        #expect(listing.prev == nil)
    }

    /// `links.self`, `next` and `prev` keep the request's filters and sort, in the order sent,
    /// and differ only in `offset`.
    @Test func linksKeepFiltersInOrder() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()

        let listing = try client.listing("/v1/documents?kind=news-article&sort=-published&limit=1&offset=1")

        #expect(listing.ids == ["alpha"])
        #expect(listing.total == 3)
        let filters = ["kind=news-article", "sort=-published"]
        #expect(try decodedLink(listing.selfLink) == ("/v1/documents", filters + ["limit=1", "offset=1"]))
        #expect(try decodedLink(try #require(listing.next)) == ("/v1/documents", filters + ["limit=1", "offset=2"]))
        #expect(try decodedLink(try #require(listing.prev)) == ("/v1/documents", filters + ["limit=1", "offset=0"]))
    }

    /// A filter value with a space and accented letters survives the links' encoding:
    /// following `links.self` answers the same page.
    @Test func selfLinkRepeatsTheQuery() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()
        let first = try client.listing("/v1/documents?source=H%C3%A1rbour%20Board&from=2024-01-01&limit=1")

        let again = try client.listing(first.selfLink)

        #expect(first.ids == ["delta"])
        #expect(try decodedLink(first.selfLink).query == ["source=Hárbour Board", "from=2024-01-01", "limit=1", "offset=0"])
        #expect(sameJSON(again.data, first.data))
        #expect(again.total == first.total)
        #expect(again.selfLink == first.selfLink)
    }

    /// The lists that `links.next` is walked on, some with a sort or filter it must keep.
    static let pagedLists = [
        "/v1/documents", "/v1/documents?sort=-published", "/v1/documents?kind=news-article", "/v1/documents/alpha/related",
        "/v1/entities", "/v1/quotes", "/v1/timeline", "/v1/contacts",
    ]

    /// Following `links.next` from the first page of `limit` items visits pages that
    /// concatenate to exactly the unpaged list: the same items in the same order, none twice,
    /// none missing, each page no larger than `limit`.
    @Test(arguments: Self.pagedLists, [1, 2])
    func pagesConcatenateToWholeList(_ list: String, limit: Int) throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()
        let separator = list.contains("?") ? "&" : "?"
        let whole = try client.listing(list + separator + "limit=100")
        try #require(whole.next == nil, "the whole list should fit in one page of 100")

        let pages = try client.allPages(from: list + separator + "limit=\(limit)")

        let items = pages.flatMap(\.data)
        #expect(sameJSON(items, whole.data))
        #expect(items.count == whole.total)
        #expect(pages.count == max(1, (whole.total + limit - 1) / limit))
        #expect(pages.allSatisfy { $0.limit == limit && $0.data.count <= limit && $0.total == whole.total })
    }

    /// The largest offset is an empty page past the end, not an arithmetic overflow: every list
    /// answers it with no items, the exact total and no `next` link.
    @Test(arguments: Self.pagedLists)
    func largestOffsetIsAnEmptyPage(_ list: String) throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()
        let separator = list.contains("?") ? "&" : "?"

        let response = try client.get(list + separator + "offset=\(Int.max)&limit=100")

        #expect(response.statusCode == 200)
        let body = try response.jsonObject()
        #expect((body["data"] as? [Any])?.isEmpty == true)
        #expect((body["links"] as? [String: Any])?["next"] is NSNull)
    }
}
