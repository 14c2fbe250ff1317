import Locking

/// A response that will be ready later: the handler keeps it and calls `complete(with:)`
/// from any queue; the server then sends it in its turn.
///
/// ```swift
/// let pending = PendingResponse()
/// writer.async { pending.complete(with: Response(status: .created)) }
/// return .deferred(pending)
/// ```
///
/// - Note: `Sendable`: its state is guarded by a mutex; the callback runs outside the lock.
public final class PendingResponse: Sendable {
    private enum State {
        case waiting(callback: (@Sendable (Response) -> Void)?)
        case completed(Response)
        case delivered
    }

    private let state = Locked(State.waiting(callback: nil))

    /// Makes a response not yet completed.
    public init() {}

    /// Completes the response; only the first call counts.
    public func complete(with response: Response) {
        let callback: (@Sendable (Response) -> Void)? = self.state.withLock { state in
            guard case .waiting(let callback) = state else { return nil }
            if let callback {
                state = .delivered
                return callback
            }
            state = .completed(response)
            return nil
        }
        callback?(response)
    }

    /// Calls `callback` once with the response: now if it is complete, else on completion.
    func whenComplete(_ callback: @escaping @Sendable (Response) -> Void) {
        let ready: Response? = self.state.withLock { state in
            switch state {
            case .waiting:
                state = .waiting(callback: callback)
                return nil
            case .completed(let response):
                state = .delivered
                return response
            case .delivered:
                preconditionFailure("a pending response is delivered once")
            }
        }
        if let ready { callback(ready) }
    }
}
