import DocumentModel

/// What a follower is sent to keep its copy of a writer's collection.
///
/// A follower starts from the same seeds as its writer. When it connects, it gets `.reset`,
/// or `.resume` when the writer still holds every entry after the follower's last change;
/// after that, `.append` for each committed group of writes.
public enum ReplicationUpdate: Sendable, Hashable {
    /// Start again from the seeds and apply `entries` (the fewest that rebuild the writer's
    /// collection, in change order): the result is the writer's collection as of `through`.
    case reset(entries: [JournalEntry], through: Int)
    /// Apply `entries`, in change order: the result is the writer's collection as of `through`.
    case resume(entries: [JournalEntry], through: Int)
    /// Apply these entries, in change order, to the collection of the previous update.
    case append([JournalEntry])
}
