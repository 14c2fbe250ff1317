import Locking

/// A value built on first use, once, however many queues ask for it at the same time.
///
/// For the parts of a snapshot that only some requests need (the entity directory, the
/// similarity index): a write then costs nothing for them, and the first reader after it
/// builds them; readers that come meanwhile wait for that one build.
///
/// - Note: `Sendable`: the value is guarded by a mutex, held while it is built.
final class Lazy<Value: Sendable>: Sendable {
    private let state: Locked<Value?>
    private let build: @Sendable () -> Value

    /// Makes a value that `build` will make when first read.
    init(_ build: @escaping @Sendable () -> Value) {
        self.state = Locked(nil)
        self.build = build
    }

    /// The value, built now if this is the first read.
    var value: Value {
        self.state.withLock { value in
            if let value { return value }
            let built = self.build()
            value = built
            return built
        }
    }
}
