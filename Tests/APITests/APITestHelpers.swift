import API
import Corpus
import DocumentModel
import Extraction
import Foundation
import HTTPServer
import Store
import Testing
import TestSupport

// Helpers shared by the API's integration tests: a server with `APIOptions`, one-line
// requests, the list envelope, following `links.next`, link queries and the Prometheus
// exposition.

extension APIFixture {
    /// Starts a server answering with the real API over the fixture documents, with `options`,
    /// and lets `/metrics` read the server's open-connection count.
    ///
    /// - Parameter options: allowed origins and the OpenAPI document.
    /// - Returns: the running server.
    static func startServer(options: APIOptions) throws -> TestServer {
        let ingestor = Ingestor()
        let documents = try self.articles.map { try ingestor.ingest(text: $0.text, id: $0.id) }
        let api = DossierAPI(
            store: try DocumentStore(seeds: documents, directory: nil, ingestor: Ingestor()), readiness: Readiness(.ready), options: options)
        let server = try TestServer.started(configuration: .testing, responder: api)
        // Weak: the server holds the API, which would otherwise hold the server.
        api.observeOpenConnections { [weak server] in server?.openConnectionCount ?? 0 }
        return server
    }
}

extension TestClient {
    /// Sends a `GET` and reads its response.
    func get(_ target: String, headers: [(String, String)] = []) throws -> TestResponse {
        try self.send(RawRequest.get(target, headers: headers))
        return try self.readResponse()
    }

    /// Sends a `HEAD` and reads its (bodiless) response.
    func head(_ target: String, headers: [(String, String)] = []) throws -> TestResponse {
        try self.send(RawRequest.head(target, headers: headers))
        return try self.readResponse(forHEADRequest: true)
    }

    /// Sends a `GET` that must answer 200 with a list envelope, and returns the envelope.
    func listing(_ target: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Listing {
        let response = try self.get(target)
        try #require(response.statusCode == 200, "GET \(target): \(response.bodyText)", sourceLocation: sourceLocation)
        return try Listing(response, sourceLocation: sourceLocation)
    }

    /// Every page of a list, from `first` and following `links.next` until it is `null`.
    ///
    /// Fails the test when the pages disagree on `total`, do not start where the previous one
    /// ended, or never end.
    func allPages(from first: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [Listing] {
        var pages: [Listing] = []
        var target: String? = first
        while let current = target {
            let page = try self.listing(current, sourceLocation: sourceLocation)
            if let previous = pages.last {
                #expect(page.total == previous.total, "total changed while paging at \(current)", sourceLocation: sourceLocation)
                #expect(
                    page.offset == previous.offset + previous.data.count, "page \(current) does not follow the previous one",
                    sourceLocation: sourceLocation)
            }
            pages.append(page)
            try #require(pages.count <= page.total + 1, "links.next never ends (at \(current))", sourceLocation: sourceLocation)
            target = page.next
        }
        return pages
    }
}

/// The list envelope `{data, meta: {total, limit, offset}, links: {self, next, prev}}`.
struct Listing {
    /// The page's items.
    let data: [[String: Any]]
    let total: Int
    let limit: Int
    let offset: Int
    let selfLink: String
    let next: String?
    let prev: String?

    /// Reads the envelope from a response's body, failing the test when a member is missing
    /// or of the wrong type (`next` and `prev` may be `null`).
    init(_ response: TestResponse, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let envelope = try response.jsonObject()
        self.data = try #require(envelope["data"] as? [[String: Any]], sourceLocation: sourceLocation)
        let meta = try #require(envelope["meta"] as? [String: Any], sourceLocation: sourceLocation)
        self.total = try #require(meta["total"] as? Int, sourceLocation: sourceLocation)
        self.limit = try #require(meta["limit"] as? Int, sourceLocation: sourceLocation)
        self.offset = try #require(meta["offset"] as? Int, sourceLocation: sourceLocation)
        let links = try #require(envelope["links"] as? [String: Any], sourceLocation: sourceLocation)
        self.selfLink = try #require(links["self"] as? String, sourceLocation: sourceLocation)
        #expect(links["next"] is String || links["next"] is NSNull, sourceLocation: sourceLocation)
        #expect(links["prev"] is String || links["prev"] is NSNull, sourceLocation: sourceLocation)
        self.next = links["next"] as? String
        self.prev = links["prev"] as? String
    }

