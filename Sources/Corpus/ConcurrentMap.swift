import Dispatch
import Locking

/// A map whose elements are transformed on every core at once, for batches of independent,
/// CPU-heavy work (ingesting a folder of texts, rendering a collection).
public enum ConcurrentMap {
    /// `transform` applied to every element, with the results in the elements' order.
    ///
    /// Each result is stored under a lock: a transform that costs milliseconds makes the
    /// lock's cost negligible.
    public static func map<Element: Sendable, Result: Sendable>(_ elements: [Element], _ transform: @Sendable (Element) -> Result) -> [Result] {
        // Written once per index, from the iteration that owns it; guarded by its lock.
        let results = Locked([Result?](repeating: nil, count: elements.count))
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            let result = transform(elements[index])
            results.withLock { $0[index] = result }
        }
        return results.withLock { $0.map { $0! } }
    }

    /// `first` and `second`, run at the same time: `second` on the calling thread, `first` on
    /// another; for two independent builds that each take long.
    public static func both<First: Sendable, Second>(_ first: @escaping @Sendable () -> First, _ second: () -> Second) -> (First, Second) {
        // Written once by the block below, read after the group is waited for; guarded by its lock.
        let firstResult = Locked<First?>(nil)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            let result = first()
            firstResult.withLock { $0 = result }
        }
        let secondResult = second()
        group.wait()
        return (firstResult.withLock { $0! }, secondResult)
    }
}
