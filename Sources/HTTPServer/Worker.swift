import Dispatch

/// A serial queue and the connections confined to it.
///
/// The server spreads accepted connections over its workers round-robin. Everything a
/// connection does runs on its worker's queue, so a connection needs no locks; the worker
/// also owns the read buffer its connections share, the cached `Date` value, and a timer
/// that enforces every connection's deadline.
///
/// - Note: `@unchecked Sendable` because all mutable state is confined to `queue`; each
///   method that touches it checks `dispatchPrecondition(condition: .onQueue(queue))`.
final class Worker: @unchecked Sendable {
    let queue: DispatchQueue
    let context: ServerContext
    /// Scratch space for `read`, shared by this worker's connections (only one runs at a time).
    let readBuffer: UnsafeMutableRawBufferPointer

    private var connections: [ObjectIdentifier: Connection] = [:]
    private var date = HTTPDate()
    private var sweepTimer: DispatchSourceTimer?

    init(index: Int, context: ServerContext) {
        self.queue = DispatchQueue(label: "dossier.worker.\(index)")
        self.context = context
        self.readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
    }

    deinit {
        self.readBuffer.deallocate()
    }

    /// Starts the deadline sweep. Call once, on `queue`.
    func start() {
        dispatchPrecondition(condition: .onQueue(self.queue))
        let timer = DispatchSource.makeTimerSource(queue: self.queue)
        let interval = Self.sweepIntervalNanoseconds(self.context.configuration)
        timer.schedule(
            deadline: .now() + .nanoseconds(interval), repeating: .nanoseconds(interval), leeway: .nanoseconds(interval / 4))
        timer.setEventHandler { [weak self] in self?.sweep() }
        timer.activate()
        self.sweepTimer = timer
    }

    /// Sweeps often enough that no timeout overshoots by more than a quarter of itself
    /// (between 10 ms and 1 s).
    private static func sweepIntervalNanoseconds(_ configuration: ServerConfiguration) -> Int {
        let shortest = min(configuration.headerTimeout, configuration.idleTimeout, configuration.lingerTimeout).nanoseconds
        return Int(min(max(shortest / 4, 10_000_000), 1_000_000_000))
    }

    /// Takes ownership of an accepted socket. Runs on `queue`.
    func adopt(_ socket: Socket, address: String, isReserved: Bool) {
        dispatchPrecondition(condition: .onQueue(self.queue))
        let connection = Connection(socket: socket, worker: self, remoteAddress: address, isReserved: isReserved)
        self.connections[ObjectIdentifier(connection)] = connection
        connection.start()
        if self.context.isDraining { connection.drain() }
    }

    /// Forgets a connection whose socket is closed. Runs on `queue`.
    func connectionDidClose(_ connection: Connection) {
        dispatchPrecondition(condition: .onQueue(self.queue))
        self.connections[ObjectIdentifier(connection)] = nil
        self.context.connectionClosed(address: connection.remoteAddress)
    }

    /// The `Date` header value for this second.
    func dateHeader() -> [UInt8] {
        dispatchPrecondition(condition: .onQueue(self.queue))
        return self.date.headerValue()
    }

    /// Closes idle connections now and the others after their current response. Runs on `queue`.
    func drain() {
        dispatchPrecondition(condition: .onQueue(self.queue))
        for connection in Array(self.connections.values) { connection.drain() }
    }

    /// Closes every connection at once (the drain deadline has passed). Runs on `queue`.
    func closeAll() {
        dispatchPrecondition(condition: .onQueue(self.queue))
        for connection in Array(self.connections.values) { connection.close() }
        self.sweepTimer?.cancel()
    }

    private func sweep() {
        dispatchPrecondition(condition: .onQueue(self.queue))
        let now = System.monotonicNanoseconds()
        for connection in Array(self.connections.values) where connection.deadline <= now {
            connection.deadlinePassed()
        }
    }
}
