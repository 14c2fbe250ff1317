import Access
import Corpus
import Dispatch
import DocumentModel
import HTTPServer
import Routing
import Serialization
import Store

/// The HTTP API: routes requests to handlers and turns every error into problem+json.
///
/// Cross-cutting rules live here, once: a `Host` the server does not answer for gets 421,
/// every route's access (API key and scope, `AccessPolicy`) is checked before its handler
/// runs and a write from a foreign page's origin is refused, `HEAD` runs the `GET` handler
/// (the server drops the body), `OPTIONS` answers for every path (CORS preflights included),
/// `?pretty=true` and `?fields=` are read for every route, every successful read gets an
/// `ETag`, `If-None-Match` turns a matching read into 304, every response gets CORS headers,
/// `X-Content-Type-Options: nosniff` and an `X-Request-Id`, and every request is counted in
/// the metrics. Writes are answered when the store has made them durable, without holding a
/// worker queue meanwhile.
///
/// ```swift
/// let api = DossierAPI(store: try DocumentStore(seeds: documents, directory: directory, ingestor: Ingestor()), readiness: Readiness(.ready))
/// let server = try Server(configuration: configuration, responder: api, logger: logger)
/// api.observeOpenConnections { server.openConnectionCount }
/// ```
///
/// - Note: Immutable apart from `Metrics`, the catalog and the change feed, which guard their
///   own state; shared by every worker queue.
public final class DossierAPI: HTTPResponder {
    /// How a handler answered, before the shared rules are applied.
    private enum Outcome {
        case response(Response)
        case deferred(@Sendable (_ deliver: @escaping @Sendable (Response) -> Void) -> Void)
        case stream(Response, ResponseStream)
    }

    /// A route's handler, what access control needs of it, and the rate limit it counts
    /// against, if any.
    private struct Route: Sendable {
        let handler: Handler
        let access: RouteAccess
        let rateLimiter: ClientRateLimiter?
    }

    private let routes: RouteTable<HTTPMethod, Route>
    /// On a read-only server, the write routes it lacks, and what their 405 adds.
    private let absentWrites: (routes: RouteTable<HTTPMethod, Endpoint>, note: String)?
    private let endpoints: [Endpoint]
    private let cors: CORSPolicy
    private let access: AccessPolicy
    private let hosts: HostPolicy
    private let metrics = Metrics()

    /// Makes the API over a store. It takes over the store's publish handler, to serve each
    /// committed write and push it to the event streams.
    ///
    /// - Parameters:
    ///   - store: the collection; a read-only store has no write endpoints (405 with `Allow`).
    ///   - readiness: what `/readyz` reports.
    ///   - options: allowed origins, the OpenAPI document, the event heartbeat.
    public init(store: DocumentStore, readiness: Readiness, options: APIOptions = APIOptions()) {
        let catalog = Catalog(snapshot: store.snapshot)
        let feed = ChangeFeed(
            changes: store.changes, through: store.snapshot.version, heartbeatInterval: options.heartbeatInterval, limits: options.eventStreams)
        store.onPublish { publication in
            catalog.apply(publication)
            feed.publish(publication.changes, through: publication.snapshot.version)
        }
        self.endpoints = Endpoint.allCases.filter { !$0.isWrite || !store.isReadOnly }
        let documents = DocumentsHandler(catalog: catalog)
        let writes = WritesHandler(store: store)
        let changes = ChangesHandler(catalog: catalog, changes: store.changes, feed: feed)
        let journal = JournalHandler(store: store, heartbeatInterval: options.heartbeatInterval, maxQueuedBytes: options.journalQueueLimit)
        let service = ServiceHandler(
            catalog: catalog, store: store, readiness: readiness, metrics: self.metrics, openAPIDocument: options.openAPIDocument, endpoints: self.endpoints)
        let contacts = ContactsHandler(catalog: catalog)
        let timeline = TimelineHandler(catalog: catalog)
        let quotes = QuotesHandler(catalog: catalog, workLimit: options.searchWorkLimit)
        let entities = EntitiesHandler(catalog: catalog)
        let search = SearchHandler(catalog: catalog, workLimit: options.searchWorkLimit)
        let writeLimiter = options.writeLimit.map { ClientRateLimiter(name: "writes", limit: $0) }
        let searchLimiter = options.searchLimit.map { ClientRateLimiter(name: "search", limit: $0) }
        var builder = RouterBuilder<HTTPMethod, Route>()
        for endpoint in self.endpoints {
            let handler: Handler
            switch endpoint {
            case .index: handler = .immediate(service.index)
            case .health: handler = .immediate(service.health)
            case .readiness: handler = .immediate(service.ready)
            case .metrics: handler = .immediate(service.metricsExposition)
            case .openAPI: handler = .immediate(service.openAPI)
            case .documents: handler = .immediate(documents.list)
            case .createDocument: handler = .deferred(writes.create)
            case .document: handler = .immediate(documents.get)
            case .deleteDocument: handler = .deferred(writes.delete)
            case .documentText: handler = .immediate(documents.text)
            case .related: handler = .immediate(documents.related)
            case .search: handler = .immediate(search.search)
            case .contacts: handler = .immediate(contacts.list)
            case .timeline: handler = .immediate(timeline.list)
            case .quotes: handler = .immediate(quotes.list)
            case .entities: handler = .immediate(entities.list)
            case .entity: handler = .immediate(entities.get)
            case .changes: handler = .immediate(changes.list)
            case .events: handler = .streaming(changes.events)
            case .journal: handler = .streaming(journal.stream)
            }
            let limiter = endpoint.access == .write ? writeLimiter : (endpoint == .search ? searchLimiter : nil)
            builder.add(endpoint.method, endpoint.pattern, Route(handler: handler, access: endpoint.access, rateLimiter: limiter))
        }
        self.routes = builder.build()
        if store.isReadOnly {
            var writes = RouterBuilder<HTTPMethod, Endpoint>()
            for endpoint in Endpoint.allCases where endpoint.isWrite { writes.add(endpoint.method, endpoint.pattern, endpoint) }
            let note = options.writesGoTo.map { "This server is a read replica: send writes to \($0)." } ?? "This server is read-only."
            self.absentWrites = (writes.build(), note)
        } else {
            self.absentWrites = nil
        }
        self.cors = CORSPolicy(allowedOrigins: options.allowedOrigins)
        self.access = options.access
        self.hosts = options.hosts
    }

