import Dispatch
import Glibc

/// The listening socket: accepts connections and hands each to a worker, round-robin.
///
/// At the connection limit a new connection gets a 503 and is closed at once. When the
/// process runs out of descriptors (`EMFILE`), accepting pauses briefly instead of spinning on
/// a socket that stays readable.
///
/// - Note: `@unchecked Sendable` because all mutable state is confined to `queue`.
final class Listener: @unchecked Sendable {
    let queue = DispatchQueue(label: "dossier.accept")
    private let socket: Socket
    private let workers: [Worker]
    private let context: ServerContext
    private var source: DispatchSourceRead?
    private var nextWorker = 0
    private var date = HTTPDate()
    private var isStopped = false
    private var isPaused = false

    /// How long to stop accepting after running out of file descriptors.
    private static let descriptorExhaustionPause = DispatchTimeInterval.milliseconds(100)
    /// Connections accepted per event, so that one burst does not starve the others.
    private static let acceptBatch = 64

    init(socket: Socket, workers: [Worker], context: ServerContext) {
        self.socket = socket
        self.workers = workers
        self.context = context
    }

    /// Starts accepting. Runs on `queue`.
    func start() {
        dispatchPrecondition(condition: .onQueue(self.queue))
        let source = DispatchSource.makeReadSource(fileDescriptor: self.socket.descriptor, queue: self.queue)
        source.setEventHandler { [unowned self] in self.acceptPending() }
        let socket = self.socket
        source.setCancelHandler { socket.close() }
        self.source = source
        source.activate()
    }

    /// Stops accepting and closes the listening socket. Runs on `queue`.
    func stop() {
        dispatchPrecondition(condition: .onQueue(self.queue))
        guard !self.isStopped else { return }
        // Connections the kernel has completed but we have not accepted would be reset when
        // the socket closes; take them all, so their requests are answered as in-flight ones.
        while self.acceptPending() {}
        self.isStopped = true
        // Stop listening now, not when Dispatch gets round to the cancel handler: a handshake
        // completing in between would be queued, then reset by the close.
        self.socket.stopListening()
        self.resumeAccepting()  // a suspended source would never run its cancel handler
        self.source?.cancel()
    }

    private func resumeAccepting() {
        dispatchPrecondition(condition: .onQueue(self.queue))
        guard self.isPaused else { return }
        self.isPaused = false
        self.source?.resume()
    }

    /// Accepts up to a batch of pending connections.
    ///
    /// - Returns: `true` when the batch was used up and more may be pending.
    @discardableResult
    private func acceptPending() -> Bool {
        dispatchPrecondition(condition: .onQueue(self.queue))
        for _ in 0..<Self.acceptBatch where !self.isStopped {
            let accepted: Socket?
            do {
                accepted = try self.socket.accept()
            } catch {
                self.acceptFailed(error)
                return false
            }
            guard let client = accepted else { return false }
            let configuration = self.context.configuration
            let open = self.context.openConnections.add(1, ordering: .relaxed).newValue
            guard open <= configuration.maxConnections + (configuration.probePaths.isEmpty ? 0 : configuration.reservedProbeConnections) else {
                self.reject(client, because: .connectionLimit)
                continue
            }
            let address = client.peerAddress()
            guard self.context.admit(address: address) else {
                self.reject(client, because: .addressConnectionLimit)
                continue
            }
            try? client.setNoDelay()  // an optimisation only; the connection works without it
            let worker = self.workers[self.nextWorker]
            self.nextWorker = (self.nextWorker + 1) % self.workers.count
            let isReserved = open > configuration.maxConnections
            worker.queue.async { worker.adopt(client, address: address, isReserved: isReserved) }
        }
        return !self.isStopped
    }

    private func acceptFailed(_ error: SystemCallError) {
        switch error.errno {
        case ECONNABORTED, EPROTO:
            return  // the client gave up before we accepted; try the next one on the next event
        case EMFILE, ENFILE, ENOBUFS, ENOMEM:
            self.context.logger.notice("accept paused for 100 ms: \(error)")
            guard !self.isPaused else { return }
            self.source?.suspend()
            self.isPaused = true
            self.queue.asyncAfter(deadline: .now() + Self.descriptorExhaustionPause) { self.resumeAccepting() }
        default:
            self.context.logger.notice("accept failed: \(error)")
        }
    }

    /// Answers `failure` (503 at the connection limit, 429 at an address's) without reading
    /// the request, then closes.
    private func reject(_ client: Socket, because failure: RequestFailure) {
        defer {
            client.close()
            _ = self.context.openConnections.subtract(1, ordering: .relaxed)
        }
        var bytes: [UInt8] = []
        let response = self.context.responder.respond(to: failure)
        ResponseWriter.append(
            response, omitBody: false, connection: .close, date: self.date.headerValue(), serverName: self.context.serverNameBytes, to: &bytes)
        // Best effort on a fresh socket whose send buffer is empty; never wait for it.
        _ = bytes.withUnsafeBytes { try? client.write($0) }
        client.shutdownWrite()
        let limit = self.context.configuration
        self.context.logger.notice(
            failure == .connectionLimit
                ? "connection refused with 503: \(limit.maxConnections) connections open"
                : "connection refused with 429: \(limit.maxConnectionsPerAddress) connections open from one address")
    }
}
