/// One blocking HTTP/1.1 connection to a server: send a request, read the response head,
/// then pull the body piece by piece as it arrives.
///
/// Every wait is bounded: by the configuration's connect, send and receive timeouts, and by
/// `deadline` when one is given. A body is framed by `Content-Length`, `chunked` (strictly
/// parsed, trailers read and kept in `trailers`) or the end of the connection. A response
/// read to its end leaves the connection ready for the next request, unless the server
/// closes it.
///
/// ```swift
/// let connection = try Connection(to: Endpoint(parsing: "http://dossier-writer:8080/v1/events"))
/// try connection.send(method: "GET", headers: [HeaderField(name: "Accept", value: "text/event-stream")])
/// let head = try connection.readHead()
/// while let bytes = try connection.nextBodyChunk() { consume(bytes) }
/// ```
///
/// - Note: Not thread-safe: use a connection from one thread at a time. To stop one that is
///   blocked in a read from another thread, call `cancel()` on its `cancellation`.
public final class Connection {
    /// Where the connection goes.
    public let endpoint: Endpoint
    /// Its timeouts and limits.
    public let configuration: Configuration
    /// No wait goes past this instant, whatever the timeouts; `nil` for none.
    public let deadline: ContinuousClock.Instant?
    /// The trailer fields of the last chunked body read to its end.
    public private(set) var trailers: [HeaderField] = []

    private let socket: ClientSocket
    /// Bytes received; those before `start` are consumed.
    private var buffer: [UInt8] = []
    private var start = 0
    /// The method of the request whose response is being read (`HEAD` has no body).
    private var requestMethod = "GET"
    private var body = BodyState.finished

    /// Where the body being read is.
    private enum BodyState {
        /// No body is being read: none was announced, or it was read to its end.
        case finished
        /// This many bytes of a `Content-Length` body are still to come.
        case remaining(Int)
        /// A chunked body, at this point of its framing.
        case chunked(ChunkPosition)
        /// Everything until the server closes.
        case untilClose
    }

    /// The position within a chunked body.
    private enum ChunkPosition {
        /// Before a chunk-size line.
        case sizeLine
        /// Inside a chunk's data, with this many bytes left.
        case data(Int)
        /// After a chunk's data, before its CR LF.
        case dataEnd
    }

    /// Connects to `endpoint`.
    ///
    /// - Parameters:
    ///   - endpoint: the server; its host is resolved with `getaddrinfo` (IPv4 and IPv6).
    ///   - configuration: timeouts and limits. Default `Configuration()`.
    ///   - deadline: an instant no wait may pass, for a whole exchange; `nil` for none.
    /// - Throws: `HTTPClientError.unresolvableHost`, `.connectionRefused`, `.timedOut(.connect)`
    ///   or `.systemCall`.
    public init(to endpoint: Endpoint, configuration: Configuration = Configuration(), deadline: ContinuousClock.Instant? = nil)
        throws(HTTPClientError)
    {
        self.endpoint = endpoint
        self.configuration = configuration
        self.deadline = deadline
        self.socket = try ClientSocket.connect(to: endpoint, until: Self.earlier(.now + configuration.connectTimeout, deadline))
    }

    /// A handle that stops this connection from another thread.
    public var cancellation: Cancellation { Cancellation(socket: self.socket) }

    // MARK: Request

