import Access
import Corpus
import DocumentModel
import HTTPServer
import Routing
import Serialization
import Store

/// The one place where errors become HTTP statuses and problem+json bodies.
enum ProblemMapping {
    /// The problem describing an API error.
    static func problem(for error: APIError) -> ProblemDetails {
        switch error {
        case .routeNotFound(let path):
            return self.make(.notFound, "No resource at '\(path)'. GET / lists the endpoints.")
        case .methodNotAllowed(let method, let allowed, let note):
            let detail = "\(method) is not allowed here; allowed: \(allowed.map(\.rawValue).joined(separator: ", "))."
            return self.make(.methodNotAllowed, note.map { detail + " " + $0 } ?? detail)
        case .documentNotFound(let id):
            return self.make(.notFound, "No document has the id or slug '\(id)'.")
        case .entityNotFound(let id):
            return self.make(.notFound, "No entity has the id '\(id)'. GET /v1/entities lists them.")
        case .unknownParameter(let name, let allowed):
            let list = allowed.isEmpty ? "none" : allowed.joined(separator: ", ")
            return self.make(.badRequest, "Unknown query parameter '\(name)'; this endpoint takes: \(list).", parameter: name)
        case .invalidParameter(let name, let rule):
            return self.make(.badRequest, "The query parameter '\(name)' \(rule).", parameter: name)
        case .missingParameter(let name):
            return self.make(.badRequest, "The query parameter '\(name)' is required.", parameter: name)
        case .repeatedParameter(let name):
            return self.make(.badRequest, "The query parameter '\(name)' must be given at most once.", parameter: name)
        case .invalidQuery(let queryError):
            let parameter: String
            switch queryError { case .invalidEncoding(let name): parameter = name }
            return self.make(.badRequest, queryError.description, parameter: parameter)
        case .notReady(let phase):
            return self.make(.serviceUnavailable, phase == .loading ? "The corpus is still loading." : "The server is shutting down.")
        case .originNotAllowed(let origin):
            return self.make(.forbidden, "Cross-origin requests from '\(origin)' are not allowed here (see --cors-origins).")
        case .keyMissing:
            return self.make(.unauthorized, "This route needs an API key: send 'Authorization: Bearer <key>'.")
        case .keyRejected:
            return self.make(.unauthorized, "The Authorization header holds no key this server knows; send 'Authorization: Bearer <key>'.")
        case .keysNotConfigured:
            return self.make(
                .unauthorized,
                "This server listens beyond loopback and has no API keys, so it takes no writes. Create a key with 'dossier keys create --name NAME --scope write', add its line to a key file, and start with --api-keys FILE.")
        case .scopeMissing(let keyName, let needed):
            return self.make(
                .forbidden, "The key '\(keyName)' does not have the '\(needed.rawValue)' scope this route needs.",
                extensions: [.init("required_scope", .string(needed.rawValue))])
        case .tooManyStreams(let limit):
            return self.make(.tooManyRequests, "This client already holds \(limit) event streams, as many as one client may; close one first.")
        case .rateLimited(let what, let limit, let retryAfter):
            let rate = limit.perSecond >= 1 ? "\(Int(limit.perSecond)) a second" : "one every \(Int((1 / limit.perSecond).rounded())) seconds"
            return self.make(
                .tooManyRequests,
                "Too many \(what) from this client: \(rate) with bursts of \(limit.burst) are allowed; retry in \(retryAfter) s.",
                extensions: [.init("retry_after", .int(retryAfter))])
        case .hostNotAllowed(let host):
            return self.make(.misdirectedRequest, "This server does not answer for the host '\(host)' (see --allowed-hosts).")
        case .openAPIUnavailable:
            return self.make(.notFound, "This server was started without its OpenAPI document (see --openapi).")
        case .unsupportedMediaType(let given, let accepted):
            let what = given.map { "The media type '\($0)'" } ?? "A body without Content-Type"
            return self.make(.unsupportedMediaType, "\(what) is not accepted here; send \(accepted.joined(separator: " or ")).")
        case .malformedJSON(let error):
            return self.make(
                .badRequest, "The body is not valid JSON: \(error)",
                extensions: [.init("line", .int(error.line)), .init("column", .int(error.column)), .init("offset", .int(error.offset))])
        case .invalidBody(let detail, let field):
            return self.make(.badRequest, detail, extensions: field.map { [.init("field", .string($0))] } ?? [])
        case .invalidHeader(let name, let rule):
            return self.make(.badRequest, "The header '\(name)' \(rule).", extensions: [.init("header", .string(name))])
        case .write(let error):
            return self.problem(for: error)
        case .changesExpired(let oldest, let latest):
            return self.make(
                .gone,
                "Changes before \(oldest) are no longer kept: reload the collection, then follow changes after \(latest).",
                extensions: [.init("oldest_change", .int(oldest)), .init("last_change", .int(latest))])
        }
    }

