import Dispatch
import HTTPServer
import Routing
import Serialization

/// The HTTP API: routes requests to handlers and turns every error into problem+json.
///
/// Cross-cutting rules live here, once: `HEAD` runs the `GET` handler (the server drops the
/// body), `OPTIONS` answers for every path (CORS preflights included), `?pretty=true` and
/// `?fields=` are read for every route, every successful read gets an `ETag`,
/// `If-None-Match` turns a matching read into 304, every response gets CORS headers and an
/// `X-Request-Id`, and every request is counted in the metrics.
///
/// ```swift
/// let api = DossierAPI(catalog: Catalog(snapshot: snapshot), readiness: Readiness(.ready))
/// let server = try Server(configuration: configuration, responder: api, logger: logger)
/// api.observeOpenConnections { server.openConnectionCount }
/// ```
///
/// - Note: Immutable apart from `Metrics`, which guards its own state; shared by every
///   worker queue.
public final class DossierAPI: HTTPResponder {
    private let routes: RouteTable<HTTPMethod, Handler>
    private let cors: CORSPolicy
    private let metrics = Metrics()

    /// Makes the API over a catalog.
    ///
    /// - Parameters:
    ///   - catalog: the documents to serve.
    ///   - readiness: what `/readyz` reports.
    ///   - options: allowed origins and the OpenAPI document.
    public init(catalog: Catalog, readiness: Readiness, options: APIOptions = APIOptions()) {
        let documents = DocumentsHandler(catalog: catalog)
        let service = ServiceHandler(catalog: catalog, readiness: readiness, metrics: self.metrics, openAPIDocument: options.openAPIDocument)
        let contacts = ContactsHandler(catalog: catalog)
        let timeline = TimelineHandler(catalog: catalog)
        let quotes = QuotesHandler(catalog: catalog)
        let entities = EntitiesHandler(catalog: catalog)
        let search = SearchHandler(catalog: catalog)
        var builder = RouterBuilder<HTTPMethod, Handler>()
        for endpoint in Endpoint.allCases {
            let handler: Handler
            switch endpoint {
            case .index: handler = service.index
            case .health: handler = service.health
            case .readiness: handler = service.ready
            case .metrics: handler = service.metricsExposition
            case .openAPI: handler = service.openAPI
            case .documents: handler = documents.list
            case .document: handler = documents.get
            case .documentText: handler = documents.text
            case .related: handler = documents.related
            case .search: handler = search.search
            case .contacts: handler = contacts.list
            case .timeline: handler = timeline.list
            case .quotes: handler = quotes.list
            case .entities: handler = entities.list
            case .entity: handler = entities.get
            }
            builder.add(endpoint.method, endpoint.pattern, handler)
        }
        self.routes = builder.build()
        self.cors = CORSPolicy(allowedOrigins: options.allowedOrigins)
    }

    /// Lets `/metrics` report the server's open connections.
    public func observeOpenConnections(_ read: @escaping @Sendable () -> Int) {
        self.metrics.observeOpenConnections(read)
    }

    /// Answers a request (see the type's discussion for the shared rules).
    public func respond(to request: Request) -> Reply {
        let started = DispatchTime.now().uptimeNanoseconds
        var (response, route) = self.answer(request)
        self.cors.apply(to: &response, origin: request.headers["Origin"])
        response.headers.add("X-Request-Id", RequestID.of(request))
        let elapsed = DispatchTime.now().uptimeNanoseconds - started
        self.metrics.record(route: route, status: response.status.code, seconds: Double(elapsed) / 1e9)
        return .response(response)
    }

    /// Answers a request the server could not read, as problem+json.
    public func respond(to failure: RequestFailure) -> Response {
        let problem = ProblemMapping.problem(for: failure)
        var response = ProblemMapping.response(for: problem, status: problem.httpStatus)
        response.headers.add("X-Request-Id", RequestID.make())
        self.metrics.record(route: Metrics.unreadableRoute, status: response.status.code, seconds: 0)
        return response
    }

    /// The response and the route template it is counted under.
    private func answer(_ request: Request) -> (Response, String) {
        if request.method == .options { return self.answerOptions(request) }
        let method = request.method == .head ? .get : request.method
        switch self.routes.resolve(method, path: request.path) {
        case .notFound:
            return (self.problem(.routeNotFound(path: request.path), pretty: false), Metrics.unmatchedRoute)
        case .methodNotAllowed(let allowed):
            let methods = Self.withImpliedMethods(allowed)
            var response = self.problem(.methodNotAllowed(method: request.method, allowed: methods), pretty: false)
            response.headers.add("Allow", methods.map(\.rawValue).joined(separator: ", "))
            return (response, Metrics.unmatchedRoute)
        case .matched(let handler, let parameters, let template):
            return (self.run(handler, for: request, parameters: parameters), template)
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
            methods = Self.withImpliedMethods(Array(Set(Endpoint.allCases.map(\.method))))
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

    private func run(_ handler: Handler, for request: Request, parameters: PathParameters) -> Response {
        let query: QueryParameters
        do {
            query = try QueryParameters(parsing: request.query)
        } catch {
            return self.problem(.invalidQuery(error), pretty: false)
        }
        let isPretty: Bool
        switch query["pretty"] {
        case nil, "false": isPretty = false
        case "true": isPretty = true
        default: return self.problem(.invalidParameter(name: "pretty", rule: "must be 'true' or 'false'"), pretty: false)
        }
        do {
            let fields = try Self.fields(query["fields"])
            let context = RequestContext(request: request, parameters: parameters, query: query, isPretty: isPretty, fields: fields)
            return Self.applyingConditional(try handler(context), to: request)
        } catch {
            return self.problem(error, pretty: isPretty)
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
        return ProblemMapping.response(for: problem, status: problem.httpStatus, pretty: pretty)
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
