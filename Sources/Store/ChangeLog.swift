import DocumentModel
import Locking

/// The most recent changes, for clients that resume a feed or poll for what is new.
///
/// Append-only and bounded: it keeps the last `capacity` changes, so a client that has been
/// away too long is told so (`ChangeLogError.expired`) instead of silently missing changes.
/// Readers pass the change number of the snapshot they hold as `through`, so a reader never
/// sees a change its snapshot does not contain.
///
/// - Note: `Sendable`: the changes are guarded by a mutex, held only to copy a range or append.
public final class ChangeLog: Sendable {
    /// Changes kept by default.
    public static let defaultCapacity = 10_000

    private struct State {
        /// Kept changes in order; `changes[start...]` are live, earlier slots await compaction.
        var changes: [Change] = []
        var start = 0
        /// The latest change number, kept or not (0 before any change).
        var last: Int
    }

    /// How many changes are kept.
    public let capacity: Int
    private let state: Locked<State>

    /// Makes an empty log whose history starts after change `last`.
    ///
    /// - Parameters:
    ///   - last: the latest change number already made (0 for a new collection).
    ///   - capacity: how many changes to keep.
    public init(last: Int, capacity: Int = ChangeLog.defaultCapacity) {
        precondition(capacity > 0, "a change log keeps at least one change")
        self.capacity = capacity
        self.state = Locked(State(last: last))
    }

    /// The latest change number.
    public var last: Int { self.state.withLock { $0.last } }

    /// Records changes; their numbers must continue the sequence.
    func append(_ changes: [Change]) {
        self.state.withLock { state in
            for change in changes {
                precondition(change.number > state.last, "change numbers only grow")
                state.changes.append(change)
                state.last = change.number
            }
            let excess = state.changes.count - state.start - self.capacity
            if excess > 0 { state.start += excess }
            // Reclaim dropped slots once they outnumber the kept ones: amortised O(1) per change.
            if state.start > self.capacity {
                state.changes.removeFirst(state.start)
                state.start = 0
            }
        }
    }

    /// Forgets every kept change and continues after change `last`: for a follower that has
    /// started again from its writer's collection, whose earlier changes it never saw.
    func restart(after last: Int) {
        self.state.withLock { state in
            state = State(last: last)
        }
    }

    /// The changes after `since`, up to and including `through`, at most `limit` of them.
    ///
    /// - Parameters:
    ///   - since: the last change the client has seen (0 for everything kept).
    ///   - through: the change number of the reader's snapshot.
    ///   - limit: the most changes returned.
    /// - Throws: `.expired` when changes after `since` are no longer kept; `.ahead` when
    ///   `since` is past `through`.
    public func changes(after since: Int, through: Int, limit: Int) throws(ChangeLogError) -> [Change] {
        let outcome: Result<[Change], ChangeLogError> = self.state.withLock { state in
            let kept = state.changes[state.start...]
            let oldest = kept.first?.number ?? state.last + 1
            guard since <= through else { return .failure(.ahead(latest: through)) }
            guard since >= oldest - 1 else { return .failure(.expired(oldestAvailable: oldest, latest: through)) }
            // Numbers are increasing but may skip: find the first after `since` by binary search.
            let first = kept.partitionPoint { $0.number > since }
            return .success(Array(kept[first...].prefix { $0.number <= through }.prefix(limit)))
        }
        return try outcome.get()
    }
}

/// Why a range of changes cannot be given.
public enum ChangeLogError: Error, Sendable, Hashable {
    /// Changes after the requested one were dropped; `oldestAvailable` is the first kept (or
    /// the next to come, when none is kept).
    case expired(oldestAvailable: Int, latest: Int)
    /// The requested change is newer than the latest.
    case ahead(latest: Int)
}