    /// Sends a request: its line, `Host`, the given fields, and the body with its `Content-Length`.
    ///
    /// - Parameters:
    ///   - method: the method token, e.g. `GET`.
    ///   - target: the request target; default the endpoint's path.
    ///   - headers: fields to send besides `Host` and `Content-Length`, which are added.
    ///   - body: the body; `Content-Length` is sent when it is not empty, and for `POST`,
    ///     `PUT` and `PATCH` always.
    /// - Throws: `HTTPClientError.invalidRequestField` for a method, target or field that
    ///   would break the request's framing, `.timedOut(.send)`, `.closedByPeer`, `.cancelled`.
    public func send(method: String, target: String? = nil, headers: [HeaderField] = [], body: [UInt8] = []) throws(HTTPClientError) {
        let target = target ?? self.endpoint.path
        guard !method.isEmpty, method.utf8.allSatisfy(ASCII.isTokenCharacter) else { throw .invalidRequestField(method) }
        guard target.hasPrefix("/"), target.utf8.allSatisfy({ (0x21..<0x7F).contains($0) }) else { throw .invalidRequestField(target) }
        var fields = [HeaderField(name: "Host", value: self.endpoint.authority)] + headers
        if !body.isEmpty || ["POST", "PUT", "PATCH"].contains(method) {
            fields.append(HeaderField(name: "Content-Length", value: String(body.count)))
        }
        var bytes = Array("\(method) \(target) HTTP/1.1\r\n".utf8)
        for field in fields {
            guard !field.name.isEmpty, field.name.utf8.allSatisfy(ASCII.isTokenCharacter),
                field.value.utf8.allSatisfy(ASCII.isFieldValueCharacter)
            else { throw .invalidRequestField("\(field.name): \(field.value)") }
            bytes += Array("\(field.name): \(field.value)\r\n".utf8)
        }
        bytes += Array("\r\n".utf8) + body
        self.requestMethod = method
        try self.socket.send(bytes, until: self.deadline(after: self.configuration.sendTimeout))
    }

    // MARK: Response

    /// Reads the response's status line and header fields, skipping interim (1xx) responses
    /// such as `100 Continue`.
    ///
    /// - Precondition: the previous response's body, if any, was read to its end.
    /// - Returns: the head; read the body with `nextBodyChunk()`.
    /// - Throws: `HTTPClientError.headTooLarge` past `configuration.maxHeadBytes`,
    ///   `.malformedStatusLine`, `.malformedHeaderField`, `.invalidContentLength`,
    ///   `.unsupportedTransferCoding`, `.closedByPeer`, `.timedOut(.receive)`, `.cancelled`.
    public func readHead() throws(HTTPClientError) -> ResponseHead {
        guard case .finished = self.body else { preconditionFailure("readHead() before the previous body was read to its end") }
        while true {
            let head = try ResponseHead(parsing: try self.readHeadBytes())
            let framing = try BodyFraming(head: head, method: self.requestMethod)
            if head.status / 100 == 1 && head.status != 101 { continue }
            switch framing {
            case .none: self.body = .finished
            case .contentLength(let length): self.body = length == 0 ? .finished : .remaining(length)
            case .chunked: self.body = .chunked(.sizeLine)
            case .untilClose: self.body = .untilClose
            }
            self.trailers = []
            return head
        }
    }

    /// The next bytes of the body, as soon as some arrive.
    ///
    /// - Returns: a non-empty piece of the body, or `nil` once it has ended (then, for a
    ///   chunked body, `trailers` holds its trailer fields).
    /// - Throws: `HTTPClientError.malformedChunk`, `.chunkLineTooLong`, `.closedByPeer` when
    ///   the connection ends inside a `Content-Length` or chunked body, `.timedOut(.receive)`
    ///   when no byte comes within `configuration.receiveTimeout`, `.cancelled`.
    public func nextBodyChunk() throws(HTTPClientError) -> [UInt8]? {
        while true {
            switch self.body {
            case .finished:
                return nil
            case .remaining(let count):
                let piece = try self.take(upTo: count)
                self.body = count == piece.count ? .finished : .remaining(count - piece.count)
                return piece
            case .untilClose:
                if self.start == self.buffer.count, !(try self.receiveMore()) {
                    self.body = .finished
                    return nil
                }
                return self.take(available: self.buffer.count - self.start)
            case .chunked(.sizeLine):
                let line = try self.readLine(
                    limit: self.configuration.maxChunkLineBytes, overLimit: .chunkLineTooLong(limit: self.configuration.maxChunkLineBytes))
                let size = try ChunkSizeLine.size(of: line)
                if size == 0 {
                    self.trailers = try self.readTrailers()
                    self.body = .finished
                } else {
                    self.body = .chunked(.data(size))
                }
            case .chunked(.data(let count)):
                let piece = try self.take(upTo: count)
                self.body = .chunked(count == piece.count ? .dataEnd : .data(count - piece.count))
                return piece
            case .chunked(.dataEnd):
                let line = try self.readLine(limit: 2, overLimit: .malformedChunk("chunk data longer than its size"))
                guard line.isEmpty else { throw .malformedChunk("chunk data longer than its size") }
                self.body = .chunked(.sizeLine)
            }
        }
    }