    /// Lets `/metrics` report the server's open connections.
    public func observeOpenConnections(_ read: @escaping @Sendable () -> Int) {
        self.metrics.observeOpenConnections(read)
    }

    /// Answers a request (see the type's discussion for the shared rules).
    public func respond(to request: Request) -> Reply {
        let started = DispatchTime.now().uptimeNanoseconds
        let (outcome, route) = self.answer(request)
        switch outcome {
        case .response(let response):
            return .response(self.finish(response, for: request, route: route, started: started))
        case .deferred(let start):
            let pending = PendingResponse()
            start { response in pending.complete(with: self.finish(response, for: request, route: route, started: started)) }
            return .deferred(pending)
        case .stream(let head, let stream):
            return .stream(self.finish(head, for: request, route: route, started: started), stream)
        }
    }

    /// Adds CORS headers, `nosniff` and the request id, and counts the response.
    private func finish(_ response: Response, for request: Request, route: String, started: UInt64) -> Response {
        var response = response
        self.cors.apply(to: &response, origin: request.headers["Origin"], isWrite: ![.get, .head, .options].contains(request.method))
        response.headers.add("X-Content-Type-Options", "nosniff")
        response.headers.add("X-Request-Id", RequestID.of(request))
        let elapsed = DispatchTime.now().uptimeNanoseconds - started
        self.metrics.record(method: request.method.rawValue, route: route, status: response.status.code, seconds: Double(elapsed) / 1e9)
        return response
    }

    /// Answers a request the server could not read, as problem+json.
    public func respond(to failure: RequestFailure) -> Response {
        let problem = ProblemMapping.problem(for: failure)
        var response = ProblemMapping.response(for: problem, status: problem.httpStatus)
        response.headers.add("X-Content-Type-Options", "nosniff")
        response.headers.add("X-Request-Id", RequestID.make())
        self.metrics.record(method: "-", route: Metrics.unreadableRoute, status: response.status.code, seconds: 0)
        return response
    }

