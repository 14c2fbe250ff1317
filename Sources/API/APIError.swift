import Access
import Corpus
import DocumentModel
import HTTPServer
import Routing
import Serialization
import Store

/// What can go wrong while answering a parsed request.
///
/// Every case maps to one status in `ProblemMapping`; the cases carry what the problem's
/// `detail` must name.
public enum APIError: Error, Sendable, Hashable {
    /// No route has this path.
    case routeNotFound(path: String)
    /// The path exists but not for this method.
    case methodNotAllowed(method: HTTPMethod, allowed: [HTTPMethod], note: String? = nil)
    /// No document has this id or slug.
    case documentNotFound(id: String)
    /// No entity has this id.
    case entityNotFound(id: String)
    /// A query parameter this endpoint does not take.
    case unknownParameter(name: String, allowed: [String])
    /// A query parameter with a value that breaks its rule.
    case invalidParameter(name: String, rule: String)
    /// A query parameter the endpoint needs is absent.
    case missingParameter(name: String)
    /// A query parameter given more than once where one value is expected.
    case repeatedParameter(name: String)
    /// The query string could not be decoded.
    case invalidQuery(QueryError)
    /// The service is not ready (loading or draining).
    case notReady(Readiness.Phase)
    /// A CORS preflight from an origin the server does not allow, or a write from a page on
    /// an origin not explicitly allowed to write.
    case originNotAllowed(origin: String)
    /// A route that needs an API key, and the request sent none.
    case keyMissing
    /// The `Authorization` header is malformed or names no key the server knows.
    case keyRejected
    /// A write or journal read on a server listening beyond loopback that has no key file.
    case keysNotConfigured
    /// The key is known but its scopes do not cover the route.
    case scopeMissing(keyName: String, needed: AccessScope)
    /// A `Host` header the server does not answer to (`--allowed-hosts`).
    case hostNotAllowed(host: String)
    /// The client holds as many event streams as one client may.
    case tooManyStreams(limit: Int)
    /// The client made more requests of this kind than its rate allows.
    case rateLimited(what: String, limit: RateLimit, retryAfterSeconds: Int)
    /// The server was started without an OpenAPI document to serve.
    case openAPIUnavailable
    /// A request body of a media type the endpoint does not take.
    case unsupportedMediaType(given: String?, accepted: [String])
    /// A JSON body that does not parse.
    case malformedJSON(JSONParseError)
    /// A body that parses but breaks the endpoint's rules; `field` names the member at fault.
    case invalidBody(detail: String, field: String?)
    /// A request header with a value that breaks its rule.
    case invalidHeader(name: String, rule: String)
    /// A write the store refused or could not make.
    case write(WriteError)
    /// Changes after the one asked for are no longer kept.
    case changesExpired(oldestAvailable: Int, latest: Int)
}
