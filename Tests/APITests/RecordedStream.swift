import Dispatch
@testable import HTTPServer
import Locking

/// A `ResponseStream` attached to a recording sink, as a connection would attach it, but with
/// no socket: what a producer sends is recorded, and the test says when it has "drained".
final class RecordedStream: Sendable {
    /// What the sink received.
    enum Event: Hashable {
        case bytes([UInt8])
        case finish
        case abort
    }

    let stream: ResponseStream
    private let queue = DispatchQueue(label: "test.sink")
    private let recorded = Locked<[Event]>([])

    /// Attaches `stream` (default: a new one with no buffer limit) to a recording sink.
    init(_ stream: ResponseStream = ResponseStream(bufferLimit: .max)) {
        self.stream = stream
        let recorded = self.recorded
        self.queue.sync {
            stream.attach(queue: self.queue) { event in
                switch event {
                case .bytes(let bytes): recorded.withLock { $0.append(.bytes(bytes)) }
                case .finish: recorded.withLock { $0.append(.finish) }
                case .abort: recorded.withLock { $0.append(.abort) }
                }
            }
        }
    }

    /// Everything received so far, once what was handed to the sink has reached it.
    var events: [Event] {
        self.queue.sync {}
        return self.recorded.withLock { $0 }
    }

    /// The bytes received so far, one element per send.
    var sends: [[UInt8]] {
        self.events.compactMap { event in
            guard case .bytes(let bytes) = event else { return nil }
            return bytes
        }
    }

    /// Reports everything sent as written, on the sink's queue as a connection does, and
    /// waits for what the producer sends in answer to reach the sink.
    func drain() {
        self.queue.sync { self.stream.drained() }
        self.queue.sync {}
    }
}
