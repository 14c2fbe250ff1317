import DocumentModel

/// What start-up replayed from a data directory, for the start-up log.
public struct ReplaySummary: Sendable, Hashable {
    /// The data directory's path.
    public let path: String
    /// Records read from the compacted snapshot file.
    public let snapshotRecords: Int
    /// Records replayed from the journal after the snapshot.
    public let journalRecords: Int
    /// The highest change number; the next write is one more.
    public let lastChange: Int
}
