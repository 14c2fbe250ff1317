import API
import Corpus
import DocumentModel
import Extraction
import Foundation
import Store
import Testing
import TestSupport

/// `GET /v1/search` and `GET /v1/quotes?q=` over loopback, on a server of its own stories.
///
/// The stories: kp-talks (AFP, 2024-04-02, says only "North Korea"), dprk-launch (Reuters,
/// 2024-05-10, says only "DPRK"), unep-report (AFP, 2023-11-20, "UNEP"), plastic-treaty
/// (Reuters, 2024-03-01, "United Nations Environment Programme"), bridge-repair and
/// harbour-dues (Harbour Gazette, 2024-06-01 and 2023-02-14, with quotations) and release (a
/// press release, no source, 2024-03-12). Six of them contain "said"; plastic-treaty does not.
@Suite(.timeLimit(.minutes(1)))
struct SearchIntegrationTests {
    static let texts: [(id: String, text: String)] = [
        (
            "kp-talks",
            """
            date 2024-04-02 AFP, SEOUL

            Talks with North Korea stall

            Negotiators from South Korea said talks with North Korea stalled on Tuesday. Envoy Mirela Dragomir said the next round was not yet scheduled.
            """
        ),
        (
            "dprk-launch",
            """
            date 2024-05-10 Reuters, TOKYO

            DPRK test-fires a missile

            The DPRK fired a ballistic missile into the sea, Japan's defence ministry said on Friday.
            """
        ),
        (
            "unep-report",
            """
            date 2023-11-20 AFP, NAIROBI

            UNEP warns on plastic waste

            UNEP said plastic waste in the oceans could triple by 2040, in a report published on Monday.
            """
        ),
        (
            "plastic-treaty",
            """
            date 2024-03-01 Reuters, NAIROBI

            Treaty talks on plastics resume

            Delegates met at the United Nations Environment Programme in Nairobi to draft a treaty on plastics.
            """
        ),
        (
            "bridge-repair",
            """
            date 2024-06-01 Harbour Gazette, VALMORA

            Valmora to rebuild its bridges

            "We will rebuild every bridge before winter," Mayor Lotte Vantongeren said on Monday.

            "The old bridge was unsafe for years," said Piet Hazelhoff, the town engineer.

            "Repairs will cost the town dearly," Vantongeren told reporters.
            """
        ),
        (
            "harbour-dues",
            """
            date 2023-02-14 Harbour Gazette, VALMORA

            Harbour dues to rise

            The port director, Sanne Visser, said: "Harbour dues will rise in May, and the bridge toll too."
            """
        ),
        (
            "release",
            """
            FOR IMMEDIATE RELEASE

            Karsk Water Board opens new reservoir

            KARSK, 12 March 2024 - The Karsk Water Board opened a new reservoir on Tuesday, its director said.
            """
        ),
    ]

    static func documents() throws -> [Document] {
        let ingestor = Ingestor()
        return try Self.texts.map { try ingestor.ingest(text: $0.text, id: $0.id) }
    }

    /// A running API over the stories.
    static func server(options: APIOptions = APIOptions()) throws -> TestServer {
        let api = DossierAPI(store: try DocumentStore(seeds: try Self.documents(), directory: nil, ingestor: Ingestor()), readiness: Readiness(.ready), options: options)
        return try TestServer.started(configuration: .testing, responder: api)
    }

    /// The response to one `GET` on a fresh server.
    static func get(_ target: String) throws -> TestResponse {
        let server = try Self.server()
        defer { server.shutdown() }
        return try server.makeClient().get(target)
    }

    /// The `text[start..<end]` a highlight object selects, in Unicode scalars.
    static func highlighted(_ snippet: [String: Any]) -> [String] {
        let scalars = Array((snippet["text"] as? String ?? "").unicodeScalars)
        return (snippet["highlights"] as? [[String: Any]] ?? []).compactMap { highlight in
            guard let start = highlight["start"] as? Int, let end = highlight["end"] as? Int, 0 <= start, start <= end, end <= scalars.count else {
                return nil
            }
            return String(String.UnicodeScalarView(scalars[start..<end]))
        }
    }

