import Dispatch
import Locking
import Testing

/// `Locked`: mutual exclusion, results and errors passed through, and a lock still usable
/// after its body threw.
struct LockedTests {
    private enum Failure: Error, Equatable {
        case refused(Int)
    }

    /// Not `Sendable`: kept in a lock, it is still shared safely, as with the standard mutex.
    private final class Counter {
        var count = 0
    }

    @Test func concurrentIncrementsAllCount() {
        let total = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<10_000 {
                // Read, then write: a lost update would show if two bodies ever overlapped.
                total.withLock { value in
                    let read = value
                    value = read + 1
                }
            }
        }
        #expect(total.withLock { $0 } == 80_000)
    }

    @Test func keepsAValueThatIsNotSendable() {
        let counter = Locked(Counter())
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for _ in 0..<1_000 { counter.withLock { $0.count += 1 } }
        }
        #expect(counter.withLock { $0.count } == 4_000)
    }

    @Test func returnsWhatTheBodyReturns() {
        let names = Locked(["a"])
        let count = names.withLock { names in
            names.append("b")
            return names.count
        }
        #expect(count == 2)
        #expect(names.withLock { $0 } == ["a", "b"])
    }

    @Test func rethrowsTheBodysErrorAndStaysUsable() {
        let value = Locked(1)
        #expect(throws: Failure.refused(2)) {
            try value.withLock { (value) throws(Failure) -> Void in
                value = 2
                throw .refused(value)
            }
        }
        // Released on the throw: taking it again neither hangs nor (in debug) traps, and the
        // change made before the throw stays.
        #expect(value.withLock { $0 } == 2)
        value.withLock { $0 += 1 }
        #expect(value.withLock { $0 } == 3)
    }

    @Test func errorTypeIsTheBodys() {
        let value = Locked(0)
        let result: Result<Int, Failure> = Result { () throws(Failure) -> Int in
            try value.withLock { (value) throws(Failure) -> Int in
                guard value > 0 else { throw .refused(value) }
                return value
            }
        }
        #expect(result == .failure(.refused(0)))
    }
}