    /// The outcome and the route template it is counted under.
    private func answer(_ request: Request) -> (Outcome, String) {
        if let host = request.headers["Host"], !self.hosts.allows(hostHeader: host) {
            return (.response(self.problem(.hostNotAllowed(host: host), pretty: false)), Metrics.unmatchedRoute)
        }
        if request.method == .options {
            let (response, route) = self.answerOptions(request)
            return (.response(response), route)
        }
        let method = request.method == .head ? .get : request.method
        switch self.routes.resolve(method, path: request.path) {
        case .notFound:
            return (.response(self.problem(.routeNotFound(path: request.path), pretty: false)), Metrics.unmatchedRoute)
        case .methodNotAllowed(let allowed):
            let methods = Self.withImpliedMethods(allowed)
            let note = self.absentWrites.flatMap { absent -> String? in
                guard case .matched = absent.routes.resolve(method, path: request.path) else { return nil }
                return absent.note
            }
            var response = self.problem(.methodNotAllowed(method: request.method, allowed: methods, note: note), pretty: false)
            response.headers.add("Allow", methods.map(\.rawValue).joined(separator: ", "))
            return (.response(response), Metrics.unmatchedRoute)
        case .matched(let route, let parameters, let template):
            switch self.access.decide(route.access, authorization: request.headers["Authorization"]) {
            case .allowed(let keyName):
                if route.access == .write, let origin = request.headers["Origin"], !self.cors.allowsWrite(from: origin, host: request.headers["Host"]) {
                    return (.response(self.problem(.originNotAllowed(origin: origin), pretty: false)), template)
                }
                guard let limiter = route.rateLimiter else {
                    return (Self.naming(keyName, in: self.run(route.handler, for: request, parameters: parameters, keyName: keyName)), template)
                }
                switch limiter.take(client: ClientIdentity.of(keyName: keyName, address: request.remoteAddress)) {
                case .allowed(let remaining, let reset):
                    let outcome = self.run(route.handler, for: request, parameters: parameters, keyName: keyName)
                    let headers = [("RateLimit-Policy", limiter.policyHeader), ("RateLimit", limiter.stateHeader(remaining: remaining, resetSeconds: reset))]
                    return (Self.naming(keyName, in: Self.adding(headers, to: outcome)), template)
                case .limited(let retryAfter):
                    var response = self.problem(.rateLimited(what: limiter.name, limit: limiter.limit, retryAfterSeconds: retryAfter), pretty: false)
                    response.headers.add("Retry-After", String(retryAfter))
                    response.headers.add("RateLimit-Policy", limiter.policyHeader)
                    response.headers.add("RateLimit", limiter.stateHeader(remaining: 0, resetSeconds: retryAfter))
                    return (Self.naming(keyName, in: .response(response)), template)
                }
            case .keyMissing: return (.response(self.problem(.keyMissing, pretty: false)), template)
            case .keyRejected: return (.response(self.problem(.keyRejected, pretty: false)), template)
            case .keysNotConfigured: return (.response(self.problem(.keysNotConfigured, pretty: false)), template)
            case .scopeMissing(let keyName, let needed):
                return (Self.naming(keyName, in: .response(self.problem(.scopeMissing(keyName: keyName, needed: needed), pretty: false))), template)
            }
        }
    }

    /// The outcome with its response marked as made with the key `keyName`, for the access log.
    private static func naming(_ keyName: String?, in outcome: Outcome) -> Outcome {
        guard let keyName else { return outcome }
        return self.changing(outcome) { $0.accessKeyName = keyName }
    }

    /// The outcome with `headers` added to its response.
    private static func adding(_ headers: [(String, String)], to outcome: Outcome) -> Outcome {
        self.changing(outcome) { response in
            for (name, value) in headers { response.headers.add(name, value) }
        }
    }

    /// The outcome with `change` applied to its response (or its stream's head), whenever
    /// that response comes.
    private static func changing(_ outcome: Outcome, _ change: @escaping @Sendable (inout Response) -> Void) -> Outcome {
        switch outcome {
        case .response(var response):
            change(&response)
            return .response(response)
        case .deferred(let start):
            return .deferred { deliver in
                start { response in
                    var response = response
                    change(&response)
                    deliver(response)
                }
            }
        case .stream(var head, let stream):
            change(&head)
            return .stream(head, stream)
        }
    }

