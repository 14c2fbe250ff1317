import Glibc

/// A small blocking TCP client for talking raw HTTP/1.1 to a server on loopback.
///
/// It sends exactly the bytes a test gives it and parses what comes back one response at a
/// time, so tests can pipeline, split requests, send malformed ones and watch the connection
/// close. Every socket call is bounded by the send and receive timeouts given at creation,
/// so a test that waits for bytes that never come fails instead of hanging.
///
/// ```swift
/// let client = try TestClient(port: server.port)
/// try client.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
/// let response = try client.readResponse()
/// #expect(response.statusCode == 200)
/// ```
///
/// - Note: Not thread-safe: use each client from one thread at a time.
public final class TestClient {
    /// The port the client is connected to.
    public let port: Int
    /// How many bytes one `recv` asks for; lower it to read slowly.
    public var readChunkSize: Int
    private let descriptor: Int32
    private let timeout: Duration
    /// Received bytes not yet returned as part of a response.
    private var buffer: [UInt8] = []
    private var isClosed = false

    /// Connects to `host:port`.
    ///
    /// - Parameters:
    ///   - host: a numeric IPv4 or IPv6 address. Default `127.0.0.1`.
    ///   - port: the server's port.
    ///   - timeout: the longest any single send or receive may block. Default 5 s.
    ///   - receiveBufferSize: a small kernel receive buffer (`SO_RCVBUF`) makes the server
    ///     meet back-pressure sooner; `nil` keeps the system default.
    ///   - readChunkSize: bytes asked for per `recv`. Default 64 KiB.
    /// - Throws: `TestClientError.systemCall` if the socket cannot be made or connected
    ///   (`ECONNREFUSED` when nothing listens).
    public init(
        host: String = "127.0.0.1", port: Int, timeout: Duration = .seconds(5), receiveBufferSize: Int? = nil,
        readChunkSize: Int = 64 * 1024
    ) throws(TestClientError) {
        let isIPv6 = host.contains(":")
        precondition(readChunkSize > 0, "readChunkSize must be positive")
        self.port = port
        self.timeout = timeout
        self.readChunkSize = readChunkSize
        let descriptor = Glibc.socket(isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw .systemCall("socket", errno: errno) }
        self.descriptor = descriptor
        do throws(TestClientError) {
            var interval = timeval(
                tv_sec: Int(timeout.components.seconds),
                tv_usec: Int(timeout.components.attoseconds / 1_000_000_000_000))
            try Self.setOption(descriptor, SOL_SOCKET, SO_RCVTIMEO, &interval)
            try Self.setOption(descriptor, SOL_SOCKET, SO_SNDTIMEO, &interval)
            var noDelay: Int32 = 1  // so that byte-at-a-time sends leave as separate segments
            try Self.setOption(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay)
            if let receiveBufferSize {
                // Set before connect so the advertised window reflects it.
                var size = Int32(receiveBufferSize)
                try Self.setOption(descriptor, SOL_SOCKET, SO_RCVBUF, &size)
            }
            try Self.connect(descriptor, host: host, isIPv6: isIPv6, port: port)
        } catch {
            Glibc.close(descriptor)
            self.isClosed = true
            throw error
        }
    }

    deinit {
        self.close()
    }

    // MARK: Sending

