import Corpus
import DocumentModel
import Store

/// One piece of an event stream's catch-up, read from the change log.
struct EventPage: Sendable, Hashable {
    /// Changes read from the log for one piece at most.
    static let size = 100
    /// Bytes a piece grows to before it is sent (the events of one change may take it past
    /// this, by at most one event of a few KiB): far under the server's stream buffer limit.
    static let maxBytes = 16 * 1024

    /// The events to send; empty when the range held no change.
    let bytes: [UInt8]
    /// The last change covered: the stream has been sent everything up to it.
    let through: Int

    /// The events of the changes after `after`, up to `through`: at most `size` of them, and
    /// no more once `maxBytes` is reached. When the log no longer holds them, a single `reset`
    /// event that says so, as of `through`.
    ///
    /// - Complexity: O(log *n* + `size`) for a log of *n* changes.
    static func read(from log: ChangeLog, after: Int, through: Int, size: Int = EventPage.size, maxBytes: Int = EventPage.maxBytes) -> EventPage {
        let changes: [Change]
        do throws(ChangeLogError) {
            changes = try log.changes(after: after, through: through, limit: size)
        } catch {
            switch error {
            case .expired(let oldest, _):
                return EventPage(bytes: ChangeRepresentation.resetEvent(since: after, oldestAvailable: oldest, latest: through), through: through)
            case .ahead:
                // Not reached: a page is asked for only after a change before `through`.
                return EventPage(bytes: [], through: through)
            }
        }
        var bytes: [UInt8] = []
        for (index, change) in changes.enumerated() {
            bytes += ChangeRepresentation.event(change)
            let isLast = index == changes.count - 1
            if bytes.count >= maxBytes && !(isLast && changes.count < size) {
                return EventPage(bytes: bytes, through: change.number)
            }
        }
        // Every change up to `through` was read (the log may skip numbers), or `size` were.
        return EventPage(bytes: bytes, through: changes.count < size ? through : changes.last?.number ?? through)
    }
}