    /// The problem describing a write the store refused or could not make.
    private static func problem(for error: WriteError) -> ProblemDetails {
        switch error {
        case .idTaken: return self.make(.conflict, error.clientDescription)
        case .notFound: return self.make(.notFound, error.clientDescription)
        case .unprocessable, .idempotencyKeyReused: return self.make(.unprocessableContent, error.clientDescription)
        case .readOnly: return self.make(.methodNotAllowed, error.clientDescription)
        case .storage(.recordTooLarge): return self.make(.contentTooLarge, error.clientDescription)
        case .storage: return self.make(.serviceUnavailable, error.clientDescription)
        }
    }

    /// The problem describing a request the server could not read or serve.
    static func problem(for failure: RequestFailure) -> ProblemDetails {
        switch failure {
        case .headerTimeout: return self.make(.requestTimeout, failure.description)
        case .connectionLimit: return self.make(.serviceUnavailable, failure.description)
        case .addressConnectionLimit: return self.make(.tooManyRequests, failure.description)
        case .bodyTimeout: return self.make(.requestTimeout, failure.description)
        case .bodyMemoryBudget: return self.make(.serviceUnavailable, failure.description)
        case .malformed(let error): return self.make(self.status(for: error), error.description)
        }
    }

    /// The status for each parse error: limits have their own, framing the server does not
    /// implement is 501, a version it does not speak 505, everything else 400.
    static func status(for error: HTTPParseError) -> HTTPStatus {
        switch error {
        case .requestLineTooLong: return .uriTooLong
        case .headerSectionTooLarge, .tooManyHeaderFields: return .requestHeaderFieldsTooLarge
        case .bodyTooLarge: return .contentTooLarge
        case .unknownMethod, .unsupportedTransferEncoding: return .notImplemented
        case .unsupportedVersion: return .httpVersionNotSupported
        case .unsupportedExpectation: return .expectationFailed
        case .malformedRequestLine, .invalidTarget, .invalidPercentEncoding, .malformedVersion,
            .malformedHeaderField, .obsoleteLineFolding, .bareCarriageReturn, .missingHost, .duplicateHost,
            .invalidContentLength, .conflictingFraming, .malformedTransferEncoding, .transferEncodingOnHTTP1_0,
            .malformedChunk:
            return .badRequest
        }
    }

    /// A problem+json response for a problem.
    static func response(for problem: ProblemDetails, status: HTTPStatus, pretty: Bool = false) -> Response {
        var headers = HeaderFields([("Content-Type", ProblemDetails.mediaType), ("Cache-Control", "no-store")])
        if status == .serviceUnavailable { headers.add("Retry-After", "1") }
        return Response(status: status, headers: headers, body: JSONWriter.serialize(problem.json, pretty: pretty))
    }

    /// The `WWW-Authenticate` challenge a 401 for `error` carries (RFC 6750 §3), or `nil`.
    static func challenge(for error: APIError) -> String? {
        switch error {
        case .keyMissing, .keysNotConfigured: return #"Bearer realm="dossier""#
        case .keyRejected: return #"Bearer realm="dossier", error="invalid_token""#
        case .scopeMissing(_, let needed): return #"Bearer realm="dossier", error="insufficient_scope", scope="\#(needed.rawValue)""#
        default: return nil
        }
    }

    private static func make(
        _ status: HTTPStatus, _ detail: String, parameter: String? = nil, extensions: [ProblemDetails.Extension] = []
    ) -> ProblemDetails {
        ProblemDetails(status: status.code, title: status.reason, detail: detail, parameter: parameter, extensions: extensions)
    }
}

extension ProblemDetails {
    /// The status this problem carries.
    var httpStatus: HTTPStatus {
        HTTPStatus(code: self.status, reason: self.title)
    }
}
