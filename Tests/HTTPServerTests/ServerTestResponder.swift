import Dispatch
import HTTPServer
import Locking
import TestSupport

/// The responder behind the connection and shutdown tests.
///
/// - `/large?bytes=N`: N bytes of `pattern(count:)`, to push the writer into back-pressure.
/// - `/block`: opens `gate.entered`, then blocks its worker until `gate.release` opens.
/// - anything else: echoes the request. The body is the request body; `X-Echo-Method`,
///   `X-Echo-Path`, `X-Echo-Query`, `X-Echo-Version`, `X-Echo-Body-Length`, `X-Echo-Header`
///   (the request's `X-Test`) and `X-Echo-Trailer` (the trailer `X-Trailer`) describe it.
///
/// - `/deferred?ms=N`: a deferred reply, completed from another queue after N ms, saying
///   `deferred`.
/// - `/stream?count=N`: a stream of N chunks `piece I\n`, then its end.
/// - `/feed`: a stream kept open in `feeds`, for the test to send to.
///
/// Failures become a plain-text response whose status follows the kind of failure.
struct ServerTestResponder: HTTPResponder {
    /// The path answered with a large body.
    static let largePath = "/large"
    /// The path that blocks until released.
    static let blockPath = "/block"
    /// The path answered by a deferred reply.
    static let deferredPath = "/deferred"
    /// The path answered by a finite stream.
    static let streamPath = "/stream"
    /// The path answered by an open-ended stream.
    static let feedPath = "/feed"

    /// Coordinates a test with a request held in `/block`.
    struct Gate: Sendable {
        /// Opened when the handler has begun.
        let entered = Latch()
        /// The handler returns once this opens.
        let release = Latch()
    }

    var gate = Gate()
    /// The open `/feed` streams.
    var feeds = FeedRegistry()

    func respond(to request: Request) -> Reply {
        switch request.path {
        case Self.deferredPath:
            let pending = PendingResponse()
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(Self.number(in: request))) {
                pending.complete(with: Response(headers: HeaderFields([("Content-Type", "text/plain")]), body: Array("deferred".utf8)))
            }
            return .deferred(pending)
        case Self.streamPath:
            let stream = ResponseStream()
            let count = Self.number(in: request)
            DispatchQueue.global().async {
                for index in 0..<count { stream.send(Array("piece \(index)\n".utf8)) }
                stream.finish()
            }
            return .stream(Response(headers: HeaderFields([("Content-Type", "text/plain")])), stream)
        case Self.feedPath:
            return .stream(Response(headers: HeaderFields([("Content-Type", "text/event-stream")])), self.feeds.open())
        default:
            return .response(self.response(to: request))
        }
    }

    /// The integer after the last `=` of the query, or 0.
    private static func number(in request: Request) -> Int {
        Int(request.query.split(separator: "=").last ?? "") ?? 0
    }

    private func response(to request: Request) -> Response {
        switch request.path {
        case Self.largePath:
            return Response(headers: HeaderFields([("Content-Type", "application/octet-stream")]), body: Self.pattern(count: Self.number(in: request)))
        case Self.blockPath:
            self.gate.entered.open()
            _ = self.gate.release.wait(timeout: .seconds(10))
            return Response(headers: HeaderFields([("Content-Type", "text/plain")]), body: Array("released".utf8))
        default:
            return Response(
                headers: HeaderFields([
                    ("Content-Type", "application/octet-stream"),
                    ("X-Echo-Method", request.method.rawValue),
                    ("X-Echo-Path", request.path),
                    ("X-Echo-Query", request.query),
                    ("X-Echo-Version", request.version.description),
                    ("X-Echo-Body-Length", String(request.body.count)),
                    ("X-Echo-Header", request.headers["X-Test"] ?? "-"),
                    ("X-Echo-Trailer", request.trailers["X-Trailer"] ?? "-"),
                ]),
                body: request.body)
        }
    }

    func respond(to failure: RequestFailure) -> Response {
        let status: HTTPStatus
        switch failure {
        case .headerTimeout, .bodyTimeout: status = .requestTimeout
        case .connectionLimit, .bodyMemoryBudget: status = .serviceUnavailable
        case .addressConnectionLimit: status = .tooManyRequests
        case .malformed(.bodyTooLarge): status = .contentTooLarge
        case .malformed(.requestLineTooLong): status = .uriTooLong
        case .malformed(.headerSectionTooLarge), .malformed(.tooManyHeaderFields): status = .requestHeaderFieldsTooLarge
        case .malformed(.unknownMethod), .malformed(.unsupportedTransferEncoding): status = .notImplemented
        case .malformed: status = .badRequest
        }
        return Response(status: status, headers: HeaderFields([("Content-Type", "text/plain")]), body: Array(failure.description.utf8))
    }

    /// `count` bytes where byte *i* is `i % 251`, so a lost, duplicated or reordered slice shows.
    ///
    /// Built by doubling a 251-byte period, which stays fast in debug builds.
    static func pattern(count: Int) -> [UInt8] {
        var bytes = (0..<251).map { UInt8($0) }
        while bytes.count < count { bytes.append(contentsOf: bytes) }
        return Array(bytes.prefix(count))
    }
}

/// The open streams of `/feed`, and how many have ended.
///
/// - Note: `Sendable`: its state is guarded by a mutex.
final class FeedRegistry: Sendable {
    private let state = Locked((streams: [Int: ResponseStream](), nextID: 0, ended: 0))

    /// A new stream, remembered until it ends.
    func open() -> ResponseStream {
        self.state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            let stream = ResponseStream { [self] in
                self.state.withLock { state in
                    state.streams[id] = nil
                    state.ended += 1
                }
            }
            state.streams[id] = stream
            return stream
        }
    }

    /// Streams open now.
    var openCount: Int { self.state.withLock { $0.streams.count } }
    /// Streams that have ended.
    var endedCount: Int { self.state.withLock { $0.ended } }

    /// Sends bytes to every open stream; returns how many took them.
    @discardableResult
    func broadcast(_ bytes: [UInt8]) -> Int {
        let streams = self.state.withLock { Array($0.streams.values) }
        return streams.filter { $0.send(bytes) }.count
    }

    /// Ends every open stream from the producer's side.
    func finishAll() {
        let streams = self.state.withLock { Array($0.streams.values) }
        for stream in streams { stream.finish() }
    }

    /// Disconnects the client of every open stream at once, from the producer's side.
    func abortAll() {
        let streams = self.state.withLock { Array($0.streams.values) }
        for stream in streams { stream.abort() }
    }
}
