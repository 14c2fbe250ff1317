import HTTPServer
import Routing
import Serialization

/// The HTTP API: routes requests to handlers and turns every error into problem+json.
///
/// Cross-cutting rules live here, once: `HEAD` runs the `GET` handler (the server drops the
/// body), `?pretty=true` is read for every route, every successful read gets an `ETag`, and
/// `If-None-Match` turns a matching read into 304.
///
/// ```swift
/// let api = DossierAPI(catalog: Catalog(snapshot: snapshot), readiness: Readiness(.ready))
/// let server = try Server(configuration: configuration, responder: api, logger: logger)
/// ```
///
/// - Note: Immutable; shared by every worker queue.
public final class DossierAPI: HTTPResponder {
    private let routes: RouteTable<HTTPMethod, Handler>

    /// Makes the API over a catalog.
    ///
    /// - Parameters:
    ///   - catalog: the documents to serve.
    ///   - readiness: what `/readyz` reports.
    public init(catalog: Catalog, readiness: Readiness) {
        let documents = DocumentsHandler(catalog: catalog)
        let service = ServiceHandler(catalog: catalog, readiness: readiness)
        let contacts = ContactsHandler(catalog: catalog)
        let timeline = TimelineHandler(catalog: catalog)
        let quotes = QuotesHandler(catalog: catalog)
        let entities = EntitiesHandler(catalog: catalog)
        var builder = RouterBuilder<HTTPMethod, Handler>()
        for endpoint in Endpoint.allCases {
            let handler: Handler
            switch endpoint {
            case .index: handler = service.index
            case .health: handler = service.health
            case .readiness: handler = service.ready
            case .documents: handler = documents.list
            case .document: handler = documents.get
            case .documentText: handler = documents.text
            case .contacts: handler = contacts.list
            case .timeline: handler = timeline.list
            case .quotes: handler = quotes.list
            case .entities: handler = entities.list
            case .entity: handler = entities.get
            }
            builder.add(endpoint.method, endpoint.pattern, handler)
        }
        self.routes = builder.build()
    }

    /// Answers a request (see the type's discussion for the shared rules).
    public func respond(to request: Request) -> Response {
        let method = request.method == .head ? .get : request.method
        switch self.routes.resolve(method, path: request.path) {
        case .notFound:
            return self.problem(.routeNotFound(path: request.path), pretty: false)
        case .methodNotAllowed(let allowed):
            let withHead = allowed.contains(.get) ? allowed + [.head] : allowed
            var response = self.problem(.methodNotAllowed(method: request.method, allowed: withHead), pretty: false)
            response.headers.add("Allow", withHead.map(\.rawValue).joined(separator: ", "))
            return response
        case .matched(let handler, let parameters, _):
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
            let context = RequestContext(request: request, parameters: parameters, query: query, isPretty: isPretty)
            do {
                return Self.applyingConditional(try handler(context), to: request)
            } catch {
                return self.problem(error, pretty: isPretty)
            }
        }
    }

    /// Answers a request the server could not read, as problem+json.
    public func respond(to failure: RequestFailure) -> Response {
        let problem = ProblemMapping.problem(for: failure)
        return ProblemMapping.response(for: problem, status: problem.httpStatus)
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
