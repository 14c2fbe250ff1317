import Dispatch
import HTTPServer

/// The real server's answers that the client tests read:
///
/// - `/echo`: `text/plain` lines `method target`, `host HOST` and `connection CONNECTION`
///   describing the request.
/// - `/stream?count=N`: a stream (chunked on the wire) of N pieces `piece I\n`, sent from another queue.
/// - `/bytes?count=N`: N bytes `x`.
/// - anything else: 404 with an empty body.
struct ClientTestResponder: HTTPResponder {
    func respond(to request: Request) -> Reply {
        let count = Int(request.query.split(separator: "=").last ?? "") ?? 0
        switch request.path {
        case "/echo":
            let lines = [
                "\(request.method) \(request.target)", "host \(request.headers["Host"] ?? "-")",
                "connection \(request.headers["Connection"] ?? "-")",
            ]
            return .response(Response(headers: HeaderFields([("Content-Type", "text/plain")]), body: Array(lines.joined(separator: "\n").utf8)))
        case "/stream":
            let stream = ResponseStream()
            DispatchQueue.global().async {
                for index in 0..<count { _ = stream.send(Array("piece \(index)\n".utf8)) }
                stream.finish()
            }
            return .stream(Response(headers: HeaderFields([("Content-Type", "text/plain")])), stream)
        case "/bytes":
            return .response(Response(body: Array(repeating: UInt8(ascii: "x"), count: count)))
        default:
            return .response(Response(status: HTTPStatus(code: 404, reason: "Not Found")))
        }
    }

    func respond(to failure: RequestFailure) -> Response {
        Response(status: .badRequest, body: Array(failure.description.utf8))
    }
}