    // MARK: The envelope

    /// A search answers the list envelope: `data`, `meta` {total, limit, offset}, `links`
    /// {self, next, prev} keeping `q`.
    @Test func searchAnswersTheListEnvelope() throws {
        let response = try Self.get("/v1/search?q=said")
        #expect(response.statusCode == 200)
        #expect(response["Content-Type"] == "application/json")
        let listing = try Listing(response)
        #expect(listing.data.count == 6)
        #expect((listing.total, listing.limit, listing.offset) == (6, 20, 0))
        #expect(try decodedLink(listing.selfLink) == ("/v1/search", ["q=said", "limit=20", "offset=0"]))
        #expect(listing.next == nil)
        #expect(listing.prev == nil)
    }

    /// `meta.query` echoes the parsed query in the language's syntax, and `meta.took_ms` is a
    /// number of milliseconds, zero or more.
    @Test func metaHasTheQueryAndTheTimeTaken() throws {
        let body = try Self.get("/v1/search?q=Said+-MISSILE+%22the+port%22+plast*+Jong-un&limit=1").jsonObject()
        let meta = try #require(body["meta"] as? [String: Any])
        #expect(meta["query"] as? String == #"said "the port" plast* "jong un" -missile"#)
        let took = try #require(meta["took_ms"] as? NSNumber)
        #expect(took.doubleValue >= 0)
        #expect(!(meta["took_ms"] is String))
    }

    /// `facets` has `source`, `kind`, `year` and `entity`, each a list of `{value, count}`
    /// (entities with their `name`) over every match, most first (years newest first).
    @Test func facetsCountEveryMatch() throws {
        let body = try Self.get("/v1/search?q=said&limit=1").jsonObject()
        let facets = try #require(body["facets"] as? [String: Any])
        #expect(Set(facets.keys) == ["source", "kind", "year", "entity"])
        func pairs(_ name: String) -> [String] {
            (facets[name] as? [[String: Any]] ?? []).map { "\($0["value"] as? String ?? "?")=\($0["count"] as? Int ?? -1)" }
        }
        #expect(pairs("source") == ["AFP=2", "Harbour Gazette=2", "Reuters=1"])
        #expect(pairs("kind") == ["news-article=5", "press-release=1"])
        #expect(pairs("year") == ["2024=4", "2023=2"])
        let entities = try #require(facets["entity"] as? [[String: Any]])
        #expect(!entities.isEmpty)
        for entity in entities {
            #expect(entity["value"] is String)
            #expect(entity["name"] is String)
            #expect((entity["count"] as? Int ?? 0) >= 1)
        }
        #expect(entities.contains { $0["value"] as? String == "north-korea" && $0["name"] as? String == "North Korea" && $0["count"] as? Int == 2 })
    }

    /// Facet counts equal the totals of the same search filtered to each value.
    @Test func facetCountsEqualFilteredTotals() throws {
        let server = try Self.server()
        defer { server.shutdown() }
        let client = try server.makeClient()
        let facets = try #require(try client.get("/v1/search?q=said").jsonObject()["facets"] as? [String: [[String: Any]]])
        for (facet, parameter) in [("source", "source"), ("kind", "kind"), ("entity", "entity")] {
            for count in facets[facet] ?? [] {
                let value = try #require(count["value"] as? String)
                let encoded = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value
                let total = try client.listing("/v1/search?q=said&\(parameter)=\(encoded)").total
                #expect(total == count["count"] as? Int, "\(facet)=\(value)")
            }
        }
        for count in facets["year"] ?? [] {
            let year = try #require(count["value"] as? String)
            #expect(try client.listing("/v1/search?q=said&from=\(year)-01-01&to=\(year)-12-31").total == count["count"] as? Int, "year \(year)")
        }
    }

