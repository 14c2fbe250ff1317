/// When a group of changes is applied by building a collection's indexes anew rather than
/// one document at a time.
///
/// Building is linear in the collection and runs on every core; applying costs O(log *n*) per
/// changed document on one thread, with a path copy each. A group that changes most of the
/// collection (a follower starting again from its writer's documents, a restart's catch-up)
/// is cheaper built; a small one must never be, or a write would cost the collection.
public enum RebuildPolicy {
    /// The fewest changes ever built anew: below this, applying is cheap whatever the share.
    public static let fewestChanges = 1024

    /// Whether `changes` documents added or removed, in a collection of `collection` after them,
    /// are better built anew: at least `fewestChanges` of them, and at least half the collection.
    public static func buildsAnew(changes: Int, collection: Int, fewestChanges: Int = RebuildPolicy.fewestChanges) -> Bool {
        changes >= fewestChanges && changes * 2 >= collection
    }
}