    /// `OPTIONS`: the methods of the path (or of the server, for `*`), CORS preflights included.
    private func answerOptions(_ request: Request) -> (Response, String) {
        let methods: [HTTPMethod]
        var route = "*"
        if request.path != "*" {
            guard case .methodNotAllowed(let allowed) = self.routes.resolve(.options, path: request.path) else {
                return (self.problem(.routeNotFound(path: request.path), pretty: false), Metrics.unmatchedRoute)
            }
            methods = Self.withImpliedMethods(allowed)
            // Counted under the path's template, found through any method it has.
            if let method = allowed.first, case .matched(_, _, let template) = self.routes.resolve(method, path: request.path) { route = template }
        } else {
            methods = Self.withImpliedMethods(Array(Set(self.endpoints.map(\.method))))
        }
        do {
            return (try self.cors.options(for: request, allowing: methods), route)
        } catch {
            return (self.problem(error, pretty: false), route)
        }
    }

    /// A route's methods plus those the API answers for every route: `HEAD` where `GET` is, and `OPTIONS`.
    private static func withImpliedMethods(_ methods: [HTTPMethod]) -> [HTTPMethod] {
        let all = Set(methods).union(methods.contains(.get) ? [.head, .options] : [.options])
        return HTTPMethod.allCases.filter(all.contains)
    }

    private func run(_ handler: Handler, for request: Request, parameters: PathParameters, keyName: String?) -> Outcome {
        let query: QueryParameters
        do {
            query = try QueryParameters(parsing: request.query)
        } catch {
            return .response(self.problem(.invalidQuery(error), pretty: false))
        }
        let isPretty: Bool
        switch query["pretty"] {
        case nil, "false": isPretty = false
        case "true": isPretty = true
        default: return .response(self.problem(.invalidParameter(name: "pretty", rule: "must be 'true' or 'false'"), pretty: false))
        }
        let context: RequestContext
        do {
            let isLoopback = keyName == nil && (request.remoteAddress.hasPrefix("127.") || request.remoteAddress == "::1")
            context = RequestContext(
                request: request, parameters: parameters, query: query, isPretty: isPretty, fields: try Self.fields(query["fields"]),
                client: ClientIdentity.of(keyName: keyName, address: request.remoteAddress), isLoopbackClient: isLoopback)
        } catch {
            return .response(self.problem(error, pretty: isPretty))
        }
        do {
            switch handler {
            case .immediate(let answer):
                return .response(Self.applyingConditional(try answer(context), to: request))
            case .deferred(let start):
                return .deferred { deliver in
                    do throws(APIError) {
                        try start(context) { result in
                            switch result {
                            case .success(let response): deliver(response)
                            case .failure(let error): deliver(self.problem(error, pretty: isPretty))
                            }
                        }
                    } catch {
                        deliver(self.problem(error, pretty: isPretty))
                    }
                }
            case .streaming(let open):
                let (head, stream) = try open(context)
                return .stream(head, stream)
            }
        } catch {
            return .response(self.problem(error, pretty: isPretty))
        }
    }

    /// `?fields=a,b`: the names of the top-level members to keep.
    private static func fields(_ value: String?) throws(APIError) -> Set<String>? {
        guard let value else { return nil }
        let names = value.split(separator: ",", omittingEmptySubsequences: false)
        let isName: (Substring) -> Bool = { name in !name.isEmpty && name.utf8.allSatisfy { $0 == UInt8(ascii: "_") || ($0 | 0x20) &- 97 < 26 } }
        guard names.allSatisfy(isName) else {
            throw .invalidParameter(name: "fields", rule: "must be a comma-separated list of field names (letters and '_'), got '\(value)'")
        }
        return Set(names.map(String.init))
    }

    private func problem(_ error: APIError, pretty: Bool) -> Response {
        let problem = ProblemMapping.problem(for: error)
        var response = ProblemMapping.response(for: problem, status: problem.httpStatus, pretty: pretty)
        if let challenge = ProblemMapping.challenge(for: error) { response.headers.add("WWW-Authenticate", challenge) }
        return response
    }

    /// Adds an ETag to a successful read and answers 304 when `If-None-Match` matches it.
    private static func applyingConditional(_ response: Response, to request: Request) -> Response {
        guard request.method == .get || request.method == .head, response.status == .ok else { return response }
        var response = response
        let etag: String
        if let existing = response.headers["ETag"] {
            etag = existing
        } else {
            etag = EntityTag.make(for: response.body)
            response.headers.add("ETag", etag)
        }
        guard let condition = request.headers["If-None-Match"], EntityTag.noneMatchHits(condition, tag: etag) else {
            return response
        }
        var headers = HeaderFields([("ETag", etag)])
        if let cacheControl = response.headers["Cache-Control"] { headers.add("Cache-Control", cacheControl) }
        return Response(status: .notModified, headers: headers)
    }
}
