import Dispatch
import Locking

/// The sending end of a response body produced over time, such as a Server-Sent Events feed.
///
/// The producer calls `send(_:)` from any queue, never blocking: the bytes are handed to the
/// connection's worker queue, which frames and writes them. The stream ends when the
/// producer calls `finish()` or `abort()`, when the client goes away, when the client reads too slowly
/// (`ServerConfiguration.streamBufferLimit`), or when the server shuts down; `onTermination`
/// tells the producer, once, so it can forget the stream.
///
/// ```swift
/// let stream = ResponseStream(onTermination: { subscribers.remove(id) })
/// subscribers.add(id, stream)   // later: stream.send(Array("data: hi\n\n".utf8))
/// return .stream(Response(headers: [("Content-Type", "text/event-stream")]), stream)
/// ```
///
/// - Note: `Sendable`: its state is guarded by a mutex; callbacks run outside the lock.
public final class ResponseStream: Sendable {
    /// What the connection is handed.
    enum Event: Sendable {
        case bytes([UInt8])
        case finish
        /// Close at once, dropping what is unsent.
        case abort
    }

    private enum State {
        /// Not yet attached to a connection: events wait here.
        case buffering([Event])
        /// Attached: events go to `sink` on `queue`.
        case attached(queue: DispatchQueue, sink: @Sendable (Event) -> Void)
        case ended
    }

    private let state = Locked(State.buffering([]))
    private let onTermination: @Sendable () -> Void
    /// What `whenDrained(_:)` set.
    private let drainHandler = Locked<(@Sendable () -> Void)?>(nil)
    /// Most bytes sent but not yet written before the client counts as too slow; `nil` for
    /// the server's `streamBufferLimit`.
    let bufferLimit: Int?

    /// Makes a stream.
    ///
    /// - Parameters:
    ///   - bufferLimit: most bytes sent but not yet written before the client is cut off as
    ///     too slow; `nil` (the default) for the server's `streamBufferLimit`. A producer that
    ///     paces itself with `whenDrained(_:)` may allow more, for single pieces larger than that.
    ///   - onTermination: called once when the stream ends for any reason, on an arbitrary queue.
    public init(bufferLimit: Int? = nil, onTermination: @escaping @Sendable () -> Void = {}) {
        self.bufferLimit = bufferLimit
        self.onTermination = onTermination
    }

    /// Sets what to call each time everything sent so far has been written to the socket, on
    /// the connection's queue: a producer with much to send sends the next piece then, so it
    /// never holds more than a piece or two in the server's buffers.
    public func whenDrained(_ handler: @escaping @Sendable () -> Void) {
        self.drainHandler.withLock { $0 = handler }
    }

    /// Whether the stream can still take bytes.
    public var isOpen: Bool {
        self.state.withLock { state in
            if case .ended = state { return false }
            return true
        }
    }

    /// Queues bytes for the client.
    ///
    /// - Returns: `false` if the stream has ended, so the producer can forget it.
    @discardableResult
    public func send(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return self.isOpen }
        return self.deliver(.bytes(bytes))
    }

    /// Ends the body; the connection closes once it is sent.
    public func finish() {
        self.deliver(.finish)
    }

    /// Disconnects the client at once, dropping whatever is sent but unwritten: for a client
    /// that has stopped reading, which a clean `finish()` would hold a connection and its
    /// buffer for until the write times out. The client sees the body cut short.
    public func abort() {
        self.deliver(.abort)
    }

    @discardableResult
    private func deliver(_ event: Event) -> Bool {
        let target: (DispatchQueue, @Sendable (Event) -> Void)? = self.state.withLock { state in
            switch state {
            case .buffering(var events):
                events.append(event)
                state = .buffering(events)
                return nil
            case .attached(let queue, let sink):
                return (queue, sink)
            case .ended:
                return nil
            }
        }
        guard let (queue, sink) = target else { return self.isOpen }
        queue.async { sink(event) }
        return true
    }

    /// Connects the stream to a connection: buffered events are replayed to `sink` now (the
    /// caller is on `queue`), later ones are sent to `queue`.
    func attach(queue: DispatchQueue, sink: @escaping @Sendable (Event) -> Void) {
        let buffered: [Event] = self.state.withLock { state in
            guard case .buffering(let events) = state else { return [] }
            state = .attached(queue: queue, sink: sink)
            return events
        }
        for event in buffered { sink(event) }
    }

    /// Tells the producer that everything sent so far has been written.
    func drained() {
        self.drainHandler.withLock { $0 }?()
    }

    /// Ends the stream from the server's side and tells the producer. Idempotent.
    func terminate() {
        let wasOpen: Bool = self.state.withLock { state in
            if case .ended = state { return false }
            state = .ended
            return true
        }
        if wasOpen { self.onTermination() }
    }
}
