import Glibc
import Synchronization

/// A connected, non-blocking TCP socket whose every wait is bounded by a deadline.
///
/// A `Connection` and the `Cancellation` handles made from it share one `ClientSocket`;
/// the descriptor is closed when the last of them is released, never before, so a
/// `cancel()` from another thread cannot reach a descriptor number that was reused.
///
/// - Note: `cancel()` may be called from any thread: it sets an atomic flag and calls
///   `shutdown(2)`, which wakes a `poll` or `recv` blocked in the owning thread. `send` and
///   `receive` are called only by the connection's one thread.
final class ClientSocket: Sendable {
    /// The file descriptor, open for the life of the object.
    private let descriptor: Int32
    private let isCancelledFlag = Atomic<Bool>(false)

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        // Not retried on EINTR: on Linux the descriptor is released even when close is interrupted.
        Glibc.close(self.descriptor)
    }

    /// Connects to the first address of `endpoint`'s host that accepts, trying each address
    /// `getaddrinfo` gives (IPv6 and IPv4) in its order.
    ///
    /// - Throws: `HTTPClientError.unresolvableHost`, `.timedOut(.connect)` once the deadline
    ///   passes, or the last address's failure (`.connectionRefused`, `.systemCall`).
    static func connect(to endpoint: Endpoint, until deadline: ContinuousClock.Instant) throws(HTTPClientError) -> ClientSocket {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(endpoint.host, String(endpoint.port), &hints, &list)
        guard status == 0, let first = list else {
            throw .unresolvableHost(endpoint.host, reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(list) }
        var lastError = HTTPClientError.connectionRefused
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let info = candidate {
            candidate = info.pointee.ai_next
            do throws(HTTPClientError) {
                return try self.connect(to: info.pointee, until: deadline)
            } catch .timedOut(let operation) {
                throw .timedOut(operation)  // the deadline is spent for every other address too
            } catch {
                lastError = error
            }
        }
        throw lastError
    }

    private static func connect(to info: addrinfo, until deadline: ContinuousClock.Instant) throws(HTTPClientError) -> ClientSocket {
        let flags = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let descriptor = Glibc.socket(info.ai_family, flags, 0)
        guard descriptor >= 0 else { throw .systemCall("socket", errno: errno) }
        let socket = ClientSocket(descriptor: descriptor)
        if Glibc.connect(descriptor, info.ai_addr, info.ai_addrlen) < 0 {
            // EINTR leaves a non-blocking connect going on in the background, like EINPROGRESS.
            let code = errno
            guard code == EINPROGRESS || code == EINTR else { throw Self.connectFailure(code) }
            try socket.wait(for: Int16(POLLOUT), until: deadline, during: .connect)
            var pending: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            guard getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &pending, &length) == 0 else {
                throw .systemCall("getsockopt(SO_ERROR)", errno: errno)
            }
            guard pending == 0 else { throw Self.connectFailure(pending) }
        }
        return socket
    }

    private static func connectFailure(_ code: Int32) -> HTTPClientError {
        code == ECONNREFUSED ? .connectionRefused : .systemCall("connect", errno: code)
    }

    /// Whether `cancel()` was called.
    var isCancelled: Bool { self.isCancelledFlag.load(ordering: .acquiring) }

    /// Stops the connection: pending and later sends and receives fail with `.cancelled`.
    func cancel() {
        self.isCancelledFlag.store(true, ordering: .releasing)
        // ENOTCONN only means the peer has gone already; either way nothing more can pass.
        _ = Glibc.shutdown(self.descriptor, Int32(SHUT_RDWR))
    }

    /// Sends all of `bytes`.
    ///
    /// - Throws: `.timedOut(.send)`, `.closedByPeer(during: .send)`, `.cancelled` or `.systemCall`.
    func send(_ bytes: [UInt8], until deadline: ContinuousClock.Instant) throws(HTTPClientError) {
        var offset = 0
        while offset < bytes.count {
            guard !self.isCancelled else { throw .cancelled }
            let sent = bytes.withUnsafeBytes { raw in
                Glibc.send(self.descriptor, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent >= 0 {
                offset += sent
                continue
            }
            let code = errno
            switch code {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: try self.wait(for: Int16(POLLOUT), until: deadline, during: .send)
            default: throw self.failure("send", errno: code, during: .send)
            }
        }
    }

    /// Receives what the peer has sent, waiting for at least one byte.
    ///
    /// - Parameters:
    ///   - buffer: the bytes are appended here.
    ///   - deadline: the longest to wait.
    /// - Returns: `false` when the peer has closed its side (end of file).
    /// - Throws: `.timedOut(.receive)`, `.closedByPeer(during: .receive)` for a reset,
    ///   `.cancelled` or `.systemCall`.
    func receive(appendingTo buffer: inout [UInt8], until deadline: ContinuousClock.Instant) throws(HTTPClientError) -> Bool {
        let capacity = 64 * 1024
        while true {
            guard !self.isCancelled else { throw .cancelled }
            let oldCount = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: capacity))
            let count = buffer.withUnsafeMutableBytes { raw in
                Glibc.recv(self.descriptor, raw.baseAddress! + oldCount, capacity, 0)
            }
            let code = errno
            buffer.removeLast(capacity - max(count, 0))
            if count > 0 { return true }
            if count == 0 {
                guard !self.isCancelled else { throw .cancelled }
                return false
            }
            switch code {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: try self.wait(for: Int16(POLLIN), until: deadline, during: .receive)
            default: throw self.failure("recv", errno: code, during: .receive)
            }
        }
    }

    /// Waits until the socket is ready for `events` or the deadline passes.
    private func wait(for events: Int16, until deadline: ContinuousClock.Instant, during operation: HTTPClientError.Operation)
        throws(HTTPClientError)
    {
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { throw .timedOut(operation) }
            var entry = pollfd(fd: self.descriptor, events: events, revents: 0)
            let ready = Glibc.poll(&entry, 1, Self.milliseconds(rounding: remaining))
            if ready > 0 { return }
            // On 0 (poll's own timeout) the loop finds the deadline passed.
            if ready < 0 {
                let code = errno
                guard code == EINTR else { throw .systemCall("poll", errno: code) }
            }
        }
    }

    /// The error for a failed send or receive: cancellation and a vanished peer by name.
    private func failure(_ call: String, errno code: Int32, during operation: HTTPClientError.Operation) -> HTTPClientError {
        if self.isCancelled { return .cancelled }
        if code == EPIPE || code == ECONNRESET { return .closedByPeer(during: operation) }
        return .systemCall(call, errno: code)
    }

    /// `duration` in whole milliseconds, rounded up so a wait never ends just short of a deadline.
    private static func milliseconds(rounding duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: milliseconds)
    }
}
