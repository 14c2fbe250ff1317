import Foundation
import Glibc
import HTTPClient
import Locking

/// A loopback listener that answers one connection with exactly the bytes a test gives it,
/// for the responses a real server never sends: bad status lines, chunk extensions and
/// trailers, heads over a limit, a connection closed early, an answer that never comes.
///
/// ```swift
/// let server = try ScriptedServer(answer: "HTTP/1.1 200 OK\r\n\r\nhello")  // then closes
/// let connection = try Connection(to: server.endpoint())
/// ```
///
/// It reads the request's head before answering, so closing afterwards never discards
/// unread request bytes (which would reset the connection instead of ending it).
///
/// - Note: Thread-safe. A detached thread accepts the one connection and then closes the
///   listener; `deinit` wakes an accept still waiting. Both touch the listening descriptor
///   under one mutex, so neither reaches a descriptor number reused after the close.
final class ScriptedServer: Sendable {
    /// What the server does with the connection it accepts.
    enum Behaviour: Sendable {
        /// Reads the request head, writes the bytes, then closes.
        case answer([UInt8])
        /// Reads the request head and then nothing more: holds the connection until the
        /// client closes it.
        case holdOpen
    }

    /// The port it listens on.
    let port: Int
    private let listener: Listener

    /// The listening descriptor, shared by the server and its thread; open until the thread
    /// has accepted (or been woken), and only touched under its mutex.
    private final class Listener: Sendable {
        let descriptor: Int32
        private let isOpen = Locked(true)

        init(descriptor: Int32) {
            self.descriptor = descriptor
        }

        /// Closes the descriptor; idempotent.
        func close() {
            self.isOpen.withLock { isOpen in
                if isOpen { Glibc.close(self.descriptor) }
                isOpen = false
            }
        }

        /// Wakes an `accept` waiting on the descriptor, if it is still open.
        func wake() {
            self.isOpen.withLock { isOpen in
                if isOpen { _ = Glibc.shutdown(self.descriptor, Int32(SHUT_RDWR)) }
            }
        }
    }

    /// Listens on `127.0.0.1` and an ephemeral port, and handles the first connection.
    init(_ behaviour: Behaviour) throws {
        let listener = Listener(descriptor: try Self.boundSocket(listening: true))
        self.port = Self.port(of: listener.descriptor)
        self.listener = listener
        Thread.detachNewThread {
            let connection = Glibc.accept(listener.descriptor, nil, nil)
            listener.close()
            guard connection >= 0 else { return }
            Self.serve(connection, behaviour: behaviour)
            Glibc.close(connection)
        }
    }

    /// Listens and answers the first connection with `text`'s bytes, then closes.
    convenience init(answer text: String) throws {
        try self.init(.answer(Array(text.utf8)))
    }

    deinit {
        // If no client came (the test failed first), the thread is still in accept.
        self.listener.wake()
    }

    /// The server's URL with `path`.
    func endpoint(path: String = "/") -> Endpoint {
        Endpoint(host: "127.0.0.1", port: self.port, path: path)
    }

    private static func serve(_ connection: Int32, behaviour: Behaviour) {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while received.firstRange(of: Array("\r\n\r\n".utf8)) == nil {
            let count = chunk.withUnsafeMutableBytes { Glibc.recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return }
            received += chunk[..<count]
        }
        switch behaviour {
        case .answer(let bytes):
            var offset = 0
            while offset < bytes.count {
                let sent = bytes.withUnsafeBytes { Glibc.send(connection, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
                guard sent > 0 else { return }  // the client gave up (EPIPE): nothing more to do
                offset += sent
            }
        case .holdOpen:
            while chunk.withUnsafeMutableBytes({ Glibc.recv(connection, $0.baseAddress, $0.count, 0) }) > 0 {}
        }
    }

    /// A socket bound to `127.0.0.1` and an ephemeral port; listening, or refusing every
    /// connection (`ECONNREFUSED`) while it stays open.
    static func boundSocket(listening: Bool) throws -> Int32 {
        let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, !listening || Glibc.listen(descriptor, 4) == 0 else {
            let code = errno
            Glibc.close(descriptor)
            throw POSIXError(.init(rawValue: code) ?? .EIO)
        }
        return descriptor
    }

    /// The local port of a bound socket.
    static func port(of descriptor: Int32) -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