    /// The `id` member of each item, in order.
    var ids: [String?] { self.data.map { $0["id"] as? String } }
}

/// Whether two parsed JSON values are equal: the same members (in any order), items in the
/// same order, the same scalars.
///
/// Compares canonical serializations (sorted keys), which is exact for values that
/// `JSONSerialization` produced and does not depend on Foundation's bridging of nested
/// collections.
func sameJSON(_ a: Any, _ b: Any) -> Bool {
    let canonical = { (value: Any) in try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]) }
    guard let left = canonical(a), let right = canonical(b) else { return false }
    return left == right
}

/// A link's path and its query as decoded `name=value` strings, in order:
/// `/v1/documents?source=Harbour%20board&limit=1` gives `("/v1/documents", ["source=Harbour board", "limit=1"])`.
///
/// Decoding makes the comparison independent of which characters the server chose to escape.
func decodedLink(_ link: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> (path: String, query: [String]) {
    let components = try #require(URLComponents(string: link), "not a URL reference: \(link)", sourceLocation: sourceLocation)
    let query = (components.queryItems ?? []).map { "\($0.name)=\($0.value ?? "")" }
    return (components.path, query)
}

/// A Prometheus text exposition (format 0.0.4), parsed into samples.
///
/// Samples are looked up by metric name and labels in any order:
///
/// ```swift
/// let metrics = try MetricsExposition(parsing: response.bodyText)
/// metrics["dossier_http_requests_total", ["route": "/v1/documents", "status": "200"]]   // 3.0
/// ```
struct MetricsExposition {
    /// One sample line: `name{label="value",…} number`.
    struct Sample {
        let name: String
        let labels: [String: String]
        let value: Double
    }

    /// The samples, in the order of the text.
    let samples: [Sample]

    /// Parses every non-comment, non-blank line; a line that is not a sample fails the test.
    init(parsing text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        var samples: [Sample] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.allSatisfy(\.isWhitespace) {
            samples.append(try #require(Self.sample(line), "not a sample line: '\(line)'", sourceLocation: sourceLocation))
        }
        self.samples = samples
    }

    /// The value of the sample with exactly this name and these labels, or `nil`.
    subscript(name: String, labels: [String: String] = [:]) -> Double? {
        self.samples.first { $0.name == name && $0.labels == labels }?.value
    }

    /// Every sample with this name whose labels include `labels`, in text order.
    func samples(named name: String, matching labels: [String: String] = [:]) -> [Sample] {
        self.samples.filter { sample in sample.name == name && labels.allSatisfy { sample.labels[$0.key] == $0.value } }
    }

    /// `name{labels} value`, with `\\`, `\"` and `\n` escapes in label values.
    private static func sample(_ line: Substring) -> Sample? {
        var rest = line[...]
        let nameEnd = rest.firstIndex { $0 == "{" || $0 == " " } ?? rest.endIndex
        let name = String(rest[..<nameEnd])
        guard !name.isEmpty else { return nil }
        rest = rest[nameEnd...]
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                guard let equals = rest.firstIndex(of: "="), rest[rest.index(after: equals)...].first == "\"" else { return nil }
                let label = String(rest[..<equals])
                rest = rest[rest.index(equals, offsetBy: 2)...]
                var value = ""
                var isEscaped = false
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if isEscaped {
                        value.append(character == "n" ? "\n" : character)
                        isEscaped = false
                    } else if character == "\\" {
                        isEscaped = true
                    } else if character == "\"" {
                        break
                    } else {
                        value.append(character)
                    }
                }
                labels[label] = value
                if rest.first == "," { rest = rest.dropFirst() }
                guard !rest.isEmpty else { return nil }
            }
            rest = rest.dropFirst()
        }
        let fields = rest.split(separator: " ")
        guard let valueText = fields.first, fields.count <= 2 else { return nil }
        let value: Double? = switch valueText {
        case "+Inf": .infinity
        case "-Inf": -.infinity
        default: Double(valueText)
        }
        return value.map { Sample(name: name, labels: labels, value: $0) }
    }
}
