import Dispatch
import HTTPServer

/// The timers behind the heartbeats of long-lived responses (`/v1/events`, `/v1/journal`),
/// which let proxies and clients tell a quiet stream from a dead one.
enum HeartbeatTimer {
    /// Starts a timer that calls `beat` every `interval`, on a global queue, until cancelled.
    static func start(every interval: Duration, _ beat: @escaping @Sendable () -> Void) -> DispatchSourceTimer {
        let timer = self.make(every: interval)
        timer.setEventHandler(handler: beat)
        timer.activate()
        return timer
    }

    /// Sends `bytes` to `stream` every `interval` until the stream has ended.
    static func keepAlive(_ stream: ResponseStream, sending bytes: [UInt8], every interval: Duration) {
        let timer = self.make(every: interval)
        // The handler keeps the timer alive until it cancels it, which releases the handler.
        timer.setEventHandler { [weak stream] in
            if stream?.send(bytes) != true { timer.cancel() }
        }
        timer.activate()
    }

    private static func make(every interval: Duration) -> DispatchSourceTimer {
        let timer = DispatchSource.makeTimerSource(queue: .global())
        let period = DispatchTimeInterval.nanoseconds(Int(interval.nanoseconds))
        timer.schedule(deadline: .now() + period, repeating: period)
        return timer
    }
}
