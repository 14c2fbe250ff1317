import Locking
import Synchronization

/// What every worker and connection of one server shares: settings, the responder, the
/// logger, the open-connection count and the drain state.
///
/// - Note: Immutable apart from `openConnections` (atomic) and `drain` (behind a mutex), so
///   it is safe to use from any queue.
final class ServerContext: Sendable {
    let configuration: ServerConfiguration
    let responder: any HTTPResponder
    let logger: any ServerLogger
    /// `configuration.serverName` as bytes, for the writer.
    let serverNameBytes: [UInt8]

    /// Connections accepted and not yet closed.
    let openConnections = Atomic<Int>(0)

    /// Body bytes of requests still arriving, over all connections (`maxBodyBytesInFlight`).
    let bodyBytesInFlight = Atomic<Int>(0)

    /// Open connections by peer address; guarded by its mutex, taken once per accept and
    /// once per close, never per request.
    private let connectionsByAddress = Locked<[String: Int]>([:])

    /// Set once when shutdown begins. An atomic, because every response reads it: a request
    /// answered after that moment must carry `Connection: close` even if its worker has not
    /// yet run its drain block.
    private let draining = Atomic<Bool>(false)

    /// The drain completion; guarded by the mutex, taken out before it is called, never
    /// called inside the lock.
    private let drainCompletion = Locked<(@Sendable () -> Void)?>(nil)

    init(configuration: ServerConfiguration, responder: any HTTPResponder, logger: any ServerLogger) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
        self.serverNameBytes = Array(configuration.serverName.utf8)
    }

    /// Whether a peer address (as `Socket.peerAddress` writes it) is a loopback one.
    static func isLoopback(_ address: String) -> Bool {
        address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.")
    }

    /// Whether shutdown has begun.
    var isDraining: Bool { self.draining.load(ordering: .acquiring) }

    /// Enters draining; `false` if it had already begun.
    func beginDraining(completion: @escaping @Sendable () -> Void) -> Bool {
        self.drainCompletion.withLock { stored in
            guard !self.draining.load(ordering: .acquiring) else { return false }
            stored = completion
            self.draining.store(true, ordering: .releasing)
            return true
        }
    }

    /// Counts a new connection from `address`, unless the address holds its share already
    /// (loopback peers are not counted unless the configuration says so).
    func admit(address: String) -> Bool {
        if !self.configuration.capsLoopbackPeers && Self.isLoopback(address) { return true }
        return self.connectionsByAddress.withLock { counts in
            let open = counts[address, default: 0]
            guard open < self.configuration.maxConnectionsPerAddress else { return false }
            counts[address] = open + 1
            return true
        }
    }

    /// Called once per closed connection that `admit` admitted.
    func connectionClosed(address: String) {
        if self.configuration.capsLoopbackPeers || !Self.isLoopback(address) {
            self.connectionsByAddress.withLock { counts in
                let open = counts[address, default: 1] - 1
                counts[address] = open > 0 ? open : nil
            }
        }
        let remaining = self.openConnections.subtract(1, ordering: .relaxed).newValue
        if remaining == 0 { self.finishDrainIfIdle() }
    }

    /// Runs the drain completion, once, if draining and no connection is left (or `force`).
    func finishDrainIfIdle(force: Bool = false) {
        let completion: (@Sendable () -> Void)? = self.drainCompletion.withLock { stored in
            guard self.isDraining, force || self.openConnections.load(ordering: .relaxed) == 0 else { return nil }
            defer { stored = nil }
            return stored
        }
        completion?()
    }
}
