import HTTPServer
import Locking

/// A real `HTTPServer.Server` on `127.0.0.1` and an ephemeral port, for end-to-end tests.
///
/// It records the server's log in a `RecordingLogger` instead of printing it, and makes
/// shutting down a blocking call with a bounded wait, so a test can assert on what the
/// drain did afterwards.
///
/// ```swift
/// let server = try TestServer.started(responder: MyResponder())
/// defer { server.shutdown() }
/// let client = try server.makeClient()
/// ```
///
/// If a test ends without calling `shutdown`, deinit shuts the server down, because the
/// server's workers must not be released while connections are open.
///
/// - Note: Thread-safe: the shutdown state is behind a mutex; `Server` is `Sendable`.
public final class TestServer: Sendable {
    /// The server under test.
    public let server: Server
    /// Everything the server logged.
    public let logger: RecordingLogger
    private let drainCompleted = Latch()
    private let isShutdownRequested = Locked(false)

    /// Binds the server; call `start()` to begin accepting.
    ///
    /// - Parameters:
    ///   - configuration: the settings; `host` and `port` are replaced by `127.0.0.1` and 0.
    ///     Default `ServerConfiguration.testing`.
    ///   - responder: the responder under test.
    /// - Throws: `SystemCallError` if the port cannot be bound.
    public init(configuration: ServerConfiguration = .testing, responder: any HTTPResponder) throws(SystemCallError) {
        var configuration = configuration
        configuration.host = "127.0.0.1"
        configuration.port = 0
        let logger = RecordingLogger()
        self.server = try Server(configuration: configuration, responder: responder, logger: logger)
        self.logger = logger
    }

    /// Binds a server and starts it.
    ///
    /// - Parameters:
    ///   - configuration: the settings (see `init`). Default `ServerConfiguration.testing`.
    ///   - responder: the responder under test.
    /// - Returns: the running server.
    /// - Throws: `SystemCallError` if the port cannot be bound.
    public static func started(configuration: ServerConfiguration = .testing, responder: any HTTPResponder) throws(SystemCallError)
        -> TestServer
    {
        let server = try TestServer(configuration: configuration, responder: responder)
        server.start()
        return server
    }

    deinit {
        self.shutdown(gracePeriod: .milliseconds(500))
    }

    /// The port the server listens on.
    public var port: Int { self.server.port }

    /// Connections the server has open now.
    public var openConnectionCount: Int { self.server.openConnectionCount }

    /// Whether the drain completion has run.
    public var hasCompletedShutdown: Bool { self.drainCompleted.isOpen }

    /// Starts accepting connections.
    public func start() {
        self.server.start()
    }

    /// Connects a new client to the server.
    ///
    /// - Parameters:
    ///   - timeout: the client's send and receive timeout. Default 5 s.
    ///   - receiveBufferSize: the client's `SO_RCVBUF`, or `nil` for the default.
    /// - Returns: the connected client.
    /// - Throws: `TestClientError` if the connection fails.
    public func makeClient(timeout: Duration = .seconds(5), receiveBufferSize: Int? = nil) throws(TestClientError) -> TestClient {
        try TestClient(port: self.port, timeout: timeout, receiveBufferSize: receiveBufferSize)
    }

    /// Waits until the server has exactly `count` connections open.
    ///
    /// - Parameters:
    ///   - count: the number to wait for.
    ///   - timeout: the longest to wait. Default 3 s.
    /// - Returns: whether the count was reached in time.
    public func waitForOpenConnections(_ count: Int, timeout: Duration = .seconds(3)) -> Bool {
        eventually(within: timeout) { self.server.openConnectionCount == count }
    }

    /// Starts draining and returns at once; `waitForShutdown(timeout:)` waits for the end.
    ///
    /// Calling it again has no effect.
    ///
    /// - Parameter gracePeriod: the server's grace period before it closes what is left.
    public func beginShutdown(gracePeriod: Duration = .seconds(2)) {
        let isFirst = self.isShutdownRequested.withLock { requested in
            defer { requested = true }
            return !requested
        }
        guard isFirst else { return }
        let completed = self.drainCompleted
        self.server.shutdown(gracePeriod: gracePeriod) { completed.open() }
    }

    /// Waits for the drain completion, then for the last connection to be released.
    ///
    /// - Parameter timeout: the longest to wait for the completion.
    /// - Returns: whether the completion ran in time.
    public func waitForShutdown(timeout: Duration) -> Bool {
        guard self.drainCompleted.wait(timeout: timeout) else { return false }
        // After a forced close the completion can run before the sockets' cancel handlers.
        _ = self.waitForOpenConnections(0, timeout: .seconds(2))
        return true
    }

    /// Drains the server and waits (bounded) for it to finish.
    ///
    /// - Parameter gracePeriod: the server's grace period. Default 2 s.
    /// - Returns: whether the completion ran within the grace period plus 3 s.
    @discardableResult
    public func shutdown(gracePeriod: Duration = .seconds(2)) -> Bool {
        self.beginShutdown(gracePeriod: gracePeriod)
        return self.waitForShutdown(timeout: gracePeriod + .seconds(3))
    }
}
