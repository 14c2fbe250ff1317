import Corpus
import Locking
import Testing

/// `ConcurrentMap`: every element transformed once, results in order.
struct ConcurrentMapTests {
    @Test(arguments: [0, 1, 2, 1_000])
    func keepsOrderAndTransformsEachElementOnce(count: Int) {
        let calls = Locked(0)
        let squares = ConcurrentMap.map(Array(0..<count)) { value in
            calls.withLock { $0 += 1 }
            return value * value
        }

        #expect(squares == (0..<count).map { $0 * $0 })
        #expect(calls.withLock { $0 } == count)
    }
}