    /// Sends all of `bytes`.
    ///
    /// - Throws: `TestClientError.systemCall` (e.g. `EPIPE`, `ECONNRESET`) or `.timedOut`.
    public func send(_ bytes: [UInt8]) throws(TestClientError) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { raw in
                Glibc.send(self.descriptor, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EAGAIN || code == EWOULDBLOCK { throw .timedOut("send") }
                throw .systemCall("send", errno: code)
            }
            offset += sent
        }
    }

    /// Sends the UTF-8 bytes of `text`.
    ///
    /// - Throws: see `send(_:)` for bytes.
    public func send(_ text: String) throws(TestClientError) {
        try self.send(Array(text.utf8))
    }

    /// Sends `text` one byte per `send` call, so the server sees it arrive in pieces.
    ///
    /// - Throws: see `send(_:)` for bytes.
    public func sendByteAtATime(_ text: String) throws(TestClientError) {
        for byte in text.utf8 {
            try self.send([byte])
        }
    }

    /// Waits until the server's kernel has acknowledged every byte sent, so they are in its
    /// socket's receive buffer. (`send` returning is not enough: on a loaded machine loopback
    /// delivery can lag behind it.)
    ///
    /// - Returns: `false` if bytes are still unacknowledged after `timeout`.
    public func waitUntilAcknowledged(within timeout: Duration = .seconds(5)) -> Bool {
        eventually(within: timeout) {
            var info = tcp_info()
            var length = socklen_t(MemoryLayout<tcp_info>.size)
            return getsockopt(self.descriptor, Int32(IPPROTO_TCP), TCP_INFO, &info, &length) == 0 && info.tcpi_unacked == 0
        }
    }

    /// Ends the sending side (sends FIN) while still allowing reads.
    public func shutdownWrite() {
        _ = Glibc.shutdown(self.descriptor, Int32(SHUT_WR))
    }

    /// Closes the socket. Idempotent; also done on deinit.
    public func close() {
        guard !self.isClosed else { return }
        self.isClosed = true
        // Not retried on EINTR: on Linux the descriptor is released anyway.
        Glibc.close(self.descriptor)
    }

    // MARK: Receiving

    /// Reads and parses one response, leaving any bytes after it for the next call.
    ///
    /// The body is framed by `Content-Length`; responses that carry no body (interim 1xx,
    /// 204, 304, and any response to `HEAD`) end at their header section, and a response
    /// with neither `Content-Length` nor `Transfer-Encoding` runs until the server closes.
    ///
    /// - Parameter forHEADRequest: the response answers a `HEAD` request, so it has no body
    ///   even though it carries the `Content-Length` of the `GET` body.
    /// - Returns: the response; a `100 Continue` is returned like any other, so read again
    ///   for the final response.
    /// - Throws: `.closedByPeer` if the connection ends before a whole response,
    ///   `.timedOut`, `.malformedResponse`, or `.systemCall` (e.g. `ECONNRESET`).
    public func readResponse(forHEADRequest: Bool = false) throws(TestClientError) -> TestResponse {
        let head = try self.receiveHead()
        let hasNoBody = forHEADRequest || head.statusCode < 200 || head.statusCode == 204 || head.statusCode == 304
        let body: [UInt8]
        if hasNoBody {
            body = []
        } else if let lengthText = head.value(of: "Content-Length") {
            guard let length = Int(lengthText), length >= 0 else {
                throw .malformedResponse("Content-Length '\(lengthText)'")
            }
            while self.buffer.count < length {
                guard try self.receiveMore() else { throw .closedByPeer(receivedBytes: self.buffer.count) }
            }
            body = Array(self.buffer[..<length])
            self.buffer.removeSubrange(..<length)
        } else if let coding = head.value(of: "Transfer-Encoding") {
            guard coding.lowercased() == "chunked" else { throw .malformedResponse("Transfer-Encoding '\(coding)'") }
            var chunks: [UInt8] = []
            while let chunk = try self.readChunk() { chunks += chunk }
            body = chunks
        } else {
            body = try self.readUntilClosed()
        }
        return TestResponse(head: head, body: body)
    }

    /// Reads a response's status line and header section only, for a body read piece by
    /// piece with `readChunk()` (a stream).
    ///
    /// - Returns: the response with an empty body.
    public func readResponseHead() throws(TestClientError) -> TestResponse {
        TestResponse(head: try self.receiveHead(), body: [])
    }

    /// Reads the next chunk of a chunked body.
    ///
    /// - Returns: the chunk's data, or `nil` for the last (empty) chunk, after which the
    ///   trailer section's empty line has been consumed too.
    /// - Throws: `.closedByPeer`, `.timedOut` or `.malformedResponse`.
    public func readChunk() throws(TestClientError) -> [UInt8]? {
        let lineEnd = try self.receiveLine()
        let sizeText = String(decoding: self.buffer[..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
        guard let size = Int(String(sizeText.filter { $0 != " " }), radix: 16), size >= 0 else {
            throw .malformedResponse("chunk size line '\(String(decoding: self.buffer[..<lineEnd], as: UTF8.self))'")
        }
        self.buffer.removeSubrange(..<(lineEnd + 2))
        if size == 0 {
            // Trailer fields, if any, then the empty line.
            while true {
                let end = try self.receiveLine()
                self.buffer.removeSubrange(..<(end + 2))
                if end == 0 { return nil }
            }
        }
        while self.buffer.count < size + 2 {
            guard try self.receiveMore() else { throw .closedByPeer(receivedBytes: self.buffer.count) }
        }
        guard self.buffer[size] == 13 && self.buffer[size + 1] == 10 else { throw .malformedResponse("chunk not ended by CRLF") }
        defer { self.buffer.removeSubrange(..<(size + 2)) }
        return Array(self.buffer[..<size])
    }

    /// Reads until the peer closes the connection (or resets it).
    ///
    /// - Returns: every byte received and not yet returned, including bytes already buffered.
    /// - Throws: `.timedOut` if the peer keeps the connection open past the timeout.
    public func readUntilClosed() throws(TestClientError) -> [UInt8] {
        do throws(TestClientError) {
            while try self.receiveMore() {}
        } catch .systemCall(_, ECONNRESET) {
            // A reset after the data has arrived still means "closed".
        }
        defer { self.buffer.removeAll() }
        return self.buffer
    }

    /// Whether the peer closes the connection within `timeout`: a read returns end of file or
    /// `ECONNRESET`.
    ///
    /// Bytes that arrive meanwhile are kept for later reads, and waiting goes on.
    ///
    /// - Parameter timeout: how long to wait; default 3 s.
    /// - Returns: `true` if the peer closed, `false` if the connection is still open at the deadline.
    public func isClosedByPeer(within timeout: Duration = .seconds(3)) -> Bool {
        let deadline = ContinuousClock.now + timeout
        var chunk = [UInt8](repeating: 0, count: self.readChunkSize)
        while true {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return false }
            var descriptor = pollfd(fd: self.descriptor, events: Int16(POLLIN), revents: 0)
            let ready = Glibc.poll(&descriptor, 1, Int32(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000 + 1))
            if ready < 0 {
                if errno == EINTR { continue }
                return false
            }
            guard ready > 0 else { return false }
            let count = chunk.withUnsafeMutableBytes { Glibc.recv(self.descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if count == 0 { return true }
            if count < 0 {
                let code = errno
                if code == ECONNRESET { return true }
                if code == EINTR || code == EAGAIN || code == EWOULDBLOCK { continue }
                return false
            }
            self.buffer.append(contentsOf: chunk[..<count])
        }
    }

    /// Receives and parses a status line and header section, removing them from the buffer.
    private func receiveHead() throws(TestClientError) -> TestResponseHead {
        let headEnd = try self.receiveHeaderSection()
        let head = try TestResponseHead(parsing: self.buffer[..<headEnd])
        self.buffer.removeSubrange(..<(headEnd + 4))
        return head
    }

    /// Receives until the buffer holds a CRLF; returns its index.
    private func receiveLine() throws(TestClientError) -> Int {
        var searchFrom = 0
        while true {
            var index = searchFrom
            while index + 1 < self.buffer.count {
                if self.buffer[index] == 13 && self.buffer[index + 1] == 10 { return index }
                index += 1
            }
            searchFrom = max(0, self.buffer.count - 1)
            guard try self.receiveMore() else { throw .closedByPeer(receivedBytes: self.buffer.count) }
        }
    }

    /// Receives until the buffer holds a full header section; returns the index of its CRLFCRLF.
    private func receiveHeaderSection() throws(TestClientError) -> Int {
        var searchFrom = 0
        while true {
            if self.buffer.count >= 4 {
                var index = searchFrom
                while index + 3 < self.buffer.count {
                    if self.buffer[index] == 13 && self.buffer[index + 1] == 10 && self.buffer[index + 2] == 13
                        && self.buffer[index + 3] == 10
                    {
                        return index
                    }
                    index += 1
                }
                searchFrom = max(0, self.buffer.count - 3)
            }
            guard try self.receiveMore() else { throw .closedByPeer(receivedBytes: self.buffer.count) }
        }
    }

    /// One `recv` into the buffer; `false` at end of file.
    private func receiveMore() throws(TestClientError) -> Bool {
        var chunk = [UInt8](repeating: 0, count: self.readChunkSize)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.recv(self.descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                self.buffer.append(contentsOf: chunk[..<count])
                return true
            }
            if count == 0 { return false }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK { throw .timedOut("recv after \(self.timeout)") }
            throw .systemCall("recv", errno: code)
        }
    }

    // MARK: Socket set-up

    private static func connect(_ descriptor: Int32, host: String, isIPv6: Bool, port: Int) throws(TestClientError) {
        if isIPv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = in_port_t(UInt16(port).bigEndian)
            guard inet_pton(AF_INET6, host, &address.sin6_addr) == 1 else { throw .systemCall("inet_pton", errno: EINVAL) }
            try self.connect(descriptor, to: &address)
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { throw .systemCall("inet_pton", errno: EINVAL) }
            try self.connect(descriptor, to: &address)
        }
    }

    /// Connects to a `sockaddr_in` or `sockaddr_in6`.
    private static func connect<Address>(_ descriptor: Int32, to address: inout Address) throws(TestClientError) {
        let status = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<Address>.size))
            }
        }
        guard status == 0 else { throw .systemCall("connect", errno: errno) }
    }

    private static func setOption<Value: BitwiseCopyable>(_ descriptor: Int32, _ level: Int32, _ name: Int32, _ value: inout Value)
        throws(TestClientError)
    {
        let status = withUnsafeBytes(of: &value) { raw in
            setsockopt(descriptor, level, name, raw.baseAddress, socklen_t(raw.count))
        }
        guard status == 0 else {
            throw .systemCall("setsockopt", errno: errno)
        }
    }
}

/// Why a `TestClient` operation failed.
public enum TestClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A system call failed with this `errno`.
    case systemCall(String, errno: Int32)
    /// A send or receive waited longer than the client's timeout.
    case timedOut(String)
    /// The peer closed the connection before a complete response arrived.
    case closedByPeer(receivedBytes: Int)
    /// The bytes received are not an HTTP/1.1 response.
    case malformedResponse(String)

    /// A sentence for test failure messages.
    public var description: String {
        switch self {
        case .systemCall(let call, let code): return "\(call): \(String(cString: strerror(code))) (errno \(code))"
        case .timedOut(let call): return "\(call) timed out"
        case .closedByPeer(let count): return "connection closed by peer after \(count) unparsed bytes"
        case .malformedResponse(let what): return "malformed response: \(what)"
        }
    }
}