    // MARK: Reading bytes

    /// The status line and header section, without the CR LF CR LF that ends them.
    private func readHeadBytes() throws(HTTPClientError) -> ArraySlice<UInt8> {
        let limit = self.configuration.maxHeadBytes
        var scanned = 0  // bytes after `start` known not to begin the terminator
        while true {
            let terminator: [UInt8] = [ASCII.cr, ASCII.lf, ASCII.cr, ASCII.lf]
            let unread = self.buffer[self.start...]
            if let end = unread.dropFirst(scanned).firstRange(of: terminator) {
                guard end.upperBound - self.start <= limit else { throw .headTooLarge(limit: limit) }
                defer { self.start = end.upperBound }
                return self.buffer[self.start..<end.lowerBound]
            }
            guard unread.count < limit else { throw .headTooLarge(limit: limit) }
            scanned = max(0, unread.count - 3)
            guard try self.receiveMore() else { throw .closedByPeer(during: .receive) }
        }
    }

    /// One CR LF ended line, without its CR LF.
    ///
    /// - Parameters:
    ///   - limit: the most bytes the line may take, CR LF included.
    ///   - overLimit: the error for a longer line.
    private func readLine(limit: Int, overLimit: HTTPClientError) throws(HTTPClientError) -> ArraySlice<UInt8> {
        var scanned = 0
        while true {
            let unread = self.buffer[self.start...]
            if let lineFeed = unread.dropFirst(scanned).firstIndex(of: ASCII.lf) {
                guard lineFeed + 1 - self.start <= limit else { throw overLimit }
                guard lineFeed > self.start, self.buffer[lineFeed - 1] == ASCII.cr else {
                    throw .malformedChunk("line ended by LF without CR")
                }
                defer { self.start = lineFeed + 1 }
                return self.buffer[self.start..<(lineFeed - 1)]
            }
            guard unread.count < limit else { throw overLimit }
            scanned = unread.count
            guard try self.receiveMore() else { throw .closedByPeer(during: .receive) }
        }
    }

    /// The trailer section after the last chunk, up to and including its empty line.
    private func readTrailers() throws(HTTPClientError) -> [HeaderField] {
        let limit = self.configuration.maxHeadBytes
        var fields: [HeaderField] = []
        var used = 0
        while true {
            let line = try self.readLine(limit: limit - used, overLimit: .headTooLarge(limit: limit))
            used += line.count + 2
            if line.isEmpty { return fields }
            fields.append(try HeaderField(parsing: line))
        }
    }

    /// Up to `count` body bytes: those buffered, or else the next ones to arrive.
    ///
    /// - Throws: `.closedByPeer` if the connection ends first.
    private func take(upTo count: Int) throws(HTTPClientError) -> [UInt8] {
        if self.start == self.buffer.count, !(try self.receiveMore()) { throw .closedByPeer(during: .receive) }
        return self.take(available: min(count, self.buffer.count - self.start))
    }

    /// The next `count` buffered bytes, consumed.
    private func take(available count: Int) -> [UInt8] {
        defer { self.start += count }
        return Array(self.buffer[self.start..<(self.start + count)])
    }

    /// Receives more bytes into the buffer, first dropping the consumed ones.
    ///
    /// - Returns: `false` at end of file.
    private func receiveMore() throws(HTTPClientError) -> Bool {
        self.buffer.removeFirst(self.start)
        self.start = 0
        return try self.socket.receive(appendingTo: &self.buffer, until: self.deadline(after: self.configuration.receiveTimeout))
    }

    /// The instant `timeout` from now, or the connection's deadline if that comes first.
    private func deadline(after timeout: Duration) -> ContinuousClock.Instant {
        Self.earlier(.now + timeout, self.deadline)
    }

    private static func earlier(_ instant: ContinuousClock.Instant, _ other: ContinuousClock.Instant?) -> ContinuousClock.Instant {
        other.map { min($0, instant) } ?? instant
    }
}