    // MARK: Hits

    /// A hit has its document's id, title, published date, source and kind, its score,
    /// whether it matched exactly, the entities matched by another name, its snippets and a
    /// link to the document.
    @Test func hitsCarryTheirMembers() throws {
        let listing = try Listing(try Self.get("/v1/search?q=plastic"))
        #expect(Set(listing.ids.compactMap { $0 }) == ["unep-report", "plastic-treaty"])
        let hit = try #require(listing.data.first { $0["id"] as? String == "unep-report" })
        #expect(Set(hit.keys) == ["id", "title", "published", "source", "kind", "score", "exact", "matched_entities", "snippets", "links"])
        #expect(hit["title"] as? String == "UNEP warns on plastic waste")
        #expect(hit["published"] as? String == "2023-11-20")
        #expect(hit["source"] as? String == "AFP")
        #expect(hit["kind"] as? String == "news-article")
        #expect((hit["score"] as? Double ?? 0) > 0)
        #expect(hit["exact"] as? Bool == true)
        #expect((hit["matched_entities"] as? [Any])?.isEmpty == true)
        #expect((hit["links"] as? [String: Any])?["self"] as? String == "/v1/documents/unep-report")
    }

    /// A snippet has its paragraph, text, highlights as `{start, end}` Unicode-scalar ranges of
    /// the text, and the text marked as HTML.
    @Test func snippetsCarryHighlightsAndMarkedText() throws {
        let listing = try Listing(try Self.get("/v1/search?q=plastic"))
        let hit = try #require(listing.data.first { $0["id"] as? String == "unep-report" })
        let snippets = try #require(hit["snippets"] as? [[String: Any]])
        let snippet = try #require(snippets.first)
        #expect(Set(snippet.keys) == ["paragraph", "text", "highlights", "marked"])
        #expect(snippet["paragraph"] as? Int == 0)
        #expect(snippet["text"] as? String == "UNEP said plastic waste in the oceans could triple by 2040, in a report published on Monday.")
        let highlights = try #require(snippet["highlights"] as? [[String: Any]])
        #expect(highlights.map { Set($0.keys) } == [["start", "end"]])
        #expect(Self.highlighted(snippet) == ["plastic"])
        #expect(snippet["marked"] as? String == "UNEP said <mark>plastic</mark> waste in the oceans could triple by 2040, in a report published on Monday.")
    }

    /// The API lists the engine's hits in the engine's order, with the engine's scores.
    @Test func hitsFollowTheEnginesOrder() throws {
        let index = SearchIndex(documents: try Self.documents())
        let expected = try index.search(SearchQuery(parsing: "said"), limit: 100).hits
        let listing = try Listing(try Self.get("/v1/search?q=said&limit=100"))
        #expect(listing.ids == expected.map(\.id))
        #expect(listing.data.map { $0["score"] as? Double } == expected.map(\.score))
        #expect(zip(expected, expected.dropFirst()).allSatisfy { $0.score >= $1.score || $0.isExact != $1.isExact })
    }

    /// A query naming an entity by another name lists it in `matched_entities` and marks the
    /// mention: "DPRK" finds the story that only says "North Korea".
    @Test func entityAliasIsListedAndMarked() throws {
        let listing = try Listing(try Self.get("/v1/search?q=DPRK"))
        #expect(Set(listing.ids.compactMap { $0 }) == ["kp-talks", "dprk-launch"])
        let hit = try #require(listing.data.first { $0["id"] as? String == "kp-talks" })
        #expect(hit["matched_entities"] as? [String] == ["north-korea"])
        let snippets = try #require(hit["snippets"] as? [[String: Any]])
        #expect(snippets.flatMap(Self.highlighted) == ["North Korea"])
        #expect((snippets.first?["marked"] as? String)?.contains("<mark>North Korea</mark>") == true)
    }

