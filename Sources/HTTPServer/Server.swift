import Dispatch

/// A hand-written HTTP/1.1 server on non-blocking sockets driven by Dispatch sources.
///
/// A read source on the listening socket accepts connections; each connection is driven by
/// read and write sources on one of `workerCount` serial worker queues. Handlers are called
/// synchronously on those queues, so they must not block.
///
/// ```swift
/// let server = try Server(configuration: configuration, responder: api, logger: log)
/// server.start()
/// print("listening on \(server.port)")
/// // later, on SIGTERM:
/// server.shutdown(gracePeriod: .seconds(10)) { exit(0) }
/// ```
///
/// - Note: `Sendable`: its own properties are immutable; the listener and workers confine
///   their state to their queues.
public final class Server: Sendable {
    /// The port the server is bound to (useful when the configuration asked for port 0).
    public let port: Int
    private let context: ServerContext
    private let workers: [Worker]
    /// The listening socket's acceptor (internal for tests that hold its queue).
    let listener: Listener

    /// Binds the listening socket; call `start()` to begin accepting.
    ///
    /// - Parameters:
    ///   - configuration: the settings.
    ///   - responder: turns requests (and failures) into responses.
    ///   - logger: receives the access log and notices.
    /// - Throws: `SystemCallError` if the address cannot be bound.
    public init(configuration: ServerConfiguration, responder: any HTTPResponder, logger: any ServerLogger) throws(SystemCallError) {
        precondition(configuration.workerCount > 0, "workerCount must be positive")
        let socket = try Socket.listen(host: configuration.host, port: configuration.port, backlog: configuration.backlog)
        do {
            self.port = try socket.localPort()
        } catch {
            socket.close()
            throw error
        }
        let context = ServerContext(configuration: configuration, responder: responder, logger: logger)
        let workers = (0..<configuration.workerCount).map { Worker(index: $0, context: context) }
        self.context = context
        self.workers = workers
        self.listener = Listener(socket: socket, workers: workers, context: context)
    }

    /// Starts the workers and begins accepting connections.
    public func start() {
        for worker in self.workers { worker.queue.async { worker.start() } }
        let listener = self.listener
        listener.queue.async { listener.start() }
    }

    /// Connections currently open.
    public var openConnectionCount: Int {
        self.context.openConnections.load(ordering: .relaxed)
    }

    /// Whether `shutdown` has been called.
    public var isDraining: Bool { self.context.isDraining }

    /// Drains the server: stops accepting, lets in-flight requests finish (their responses
    /// carry `Connection: close`), closes idle connections, then calls `completion`.
    ///
    /// Connections still open when `gracePeriod` ends are closed and `completion` is called
    /// then. Calling it again has no effect.
    ///
    /// - Parameters:
    ///   - gracePeriod: the longest the drain may take.
    ///   - completion: called once, on an arbitrary queue, when no connection is left.
    /// - Precondition: not called on the listener's queue (it waits for the listener to stop).
    public func shutdown(gracePeriod: Duration, completion: @escaping @Sendable () -> Void) {
        guard self.context.beginDraining(completion: completion) else { return }
        // Synchronously: the connections the listener still had queued are accepted (counted,
        // and handed to their workers ahead of the drain) before the drain can find no
        // connection open and finish, which would exit with them unanswered.
        let listener = self.listener
        listener.queue.sync { listener.stop() }
        for worker in self.workers { worker.queue.async { worker.drain() } }
        self.context.finishDrainIfIdle()
        let workers = self.workers
        let context = self.context
        DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(Int(gracePeriod.nanoseconds))) {
            let group = DispatchGroup()
            for worker in workers { worker.queue.async(group: group) { worker.closeAll() } }
            group.notify(queue: .global()) { context.finishDrainIfIdle(force: true) }
        }
    }
}
