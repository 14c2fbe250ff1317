import Glibc

/// A TCP socket file descriptor with the few operations the server needs.
///
/// A `Socket` is a plain value; ownership of the descriptor is by convention: the listener
/// owns the listening socket and each `Connection` owns its socket, closing it exactly once
/// from its Dispatch source's cancel handler.
struct Socket: Sendable, Hashable {
    /// The file descriptor.
    let descriptor: Int32

    /// Binds a non-blocking listening socket.
    ///
    /// - Parameters:
    ///   - host: a numeric IPv4 or IPv6 address, or a host name that resolves locally.
    ///   - port: the port; 0 asks the kernel for a free one.
    ///   - backlog: the accept queue length.
    /// - Throws: `SystemCallError` for the call that failed (`getaddrinfo` reports its code as errno).
    static func listen(host: String, port: Int, backlog: Int32) throws(SystemCallError) -> Socket {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else { throw SystemCallError(call: "getaddrinfo(\(host))", errno: status == EAI_SYSTEM ? errno : EINVAL) }
        defer { freeaddrinfo(list) }
        var lastError = SystemCallError(call: "bind", errno: EADDRNOTAVAIL)
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let info = candidate {
            candidate = info.pointee.ai_next
            do throws(SystemCallError) {
                return try self.listen(on: info.pointee, backlog: backlog)
            } catch {
                lastError = error
            }
        }
        throw lastError
    }

    private static func listen(on info: addrinfo, backlog: Int32) throws(SystemCallError) -> Socket {
        let descriptor = try systemCall("socket") {
            Glibc.socket(info.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        }
        let socket = Socket(descriptor: descriptor)
        do throws(SystemCallError) {
            try socket.setOption(SOL_SOCKET, SO_REUSEADDR, 1)
            _ = try systemCall("bind") { Glibc.bind(descriptor, info.ai_addr, info.ai_addrlen) }
            _ = try systemCall("listen") { Glibc.listen(descriptor, backlog) }
        } catch {
            socket.close()
            throw error
        }
        return socket
    }

    /// Accepts one pending connection as a non-blocking, close-on-exec socket.
    ///
    /// - Returns: the connection, or `nil` when none is pending.
    /// - Throws: `SystemCallError`, e.g. `EMFILE` when out of descriptors.
    func accept() throws(SystemCallError) -> Socket? {
        do throws(SystemCallError) {
            // Glibc's module map does not export accept4, so the flags are set afterwards.
            let descriptor = try systemCall("accept") { Glibc.accept(self.descriptor, nil, nil) }
            let socket = Socket(descriptor: descriptor)
            do {
                let flags = try systemCall("fcntl(F_GETFL)") { fcntl(descriptor, F_GETFL) }
                _ = try systemCall("fcntl(F_SETFL)") { fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) }
                _ = try systemCall("fcntl(F_SETFD)") { fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
            } catch {
                socket.close()
                throw error
            }
            return socket
        } catch where error.errno == EAGAIN || error.errno == EWOULDBLOCK {
            return nil
        }
    }

    /// Reads what is available into `buffer`.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemCallError) -> IOResult {
        do throws(SystemCallError) {
            let count = try systemCall("read") { Glibc.read(self.descriptor, buffer.baseAddress, buffer.count) }
            return count == 0 ? .endOfFile : .bytes(count)
        } catch where error.errno == EAGAIN || error.errno == EWOULDBLOCK {
            return .wouldBlock
        }
    }

    /// Writes as much of `bytes` as the socket takes now.
    ///
    /// Uses `send` with `MSG_NOSIGNAL` so that a vanished peer is `EPIPE`, never `SIGPIPE`.
    func write(_ bytes: UnsafeRawBufferPointer) throws(SystemCallError) -> IOResult {
        do throws(SystemCallError) {
            let count = try systemCall("send") {
                Glibc.send(self.descriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
            }
            return .bytes(count)
        } catch where error.errno == EAGAIN || error.errno == EWOULDBLOCK {
            return .wouldBlock
        }
    }

    /// Disables Nagle's algorithm so that a response leaves in one segment without waiting
    /// for the client's delayed ACK.
    func setNoDelay() throws(SystemCallError) {
        try self.setOption(Int32(IPPROTO_TCP), TCP_NODELAY, 1)
    }

    /// Ends our sending side (FIN) while still reading.
    func shutdownWrite() {
        // ENOTCONN only means the peer is already gone; nothing to do either way.
        _ = Glibc.shutdown(self.descriptor, Int32(SHUT_WR))
    }

    /// Stops a listening socket: the kernel refuses new connections (and resets any it has
    /// queued but not handed over), while the descriptor stays open for its Dispatch source.
    func stopListening() {
        // On Linux, shutting down the reading side of a listening socket takes it out of the
        // listening state; errors only mean it was not listening, which is the goal anyway.
        _ = Glibc.shutdown(self.descriptor, Int32(SHUT_RD))
    }

    /// Closes the descriptor.
    func close() {
        // Not retried on EINTR: on Linux the descriptor is released even when close is
        // interrupted, and retrying could close a descriptor another thread just opened.
        _ = Glibc.close(self.descriptor)
    }

    /// The local port the socket is bound to.
    func localPort() throws(SystemCallError) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = try withUnsafeMutablePointer(to: &storage) { pointer throws(SystemCallError) in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address throws(SystemCallError) in
                try systemCall("getsockname") { getsockname(self.descriptor, address, &length) }
            }
        }
        return Int(Self.port(of: storage))
    }

    /// The peer's address as text (`127.0.0.1`, `::1`), or `-` when unknown.
    func peerAddress() -> String {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(self.descriptor, $0, &length) }
        }
        guard status == 0 else { return "-" }
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = Int32(storage.ss_family)
        let converted: UnsafePointer<CChar>? = withUnsafePointer(to: &storage) { pointer in
            switch family {
            case AF_INET:
                return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
                    var raw = address.pointee.sin_addr
                    return inet_ntop(AF_INET, &raw, &text, socklen_t(text.count))
                }
            case AF_INET6:
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                    var raw = address.pointee.sin6_addr
                    return inet_ntop(AF_INET6, &raw, &text, socklen_t(text.count))
                }
            default:
                return nil
            }
        }
        guard converted != nil else { return "-" }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func port(of storage: sockaddr_storage) -> UInt16 {
        var copy = storage
        return withUnsafePointer(to: &copy) { pointer in
            switch Int32(storage.ss_family) {
            case AF_INET:
                return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
            case AF_INET6:
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
            default:
                return 0
            }
        }
    }

    private func setOption(_ level: Int32, _ name: Int32, _ value: Int32) throws(SystemCallError) {
        var value = value
        _ = try systemCall("setsockopt") {
            setsockopt(self.descriptor, level, name, &value, socklen_t(MemoryLayout<Int32>.size))
        }
    }
}