    /// A misspelt word finds the document, flagged `exact: false`.
    @Test func misspeltWordIsNotExact() throws {
        let listing = try Listing(try Self.get("/v1/search?q=ballistik"))
        #expect(listing.ids == ["dprk-launch"])
        #expect(listing.data.first?["exact"] as? Bool == false)
    }

    /// `fields=id,score` keeps only those members in each hit; the envelope and facets stay.
    @Test func fieldsTrimsHits() throws {
        let body = try Self.get("/v1/search?q=said&fields=id,score").jsonObject()
        let data = try #require(body["data"] as? [[String: Any]])
        #expect(data.count == 6)
        #expect(data.allSatisfy { Set($0.keys) == ["id", "score"] })
        #expect(body["facets"] is [String: Any])
        #expect((body["meta"] as? [String: Any])?["query"] as? String == "said")
    }

    // MARK: Filters and paging

    /// A search filter and the documents it must leave.
    struct FilterCase: Sendable, CustomTestStringConvertible {
        let query: String
        let ids: Set<String>

        init(_ query: String, _ ids: Set<String>) {
            self.query = query
            self.ids = ids
        }

        var testDescription: String { "?q=said&\(self.query) → \(self.ids.sorted())" }
    }

    static let filterCases: [FilterCase] = [
        FilterCase("source=afp", ["kp-talks", "unep-report"]),
        FilterCase("source=HARBOUR%20GAZETTE", ["bridge-repair", "harbour-dues"]),
        FilterCase("source=Nobody", []),
        FilterCase("kind=press-release", ["release"]),
        FilterCase("kind=news-article&source=reuters", ["dprk-launch"]),
        FilterCase("from=2024-01-01&to=2024-05-10", ["kp-talks", "dprk-launch", "release"]),
        FilterCase("to=2023-12-31", ["unep-report", "harbour-dues"]),
        FilterCase("entity=north-korea", ["kp-talks", "dprk-launch"]),
        FilterCase("entity=lotte-vantongeren&from=2024-06-01", ["bridge-repair"]),
    ]

    /// Each filter, alone and combined, narrows the hits to exactly the matching documents,
    /// and `meta.total` counts exactly them.
    @Test(arguments: Self.filterCases)
    func filtersNarrowTheHits(_ filter: FilterCase) throws {
        let listing = try Listing(try Self.get("/v1/search?q=said&\(filter.query)&limit=100"))
        #expect(Set(listing.ids.compactMap { $0 }) == filter.ids)
        #expect(listing.total == filter.ids.count)
    }

