import Dispatch
import Locking
@testable import Store
import Testing
import TestSupport

extension StoreTests {
    /// `BoundedConcurrentQueue`: blocks run concurrently, never more than its width at once,
    /// and in the order they came.
    @Suite(.timeLimit(.minutes(1))) struct BoundedConcurrentQueueTests {
        /// Two blocks that each wait for the other to start finish only if both run at once.
        @Test func runsAsManyBlocksAtOnceAsItsWidth() {
            let queue = BoundedConcurrentQueue(width: 2)
            let started = [Latch(), Latch()]
            let finished = [Latch(), Latch()]
            for index in 0..<2 {
                queue.async {
                    started[index].open()
                    if started[1 - index].wait(timeout: .seconds(10)) { finished[index].open() }
                }
            }
            #expect(finished.allSatisfy { $0.wait(timeout: .seconds(10)) })
        }

        @Test func neverRunsMoreThanItsWidthAndRunsEveryBlock() {
            let queue = BoundedConcurrentQueue(width: 3)
            let state = Locked((running: 0, most: 0, ran: Set<Int>()))
            let group = DispatchGroup()
            for index in 0..<40 {
                group.enter()
                queue.async {
                    state.withLock { state in
                        state.running += 1
                        state.most = max(state.most, state.running)
                        state.ran.insert(index)
                    }
                    state.withLock { $0.running -= 1 }
                    group.leave()
                }
            }
            #expect(group.wait(timeout: .now() + 10) == .success)
            let final = state.withLock { $0 }
            #expect(final.most <= 3)
            #expect(final.running == 0)
            #expect(final.ran == Set(0..<40))
        }

        /// A width of one runs the blocks one after another, in the order they came.
        @Test func widthOneIsSerialAndInOrder() {
            let queue = BoundedConcurrentQueue(width: 1)
            let order = Locked([Int]())
            let group = DispatchGroup()
            for index in 0..<20 {
                group.enter()
                queue.async {
                    order.withLock { $0.append(index) }
                    group.leave()
                }
            }
            #expect(group.wait(timeout: .now() + 10) == .success)
            #expect(order.withLock { $0 } == Array(0..<20))
        }
    }
}
