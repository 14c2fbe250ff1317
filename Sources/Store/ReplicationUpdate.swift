import DocumentModel

/// What a follower is sent to keep its copy of a writer's collection.
///
/// When a follower connects, it gets `.reset` (the writer's seeds, as ingested, and the
/// entries since), or `.resume` when the writer still holds every entry after the follower's
/// last change; after that, `.append` for each committed group of writes. So a follower never
/// ingests: it needs no seeds folder of its own.
public enum ReplicationUpdate: Sendable, Hashable {
    /// Start again from `seeds` (the writer's; `nil`: the follower's own) and apply `entries`
    /// (the fewest that rebuild the writer's collection, in change order): the result is the
    /// writer's collection as of `through`.
    case reset(seeds: [IngestedDocument]?, entries: [JournalEntry], through: Int)
    /// Apply `entries`, in change order: the result is the writer's collection as of `through`.
    case resume(entries: [JournalEntry], through: Int)
    /// Apply these entries, in change order, to the collection of the previous update.
    case append([JournalEntry])
}