    /// Following `links.next` walks every hit once, in the order of one big page, and every
    /// link keeps `q` and the filters.
    @Test func pagingLinksKeepTheQueryAndFilters() throws {
        let server = try Self.server()
        defer { server.shutdown() }
        let client = try server.makeClient()
        let first = try client.listing("/v1/search?q=said+-missile&kind=news-article&limit=1")
        #expect(first.total == 4)
        let next = try decodedLink(try #require(first.next))
        #expect(next.path == "/v1/search")
        #expect(next.query == ["q=said -missile", "kind=news-article", "limit=1", "offset=1"])
        let pages = try client.allPages(from: "/v1/search?q=said+-missile&kind=news-article&limit=1")
        for page in pages {
            let link = try decodedLink(page.selfLink)
            #expect(link.query.prefix(2) == ["q=said -missile", "kind=news-article"])
        }
        let walked = pages.flatMap(\.ids)
        #expect(walked == (try client.listing("/v1/search?q=said+-missile&kind=news-article&limit=100")).ids)
        #expect(Set(walked.compactMap { $0 }).count == 4)
        let last = try #require(pages.last)
        let previous = try decodedLink(try #require(last.prev))
        #expect(previous.query == ["q=said -missile", "kind=news-article", "limit=1", "offset=2"])
    }

    /// An offset of `Int.max` (which the offset rule allows) answers an empty page or a 400;
    /// it must not crash the server (run in a child process, since an overflow traps).
    @Test func hugeOffsetDoesNotCrashTheServer() async {
        await #expect(processExitsWith: .success) {
            let response = try SearchIntegrationTests.get("/v1/search?q=said&offset=9223372036854775807")
            guard response.statusCode == 200 || response.statusCode == 400 else { exit(1) }
            if response.statusCode == 200 {
                let listing = try Listing(response)
                guard listing.data.isEmpty, listing.total == 6 else { exit(2) }
            }
        }
    }

    // MARK: Errors

    /// Without `q` the search is a 400 problem naming `q`.
    @Test func missingQIsABadRequest() throws {
        let problem = try Self.get("/v1/search?source=AFP").expectProblem(status: 400)
        #expect(problem["parameter"] as? String == "q")
        #expect(problem["detail"] as? String == "The query parameter 'q' is required.")
    }

    /// A query that cannot be run, and the problem's detail for it.
    struct QueryErrorCase: Sendable, CustomTestStringConvertible {
        let q: String
        let detail: String

        init(_ q: String, _ detail: String) {
            self.q = q
            self.detail = detail
        }

        var testDescription: String { "q=\(self.q)" }
    }

    static let queryErrorCases: [QueryErrorCase] = [
        QueryErrorCase("", "has no words to search for"),
        QueryErrorCase("%20%20%09", "has no words to search for"),
        QueryErrorCase("-coal+-%22open+pit%22", "only excludes words; add at least one word to search for"),
        QueryErrorCase("%22export+ban", "has a '\"' that is not closed"),
        QueryErrorCase("*", "has a '*' with no letters before it"),
        QueryErrorCase("nickel+a*", "has the prefix 'a*'; a prefix needs at least 2 letters before '*'"),
        QueryErrorCase("a-b*", "has 'a-b*'; '*' may only end a single word"),
        QueryErrorCase((0..<33).map { "w\($0)" }.joined(separator: "+"), "has more than 32 words, phrases and exclusions"),
    ]

    /// A search, or a quotation search, that would read more than the server's work limit
    /// (`--search-work-limit`) is a 400 naming `q` and the clause it stopped at.
    @Test func searchPastTheWorkLimitIsABadRequestNamingTheClause() throws {
        let server = try Self.server(options: APIOptions(searchWorkLimit: 1))
        defer { server.shutdown() }
        let client = try server.makeClient()
        for target in ["/v1/search?q=said", "/v1/quotes?q=bridge"] {
            let word = target.split(separator: "=").last!
            let problem = try client.get(target).expectProblem(status: 400)
            #expect(problem["parameter"] as? String == "q")
            #expect(problem["detail"] as? String
                == "The query parameter 'q' needs more than 1 postings and dictionary words read (at '\(word)'); use rarer words, longer prefixes or fewer clauses.")
        }
    }

    /// Each query error is a 400 problem naming `q`, whose detail says what is wrong.
    @Test(arguments: Self.queryErrorCases)
    func queryErrorIsABadRequestNamingQ(_ error: QueryErrorCase) throws {
        let problem = try Self.get("/v1/search?q=\(error.q)").expectProblem(status: 400)
        #expect(problem["parameter"] as? String == "q")
        #expect(problem["detail"] as? String == "The query parameter 'q' \(error.detail).")
    }

    /// 500 words are refused (not run) with a 400 naming `q`.
    @Test func fiveHundredWordsAreABadRequest() throws {
        let problem = try Self.get("/v1/search?q=" + (0..<500).map { "word\($0)" }.joined(separator: "+")).expectProblem(status: 400)
        #expect(problem["parameter"] as? String == "q")
    }

    /// A parameter search does not take is a 400 problem naming it.
    @Test(arguments: ["sort", "speaker", "document", "bogus"])
    func unknownParameterIsABadRequest(_ name: String) throws {
        let problem = try Self.get("/v1/search?q=said&\(name)=x").expectProblem(status: 400)
        #expect(problem["parameter"] as? String == name)
    }

