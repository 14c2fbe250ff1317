import API
import TestSupport
import Testing

/// `GET /metrics` over loopback: the Prometheus text format, request counters by route
/// template and status, latency histograms, and the corpus and connection gauges.
@Suite(.timeLimit(.minutes(1)))
struct MetricsIntegrationTests {
    static let requestsTotal = "dossier_http_requests_total"
    static let duration = "dossier_http_request_duration_seconds"

    /// Scrapes `/metrics` on `client`, which must answer 200.
    static func scrape(_ client: TestClient, sourceLocation: SourceLocation = #_sourceLocation) throws -> MetricsExposition {
        let response = try client.get("/metrics")
        try #require(response.statusCode == 200, sourceLocation: sourceLocation)
        return try MetricsExposition(parsing: response.bodyText, sourceLocation: sourceLocation)
    }

    /// `/metrics` is `text/plain; version=0.0.4`, and every sample belongs to a family
    /// declared by a `# TYPE` line (a histogram's `_bucket`, `_sum` and `_count` to theirs).
    @Test func servesPrometheusTextFormat() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()
        _ = try client.get("/v1/documents")

        let response = try client.get("/metrics")

        #expect(response.statusCode == 200)
        let mediaType = try #require(response["Content-Type"])
        #expect(mediaType.hasPrefix("text/plain;"))
        #expect(mediaType.contains("version=0.0.4"))
        // "# TYPE name kind" lines: the declared families.
        let declared = Set(
            response.bodyText.split(separator: "\n").filter { $0.hasPrefix("# TYPE ") }.map { String($0.split(separator: " ")[2]) })
        let metrics = try MetricsExposition(parsing: response.bodyText)
        #expect(!metrics.samples.isEmpty)
        for sample in metrics.samples {
            let histogramFamily = ["_bucket", "_sum", "_count"].lazy.filter { sample.name.hasSuffix($0) }
                .map { String(sample.name.dropLast($0.count)) }.first { declared.contains($0) }
            #expect(declared.contains(histogramFamily ?? sample.name), "no # TYPE for \(sample.name)")
        }
    }

    /// Requests are counted by method, route template and status, and each counter grows by exactly
    /// the requests made between two scrapes: matched lists, a templated route's 404 and 400
    /// under the template, a path no route matches under `unmatched`, and the first scrape
    /// itself under `/metrics`.
    @Test func countsRequestsByRouteAndStatus() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()
        _ = try client.get("/v1/documents")  // so that the first scrape already has the series
        let before = try Self.scrape(client)
        let requests: [(target: String, route: String, status: Int)] = [
            ("/v1/documents", "/v1/documents", 200), ("/v1/documents?limit=2", "/v1/documents", 200),
            ("/v1/documents?limit=0", "/v1/documents", 400),
            ("/v1/documents/nope", "/v1/documents/{id}", 404), ("/v1/documents/alpha", "/v1/documents/{id}", 200),
            ("/nowhere", "unmatched", 404), ("/nowhere/else", "unmatched", 404), ("/v1", "unmatched", 404),
        ]
        for request in requests {
            let response = try client.get(request.target)
            try #require(response.statusCode == request.status, "\(request.target)")
        }

        let after = try Self.scrape(client)

        var expected: [String: [String: Int]] = ["/metrics": ["200": 1]]
        for request in requests { expected[request.route, default: [:]][String(request.status), default: 0] += 1 }
        for (route, statuses) in expected {
            for (status, increase) in statuses {
                let labels = ["method": "GET", "route": route, "status": status]
                let now = try #require(after[Self.requestsTotal, labels], "no counter for \(labels)")
                #expect(now - (before[Self.requestsTotal, labels] ?? 0) == Double(increase), "\(labels)")
            }
        }
    }

    /// `OPTIONS` (a CORS preflight included) counts under the template of the path it asks about.
    @Test func countsOptionsUnderThePathsRoute() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()
        try client.send(RawRequest.make("OPTIONS", "/v1/documents/alpha", headers: [("Origin", "https://desk.example"), ("Access-Control-Request-Method", "GET")]))
        try #require(try client.readResponse().statusCode == 204)

        let metrics = try Self.scrape(client)

        #expect(metrics[Self.requestsTotal, ["method": "OPTIONS", "route": "/v1/documents/{id}", "status": "204"]] == 1)
        #expect(metrics[Self.requestsTotal, ["method": "OPTIONS", "route": "unmatched", "status": "204"]] == nil)
    }

    /// A write counts under its own method, apart from reads of the same route.
    @Test func countsWritesApartFromReads() throws {
        let harness = try WritableServer()
        let client = try harness.client()
        #expect(try client.post("/v1/documents", WritableServer.article("Terminal reopens")).statusCode == 201)
        #expect(try client.get("/v1/documents").statusCode == 200)

        let metrics = try Self.scrape(client)

        #expect(metrics[Self.requestsTotal, ["method": "POST", "route": "/v1/documents", "status": "201"]] == 1)
        #expect(metrics[Self.requestsTotal, ["method": "GET", "route": "/v1/documents", "status": "200"]] == 1)
    }

    /// A route's latency histogram is cumulative: buckets in ascending `le` never decrease, the
    /// `+Inf` bucket equals `_count`, and `_count` equals the route's requests.
    @Test func latencyHistogramIsCumulative() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()
        for target in ["/v1/documents", "/v1/documents?limit=1", "/v1/documents?sort=published"] {
            _ = try client.get(target)
        }

        let metrics = try Self.scrape(client)

        let route = ["method": "GET", "route": "/v1/documents"]
        let buckets = metrics.samples(named: Self.duration + "_bucket", matching: route).map { sample in
            (bound: sample.labels["le"].flatMap { $0 == "+Inf" ? .infinity : Double($0) }, count: sample.value)
        }
        try #require(buckets.count > 1)
        #expect(buckets.allSatisfy { $0.bound != nil }, "an le label is not a number: \(buckets)")
        let ordered = buckets.sorted { ($0.bound ?? 0) < ($1.bound ?? 0) }
        #expect(ordered.last?.bound == .infinity)
        #expect(zip(ordered, ordered.dropFirst()).allSatisfy { $0.count <= $1.count }, "\(ordered)")
        let count = try #require(metrics[Self.duration + "_count", route])
        #expect(metrics[Self.duration + "_bucket", route.merging(["le": "+Inf"]) { $1 }] == count)
        #expect(count == 3)
        #expect(metrics[Self.requestsTotal, route.merging(["status": "200"]) { $1 }] == count)
        #expect((metrics[Self.duration + "_sum", route] ?? -1) >= 0)
    }

    /// The gauges report the corpus (4 documents, and as many entities and quotations as their
    /// lists total) and the connections open now.
    @Test func reportsCorpusAndConnectionGauges() throws {
        let server = try APIFixture.startServer(options: APIOptions())
        defer { server.shutdown() }
        let other = try server.makeClient()
        try #require(try other.get("/healthz").statusCode == 200)  // accepted, so counted open
        let client = try server.makeClient()
        let entities = try client.listing("/v1/entities").total
        let quotes = try client.listing("/v1/quotes").total

        let metrics = try Self.scrape(client)

        #expect(metrics["dossier_documents"] == Double(APIFixture.articles.count))
        #expect(metrics["dossier_entities"] == Double(entities))
        #expect(metrics["dossier_quotes"] == Double(quotes))
        #expect(metrics["dossier_last_change"] == 0, "the seeds only")
        #expect(metrics["dossier_writes_failing"] == 0)
        #expect(metrics["dossier_open_connections"] == 2)
        #expect(metrics["dossier_document_cache_documents"] == 0, "no document read yet")
        #expect(metrics["dossier_document_cache_bytes"] == 0)
    }

    /// A document read is rendered once and kept: the cache gauges count it and its bytes.
    @Test func reportsRenderedDocuments() throws {
        let server = try APIFixture.startServer(options: APIOptions())
        defer { server.shutdown() }
        let client = try server.makeClient()
        let id = APIFixture.articles[0].id
        let body = try client.get("/v1/documents/\(id)").body
        _ = try client.get("/v1/documents/\(id)")

        let metrics = try Self.scrape(client)

        #expect(metrics["dossier_document_cache_documents"] == 1)
        #expect(metrics["dossier_document_cache_bytes"] == Double(body.count))
    }

    /// A request the server cannot parse is answered 400 and counted under the route
    /// `unreadable`.
    @Test func countsUnreadableRequests() throws {
        let server = try APIFixture.startServer()
        defer { server.shutdown() }
        let client = try server.makeClient()
        let labels = ["method": "-", "route": "unreadable", "status": "400"]
        let before = try Self.scrape(client)[Self.requestsTotal, labels] ?? 0

        let garbage = try server.makeClient()
        try garbage.send("GARBAGE\r\n\r\n")
        let refused = try garbage.readResponse()

        #expect(refused.statusCode == 400)
        let after = try #require(try Self.scrape(client)[Self.requestsTotal, labels])
        #expect(after - before == 1)
    }
}