    /// `q` given twice is a 400 problem naming `q`.
    @Test func repeatedQIsABadRequest() throws {
        let problem = try Self.get("/v1/search?q=said&q=talks").expectProblem(status: 400)
        #expect(problem["parameter"] as? String == "q")
    }

    /// A bad filter or paging value is a 400 problem naming that parameter.
    @Test(arguments: [("kind=blog", "kind"), ("from=2024-13-01", "from"), ("from=2024-05-01&to=2024-01-01", "from"), ("limit=0", "limit"), ("limit=101", "limit"), ("offset=-1", "offset")])
    func badFilterValueIsABadRequest(_ query: String, _ parameter: String) throws {
        let problem = try Self.get("/v1/search?q=said&\(query)").expectProblem(status: 400)
        #expect(problem["parameter"] as? String == parameter)
    }

    // MARK: Quotations

    /// `/v1/quotes?q=` ranks the quotations containing the words, each with its document,
    /// a score and snippets marking the words; `meta.query` echoes the query.
    @Test func quotesSearchIsRankedWithScoresAndSnippets() throws {
        let response = try Self.get("/v1/quotes?q=bridge")
        let listing = try Listing(response)
        #expect(Set(listing.data.map { "\($0["document"] as? String ?? "?")/\($0["id"] as? String ?? "?")" }) == [
            "bridge-repair/q1", "bridge-repair/q2", "harbour-dues/q1",
        ])
        #expect(listing.total == 3)
        let scores = listing.data.map { $0["score"] as? Double ?? -1 }
        #expect(scores.allSatisfy { $0 > 0 })
        #expect(zip(scores, scores.dropFirst()).allSatisfy { $0 >= $1 })
        for quote in listing.data {
            #expect(quote["text"] is String)
            let snippets = try #require(quote["snippets"] as? [[String: Any]])
            #expect(snippets.flatMap(Self.highlighted).map { $0.lowercased() } == ["bridge"])
        }
        #expect((try response.jsonObject()["meta"] as? [String: Any])?["query"] as? String == "bridge")
    }

    /// The quotation search follows the engine's order.
    @Test func quotesSearchFollowsTheEnginesOrder() throws {
        let expected = try SearchIndex.quotations(of: try Self.documents()).search(SearchQuery(parsing: "bridge"), limit: 100).hits.map(\.id)
        let listing = try Listing(try Self.get("/v1/quotes?q=bridge&limit=100"))
        #expect(listing.data.map { "\($0["document"] as? String ?? "?")/\($0["id"] as? String ?? "?")" } == expected)
    }

    /// `speaker` and `document` filter a quotation search.
    @Test(arguments: [
        ("speaker=lotte-vantongeren", ["bridge-repair/q1"]), ("speaker=sanne-visser", ["harbour-dues/q1"]),
        ("document=bridge-repair", ["bridge-repair/q1", "bridge-repair/q2"]), ("document=harbour-dues&speaker=lotte-vantongeren", []),
    ])
    func quotesSearchFiltersBySpeakerAndDocument(_ query: String, _ keys: [String]) throws {
        let listing = try Listing(try Self.get("/v1/quotes?q=bridge&\(query)"))
        #expect(Set(listing.data.map { "\($0["document"] as? String ?? "?")/\($0["id"] as? String ?? "?")" }) == Set(keys))
        #expect(listing.total == keys.count)
    }

    /// A quotation search with a query error is a 400 problem naming `q`.
    @Test func quotesQueryErrorIsABadRequestNamingQ() throws {
        let problem = try Self.get("/v1/quotes?q=*").expectProblem(status: 400)
        #expect(problem["parameter"] as? String == "q")
        #expect(problem["detail"] as? String == "The query parameter 'q' has a '*' with no letters before it.")
    }
}
